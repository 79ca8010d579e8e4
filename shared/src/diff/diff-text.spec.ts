import DiffMatchPatch from 'diff-match-patch';
import { diffText } from './diff-text';

describe('diffText', () => {
  it('shows a reworded Chinese name as kept, deleted and inserted phrases', () => {
    expect(diffText('负责本镇农村“四老”人员服务管理工作', '负责全镇农村“四老”人员服务管理工作')).toEqual([
      { op: 'equal', text: '负责' },
      { op: 'delete', text: '本' },
      { op: 'insert', text: '全' },
      { op: 'equal', text: '镇农村“四老”人员服务管理工作' },
    ]);
  });

  it('merges scattered one-character matches into whole phrases (cleanupSemantic)', () => {
    const before = '开展农村人居环境整治工作';
    const after = '组织农田水利设施建设工作';
    const raw = new DiffMatchPatch().diff_main(before, after);
    expect(raw.length).toBeGreaterThan(4); // the raw character diff is confetti: 农 and 设 matched alone
    expect(diffText(before, after)).toEqual([
      { op: 'delete', text: '开展农村人居环境整治' },
      { op: 'insert', text: '组织农田水利设施建设' },
      { op: 'equal', text: '工作' },
    ]);
  });

  it('keeps an insertion inside the text in one piece, and handles empty sides', () => {
    expect(diffText('负责本镇网络安全宣传教育工作', '负责本镇网络安全宣传教育和培训工作')).toEqual([
      { op: 'equal', text: '负责本镇网络安全宣传教育' },
      { op: 'insert', text: '和培训' },
      { op: 'equal', text: '工作' },
    ]);
    expect(diffText('', '新增')).toEqual([{ op: 'insert', text: '新增' }]);
    expect(diffText('同', '同')).toEqual([{ op: 'equal', text: '同' }]);
  });
});
