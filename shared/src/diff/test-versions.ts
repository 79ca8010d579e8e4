import { LIST_TABLES, type ListTable } from '../enums';
import { parseDutyListDocument } from '../document/parse-document';
import { type SampleName, readSample } from '../document/test-samples';
import type { DiffableItem } from './diffable-item';

/** A real sample as one version of a list: every row with a synthetic id (`biliuhe-basic-12`). */
export function sampleVersion(name: SampleName): DiffableItem[] {
  const doc = parseDutyListDocument(readSample(name));
  return LIST_TABLES.flatMap((table) =>
    doc.lists[table].map(({ line: _line, ...row }) => ({ ...row, id: `${name}-${table}-${row.seq}`, table })),
  );
}

/** Numbers every table 1..N in array order, as the app does after inserts, deletes and moves. */
export function renumber(items: DiffableItem[]): DiffableItem[] {
  const next: Record<ListTable, number> = { basic: 0, cooperative: 0, revoked: 0 };
  return items.map((item) => ({ ...item, seq: (next[item.table] += 1) }));
}

/** A new item for a table, as a drafter would add it. */
export function newItem(id: string, table: ListTable, category: string, name: string): DiffableItem {
  return { id, table, seq: 0, category, name, departments: [], upperDuties: '', townshipDuties: '', undertaker: '' };
}
