import type { ListTable } from '../enums';

/** The fields that make up what an item says and where it stands (not its number). */
export interface ItemContent {
  table: ListTable;
  category: string | null;
  name: string;
  departments: string[];
  upperDuties: string;
  townshipDuties: string;
  undertaker: string;
}

export const ITEM_CONTENT_FIELDS = [
  'table',
  'category',
  'name',
  'departments',
  'upperDuties',
  'townshipDuties',
  'undertaker',
] as const;
export type ItemContentField = (typeof ITEM_CONTENT_FIELDS)[number];

export const ITEM_FIELD_LABELS: Record<ItemContentField, string> = {
  table: '所在清单',
  category: '事项类别',
  name: '事项名称',
  departments: '对应上级部门',
  upperDuties: '上级部门职责',
  townshipDuties: '乡镇配合职责',
  undertaker: '承接部门及工作方式',
};

/**
 * The fields in which two states of an item differ. Renumbering (`seq`) is not a change: an approval
 * survives it, and so does the item's identity.
 */
export function changedFields(a: ItemContent, b: ItemContent): ItemContentField[] {
  return ITEM_CONTENT_FIELDS.filter((field) => {
    if (field === 'departments') {
      return a.departments.length !== b.departments.length || a.departments.some((d, i) => d !== b.departments[i]);
    }
    return a[field] !== b[field];
  });
}

/** Whether an item still says exactly what it said (so an approval of it still holds). */
export function sameItemContent(a: ItemContent, b: ItemContent): boolean {
  return changedFields(a, b).length === 0;
}
