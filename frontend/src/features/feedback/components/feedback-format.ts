import {
  ITEM_FIELD_LABELS,
  LIST_TABLE_LABELS,
  type Feedback,
  type ItemFields,
  type Suggestion,
  type VersionItem,
} from '@dutylist/shared';

export interface SuggestionLine {
  /** A field name, or `table` for a move. */
  key: string;
  label: string;
  from: string;
  to: string;
}

function fieldText(field: keyof ItemFields, value: ItemFields[keyof ItemFields] | undefined): string {
  if (value === undefined || value === null) return field === 'category' ? '未分类' : '（空）';
  if (Array.isArray(value)) return value.length ? value.join('、') : '（空）';
  return value === '' ? '（空）' : value;
}

const FIELD_ORDER: (keyof ItemFields)[] = [
  'category',
  'name',
  'departments',
  'upperDuties',
  'townshipDuties',
  'undertaker',
];

/** A suggestion as "字段: 原值 → 建议值" lines against the item the reviewer saw; a move as "移至 <表>". */
export function suggestionLines(suggestion: Suggestion, reviewed: VersionItem): SuggestionLine[] {
  const lines: SuggestionLine[] = [];
  const fields = suggestion.fields ?? {};
  for (const field of FIELD_ORDER) {
    if (!(field in fields)) continue;
    lines.push({
      key: field,
      label: ITEM_FIELD_LABELS[field],
      from: fieldText(field, reviewed[field]),
      to: fieldText(field, fields[field]),
    });
  }
  if (suggestion.table && suggestion.table !== reviewed.table) {
    lines.push({
      key: 'table',
      label: '移至',
      from: LIST_TABLE_LABELS[reviewed.table],
      to: LIST_TABLE_LABELS[suggestion.table],
    });
  }
  return lines;
}

/** "第2轮 退回 3 项，待处理 1 项": the items with opinions and those still blocking the next submission. */
export function feedbackSummary(round: number, feedback: readonly Feedback[], open: number): string {
  const items = new Set(feedback.map((f) => f.decision.itemId)).size;
  return `第${round}轮 退回 ${items} 项，待处理 ${open} 项`;
}

const TABLE_ORDER = { basic: 0, cooperative: 1, revoked: 2 } as const;

/** Open opinions first, then in table and 序号 order of where the item is now. */
export function sortFeedback(feedback: readonly Feedback[]): Feedback[] {
  const place = (f: Feedback) => f.current ?? f.reviewed;
  return [...feedback].sort(
    (a, b) =>
      Number(a.settled) - Number(b.settled) ||
      TABLE_ORDER[place(a).table] - TABLE_ORDER[place(b).table] ||
      place(a).seq - place(b).seq,
  );
}
