import { parseDutyListDocument } from './parse-document';
import { parseHeaderRow, parseTableTitle } from './headers';

const cells = (line: string) => line.split('\t');

describe('parseHeaderRow', () => {
  it.each([
    ['序号\t事项类别\t事项名称', 'basic'],
    ['序 号\t事项 类别\t事 项 名 称', 'basic'],
    ['序号\t事项类别\t事项名称\t对应上级部门\t上级部门职责\t乡镇配合职责', 'cooperative'],
    ['序号\t事项类别\t事项名称\t对应上级部门\t上级部门职责\t镇配合职责', 'cooperative'],
    ['序号\t事项类别\t事项名称\t对应上级部门\t上级部门职责\t乡镇（街道）配合职责', 'cooperative'],
    ['序号\t事项类别\t事项名称\t承接部门及工作方式', 'revoked'],
    ['序号\t事项类别\t事项名称\t收回部门', 'revoked'],
  ])('recognises %j', (line, table) => {
    expect(parseHeaderRow(cells(line))?.table).toBe(table);
  });

  it('maps the columns by their names', () => {
    expect(
      parseHeaderRow(cells('序号\t事项类别\t事项名称\t对应上级部门\t上级部门职责\t乡镇(街道)配合职责'))?.columns,
    ).toEqual(['seq', 'category', 'name', 'departments', 'upperDuties', 'townshipDuties']);
  });

  it('rejects lines that are not headers', () => {
    expect(parseHeaderRow(cells('1\t党的建设\t事项名称'))).toBeNull();
    expect(parseHeaderRow(cells('1. 基本履职事项清单.....\t1'))).toBeNull();
  });
});

describe('parseTableTitle', () => {
  it.each([
    ['昌吉州奇台县碧流河镇配合履职事项清单', 'cooperative', false],
    ['昌吉州木垒县白杨河乡配合履责事项清单', 'cooperative', true],
    ['上级部门收回事项清单（63项）', 'revoked', false],
    ['一、基本履职事项清单', 'basic', false],
  ])('reads %s', (line, table, misspelt) => {
    expect(parseTableTitle(line)).toEqual({ table, misspelt });
  });

  it('ignores the 目录 and prose', () => {
    expect(parseTableTitle('1. 基本履职事项清单.....')).toBeNull();
    expect(parseTableTitle('基本履职事项清单是本镇必须为、负全责的事项。')).toBeNull();
  });
});

describe('table boundaries', () => {
  it('treats a bare header inside the cooperative table as its repeat, not as a new basic table', () => {
    const doc = parseDutyListDocument(
      [
        '序号\t事项类别\t事项名称\t对应上级部门\t上级部门职责\t乡镇配合职责',
        '1\t民生服务\t低保\t县民政局\t审核\t上报',
        '序号\t事项类别\t事项名称',
        '2\t民生服务\t救助\t县民政局\t审批\t走访',
      ].join('\n'),
    );
    expect(doc.lists.basic).toEqual([]);
    expect(doc.lists.cooperative.map((r) => [r.seq, r.departments, r.townshipDuties])).toEqual([
      [1, ['县民政局'], '上报'],
      [2, ['县民政局'], '走访'],
    ]);
  });

  it('only trusts a title right above its header', () => {
    const doc = parseDutyListDocument(
      ['目 录', '三、上级部门收回事项清单', '正文从下页开始', '', '序号\t事项类别\t事项名称', '1\t党的建设\t甲'].join(
        '\n',
      ),
    );
    expect(doc.issues.map((i) => i.code)).toContain('TABLE_TITLE_MISSING');
    expect(doc.issues.map((i) => i.code)).not.toContain('TABLE_TITLE_MISSPELT');
    expect(doc.lists.basic).toHaveLength(1);
  });

  it('reports a table that has a header but no rows, and a table that is missing', () => {
    const doc = parseDutyListDocument(
      ['序号\t事项类别\t事项名称', '1\t党的建设\t甲', '', '序号\t事项类别\t事项名称\t承接部门及工作方式', ''].join(
        '\n',
      ),
    );
    expect(doc.issues.map((i) => [i.code, i.list, i.line])).toEqual([
      ['TABLE_MISSING', 'cooperative', null],
      ['TITLE_INCOMPLETE', null, null],
      ['TABLE_TITLE_MISSING', 'basic', 1],
      ['TABLE_TITLE_MISSING', 'revoked', 4],
      ['TABLE_EMPTY', 'revoked', 4],
    ]);
  });
});
