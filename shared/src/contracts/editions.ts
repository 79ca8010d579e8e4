import { z } from 'zod';
import { LIST_STAGES } from '../enums';
import { editionSettingsSchema, editionTitleSchema, userRefSchema } from './review';

/** An edition year such as 2026 (the lists of one township are unique per edition). */
export const editionNumberSchema = z
  .number({ error: '请填写届次年份' })
  .int('届次年份必须是整数')
  .min(2000, '届次年份应在 2000 至 2999 之间')
  .max(2999, '届次年份应在 2000 至 2999 之间');

/**
 * `POST /editions`: the region opens an edition with its round limit and stage deadlines; every active
 * township in scope (the caller's unit, or `orgUnitId` below it) gets a draft for it.
 */
export const openEditionRequestSchema = editionSettingsSchema.extend({
  edition: editionNumberSchema,
  /** e.g. `2026年度` (default: the year followed by 年度). */
  title: editionTitleSchema.optional(),
  orgUnitId: z.string().uuid('请选择有效的组织机构').optional(),
});
export type OpenEditionRequest = z.infer<typeof openEditionRequestSchema>;

/** An edition with its settings, who opened it, and how many lists stand in each stage. */
export const editionSummarySchema = editionSettingsSchema.extend({
  title: z.string(),
  openedAt: z.string().nullable(),
  openedBy: userRefSchema.nullable(),
  lists: z.number().int(),
  /** Lists of the edition in the caller's scope, per stage (every stage present). */
  stages: z.record(z.enum(LIST_STAGES), z.number().int()),
  /** Lists with an adjustment under way. */
  adjusting: z.number().int(),
  overdue: z.number().int(),
});
export type EditionSummary = z.infer<typeof editionSummarySchema>;

export const openEditionResponseSchema = z.object({
  edition: editionSummarySchema,
  /** Townships that got a new draft, and those that already had a list of this edition. */
  created: z.number().int(),
  skipped: z.number().int(),
  /** Of the created drafts, those started from a published list (the rest start empty). */
  fromPublished: z.number().int(),
});
export type OpenEditionResponse = z.infer<typeof openEditionResponseSchema>;
