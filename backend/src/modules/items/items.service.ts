import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type {
  CreateItemRequest,
  Item,
  ItemFields,
  ListTable,
  MoveItemRequest,
  ReorderItemsRequest,
  UpdateItemRequest,
} from '@dutylist/shared';
import { AppError } from '../../common/app-error';
import type { AuthUser } from '../auth/auth-user';
import { DutyListEntity } from '../lists/duty-list.entity';
import { authorize } from '../policies/list.policy';
import { ListsService } from '../lists/lists.service';
import { ItemEntity } from './item.entity';
import { toItemDto } from './item.mapper';

/**
 * The draft's items. Every change runs in one transaction that first locks the list row, so
 * renumbering never races; content changes carry the item's version (stale → 409 with the current item).
 */
@Injectable()
export class ItemsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly lists: ListsService,
  ) {}

  async listItems(user: AuthUser, listId: string): Promise<Item[]> {
    await this.lists.getForUser(user, listId);
    const items = await this.db
      .getRepository(ItemEntity)
      .createQueryBuilder('i')
      .where('i.list_id = :listId', { listId })
      .orderBy("array_position(ARRAY['basic','cooperative','revoked']::varchar[], i.list_table)")
      .addOrderBy('i.seq')
      .getMany();
    return items.map(toItemDto);
  }

  createItem(user: AuthUser, listId: string, request: CreateItemRequest): Promise<Item> {
    return this.inListTransaction(user, listId, async (manager, list) => {
      const position = await this.openSlot(manager, list.id, request.table, request.position);
      const item = await manager.save(
        manager.create(ItemEntity, {
          listId: list.id,
          table: request.table,
          seq: position,
          category: request.category,
          name: request.name,
          departments: request.departments ?? [],
          upperDuties: request.upperDuties ?? '',
          townshipDuties: request.townshipDuties ?? '',
          undertaker: request.undertaker ?? '',
        }),
      );
      return toItemDto(await this.reload(manager, item.id));
    });
  }

  updateItem(user: AuthUser, listId: string, itemId: string, request: UpdateItemRequest): Promise<Item> {
    return this.inListTransaction(user, listId, async (manager, list) => {
      const item = await this.lockCurrent(manager, list.id, itemId, request.version);
      const { version: _version, ...fields } = request;
      await manager.update(ItemEntity, { id: item.id }, { ...fields, version: item.version + 1 });
      return toItemDto(await this.reload(manager, item.id));
    });
  }

  moveItem(user: AuthUser, listId: string, itemId: string, request: MoveItemRequest): Promise<Item> {
    return this.inListTransaction(user, listId, async (manager, list) => {
      const item = await this.lockCurrent(manager, list.id, itemId, request.version);
      const from = item.table;
      // Park the item outside every table's numbering, then open its slot in the target table.
      await manager.update(ItemEntity, { id: item.id }, { seq: 1_000_000, table: request.table });
      await this.renumber(manager, list.id, from);
      const position = await this.openSlot(manager, list.id, request.table, request.position, item.id);
      await manager.update(ItemEntity, { id: item.id }, { seq: position, version: item.version + 1 });
      return toItemDto(await this.reload(manager, item.id));
    });
  }

  reorderItems(user: AuthUser, listId: string, request: ReorderItemsRequest): Promise<Item[]> {
    return this.inListTransaction(user, listId, async (manager, list) => {
      const current = await manager.find(ItemEntity, {
        select: { id: true },
        where: { listId: list.id, table: request.table },
      });
      const wanted = new Set(request.itemIds);
      const same =
        wanted.size === request.itemIds.length &&
        current.length === wanted.size &&
        current.every((i) => wanted.has(i.id));
      if (!same) {
        throw new AppError('ORDER_CONFLICT', '事项列表已被他人修改，请刷新后重新排序');
      }
      await manager.query(
        `UPDATE items SET seq = o.ord
         FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, ord)
         WHERE items.id = o.id AND items.seq <> o.ord`,
        [request.itemIds],
      );
      const items = await manager.find(ItemEntity, {
        where: { listId: list.id, table: request.table },
        order: { seq: 'ASC' },
      });
      return items.map(toItemDto);
    });
  }

  deleteItem(user: AuthUser, listId: string, itemId: string, version: number): Promise<void> {
    return this.inListTransaction(user, listId, async (manager, list) => {
      const item = await this.lockCurrent(manager, list.id, itemId, version);
      await manager.delete(ItemEntity, { id: item.id });
      await this.renumber(manager, list.id, item.table);
    });
  }

  /**
   * Applies new field values and/or a move to the end of another table to a draft item, inside the
   * caller's transaction (which holds the list row lock). Used when a drafter accepts a suggestion.
   * Returns null when the item is no longer in the draft.
   */
  async applyChange(
    manager: EntityManager,
    listId: string,
    itemId: string,
    fields: Partial<ItemFields>,
    table?: ListTable,
  ): Promise<ItemEntity | null> {
    const item = await manager.findOne(ItemEntity, {
      where: { id: itemId, listId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!item) return null;
    if (Object.keys(fields).length) await manager.update(ItemEntity, { id: item.id }, fields);
    if (table && table !== item.table) {
      await manager.update(ItemEntity, { id: item.id }, { seq: 1_000_000, table });
      await this.renumber(manager, listId, item.table);
      const position = await this.openSlot(manager, listId, table, undefined, item.id);
      await manager.update(ItemEntity, { id: item.id }, { seq: position });
    }
    await manager.update(ItemEntity, { id: item.id }, { version: item.version + 1 });
    await manager.update(DutyListEntity, { id: listId }, { updatedAt: () => 'now()' });
    return this.reload(manager, item.id);
  }

  private inListTransaction<T>(
    user: AuthUser,
    listId: string,
    work: (manager: EntityManager, list: DutyListEntity) => Promise<T>,
  ): Promise<T> {
    return this.db.transaction(async (manager) => {
      const list = await this.lists.lockForUser(manager, user, listId);
      authorize(user, 'editItems', list);
      const result = await work(manager, list);
      await manager.update(DutyListEntity, { id: list.id }, { updatedAt: () => 'now()' });
      return result;
    });
  }

  /** The item, if it still has the version the user edited; otherwise 409 with the current item. */
  private async lockCurrent(
    manager: EntityManager,
    listId: string,
    itemId: string,
    version: number,
  ): Promise<ItemEntity> {
    const item = await manager.findOne(ItemEntity, {
      where: { id: itemId, listId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!item) throw AppError.notFound('ITEM_NOT_FOUND', '未找到该事项，可能已被删除');
    if (item.version !== version) {
      throw new AppError('ITEM_VERSION_CONFLICT', '该事项已被他人修改，请以最新内容为准后再提交', {
        current: toItemDto(item),
      });
    }
    return item;
  }

  /** Makes room at a 1-based position (clamped to the end of the table) and returns it. */
  private async openSlot(
    manager: EntityManager,
    listId: string,
    table: ListTable,
    position: number | undefined,
    excludeId?: string,
  ): Promise<number> {
    const [{ n }] = await manager.query(
      `SELECT count(*)::int AS n FROM items WHERE list_id = $1 AND list_table = $2 AND id IS DISTINCT FROM $3`,
      [listId, table, excludeId ?? null],
    );
    const slot = Math.min(position ?? n + 1, n + 1);
    await manager.query(
      `UPDATE items SET seq = seq + 1
       WHERE list_id = $1 AND list_table = $2 AND seq >= $3 AND id IS DISTINCT FROM $4`,
      [listId, table, slot, excludeId ?? null],
    );
    return slot;
  }

  /** Closes the gaps of a table's numbering: 1..N in the current order. */
  private async renumber(manager: EntityManager, listId: string, table: ListTable): Promise<void> {
    await manager.query(
      `UPDATE items SET seq = r.rn
       FROM (SELECT id, row_number() OVER (ORDER BY seq) AS rn FROM items WHERE list_id = $1 AND list_table = $2) r
       WHERE items.id = r.id AND items.seq <> r.rn`,
      [listId, table],
    );
  }

  private reload(manager: EntityManager, id: string): Promise<ItemEntity> {
    return manager.findOneByOrFail(ItemEntity, { id });
  }
}
