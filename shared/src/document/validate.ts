import {
  CATEGORIES,
  LIST_TABLE_LABELS,
  LIST_TABLE_SHORT_LABELS,
  LIST_TABLES,
  type ListTable,
  isCategory,
} from '../enums';
import { compact } from './headers';
import { type DutyListIssue, type DutyListIssueCode, issue } from './issues';

/** The fields the rules look at; parsed rows and drafts edited in the app both fit. */
export interface ValidatableItem {
  seq?: number | null;
  category: string | null;
  name: string;
  departments?: readonly string[];
  upperDuties?: string;
  townshipDuties?: string;
  undertaker?: string;
  line?: number | null;
}

export interface ValidatableCounts {
  basic: number | null;
  cooperative: number | null;
  revoked: number | null;
  total: number | null;
}

const DEPARTMENT_END = /(?:局|委员会|委|办公室|办|院|队|站|中心|部|所|政府|公司|台|厅|会|处|科|团|庭|馆|社)$/;

/** Normalised name for duplicate detection: no spaces, no punctuation, half-width. */
export function normaliseItemName(name: string): string {
  return compact(name)
    .replace(/<\/?[a-z][^<>]*>/gi, '')
    .replace(/[\p{P}\p{S}]/gu, '');
}

function looksLikeDepartments(text: string): boolean {
  const parts = compact(text)
    .split(/[、,;；]/)
    .filter(Boolean);
  return parts.length > 0 && parts.every((p) => p.length <= 30 && DEPARTMENT_END.test(p) && /[县州市区旗]/.test(p));
}

function where(table: ListTable, item: ValidatableItem, index: number) {
  const label = item.line ? `第 ${item.line} 行` : `${LIST_TABLE_SHORT_LABELS[table]}第 ${index + 1} 项`;
  return { at: { line: item.line ?? null, list: table, seq: item.seq ?? null }, label };
}

function checkItem(table: ListTable, item: ValidatableItem, index: number, out: DutyListIssue[]): void {
  const { at, label } = where(table, item, index);
  const category = item.category?.trim() ?? '';
  if (!category) out.push(issue('error', 'CATEGORY_BLANK', `${label}：事项类别为空`, at));
  else if (!isCategory(category))
    out.push(issue('error', 'CATEGORY_UNKNOWN', `${label}：事项类别“${category}”不是 23 个标准类别之一`, at));
  const name = item.name.trim();
  if (!name) out.push(issue('error', 'NAME_BLANK', `${label}：事项名称为空`, at));
  else if (isCategory(compact(name)))
    out.push(issue('warning', 'COLUMN_SHIFT', `${label}：事项名称“${name}”是一个事项类别，疑似错列`, at));
  else if (table === 'cooperative' && looksLikeDepartments(name)) {
    out.push(issue('warning', 'COLUMN_SHIFT', `${label}：事项名称“${name.slice(0, 20)}”像是部门名称，疑似错列`, at));
  }
  if (table === 'cooperative') {
    const departments = item.departments ?? [];
    if (departments.length === 0)
      out.push(issue('error', 'DEPARTMENT_MISSING', `${label}：配合履职事项未填写对应上级部门`, at));
    const odd = departments.find((d) => d.length > 40 || /[。；;]|^\d/.test(d));
    if (odd)
      out.push(
        issue('warning', 'COLUMN_SHIFT', `${label}：对应上级部门“${odd.slice(0, 20)}…”不像部门名称，疑似错列`, at),
      );
    if (!item.upperDuties?.trim() && !item.townshipDuties?.trim()) {
      out.push(issue('warning', 'DUTIES_MISSING', `${label}：上级部门职责和乡镇配合职责均为空`, at));
    } else if (departments.length === 0 && item.upperDuties && looksLikeDepartments(item.upperDuties)) {
      out.push(issue('warning', 'COLUMN_SHIFT', `${label}：上级部门职责列是部门名称，疑似错列`, at));
    }
  }
  if (table === 'revoked' && !item.undertaker?.trim()) {
    out.push(issue('warning', 'UNDERTAKER_MISSING', `${label}：收回事项未填写承接部门及工作方式`, at));
  }
}

function checkNumbering(table: ListTable, items: readonly ValidatableItem[], out: DutyListIssue[]): void {
  const seen = new Set<number>();
  let previous: number | null = null;
  items.forEach((item, index) => {
    const seq = item.seq;
    if (seq === null || seq === undefined) return;
    const { at, label } = where(table, item, index);
    if (previous === null && seq !== 1)
      out.push(
        issue(
          'warning',
          'SEQ_NOT_FROM_ONE',
          `${label}：${LIST_TABLE_LABELS[table]}的序号从 ${seq} 开始，应从 1 开始`,
          at,
        ),
      );
    if (seen.has(seq)) out.push(issue('error', 'SEQ_DUPLICATE', `${label}：序号 ${seq} 重复`, at));
    else if (previous !== null && seq > previous + 1) {
      const missing = seq - previous === 2 ? `${previous + 1}` : `${previous + 1}–${seq - 1}`;
      out.push(issue('warning', 'SEQ_GAP', `${label}：序号从 ${previous} 跳到 ${seq}，缺少 ${missing}`, at));
    } else if (previous !== null && seq < previous) {
      out.push(issue('warning', 'SEQ_GAP', `${label}：序号 ${seq} 排在 ${previous} 之后，顺序错乱`, at));
    }
    seen.add(seq);
    previous = seq;
  });
}

