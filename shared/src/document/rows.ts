import { CATEGORIES, type Category, type ListTable, isCategory } from '../enums';
import { type ColumnField, compact } from './headers';
import { type DutyListIssue, issue } from './issues';
import { cleanCell, removeSpaces } from './normalize';
import { joinSpill, removeSpacesInsideWords } from './text';

/** One row of a table as read from a document (all fields present; unused ones empty). */
export interface DutyListRow {
  seq: number;
  category: Category | null;
  name: string;
  departments: string[];
  upperDuties: string;
  townshipDuties: string;
  undertaker: string;
  /** 1-based line of the row in the text (row number for spreadsheets). */
  line: number;
}

/** A row while it is being read: its raw cells, which later lines may extend. */
export interface RawRow {
  line: number;
  cells: string[];
  columns: ColumnField[];
  /** The number given to a row whose 序号 could not be read. */
  seq?: number;
  /** Set when a continuation already reported that it overflowed the columns. */
  overflowReported?: boolean;
}

/** What finishing a row found out, used when categories are inferred for the whole table. */
export interface FinishedRow {
  row: DutyListRow;
  /** The category cell when it held something that is not one of the 23 categories. */
  garbledCategory: string | null;
}

const SPILL_MARK = /[。；;：:，,]|\d+[.、]/;
const DEPARTMENT_SEPARATORS = /[、，,；;/]/;

/** Split on 、 ， ； / outside brackets, so `县委组织部（县委编办、县人社局）` stays one department. */
function splitOutsideBrackets(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '（' || ch === '(' || ch === '【' || ch === '[') depth += 1;
    else if ((ch === '）' || ch === ')' || ch === '】' || ch === ']') && depth > 0) depth -= 1;
    else if (depth === 0 && DEPARTMENT_SEPARATORS.test(ch)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Split a 对应上级部门 cell; text after a space in the last department that reads like a duty spilled over. */
function splitDepartmentCell(cell: string): { departments: string[]; spill: string; spaces: boolean } {
  const parts = splitOutsideBrackets(cleanCell(cell))
    .map((p) => p.trim())
    .filter(Boolean);
  let spill = '';
  let spaces = false;
  const departments = parts.map((part, index) => {
    const space = part.search(/\s/);
    if (space < 0) return part;
    const tail = part.slice(space).trim();
    if (index === parts.length - 1 && (SPILL_MARK.test(tail) || tail.length >= 20)) {
      spill = tail;
      return part.slice(0, space);
    }
    spaces = true;
    return removeSpaces(part);
  });
  return { departments: departments.filter(Boolean), spill, spaces };
}

const LAST_TEXT_FIELD: Record<ListTable, ColumnField> = {
  basic: 'name',
  cooperative: 'townshipDuties',
  revoked: 'undertaker',
};

/** Turn the raw cells of a row into fields, reporting shifted columns and OCR spaces. */
export function finishRow(table: ListTable, raw: RawRow, issues: DutyListIssue[]): FinishedRow {
  const cells = raw.cells.slice();
  const columns = raw.columns;
  const seq = raw.seq ?? Number(compact(cells[0]).replace(/[.、]$/, ''));
  const at = { line: raw.line, list: table, seq };
  const catIndex = columns.indexOf('category');
  const nameIndex = columns.indexOf('name');

  // A blank category cell followed by a category in the name column: the row is shifted right.
  if (
    catIndex >= 0 &&
    nameIndex === catIndex + 1 &&
    !compact(cells[catIndex] ?? '') &&
    isCategory(compact(cells[nameIndex] ?? ''))
  ) {
    cells.splice(catIndex, 1);
    issues.push(
      issue('warning', 'COLUMN_SHIFT', `第 ${raw.line} 行：事项类别为空而事项名称列是类别，已整体左移一列`, at),
    );
  }
  // More cells than columns: merge the extra text into the last text column.
  if (cells.length > columns.length) {
    const extra = cells
      .splice(columns.length)
      .map((c) => cleanCell(c))
      .filter(Boolean);
    if (extra.length > 0) {
      const target = columns.lastIndexOf(LAST_TEXT_FIELD[table]);
      const index = target >= 0 ? target : columns.length - 1;
      cells[index] = joinSpill(cells[index] ?? '', extra.join(' '));
      if (!raw.overflowReported)
        issues.push(
          issue(
            'warning',
            'COLUMN_SHIFT',
            `第 ${raw.line} 行：比表头多出 ${extra.length} 列内容，已并入最后一列，请核对`,
            at,
          ),
        );
    }
  }

  const fields: Partial<Record<ColumnField, string>> = {};
  columns.forEach((field, index) => {
    const value = cells[index] ?? '';
    if (field === 'other') {
      if (cleanCell(value))
        issues.push(
          issue(
            'info',
            'TEXT_OUTSIDE_TABLE',
            `第 ${raw.line} 行：非标准列的内容“${cleanCell(value).slice(0, 20)}”未导入`,
            at,
          ),
        );
      return;
    }
    fields[field] = fields[field] ? `${fields[field]} ${value}` : value;
  });

  let categoryText = removeSpaces(cleanCell(fields.category ?? '')).normalize('NFKC');
  let name = cleanCell(fields.name ?? '');
  let spaced = /\S\s+\S/.test(cleanCell(fields.category ?? ''));
  // A category glued to the name (missing tab), or the name pushed into the category column.
  if (!isCategory(categoryText) && categoryText) {
    const prefix = CATEGORIES.find((c) => categoryText.startsWith(c));
    if (prefix) {
      const rest = cleanCell(fields.category ?? '')
        .replace(/\s/g, '')
        .slice(prefix.length);
      name = name ? joinSpill(rest, name) : rest;
      categoryText = prefix;
      issues.push(
        issue(
          'warning',
          'COLUMN_SHIFT',
          `第 ${raw.line} 行：事项类别与事项名称连在一起，已拆分为“${prefix}”和名称`,
          at,
        ),
      );
    } else if (!name && categoryText.length > 10) {
      name = cleanCell(fields.category ?? '');
      categoryText = '';
      issues.push(issue('warning', 'COLUMN_SHIFT', `第 ${raw.line} 行：事项名称写在了事项类别列，已移回名称列`, at));
    }
  }
  const unspacedName = removeSpacesInsideWords(name);
  spaced ||= unspacedName !== name;

  const row: DutyListRow = {
    seq,
    category: isCategory(categoryText) ? categoryText : null,
    name: unspacedName,
    departments: [],
    upperDuties: cleanCell(fields.upperDuties ?? ''),
    townshipDuties: cleanCell(fields.townshipDuties ?? ''),
    undertaker: cleanCell(fields.undertaker ?? ''),
    line: raw.line,
  };
  if (table === 'cooperative') {
    const split = splitDepartmentCell(fields.departments ?? '');
    row.departments = split.departments;
    spaced ||= split.spaces;
    if (split.spill) {
      row.upperDuties = joinSpill(split.spill, row.upperDuties);
      issues.push(
        issue(
          'warning',
          'COLUMN_SHIFT',
          `第 ${raw.line} 行：对应上级部门列中混入了职责文字“${split.spill.slice(0, 20)}”，已移入上级部门职责`,
          at,
        ),
      );
    }
  }
  if (spaced)
    issues.push(issue('info', 'SPACES_REMOVED', `第 ${raw.line} 行：已删除词语中间的空格（疑似扫描识别造成）`, at));
  return { row, garbledCategory: categoryText && !row.category ? categoryText : null };
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const next = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = prev[j];
      prev[j] = next;
    }
  }
  return prev[b.length];
}

