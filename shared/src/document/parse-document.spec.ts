import { LIST_TABLES } from '../enums';
import { NotADutyListError } from './document-error';
import { parseDutyListDocument } from './parse-document';
import { type SampleName, readSample } from './test-samples';

interface Expected {
  title: [string, string, string];
  counts: [number, number, number];
  lastBasic: string;
  multi: { seq: number; departments: string[] };
}

const EXPECTED: Record<SampleName, Expected> = {
  biliuhe: {
    title: ['昌吉回族自治州', '奇台县', '碧流河镇'],
    counts: [109, 98, 37],
    lastBasic: '负责本镇便民服务中心建设',
    multi: { seq: 6, departments: ['奇台县委组织部', '奇台县委编办', '奇台县人力资源和社会保障局'] },
  },
  santai: {
    title: ['昌吉回族自治州', '吉木萨尔县', '三台镇'],
    counts: [108, 102, 31],
    lastBasic: '负责本镇便民服务中心建设',
    multi: { seq: 6, departments: ['吉木萨尔县委组织部', '吉木萨尔县委编办', '吉木萨尔县人力资源和社会保障局'] },
  },
  aheqi: {
    title: ['克孜勒苏柯尔克孜自治州', '阿合奇县', '阿合奇镇'],
    counts: [119, 127, 63],
    lastBasic: '负责 12345 政务服务便民热线',
    multi: { seq: 5, departments: ['阿合奇县委组织部', '阿合奇县人力资源和社会保障局', '阿合奇县委编办'] },
  },
  baiyanghe: {
    title: ['昌吉回族自治州', '木垒县', '白杨河乡'],
    counts: [106, 102, 37],
    lastBasic: '负责本乡便民服务中心建设',
    multi: { seq: 6, departments: ['木垒县委组织部', '木垒县委机构编制委员会办公室', '木垒县人力资源和社会保障局'] },
  },
};

describe.each(Object.entries(EXPECTED) as [SampleName, Expected][])(
  'parseDutyListDocument on sample %s',
  (name, expected) => {
    const doc = parseDutyListDocument(readSample(name));

    it('reads the title block with the full prefecture name', () => {
      expect([doc.region, doc.prefecture, doc.county, doc.township]).toEqual(['新疆维吾尔自治区', ...expected.title]);
    });

    it('finds every row of the three tables, numbered 1..N', () => {
      expect(LIST_TABLES.map((t) => doc.lists[t].length)).toEqual(expected.counts);
      for (const table of LIST_TABLES) {
        expect(doc.lists[table].map((r) => r.seq)).toEqual(doc.lists[table].map((_, i) => i + 1));
      }
    });

    it('reads the first and last items', () => {
      expect(doc.lists.basic[0]).toMatchObject({ seq: 1, category: '党的建设' });
      expect(doc.lists.basic[0].name).toMatch(/^深入学习贯彻习近平新时代中国特色社会主义思想/);
      const last = doc.lists.basic[doc.lists.basic.length - 1];
      expect(last.category).toBe('综合政务');
      expect(last.name.startsWith(expected.lastBasic)).toBe(true);
      expect(doc.lists.cooperative[0]).toMatchObject({ seq: 1, category: '党的建设' });
      expect(doc.lists.cooperative[0].name).toMatch(/^推荐县级以上党代表/);
      expect(doc.lists.cooperative[doc.lists.cooperative.length - 1].category).toBe('教育培训监管');
      expect(doc.lists.revoked[0].undertaker.length).toBeGreaterThan(0);
    });

    it('splits a multi-department cell on 、', () => {
      const row = doc.lists.cooperative.find((r) => r.seq === expected.multi.seq);
      expect(row?.departments).toEqual(expected.multi.departments);
    });

    it('gives every row a known category and a name, and keeps no markup', () => {
      for (const table of LIST_TABLES) {
        for (const row of doc.lists[table]) {
          expect(row.category).not.toBeNull();
          expect(row.name).not.toBe('');
          expect(`${row.name}${row.upperDuties}${row.townshipDuties}${row.undertaker}`).not.toMatch(/<\/?(?:p|ol)\b/);
        }
      }
    });

    it('reports no error on a clean document', () => {
      expect(doc.issues.filter((i) => i.severity === 'error')).toEqual([]);
    });
  },
);

describe('parseDutyListDocument specifics of the samples', () => {
  it('reads the counts stated in the 说明 of 阿合奇镇 and its explanation', () => {
    const doc = parseDutyListDocument(readSample('aheqi'));
    expect(doc.statedCounts).toEqual({ basic: 119, cooperative: 127, revoked: 63, total: 309 });
    expect(doc.explanation?.area).toBe('1457.56 平方公里');
    expect(doc.explanation?.content).toContain('共有基本履职事项 119 项');
    expect(parseDutyListDocument(readSample('biliuhe')).statedCounts).toBeNull();
  });

  it('keeps <站> as content (阿合奇镇 basic 118)', () => {
    const row = parseDutyListDocument(readSample('aheqi')).lists.basic[117];
    expect(row).toMatchObject({ seq: 118, line: 173, name: '政务标准化、规范化（便民服务中心<站>）建设及运行' });
  });

  it('merges the line spilled after a page break into its row and reports it (阿合奇镇 cooperative 78)', () => {
    const doc = parseDutyListDocument(readSample('aheqi'));
    const row = doc.lists.cooperative.find((r) => r.seq === 78);
    expect(row?.line).toBe(296);
    expect(row?.townshipDuties).toContain('阿合奇县农业农村局: 负责畜禽粪污资源化利用');
    expect(row?.townshipDuties.endsWith('4.依法处理受举报的违法行为。')).toBe(true);
    expect(doc.issues).toContainEqual(
      expect.objectContaining({ code: 'CONTINUATION_AMBIGUOUS', line: 298, list: 'cooperative', seq: 78 }),
    );
  });

  it('moves duty text found in the department column and says so (白杨河乡 cooperative, line 280)', () => {
    const doc = parseDutyListDocument(readSample('baiyanghe'));
    const row = doc.lists.cooperative.find((r) => r.line === 280);
    expect(row?.departments).toEqual(['木垒县委宣传部', '木垒县文化体育广播电视台和旅游局']);
    expect(row?.upperDuties.startsWith('县文化体育广播电视台和旅游局 指导白杨河乡分类整理图书编目。')).toBe(true);
    expect(doc.issues).toContainEqual(
      expect.objectContaining({ code: 'COLUMN_SHIFT', line: 280, severity: 'warning' }),
    );
  });

  it('notes the misspelt table title 配合履责事项清单 (白杨河乡)', () => {
    const doc = parseDutyListDocument(readSample('baiyanghe'));
    expect(doc.issues).toContainEqual(
      expect.objectContaining({ code: 'TABLE_TITLE_MISSPELT', line: 147, list: 'cooperative' }),
    );
  });
});

describe('parseDutyListDocument on inputs that are not duty lists', () => {
  it.each([
    ['empty text', '', 'EMPTY'],
    ['white space', ' \n\n\t\n', 'EMPTY'],
    ['empty bytes', new Uint8Array(0), 'EMPTY'],
    ['binary bytes', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'BINARY'],
    ['prose without a table', '关于做好2025年春耕工作的通知\n\n各村：\n请按时完成。', 'NO_TABLE'],
  ])('rejects %s with a typed error', (_label, input, reason) => {
    expect(() => parseDutyListDocument(input)).toThrow(NotADutyListError);
    try {
      parseDutyListDocument(input);
    } catch (error) {
      expect(error).toMatchObject({ reason, name: 'NotADutyListError' });
      expect((error as Error).message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
