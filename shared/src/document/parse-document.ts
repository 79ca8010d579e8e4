import { CATEGORIES, LIST_TABLE_LABELS, LIST_TABLES, type ListTable, isCategory } from '../enums';
import type { Explanation } from '../contracts/lists';
import { decodeDocument } from './decode';
import { NotADutyListError } from './document-error';
import { STANDARD_COLUMNS, type TableHeader, compact, parseHeaderRow, parseTableTitle } from './headers';
import { type DutyListIssue, issue } from './issues';
import { type DutyListRow, type FinishedRow, type RawRow, finishRow, inferCategories } from './rows';
import { joinSpill } from './text';
import { type StatedCounts, parseExplanation, parseStatedCounts, parseTitle } from './title-block';
import { mergeIssues, validateDutyList } from './validate';

export interface ParseDutyListOptions {
  /** Run the validation rules (numbering, counts, duplicates …) and add their issues. Default true. */
  validate?: boolean;
}

export interface ParsedDutyListDocument {
  township: string | null;
  county: string | null;
  prefecture: string | null;
  region: string | null;
  statedCounts: StatedCounts | null;
  lists: Record<ListTable, DutyListRow[]>;
  issues: DutyListIssue[];
  explanation?: Explanation;
  encoding: string;
}

/** Page footers and markers that carry no content: `第 14 页, 共 43 页`, `— 15 —`, `14/43`, `续表`. */
const FOOTER =
  /^续表\s*\d*$|^第\s*\d+\s*页\s*[,，、/]?\s*(?:共\s*\d+\s*页)?$|^共\s*\d+\s*页\s*[,，、]?\s*第\s*\d+\s*页$|^[-—–]?\s*\d{1,4}\s*[-—–]?$|^\d+\s*\/\s*\d+$|^page\s*\d+(?:\s*of\s*\d+)?$/i;
const SEPARATOR = /^[\s|:+=_\-—–]*[-—–=][\s|:+=_\-—–]*$/;
const SEQ = /^\d{1,4}[.、]?$/;
/** The rest of a header cell that wrapped onto the next line (`乡镇配合` / `职责`). */
const HEADER_FRAGMENT = /^(?:职责|配合职责|部门|上级部门|类别|名称|事项|方式|工作方式|及工作方式)$/;

/** A bare `序号 事项类别 事项名称` header inside the cooperative or revoked table is that table's header cut short. */
function isTruncatedRepeat(current: TableHeader, next: TableHeader): boolean {
  return current.table !== 'basic' && next.table === 'basic' && next.columns.every((c) => c !== 'other');
}

/** One line of input: tab-separated cells and its 1-based line (or row) number. */
export interface SourceLine {
  text: string;
  line: number;
}

interface Section {
  header: TableHeader;
  headerLine: number;
  /** Empty cells every line of the table starts with (a table indented by one column). */
  offset: number;
  rows: RawRow[];
}

