import { DUTY_LIST_ISSUE_CODES } from './issues';
import { type ValidatableItem, normaliseItemName, validateDutyList } from './validate';

function lists(partial: { basic?: ValidatableItem[]; cooperative?: ValidatableItem[]; revoked?: ValidatableItem[] }) {
  return { basic: partial.basic ?? [], cooperative: partial.cooperative ?? [], revoked: partial.revoked ?? [] };
}

const coop = (seq: number, name: string, departments: string[] = ['奇台县民政局']): ValidatableItem => ({
  seq,
  category: '民生服务',
  name,
  departments,
  upperDuties: '审核',
  townshipDuties: '上报',
});

describe('validateDutyList', () => {
  it('finds nothing wrong in a clean draft', () => {
    const issues = validateDutyList(
      lists({
        basic: [
          { seq: 1, category: '党的建设', name: '加强党的建设' },
          { seq: 2, category: '经济发展', name: '发展经济' },
        ],
        cooperative: [coop(1, '低保审核')],
        revoked: [{ seq: 1, category: '市场监管', name: '无照经营处罚', undertaker: '县市场监管局负责' }],
      }),
      { basic: 2, cooperative: 1, revoked: 1, total: 4 },
    );
    expect(issues).toEqual([]);
  });

  it('reports blank and unknown categories and blank names', () => {
    const issues = validateDutyList(
      lists({
        basic: [
          { seq: 1, category: null, name: '甲' },
          { seq: 2, category: '党建工作', name: '乙' },
          { seq: 3, category: '党的建设', name: '  ' },
        ],
      }),
    );
    expect(issues.map((i) => [i.code, i.seq, i.severity])).toEqual([
      ['CATEGORY_BLANK', 1, 'error'],
      ['CATEGORY_UNKNOWN', 2, 'error'],
      ['NAME_BLANK', 3, 'error'],
    ]);
    expect(issues[1].message).toContain('党建工作');
  });

  it('reports gaps, duplicates and numbering that does not start at 1', () => {
    const item = (seq: number, name: string): ValidatableItem => ({ seq, category: '党的建设', name });
    const issues = validateDutyList(lists({ basic: [item(2, 'a'), item(3, 'b'), item(5, 'c'), item(5, 'd')] }));
    expect(issues.map((i) => [i.code, i.seq])).toEqual([
      ['SEQ_NOT_FROM_ONE', 2],
      ['SEQ_GAP', 5],
      ['SEQ_DUPLICATE', 5],
    ]);
    expect(issues[1].message).toContain('缺少 4');
  });

  it('compares the stated counts with each table', () => {
    const issues = validateDutyList(lists({ basic: [{ seq: 1, category: '党的建设', name: '甲' }] }), {
      basic: 2,
      cooperative: 0,
      revoked: null,
      total: 5,
    });
    expect(issues.map((i) => [i.code, i.list])).toEqual([
      ['COUNT_MISMATCH', 'basic'],
      ['TOTAL_MISMATCH', null],
    ]);
    expect(issues[0].message).toBe('说明中基本履职事项为 2 项，清单实有 1 项');
  });

  it('requires a department on cooperative items and flags a department column holding duty text', () => {
    const issues = validateDutyList(
      lists({ cooperative: [coop(1, '甲', []), coop(2, '乙', ['奇台县民政局', '负责审核并上报。'])] }),
    );
    expect(issues.map((i) => [i.code, i.seq])).toEqual([
      ['DEPARTMENT_MISSING', 1],
      ['COLUMN_SHIFT', 2],
    ]);
  });

  it('finds the same item in one table and across tables by normalised name', () => {
    const issues = validateDutyList(
      lists({
        basic: [
          { seq: 1, category: '民生服务', name: '低保审核（初审）' },
          { seq: 2, category: '民生服务', name: '低保 审核(初审)' },
        ],
        cooperative: [coop(1, '低保审核，初审')],
      }),
    );
    expect(issues.map((i) => [i.code, i.list, i.seq])).toEqual([
      ['DUPLICATE_IN_TABLE', 'basic', 2],
      ['DUPLICATE_ACROSS_TABLES', 'cooperative', 1],
    ]);
    expect(normaliseItemName('低保 审核（初审）')).toBe('低保审核初审');
  });

  it('suspects a column shift when the name is a category or a department list', () => {
    const issues = validateDutyList(
      lists({
        basic: [{ seq: 1, category: '党的建设', name: '党的建设' }],
        cooperative: [coop(1, '奇台县民政局、奇台县公安局')],
      }),
    );
    expect(issues.map((i) => [i.code, i.list])).toEqual([
      ['COLUMN_SHIFT', 'basic'],
      ['COLUMN_SHIFT', 'cooperative'],
    ]);
  });

  it('flags categories out of the fixed grouping order and items without duties or undertaker', () => {
    const issues = validateDutyList(
      lists({
        basic: [
          { seq: 1, category: '经济发展', name: '甲' },
          { seq: 2, category: '党的建设', name: '乙' },
        ],
        cooperative: [{ seq: 1, category: '民生服务', name: '丙', departments: ['县民政局'] }],
        revoked: [{ seq: 1, category: '市场监管', name: '丁', undertaker: '' }],
      }),
    );
    expect(issues.map((i) => i.code)).toEqual(['CATEGORY_OUT_OF_ORDER', 'DUTIES_MISSING', 'UNDERTAKER_MISSING']);
  });

  it('locates issues of drafts without lines by table and position', () => {
    const [first] = validateDutyList(lists({ revoked: [{ category: '市场监管', name: '', undertaker: 'x' }] }));
    expect(first).toEqual({
      severity: 'error',
      code: 'NAME_BLANK',
      line: null,
      list: 'revoked',
      seq: null,
      message: '上级部门收回事项第 1 项：事项名称为空',
    });
  });

  it('exports every code as a stable constant', () => {
    expect(DUTY_LIST_ISSUE_CODES.CATEGORY_INFERRED).toBe('CATEGORY_INFERRED');
    for (const [key, value] of Object.entries(DUTY_LIST_ISSUE_CODES)) expect(key).toBe(value);
  });
});
