import type { Item } from '@dutylist/shared';
import type { ItemEntity } from './item.entity';

export function toItemDto(item: ItemEntity): Item {
  return {
    id: item.id,
    listId: item.listId,
    table: item.table,
    seq: item.seq,
    category: item.category,
    name: item.name,
    departments: item.departments,
    upperDuties: item.upperDuties,
    townshipDuties: item.townshipDuties,
    undertaker: item.undertaker,
    version: item.version,
    updatedAt: item.updatedAt.toISOString(),
  };
}