/** Walk the lines: preamble until the first header, then table rows and their continuations. */
function readLines(lines: readonly SourceLine[], issues: DutyListIssue[]) {
  const preamble: string[] = [];
  const tableTitles: string[] = [];
  const sections: Section[] = [];
  let section: Section | null = null;
  let current: RawRow | null = null;
  let pendingTitle: { table: ListTable; misspelt: boolean; line: number; text: string } | null = null;
  let afterHeader = false;

  lines.forEach((source) => {
    const lineNo = source.line;
    const line = source.text.replace(/\u00a0/g, ' ');
    const trimmed = line.trim();
    if (!trimmed || FOOTER.test(trimmed.normalize('NFKC')) || SEPARATOR.test(trimmed)) return;
    if (afterHeader && HEADER_FRAGMENT.test(compact(trimmed))) return;
    afterHeader = false;
    const cells = line.split('\t');
    if (cells.length > 1) {
      const lead = cells.findIndex((c) => c.trim() !== '');
      const header = parseHeaderRow(cells) ?? (lead > 0 ? parseHeaderRow(cells.slice(lead)) : null);
      const offset = header && lead > 0 && !parseHeaderRow(cells) ? lead : 0;
      if (header) {
        if (
          section &&
          !pendingTitle &&
          (section.header.table === header.table || isTruncatedRepeat(section.header, header))
        ) {
          // The header repeated at a page break (possibly cut short); a spilled line may follow.
          if (section.header.table === header.table) section.header = repeatedHeader(section.header, header);
          afterHeader = true;
          return;
        }
        if (pendingTitle && pendingTitle.table !== header.table) {
          issues.push(
            issue(
              'warning',
              'TABLE_TITLE_MISSPELT',
              `第 ${pendingTitle.line} 行：标题“${pendingTitle.text}”与其后的表头（${LIST_TABLE_LABELS[header.table]}）不符，以表头为准`,
              { line: pendingTitle.line, list: header.table },
            ),
          );
        } else if (pendingTitle?.misspelt) {
          issues.push(
            issue(
              'info',
              'TABLE_TITLE_MISSPELT',
              `第 ${pendingTitle.line} 行：表格标题“${pendingTitle.text}”与标准名称“${LIST_TABLE_LABELS[header.table]}”不一致`,
              { line: pendingTitle.line, list: header.table },
            ),
          );
        } else if (!pendingTitle) {
          issues.push(
            issue(
              'info',
              'TABLE_TITLE_MISSING',
              `第 ${lineNo} 行：${LIST_TABLE_LABELS[header.table]}缺少标题，按表头识别`,
              { line: lineNo, list: header.table },
            ),
          );
        }
        section = { header, headerLine: lineNo, offset, rows: [] };
        sections.push(section);
        current = null;
        afterHeader = true;
        pendingTitle = null;
        return;
      }
    } else {
      const title = parseTableTitle(trimmed);
      if (title) {
        tableTitles.push(trimmed);
        pendingTitle = { ...title, line: lineNo, text: trimmed };
        current = null;
        if (!section) preamble.push(line);
        return;
      }
    }
    if (!section && pendingTitle && cells.length > 1 && SEQ.test(compact(cells[0]))) {
      // Rows right after a table title without any header row: read them with the standard columns.
      section = {
        header: { table: pendingTitle.table, columns: STANDARD_COLUMNS[pendingTitle.table] },
        headerLine: lineNo,
        offset: 0,
        rows: [],
      };
      sections.push(section);
      issues.push(
        issue(
          'warning',
          'TABLE_TITLE_MISSING',
          `第 ${lineNo} 行：${LIST_TABLE_LABELS[pendingTitle.table]}缺少表头，按标准列读取`,
          { line: lineNo, list: pendingTitle.table },
        ),
      );
      pendingTitle = null;
    }
    if (!section) {
      preamble.push(line);
      pendingTitle = null; // a title counts only right above its header
      return;
    }
    const active: Section = section;
    const previousSeq = active.rows.length > 0 ? seqOf(active.rows[active.rows.length - 1]) : 0;
    const body =
      active.offset > 0 && cells.slice(0, active.offset).every((c) => !c.trim()) ? cells.slice(active.offset) : cells;
    const started = startRow(body, active.header, lineNo, previousSeq, issues);
    if (started) {
      current = started;
      active.rows.push(current);
      pendingTitle = null;
      return;
    }
    const row: RawRow | null = current;
    if (!row) {
      issues.push(
        issue(
          'warning',
          'TEXT_OUTSIDE_TABLE',
          `第 ${lineNo} 行：表格中的文字“${trimmed.slice(0, 30)}”不属于任何事项，未导入`,
          { line: lineNo, list: active.header.table },
        ),
      );
      return;
    }
    appendContinuation(row, body, lineNo, active.header.table, issues);
  });
  return { preamble, tableTitles, sections };
}

/** A header repeated at a page break replaces the columns, except cells it no longer names (OCR damage). */
function repeatedHeader(previous: TableHeader, next: TableHeader): TableHeader {
  if (previous.columns.length !== next.columns.length) return next;
  return { ...next, columns: next.columns.map((c, i) => (c === 'other' ? previous.columns[i] : c)) };
}

function seqOf(row: RawRow): number {
  return row.seq ?? Number(compact(row.cells[0]).replace(/[.、]$/, ''));
}

/**
 * Does this line start a row? Normally it starts with a number; OCR may glue the number to the
 * category (`12党的建设`) or garble it (`l2`), which is still a row when its category cell is one of
 * the 23 categories — it is kept, numbered after the previous row, and reported.
 */
function startRow(
  cells: string[],
  header: TableHeader,
  lineNo: number,
  previousSeq: number,
  issues: DutyListIssue[],
): RawRow | null {
  if (cells.length < 2) return null;
  const first = compact(cells[0]);
  const row = { line: lineNo, cells, columns: header.columns };
  if (SEQ.test(first)) return row;
  const at = { line: lineNo, list: header.table };
  const glued = /^(\d{1,4})[.、]?(.+)$/.exec(first);
  const categoryIndex = header.columns.indexOf('category');
  if (glued && categoryIndex === 1 && CATEGORIES.some((c) => glued[2].startsWith(c))) {
    issues.push(
      issue('warning', 'COLUMN_SHIFT', `第 ${lineNo} 行：序号与事项类别连在一起，已拆开`, {
        ...at,
        seq: Number(glued[1]),
      }),
    );
    return { ...row, cells: [glued[1], glued[2], ...cells.slice(1)] };
  }
  if (categoryIndex > 0 && first.length <= 4 && isCategory(compact(cells[categoryIndex] ?? ''))) {
    const seq = previousSeq + 1;
    const what = first ? `序号“${first}”无法识别` : '序号为空';
    issues.push(
      issue('warning', 'SEQ_UNREADABLE', `第 ${lineNo} 行：${what}，按顺序记为 ${seq}，请核对`, { ...at, seq }),
    );
    return { ...row, seq };
  }
  return null;
}

