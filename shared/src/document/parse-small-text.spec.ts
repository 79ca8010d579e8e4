import { parseDutyListDocument } from './parse-document';

const sample = [
  '新疆维吾尔自治区昌吉回族自治州',
  '奇台县碧流河镇',
  '履职事项清单',
  '',
  '序号\t事项类别\t事项名称',
  '1\t党的建设\t加强党的建设',
  '2\t经济发展\t<p>发展经济</p>',
  '',
  '碧流河镇配合履职事项清单',
  '序号\t事项类别\t事项名称\t对应上级部门\t上级部门职责\t乡镇配合职责',
  '1\t民生服务\t低保\t奇台县民政局、奇台县公安局\t审核\t<p>1.上报；</p>',
  '2.走访<站>点',
  '第 14 页, 共 43 页',
  '序号\t事项类别\t事项名称\t承接部门及工作方式',
  '1\t党的建设\t收回事项\t县委组织部负责',
].join('\n');

describe('parseDutyListDocument on a small text', () => {
  const doc = parseDutyListDocument(sample);

  it('reads the title block with full names', () => {
    expect(doc).toMatchObject({
      region: '新疆维吾尔自治区',
      prefecture: '昌吉回族自治州',
      county: '奇台县',
      township: '碧流河镇',
    });
  });

  it('finds the three tables by their header rows', () => {
    expect(doc.lists.basic.map((r) => r.name)).toEqual(['加强党的建设', '发展经济']);
    expect(doc.lists.cooperative).toHaveLength(1);
    expect(doc.lists.revoked[0]).toMatchObject({ seq: 1, undertaker: '县委组织部负责', line: 15 });
  });

  it('splits departments and merges continued rows, keeping <站>', () => {
    const row = doc.lists.cooperative[0];
    expect(row.departments).toEqual(['奇台县民政局', '奇台县公安局']);
    expect(row.townshipDuties).toBe('1.上报； 2.走访<站>点');
  });
});
