import type { Category, Item, ItemFields, ListTable } from '@dutylist/shared';

/** The values of the item form (antd's Select clears to undefined, the API wants null). */
export interface ItemFormValues {
  category?: Category | null;
  name: string;
  departments?: string[];
  upperDuties?: string;
  townshipDuties?: string;
  undertaker?: string;
  position?: number | null;
}

export function toFormValues(item: Item): ItemFormValues {
  return {
    category: item.category,
    name: item.name,
    departments: item.departments,
    upperDuties: item.upperDuties,
    townshipDuties: item.townshipDuties,
    undertaker: item.undertaker,
  };
}

export function normalizeDepartments(values: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  for (const value of values ?? []) {
    const name = value.trim();
    if (name) seen.add(name);
  }
  return [...seen];
}

/** The fields to send for an item of the given table (other tables' fields are left untouched). */
export function toItemFields(
  table: ListTable,
  values: ItemFormValues,
): Partial<ItemFields> & Pick<ItemFields, 'category' | 'name'> {
  const fields: Partial<ItemFields> & Pick<ItemFields, 'category' | 'name'> = {
    category: values.category ?? null,
    name: values.name.trim(),
  };
  if (table === 'cooperative') {
    fields.departments = normalizeDepartments(values.departments);
    fields.upperDuties = (values.upperDuties ?? '').trim();
    fields.townshipDuties = (values.townshipDuties ?? '').trim();
  }
  if (table === 'revoked') {
    fields.undertaker = (values.undertaker ?? '').trim();
  }
  return fields;
}

export function matchesSearch(item: Item, search: string): boolean {
  const needle = search.replace(/\s+/g, '').toLowerCase();
  if (!needle) return true;
  const haystacks = [item.name, item.category ?? ''];
  return haystacks.some((text) => text.replace(/\s+/g, '').toLowerCase().includes(needle));
}
