import {
  ITEM_FIELD_LABELS,
  LIST_TABLE_SHORT_LABELS,
  type ItemDecision,
  type ListDiffEntry,
  type VersionItem,
} from '@dutylist/shared';

/** The columns of the 修改对照表, in order. */
export const CHANGE_TABLE_COLUMNS = ['序号', '所在清单', '变化', '原表述', '修改后表述', '修改理由'] as const;

/** One row of the 修改对照表: one changed item. */
export interface ChangeRow {
  /** `3→4`, `—→1` (added), `5→—` (removed), or `3` when the number stayed. */
  seq: string;
  /** The table, or `基本履职事项→上级部门收回事项` for a move. */
  table: string;
  /** 新增, 删除, or what changed: `修改事项名称；类别变更；移入上级部门收回事项`. */
  change: string;
  before: string;
  after: string;
  reason: string;
}

/** Everything the title and rows of the 修改对照表 need. */
export interface ChangeTableInput {
  /** `碧流河镇履职事项清单（2025年）修改对照表（第1轮→第2轮）`. */
  title: string;
  /** The two sides in words: `第1轮报送（1上）→ 第2轮报送（2上）`. */
  subtitle: string;
  rows: ChangeRow[];
}

type ContentField = 'category' | 'name' | 'departments' | 'upperDuties' | 'townshipDuties' | 'undertaker';

const TABLE_FIELDS: Record<VersionItem['table'], readonly ContentField[]> = {
  basic: ['category', 'name'],
  cooperative: ['category', 'name', 'departments', 'upperDuties', 'townshipDuties'],
  revoked: ['category', 'name', 'undertaker'],
};

function fieldText(item: VersionItem, field: ContentField): string {
  if (field === 'departments') return item.departments.join('、');
  if (field === 'category') return item.category ?? '（未分类）';
  return item[field];
}

/** The item's wording: a lone name as it is, several fields one per line with their label. */
function statement(item: VersionItem, fields: readonly ContentField[]): string {
  const lines = fields
    .map((field) => [ITEM_FIELD_LABELS[field], fieldText(item, field)] as const)
    .filter(([, text]) => text.trim() !== '');
  if (lines.length === 1) return lines[0][1];
  return lines.map(([label, text]) => `${label}：${text}`).join('\n');
}

/** Fields worth showing for a changed item: the name (what a reader recognises it by) and what changed. */
function changedStatementFields(entry: ListDiffEntry): ContentField[] {
  const changed = new Set<ContentField>(entry.fields.map((f) => f.field));
  if (entry.categoryChanged) changed.add('category');
  const order: ContentField[] = ['category', 'name', 'departments', 'upperDuties', 'townshipDuties', 'undertaker'];
  return order.filter((f) => f === 'name' || changed.has(f));
}

function changeText(entry: ListDiffEntry): string {
  if (entry.status === 'added') return '新增';
  if (entry.status === 'removed') return '删除';
  const parts = entry.fields.map((f) => `修改${ITEM_FIELD_LABELS[f.field]}`);
  if (entry.categoryChanged) parts.push('类别变更');
  if (entry.moved) parts.push(`移入${LIST_TABLE_SHORT_LABELS[entry.moved.to]}`);
  return parts.join('；');
}

function seqText(entry: ListDiffEntry): string {
  const before = entry.before?.seq;
  const after = entry.after?.seq;
  if (before !== undefined && after !== undefined && before === after && !entry.moved) return String(after);
  return `${before ?? '—'}→${after ?? '—'}`;
}

/**
 * Why an item changed: the township's answer to the return or suggestion on it (in the `from` version), or
 * else the reviewer's reason; several levels' opinions joined.
 */
export function changeReason(decisions: readonly ItemDecision[]): string {
  const opinions = decisions.filter((d) => d.decision === 'returned' || d.decision === 'suggested');
  const responses = opinions.map((d) => d.response?.trim() ?? '').filter(Boolean);
  if (responses.length) return responses.join('；');
  return opinions
    .map((d) => d.reason?.trim() ?? '')
    .filter(Boolean)
    .join('；');
}

/**
 * The rows of the 修改对照表: every item added, removed, reworded, moved or recategorised, in document
 * order; items only renumbered are not changes and are left out.
 */
export function changeRows(
  entries: readonly ListDiffEntry[],
  fromDecisions: ReadonlyMap<string, readonly ItemDecision[]>,
): ChangeRow[] {
  return entries
    .filter((e) => e.status === 'added' || e.status === 'removed' || e.status === 'changed')
    .map((entry) => {
      const { before, after } = entry;
      const item = (after ?? before) as VersionItem;
      const fields = entry.status === 'changed' ? changedStatementFields(entry) : TABLE_FIELDS[item.table];
      return {
        seq: seqText(entry),
        table: entry.moved
          ? `${LIST_TABLE_SHORT_LABELS[entry.moved.from]}→${LIST_TABLE_SHORT_LABELS[entry.moved.to]}`
          : LIST_TABLE_SHORT_LABELS[item.table],
        change: changeText(entry),
        before: before ? statement(before, fields) : '',
        after: after ? statement(after, fields) : '',
        reason: changeReason(fromDecisions.get(item.id) ?? []),
      };
    });
}