/** Merge a spilled line into the row it continues: cell by cell when it has every column, else in sequence. */
function appendContinuation(
  row: RawRow,
  cells: string[],
  lineNo: number,
  table: ListTable,
  issues: DutyListIssue[],
): void {
  const at = { line: lineNo, list: table, seq: seqOf(row) };
  if (cells.length > 1 && cells.length === row.columns.length) {
    cells.forEach((cell, i) => {
      if (cell.trim()) row.cells[i] = joinSpill(row.cells[i] ?? '', cell);
    });
  } else {
    const last = row.cells.length - 1;
    row.cells[last] = joinSpill(row.cells[last], cells[0]);
    row.cells.push(...cells.slice(1));
    if (row.cells.length > row.columns.length) {
      row.overflowReported = true;
      issues.push(
        issue(
          'warning',
          'CONTINUATION_AMBIGUOUS',
          `第 ${lineNo} 行：续行的列数与表头不符，已并入序号 ${at.seq} 的最后一列，请核对`,
          at,
        ),
      );
      return;
    }
  }
  issues.push(
    issue('info', 'ROW_CONTINUED', `第 ${lineNo} 行：为序号 ${at.seq} 的续行，已合并到第 ${row.line} 行`, at),
  );
}

/**
 * Parse a duty list (履职事项清单) from text or bytes (UTF-8 with or without BOM, UTF-16 with BOM,
 * GBK/GB18030). Keeps every row and reports every doubt with its line; throws NotADutyListError
 * when the input holds no duty table at all.
 */
export function parseDutyListDocument(
  input: string | Uint8Array,
  options: ParseDutyListOptions = {},
): ParsedDutyListDocument {
  const { text, encoding, invalidBytes } = decodeDocument(input);
  if (!text.trim()) throw new NotADutyListError('EMPTY');
  const lines = text.split(/\r\n|\r|\n/).map((t, i) => ({ text: t, line: i + 1 }));
  const doc = parseDutyListLines(lines, encoding, options);
  if (invalidBytes) {
    const line = lines.find((l) => l.text.includes('\uFFFD'))?.line ?? null;
    const message = `文档中有 ${invalidBytes} 处无效的 UTF-8 字节，已显示为“\uFFFD”，请核对原文件`;
    doc.issues.unshift(issue('warning', 'ENCODING_INVALID_BYTES', message, { line }));
  }
  return doc;
}

/**
 * The parser behind every format: lines of tab-separated cells, each with the line (or spreadsheet
 * row) number to report. Text files, .docx tables and .xlsx sheets all end up here.
 */
export function parseDutyListLines(
  lines: readonly SourceLine[],
  encoding: string,
  options: ParseDutyListOptions = {},
): ParsedDutyListDocument {
  const issues: DutyListIssue[] = [];
  if (encoding === 'gb18030' || encoding.startsWith('utf-16')) {
    issues.push(issue('info', 'ENCODING_CONVERTED', `文档编码为 ${encoding.toUpperCase()}，已自动转换`));
  }
  const { preamble, tableTitles, sections } = readLines(lines, issues);
  if (sections.length === 0) throw new NotADutyListError('NO_TABLE');
  const lists: Record<ListTable, DutyListRow[]> = { basic: [], cooperative: [], revoked: [] };
  const finished: Record<ListTable, FinishedRow[]> = { basic: [], cooperative: [], revoked: [] };
  for (const section of sections) {
    for (const raw of section.rows) finished[section.header.table].push(finishRow(section.header.table, raw, issues));
  }
  for (const table of LIST_TABLES) {
    inferCategories(table, finished[table], issues);
    lists[table] = finished[table].map((f) => f.row);
    if (!sections.some((s) => s.header.table === table)) {
      issues.push(issue('warning', 'TABLE_MISSING', `文档中没有找到${LIST_TABLE_LABELS[table]}`, { list: table }));
    } else if (lists[table].length === 0) {
      const line = sections.find((s) => s.header.table === table)?.headerLine ?? null;
      issues.push(
        issue('warning', 'TABLE_EMPTY', `${LIST_TABLE_LABELS[table]}只有表头，没有事项`, { list: table, line }),
      );
    }
  }

  const title = parseTitle(preamble, tableTitles);
  if (!title.township || !title.county) {
    issues.push(issue('warning', 'TITLE_INCOMPLETE', '未能从标题中识别出县和乡镇名称'));
  }
  const statedCounts = parseStatedCounts(preamble);
  const explanation = parseExplanation(preamble);
  const all = options.validate === false ? issues : mergeIssues(issues, validateDutyList(lists, statedCounts));
  return {
    ...title,
    statedCounts,
    lists,
    issues: all,
    ...(explanation ? { explanation } : {}),
    encoding,
  };
}
