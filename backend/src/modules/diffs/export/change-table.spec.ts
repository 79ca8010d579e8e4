import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { diffVersions, type ItemDecision, type VersionItem } from '@dutylist/shared';
import { buildChangeTableDocx } from './build-change-docx';
import { buildChangeTableXlsx } from './build-change-xlsx';
import { CHANGE_TABLE_COLUMNS, changeReason, changeRows } from './change-table';

const item = (id: string, seq: number, name: string, extra: Partial<VersionItem> = {}): VersionItem => ({
  id: `00000000-0000-4000-8000-00000000000${id}`,
  table: 'basic',
  seq,
  category: '党的建设',
  name,
  departments: [],
  upperDuties: '',
  townshipDuties: '',
  undertaker: '',
  ...extra,
});

const decision = (itemId: string, fields: Partial<ItemDecision>): ItemDecision =>
  ({ itemId, decision: 'returned', reason: null, response: null, ...fields }) as ItemDecision;

const before = [
  item('1', 1, '负责本镇党建工作'),
  item('2', 2, '负责本镇网络安全宣传教育工作'),
  item('3', 3, '负责本镇殡葬管理'),
  item('4', 4, '待删除的事项'),
];
const after = [
  item('9', 1, '新增的事项', { category: '民生服务' }),
  item('1', 2, '负责本镇党建工作'),
  item('2', 3, '负责全镇网络安全宣传教育和培训工作'),
  item('3', 1, '负责本镇殡葬管理', { table: 'revoked', undertaker: '县民政局' }),
];

describe('the 修改对照表', () => {
  const diff = diffVersions(before, after);
  const reasons = new Map([
    [before[1].id, [decision(before[1].id, { reason: '表述不准确', response: '已按意见改为全镇' })]],
    [before[2].id, [decision(before[2].id, { decision: 'suggested', reason: '应由县民政局承接' })]],
    [before[0].id, [decision(before[0].id, { decision: 'approved', reason: '同意' })]],
  ]);
  const rows = changeRows(diff.entries, reasons);

  it('has one row per change, without the renumbered-only item, with before → after numbers', () => {
    expect(rows).toEqual([
      {
        seq: '—→1',
        table: '基本履职事项',
        change: '新增',
        before: '',
        after: '事项类别：民生服务\n事项名称：新增的事项',
        reason: '',
      },
      {
        seq: '2→3',
        table: '基本履职事项',
        change: '修改事项名称',
        before: '负责本镇网络安全宣传教育工作',
        after: '负责全镇网络安全宣传教育和培训工作',
        reason: '已按意见改为全镇',
      },
      {
        seq: '4→—',
        table: '基本履职事项',
        change: '删除',
        before: '事项类别：党的建设\n事项名称：待删除的事项',
        after: '',
        reason: '',
      },
      {
        seq: '3→1',
        table: '基本履职事项→上级部门收回事项',
        change: '修改承接部门及工作方式；移入上级部门收回事项',
        before: '负责本镇殡葬管理',
        after: '事项名称：负责本镇殡葬管理\n承接部门及工作方式：县民政局',
        reason: '应由县民政局承接',
      },
    ]);
  });

  it("takes the township's answer first, else the reviewer's reason; approvals give no reason", () => {
    expect(changeReason([decision('x', { reason: '甲', response: null }), decision('x', { reason: '乙' })])).toBe(
      '甲；乙',
    );
    expect(changeReason([decision('x', { reason: '甲', response: '答复' })])).toBe('答复');
    expect(changeReason([decision('x', { decision: 'approved', reason: '同意' })])).toBe('');
  });

  const input = { title: '测试镇履职事项清单（2025年）修改对照表（第1轮→第2轮）', subtitle: '第1版 → 第2版', rows };

  it('reads back from .xlsx with the same rows', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildChangeTableXlsx(input)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('修改对照表');
    const values = (r: number) => (sheet?.getRow(r).values as unknown[]).slice(1).map((v) => v ?? '');
    expect(values(1)).toEqual([input.title]);
    expect(values(3)).toEqual([...CHANGE_TABLE_COLUMNS]);
    rows.forEach((row, i) => expect(values(4 + i)).toEqual(Object.values(row)));
    expect(sheet?.rowCount).toBe(3 + rows.length);
  });

  it('reads back from .docx with the title, the header and every row', async () => {
    const { value } = await mammoth.extractRawText({ buffer: await buildChangeTableDocx(input) });
    const paragraphs = value.split('\n').filter((l) => l.trim() !== '');
    expect(paragraphs[0]).toBe(input.title);
    const start = paragraphs.indexOf('序号');
    expect(paragraphs.slice(start, start + 6)).toEqual([...CHANGE_TABLE_COLUMNS]);
    expect(paragraphs).toEqual(
      expect.arrayContaining(['2→3', '负责全镇网络安全宣传教育和培训工作', '已按意见改为全镇']),
    );
  });
});
