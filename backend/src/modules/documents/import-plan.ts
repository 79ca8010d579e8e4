import {
  LIST_TABLES,
  matchItems,
  type ImportPreview,
  type ImportRow,
  type ImportSummary,
  type ListTable,
  type MatchableItem,
} from '@dutylist/shared';
import type { ParsedDutyListDocument } from '@dutylist/shared/dist/document/parse-document';
import type { ItemEntity } from '../items/item.entity';

type Plan = Pick<ImportPreview, 'rows' | 'removed' | 'summary' | 'counts'>;

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

function differs(row: ImportRow, item: ItemEntity): boolean {
  return (
    row.table !== item.table ||
    row.category !== item.category ||
    row.name !== item.name ||
    !sameList(row.departments, item.departments) ||
    row.upperDuties !== item.upperDuties ||
    row.townshipDuties !== item.townshipDuties ||
    row.undertaker !== item.undertaker
  );
}

/**
 * What importing a document into a draft does: each document row either updates the draft item it
 * matches (keeping that item's identity, so comments and decisions stay attached) or becomes a new
 * item; draft items no row matched are removed. Positions come from the document.
 */
export function buildImportPlan(doc: ParsedDutyListDocument, draft: ItemEntity[]): Plan {
  const rows: ImportRow[] = LIST_TABLES.flatMap((table) =>
    doc.lists[table].map((r, index) => ({
      table,
      seq: index + 1,
      category: r.category,
      name: r.name,
      departments: r.departments,
      upperDuties: r.upperDuties,
      townshipDuties: r.townshipDuties,
      undertaker: r.undertaker,
      line: r.line,
      itemId: null,
      status: 'added' as const,
      confidence: null,
      moved: false,
    })),
  );
  const match = matchItems(draft as MatchableItem[], rows);
  for (const pair of match.pairs) {
    const row = rows[pair.after];
    const item = draft[pair.before];
    row.itemId = item.id;
    row.confidence = pair.confidence;
    row.moved = item.table !== row.table;
    row.status = differs(row, item) ? 'changed' : 'unchanged';
  }
  const removed = match.unmatchedBefore.map((i) => ({
    itemId: draft[i].id,
    table: draft[i].table,
    seq: draft[i].seq,
    name: draft[i].name,
  }));
  const summary: ImportSummary = { unchanged: 0, changed: 0, added: 0, removed: removed.length };
  for (const row of rows) summary[row.status] += 1;
  const counts = Object.fromEntries(LIST_TABLES.map((t) => [t, doc.lists[t].length])) as Record<ListTable, number>;
  return { rows, removed, summary, counts };
}
