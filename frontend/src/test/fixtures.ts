import type { Item, ListTable } from '@dutylist/shared';

let counter = 0;

export function makeItem(overrides: Partial<Item> & { table: ListTable }): Item {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    listId: '11111111-1111-4111-8111-111111111111',
    seq: counter,
    version: 1,
    updatedAt: '2025-03-01T08:00:00.000Z',
    category: '党的建设',
    name: `事项${counter}`,
    departments: [],
    upperDuties: '',
    townshipDuties: '',
    undertaker: '',
    ...overrides,
  };
}
