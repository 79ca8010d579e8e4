import { z } from 'zod';
import { CATEGORIES, LIST_TABLES } from '../enums';

const text = (max: number) => z.string().max(max, `不能超过 ${max} 个字`);

/** The editable fields of an item, shared by create and update. */
export const itemFieldsSchema = z.object({
  category: z.enum(CATEGORIES, { error: '事项类别必须是 23 个标准类别之一' }).nullable(),
  name: z.string().trim().min(1, '事项名称不能为空').max(2000, '事项名称不能超过 2000 个字'),
  departments: z.array(z.string().trim().min(1).max(200)).max(50),
  upperDuties: text(20000),
  townshipDuties: text(20000),
  undertaker: text(5000),
});
export type ItemFields = z.infer<typeof itemFieldsSchema>;

export const itemSchema = itemFieldsSchema.extend({
  id: z.string().uuid(),
  listId: z.string().uuid(),
  table: z.enum(LIST_TABLES),
  seq: z.number().int().positive(),
  /** Optimistic-concurrency token: send it back with every change. */
  version: z.number().int().positive(),
  updatedAt: z.string(),
});
export type Item = z.infer<typeof itemSchema>;

export const createItemRequestSchema = itemFieldsSchema
  .partial({ departments: true, upperDuties: true, townshipDuties: true, undertaker: true })
  .extend({
    table: z.enum(LIST_TABLES),
    /** 1-based position in the table; omitted = append at the end. */
    position: z.number().int().positive().optional(),
  });
export type CreateItemRequest = z.infer<typeof createItemRequestSchema>;

export const updateItemRequestSchema = itemFieldsSchema.partial().extend({
  version: z.number().int().positive(),
});
export type UpdateItemRequest = z.infer<typeof updateItemRequestSchema>;

export const moveItemRequestSchema = z.object({
  version: z.number().int().positive(),
  table: z.enum(LIST_TABLES),
  /** 1-based position in the target table; omitted = append at the end. */
  position: z.number().int().positive().optional(),
});
export type MoveItemRequest = z.infer<typeof moveItemRequestSchema>;

export const reorderItemsRequestSchema = z.object({
  table: z.enum(LIST_TABLES),
  /** Every item id of the table, in the new order. */
  itemIds: z.array(z.string().uuid()).min(1),
});
export type ReorderItemsRequest = z.infer<typeof reorderItemsRequestSchema>;

export const itemConflictDetailsSchema = z.object({ current: itemSchema });
export type ItemConflictDetails = z.infer<typeof itemConflictDetailsSchema>;