/**
 * Fill blank or garbled categories from the grouping: when the nearest rows above and below have the
 * same category the row takes it (warning); otherwise it stays null (error for garbled text, the
 * validation rules report blank ones).
 */
export function inferCategories(table: ListTable, finished: FinishedRow[], issues: DutyListIssue[]): void {
  finished.forEach(({ row, garbledCategory }, index) => {
    if (row.category) return;
    const before =
      finished
        .slice(0, index)
        .reverse()
        .find((f) => f.row.category)?.row.category ?? null;
    const after = finished.slice(index + 1).find((f) => f.row.category)?.row.category ?? null;
    const at = { line: row.line, list: table, seq: row.seq };
    const what = garbledCategory ? `事项类别“${garbledCategory}”无法识别` : '事项类别为空';
    if (before && before === after) {
      row.category = before;
      issues.push(
        issue('warning', 'CATEGORY_INFERRED', `第 ${row.line} 行：${what}，按前后事项推定为“${before}”，请核对`, at),
      );
      return;
    }
    const near = garbledCategory
      ? [before, after].filter(
          (c): c is Category => c !== null && editDistance(c, garbledCategory) <= (c.length >= 5 ? 2 : 1),
        )
      : [];
    if (near.length === 1 || (near.length === 2 && near[0] === near[1])) {
      row.category = near[0];
      issues.push(
        issue(
          'warning',
          'CATEGORY_CORRECTED',
          `第 ${row.line} 行：${what}，按字形和相邻事项更正为“${near[0]}”，请核对`,
          at,
        ),
      );
      return;
    }
    if (garbledCategory) {
      issues.push(issue('error', 'CATEGORY_UNKNOWN', `第 ${row.line} 行：${what}，且前后事项类别不一致，无法推定`, at));
    }
  });
}