function checkCategoryOrder(table: ListTable, items: readonly ValidatableItem[], out: DutyListIssue[]): void {
  let highest = -1;
  let highestName = '';
  items.forEach((item, index) => {
    const rank = item.category ? (CATEGORIES as readonly string[]).indexOf(item.category) : -1;
    if (rank < 0) return;
    if (rank < highest) {
      const { at, label } = where(table, item, index);
      out.push(
        issue(
          'warning',
          'CATEGORY_OUT_OF_ORDER',
          `${label}：类别“${item.category}”出现在“${highestName}”之后，不符合类别分组顺序`,
          at,
        ),
      );
    } else {
      highest = rank;
      highestName = item.category ?? '';
    }
  });
}

function checkCounts(
  lists: Record<ListTable, readonly ValidatableItem[]>,
  stated: ValidatableCounts,
  out: DutyListIssue[],
): void {
  let sum = 0;
  let allStated = true;
  for (const table of LIST_TABLES) {
    const count = stated[table];
    sum += lists[table].length;
    if (count === null) {
      allStated = false;
      continue;
    }
    if (count !== lists[table].length) {
      out.push(
        issue(
          'error',
          'COUNT_MISMATCH',
          `说明中${LIST_TABLE_SHORT_LABELS[table]}为 ${count} 项，清单实有 ${lists[table].length} 项`,
          { list: table },
        ),
      );
    }
  }
  if (stated.total === null) return;
  const statedSum = (stated.basic ?? 0) + (stated.cooperative ?? 0) + (stated.revoked ?? 0);
  if (allStated && statedSum !== stated.total) {
    out.push(issue('error', 'TOTAL_MISMATCH', `说明中履职事项总数 ${stated.total} 项与各类之和 ${statedSum} 项不符`));
  } else if (!allStated && stated.total !== sum) {
    out.push(issue('error', 'TOTAL_MISMATCH', `说明中履职事项共 ${stated.total} 项，清单实有 ${sum} 项`));
  }
}

function checkDuplicates(lists: Record<ListTable, readonly ValidatableItem[]>, out: DutyListIssue[]): void {
  const firstSeen = new Map<string, { table: ListTable; item: ValidatableItem; index: number }>();
  for (const table of LIST_TABLES) {
    lists[table].forEach((item, index) => {
      const key = normaliseItemName(item.name);
      if (!key) return;
      const first = firstSeen.get(key);
      if (!first) {
        firstSeen.set(key, { table, item, index });
        return;
      }
      const { at, label } = where(table, item, index);
      const other = where(first.table, first.item, first.index).label;
      if (first.table === table) {
        out.push(issue('warning', 'DUPLICATE_IN_TABLE', `${label}：事项“${item.name.slice(0, 30)}”与${other}重复`, at));
      } else {
        out.push(
          issue(
            'warning',
            'DUPLICATE_ACROSS_TABLES',
            `${label}：事项“${item.name.slice(0, 30)}”同时出现在${LIST_TABLE_LABELS[first.table]}（${other}）和${LIST_TABLE_LABELS[table]}`,
            at,
          ),
        );
      }
    });
  }
}

/**
 * The rules a duty list must satisfy, for imported documents and for drafts edited in the app:
 * categories, names, numbering, stated counts, departments, duplicates and suspected column shifts.
 */
export function validateDutyList(
  lists: Record<ListTable, readonly ValidatableItem[]>,
  statedCounts?: ValidatableCounts | null,
): DutyListIssue[] {
  const out: DutyListIssue[] = [];
  for (const table of LIST_TABLES) {
    lists[table].forEach((item, index) => checkItem(table, item, index, out));
    checkNumbering(table, lists[table], out);
    checkCategoryOrder(table, lists[table], out);
  }
  if (statedCounts) checkCounts(lists, statedCounts, out);
  checkDuplicates(lists, out);
  return out;
}

/** Issues a parser finding makes redundant (the parser's message says more). */
const SUPERSEDES: Partial<Record<DutyListIssueCode, DutyListIssueCode[]>> = {
  CATEGORY_UNKNOWN: ['CATEGORY_BLANK', 'CATEGORY_UNKNOWN'],
  COLUMN_SHIFT: ['COLUMN_SHIFT'],
};

/** Parser issues plus validation issues, without repeats, ordered by line. */
export function mergeIssues(parsed: DutyListIssue[], validation: DutyListIssue[]): DutyListIssue[] {
  const covered = new Set(parsed.flatMap((p) => (SUPERSEDES[p.code] ?? []).map((c) => `${c}|${p.list}|${p.line}`)));
  const merged = [...parsed, ...validation.filter((v) => !covered.has(`${v.code}|${v.list}|${v.line}`))];
  return merged
    .map((value, index) => ({ value, index }))
    .sort((a, b) => (a.value.line ?? 0) - (b.value.line ?? 0) || a.index - b.index)
    .map((e) => e.value);
}
