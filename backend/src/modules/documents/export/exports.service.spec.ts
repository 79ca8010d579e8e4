import { parseDutyListDocument } from '@dutylist/shared/dist/document/parse-document';
import { type DutyListExportInput, type DutyListExportItem, toExportItem } from '@dutylist/shared';
import { renderDutyList } from './exports.service';
import { SAMPLES, actualCounts, exportInput, itemFields, parseOfficeFile, parseSample } from './test-samples';

const blank: DutyListExportItem = {
  category: null,
  name: '',
  departments: [],
  upperDuties: '',
  townshipDuties: '',
  undertaker: '',
};

describe('renderDutyList as text', () => {
  it.each(SAMPLES)('%s: UTF-8 with BOM and CRLF that the parser reads back', async (name) => {
    const original = parseSample(name);
    const bytes = await renderDutyList(exportInput(original), 'txt');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n序号\t事项类别\t事项名称\r\n1\t');
    const again = parseDutyListDocument(bytes);
    expect(again.encoding).toMatch(/utf-8/);
    expect(itemFields(again)).toEqual(itemFields(original));
    expect(again.statedCounts).toEqual(actualCounts(original));
  });
});

describe('renderDutyList on awkward content', () => {
  const input: DutyListExportInput = {
    prefecture: '昌吉回族自治州',
    county: '奇台县',
    township: '碧流河镇',
    edition: 2026,
    explanation: { basicInfo: '面积 100 平方公里。\n下辖 5 个村。', process: '' },
    items: {
      basic: [
        { ...blank, category: '党的建设', name: '名称\t带制表符\n和换行' },
        { ...blank, category: '经济发展', name: '设立<站>服务点' },
      ],
      cooperative: [
        {
          ...blank,
          category: '民生服务',
          name: '配合事项',
          departments: ['奇台县民政局', '奇台县自然资源局（林业和草原局）'],
          upperDuties: '1.指导；\r\n2.监督',
          townshipDuties: '受理',
        },
      ],
      revoked: [],
    },
  };

  it.each(['docx', 'xlsx', 'txt'] as const)('%s: cells on one line, content kept, empty table kept', async (format) => {
    const bytes = await renderDutyList(input, format);
    const doc = format === 'txt' ? parseDutyListDocument(bytes) : await parseOfficeFile(bytes);
    expect(doc.lists.basic.map((r) => r.name)).toEqual(['名称带制表符和换行', '设立<站>服务点']);
    expect(doc.lists.cooperative.map(toExportItem)).toEqual([
      {
        ...blank,
        category: '民生服务',
        name: '配合事项',
        departments: ['奇台县民政局', '奇台县自然资源局（林业和草原局）'],
        upperDuties: '1.指导； 2.监督',
        townshipDuties: '受理',
      },
    ]);
    expect(doc.lists.revoked).toEqual([]);
    expect(doc.statedCounts).toEqual({ basic: 2, cooperative: 1, revoked: 0, total: 3 });
    expect(doc.explanation?.basicInfo).toBe('面积 100 平方公里。\n下辖 5 个村。');
    expect(doc.issues.map((i) => i.code)).toEqual(['TABLE_EMPTY']);
  });
});
