import { LIST_TABLES } from '../enums';
import {
  type DutyListExportInput,
  type DutyListExportItem,
  formatDutyListText,
  generateExplanation,
  refreshStatedCounts,
  toExportItem,
} from './format-text';
import { type ParsedDutyListDocument, parseDutyListDocument } from './parse-document';
import { SAMPLE_NAMES, readSample } from './test-samples';

/** What an export must preserve of each row: everything but its line (序号 is renumbered 1..N anyway). */
function fieldsOf(doc: Pick<ParsedDutyListDocument, 'lists'>) {
  return LIST_TABLES.map((table) => doc.lists[table].map(toExportItem));
}

function inputOf(doc: ParsedDutyListDocument): DutyListExportInput {
  return {
    region: doc.region,
    prefecture: doc.prefecture,
    county: doc.county,
    township: doc.township,
    edition: 2025,
    explanation: doc.explanation ?? null,
    items: doc.lists,
  };
}

const item = (fields: Partial<DutyListExportItem>): DutyListExportItem => ({
  category: '党的建设',
  name: '事项',
  departments: [],
  upperDuties: '',
  townshipDuties: '',
  undertaker: '',
  ...fields,
});

describe('formatDutyListText round trip on the four samples', () => {
  it.each(SAMPLE_NAMES)('%s: the parser reads back the same items, title and counts', (name) => {
    const original = parseDutyListDocument(readSample(name));
    const text = formatDutyListText(inputOf(original));
    const again = parseDutyListDocument(text);

    expect(fieldsOf(again)).toEqual(fieldsOf(original));
    for (const table of LIST_TABLES) {
      expect(again.lists[table].map((r) => r.seq)).toEqual(original.lists[table].map((_, i) => i + 1));
    }
    expect([again.region, again.prefecture, again.county, again.township]).toEqual([
      original.region,
      original.prefecture,
      original.county,
      original.township,
    ]);
    const counts = LIST_TABLES.map((t) => original.lists[t].length);
    expect(again.statedCounts).toEqual({
      basic: counts[0],
      cooperative: counts[1],
      revoked: counts[2],
      total: counts[0] + counts[1] + counts[2],
    });
    // Nothing the parser doubts: no warnings or errors, and none of the row-level notes.
    expect(again.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(again.issues.map((i) => i.code)).not.toContain('ROW_CONTINUED');
    // Formatting what was read back gives the same text (the layout is stable).
    expect(formatDutyListText(inputOf(again))).toBe(text);
  });

  it('keeps the stored 基本情况 and 编制过程 of 阿合奇镇 and regenerates 清单内容', () => {
    const original = parseDutyListDocument(readSample('aheqi'));
    const again = parseDutyListDocument(formatDutyListText(inputOf(original)));
    expect(again.explanation?.basicInfo).toBe(original.explanation?.basicInfo);
    expect(again.explanation?.process).toBe(original.explanation?.process);
    expect(again.explanation?.area).toBe('1457.56 平方公里');
    // The sample states 38; its cooperative table names 41 (counted from the data, brackets normalised).
    expect(again.explanation?.content).toContain('共有配合履职事项 127 项，涉及 41 个部门（单位）');
    // The 目录 closes the 说明: the first table's title is not read as part of it.
    expect(again.explanation?.content).toBe(generateExplanation(inputOf(original)).sections[2].paragraphs.join('\n'));
  });
});

describe('formatDutyListText layout', () => {
  const input: DutyListExportInput = {
    prefecture: '昌吉回族自治州',
    county: '奇台县',
    township: '碧流河镇',
    edition: 2026,
    items: {
      basic: [item({ category: '经济发展', name: '名称\t带制表符\n和换行 ABC\nDEF' }), item({ category: '党的建设' })],
      cooperative: [
        item({
          departments: ['奇台县民政局', '奇台县公安局'],
          upperDuties: '1.指导；\n2.监督',
          townshipDuties: '配合',
        }),
        item({ category: '民生服务', departments: ['奇台县民政局', '奇台县自然资源局(林草局)'], upperDuties: '审核' }),
        item({ category: '民生服务', departments: ['奇台县自然资源局（林草局）'], townshipDuties: '受理' }),
      ],
      revoked: [],
    },
  };

  it('writes the title block, the 说明, each table with its title, header and rows', () => {
    const lines = formatDutyListText(input).split('\n');
    expect(lines.slice(0, 4)).toEqual(['新疆维吾尔自治区昌吉回族自治州', '奇台县碧流河镇', '履职事项清单', '2026年']);
    expect(lines).toContain('说明');
    expect(lines).toContain('一、清单内容');
    expect(lines).toContain(
      '碧流河镇共有履职事项 5 项，其中，基本履职事项 2 项、配合履职事项 3 项、上级部门收回事项 0 项。',
    );
    const basicTitle = lines.indexOf('奇台县碧流河镇基本履职事项清单');
    expect(lines.slice(basicTitle + 2, basicTitle + 5)).toEqual([
      '序号\t事项类别\t事项名称',
      '1\t经济发展\t名称带制表符和换行 ABC DEF',
      '2\t党的建设\t事项',
    ]);
    const coopTitle = lines.indexOf('奇台县碧流河镇配合履职事项清单');
    expect(lines.slice(coopTitle + 2, coopTitle + 4)).toEqual([
      '序号\t事项类别\t事项名称\t对应上级部门\t上级部门职责\t乡镇配合职责',
      '1\t党的建设\t事项\t奇台县民政局、奇台县公安局\t1.指导； 2.监督\t配合',
    ]);
    const revokedTitle = lines.indexOf('奇台县碧流河镇上级部门收回事项清单');
    expect(lines[revokedTitle + 2]).toBe('序号\t事项类别\t事项名称\t承接部门及工作方式');
    expect(lines[revokedTitle + 3]).toBe('');
  });

  it('states the categories in the standard order and counts the departments once each', () => {
    const content = generateExplanation(input).sections.at(-1)!;
    expect(content.heading).toBe('一、清单内容');
    expect(content.paragraphs[1]).toBe(
      '基本履职事项清单是本镇必须为、负全责的事项。主要包括党的建设、经济发展 2 个类别，共有基本履职事项 2 项。',
    );
    expect(content.paragraphs[2]).toContain(
      '主要包括党的建设、民生服务 2 个类别，共有配合履职事项 3 项，涉及 3 个部门（单位）。',
    );
    expect(content.paragraphs[3]).toContain('本清单暂无事项。');
    const parsed = parseDutyListDocument(formatDutyListText(input));
    expect(parsed.statedCounts).toEqual({ basic: 2, cooperative: 3, revoked: 0, total: 5 });
    expect(parsed.issues.filter((i) => i.code === 'COUNT_MISMATCH' || i.severity === 'error')).toEqual([]);
  });

  it('numbers the stored sections and brings counts stated in them up to date', () => {
    const explanation = generateExplanation({
      ...input,
      township: '白杨河乡',
      explanation: {
        basicInfo: '白杨河乡面积 100 平方公里。\n\n下辖 5 个村。',
        process:
          '形成清单，共有履职事项 309 项，其中，基本履职事项 119 项、配合履职事项 127 项、上级部门收回事项 63 项。',
      },
    });
    expect(explanation.sections.map((s) => s.heading)).toEqual(['一、基本情况', '二、编制过程', '三、清单内容']);
    expect(explanation.sections[0].paragraphs).toEqual(['白杨河乡面积 100 平方公里。', '下辖 5 个村。']);
    expect(explanation.sections[1].paragraphs[0]).toBe(
      '形成清单，共有履职事项 5 项，其中，基本履职事项 2 项、配合履职事项 3 项、上级部门收回事项 0 项。',
    );
    expect(explanation.sections[2].paragraphs[1]).toContain('是本乡必须为');
  });

  it('refreshStatedCounts leaves text without counts alone', () => {
    const counts = { basic: 1, cooperative: 2, revoked: 3 };
    expect(refreshStatedCounts('基本履职事项清单是本镇必须为的事项。', counts)).toBe(
      '基本履职事项清单是本镇必须为的事项。',
    );
    expect(refreshStatedCounts('履职事项共 9 项，收回事项 8 项', counts)).toBe('履职事项共 6 项，收回事项 3 项');
  });
});
