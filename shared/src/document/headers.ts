import type { ListTable } from '../enums';
import { LIST_TABLE_LABELS } from '../enums';

/** The fields a table column can hold. */
export type ColumnField =
  'seq' | 'category' | 'name' | 'departments' | 'upperDuties' | 'townshipDuties' | 'undertaker' | 'other';

export interface TableHeader {
  table: ListTable;
  /** Field of each column, in document order. */
  columns: ColumnField[];
}

/** Standard columns of each table, used when a header cannot be mapped cell by cell. */
export const STANDARD_COLUMNS: Record<ListTable, ColumnField[]> = {
  basic: ['seq', 'category', 'name'],
  cooperative: ['seq', 'category', 'name', 'departments', 'upperDuties', 'townshipDuties'],
  revoked: ['seq', 'category', 'name', 'undertaker'],
};

/** NFKC (full-width → half-width) without any white space: the form used to compare labels. */
export function compact(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000]+/g, '');
}

function fieldOfHeaderCell(cell: string): ColumnField {
  const c = compact(cell);
  if (/^(?:序号|编号|序)$/.test(c)) return 'seq';
  if (c.includes('类别') || c.includes('类型')) return 'category';
  if (c.includes('名称') || c === '事项' || c === '履职事项') return 'name';
  if (c.includes('承接') || c.includes('工作方式') || c.includes('收回')) return 'undertaker';
  if (c.includes('配合') || /(?:乡镇|乡|镇|街道)(?:\(街道\))?职责$/.test(c)) return 'townshipDuties';
  if (c.includes('部门职责')) return 'upperDuties';
  if (/(?:上级|责任|主管|牵头|县级|对应)部门/.test(c)) return 'departments';
  return 'other';
}

/**
 * Recognise a table header row from its cells (`序号	事项类别	事项名称…`, with variants such as
 * `事项 类别`, `镇配合职责`, `乡镇(街道)配合职责`). Returns null for any other line.
 */
export function parseHeaderRow(cells: string[]): TableHeader | null {
  if (cells.length < 3) return null;
  const columns = cells.map(fieldOfHeaderCell);
  if (columns[0] !== 'seq' || !columns.includes('name')) return null;
  let table: ListTable = 'basic';
  if (columns.includes('undertaker')) table = 'revoked';
  else if (columns.some((c) => c === 'departments' || c === 'upperDuties' || c === 'townshipDuties')) {
    table = 'cooperative';
  }
  return { table, columns };
}

/** Does a line without tabs look like a table's section title (`…配合履职事项清单`)? */
export function parseTableTitle(line: string): { table: ListTable; misspelt: boolean } | null {
  const c = compact(line).replace(/[(（][^()（）]*[)）]$/, '');
  if (c.length > 80 || !/清单$/.test(c) || /\.{3,}|…/.test(c)) return null;
  let table: ListTable | null = null;
  if (c.includes('收回')) table = 'revoked';
  else if (c.includes('配合')) table = 'cooperative';
  else if (c.includes('基本')) table = 'basic';
  if (!table) return null;
  return { table, misspelt: !c.endsWith(compact(LIST_TABLE_LABELS[table]).replace(/^上级部门/, '')) };
}
