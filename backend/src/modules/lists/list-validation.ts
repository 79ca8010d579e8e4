import {
  LIST_TABLES,
  parseStatedCounts,
  validateDutyList,
  type DraftValidation,
  type Explanation,
  type ListTable,
} from '@dutylist/shared';
import type { ItemEntity } from '../items/item.entity';

/**
 * The same rules as for an imported document, run on a draft: the counts stated in its 说明 (if any)
 * against the tables, and every item rule; issues point at item ids (a draft has no line numbers).
 */
export function validateDraft(items: ItemEntity[], explanation: Partial<Explanation>): DraftValidation {
  const lists = Object.fromEntries(LIST_TABLES.map((t) => [t, [] as ItemEntity[]])) as Record<ListTable, ItemEntity[]>;
  for (const item of [...items].sort((a, b) => a.seq - b.seq)) lists[item.table].push(item);
  const statedText = [explanation.content, explanation.basicInfo].filter(Boolean) as string[];
  const statedCounts = statedText.length ? parseStatedCounts(statedText) : null;
  const bySeq = new Map(items.map((i) => [`${i.table}:${i.seq}`, i.id]));
  const issues = validateDutyList(lists, statedCounts).map((issue) => ({
    ...issue,
    line: null,
    itemId: issue.list && issue.seq !== null ? (bySeq.get(`${issue.list}:${issue.seq}`) ?? null) : null,
  }));
  return { issues, statedCounts };
}
