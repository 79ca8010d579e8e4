import { ITEM_FIELD_LABELS, LIST_TABLE_SHORT_LABELS, type Suggestion } from '@dutylist/shared';

/** A suggestion in one line: `移至配合履职事项；事项名称改为“…”`. */
export function suggestionText(suggestion: Suggestion | null): string {
  if (!suggestion) return '';
  const parts: string[] = [];
  if (suggestion.table) parts.push(`移至${LIST_TABLE_SHORT_LABELS[suggestion.table]}`);
  for (const [field, value] of Object.entries(suggestion.fields ?? {})) {
    const label = ITEM_FIELD_LABELS[field as keyof typeof ITEM_FIELD_LABELS] ?? field;
    const text = Array.isArray(value) ? value.join('、') : (value ?? '（空）');
    parts.push(`${label}改为“${text}”`);
  }
  return parts.join('；');
}
