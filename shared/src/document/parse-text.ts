import { CATEGORIES, type Category, type ListTable, isCategory } from '../enums';
import { cleanCell, removeSpaces, splitDepartments } from './normalize';

export interface ParsedRow {
  seq: number;
  category: Category | null;
  name: string;
  departments: string[];
  upperDuties: string;
  townshipDuties: string;
  undertaker: string;
  /** 1-based line of the row in the text. */
  line: number;
}

export interface ParsedTitle {
  region: string | null;
  prefecture: string | null;
  county: string | null;
  township: string | null;
}

export interface ParsedDocument {
  title: ParsedTitle;
  lists: Record<ListTable, ParsedRow[]>;
}

const HEADER_RE = /^\s*序\s*号\s*\t/;
const ROW_RE = /^\s*(\d{1,4})\s*\t/;
const FOOTER_RE = /^\s*第\s*\d+\s*页\s*[,，]?\s*共\s*\d+\s*页\s*$/;
const TITLE_RE = /(履职事项清单|收回事项清单)\s*$/;

/** Which table a header row belongs to, from its column names. */
function tableOfHeader(cells: string[]): ListTable | null {
  const joined = removeSpaces(cells.join('|'));
  if (joined.includes('承接部门')) return 'revoked';
  if (joined.includes('上级部门职责') || joined.includes('配合职责')) return 'cooperative';
  if (joined.includes('事项名称')) return 'basic';
  return null;
}

function parseTitle(lines: string[]): ParsedTitle {
  const title: ParsedTitle = { region: null, prefecture: null, county: null, township: null };
  for (const raw of lines.slice(0, 12)) {
    const line = removeSpaces(raw);
    const upper = /^(新疆维吾尔自治区)(.+?(?:自治州|地区))$/.exec(line);
    if (upper) {
      title.region = upper[1];
      title.prefecture = upper[2];
      continue;
    }
    const lower = /^(.+?(?:自治县|县|市|区))(.+?(?:镇|乡|街道))$/.exec(line);
    if (lower && !title.township) {
      title.county = lower[1];
      title.township = lower[2];
    }
  }
  return title;
}

function toRow(table: ListTable, cells: string[], line: number): ParsedRow {
  const seq = Number(cells[0].trim());
  const rawCategory = removeSpaces(cleanCell(cells[1] ?? ''));
  const category = isCategory(rawCategory) ? rawCategory : null;
  const row: ParsedRow = {
    seq,
    category,
    name: cleanCell(cells[2] ?? ''),
    departments: [],
    upperDuties: '',
    townshipDuties: '',
    undertaker: '',
    line,
  };
  if (table === 'cooperative') {
    row.departments = splitDepartments(cells[3] ?? '');
    row.upperDuties = cleanCell(cells[4] ?? '');
    row.townshipDuties = cleanCell(cells.slice(5).join(' '));
  } else if (table === 'revoked') {
    row.undertaker = cleanCell(cells.slice(3).join(' '));
  } else if (cells.length > 3) {
    row.name = cleanCell(cells.slice(2).join(' '));
  }
  return row;
}

/** Append a spilled line to the last filled field of a row. */
function appendContinuation(table: ListTable, row: ParsedRow, text: string): void {
  const extra = cleanCell(text);
  if (!extra) return;
  if (table === 'cooperative') row.townshipDuties = `${row.townshipDuties} ${extra}`.trim();
  else if (table === 'revoked') row.undertaker = `${row.undertaker} ${extra}`.trim();
  else row.name = `${row.name}${extra}`;
}

/**
 * Parse the plain-text form of a duty list (one tab-separated line per table row, header row
 * repeated at each page break). Minimal reader used for demo data; see the documents module for
 * the full importer with its validation report.
 */
export function parseDutyListText(text: string): ParsedDocument {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const lists: Record<ListTable, ParsedRow[]> = { basic: [], cooperative: [], revoked: [] };
  let table: ListTable | null = null;
  let last: ParsedRow | null = null;
  lines.forEach((line, index) => {
    const lineNo = index + 1;
    if (!line.trim() || FOOTER_RE.test(line)) return;
    if (HEADER_RE.test(line)) {
      const next = tableOfHeader(line.split('\t'));
      if (next && next !== table) {
        table = next;
        last = null;
      }
      return;
    }
    if (!table) return;
    if (ROW_RE.test(line)) {
      last = toRow(table, line.split('\t'), lineNo);
      lists[table].push(last);
      return;
    }
    if (TITLE_RE.test(removeSpaces(line)) && !line.includes('\t')) return;
    if (last) appendContinuation(table, last, line);
  });
  return { title: parseTitle(lines), lists };
}

export { CATEGORIES };
