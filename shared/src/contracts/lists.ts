import { z } from 'zod';
import { LIST_STAGES, LIST_TABLES } from '../enums';
import { REVIEW_LEVELS } from '../workflow/stage-machine';
import { itemSchema } from './items';
import { turnSchema, userRefSchema } from './review';

/** The 说明 of a list: the basic facts and the free text of its sections. */
export const explanationSchema = z.object({
  area: z.string().max(200).default(''),
  population: z.string().max(200).default(''),
  villages: z.string().max(500).default(''),
  basicInfo: z.string().max(20000).default(''),
  process: z.string().max(20000).default(''),
  content: z.string().max(20000).default(''),
});
export type Explanation = z.infer<typeof explanationSchema>;

export const tableCountsSchema = z.object(
  Object.fromEntries(LIST_TABLES.map((t) => [t, z.number().int()])) as Record<
    (typeof LIST_TABLES)[number],
    z.ZodNumber
  >,
);
export type TableCounts = z.infer<typeof tableCountsSchema>;

/** What the caller may do with the list now: the UI shows actions from this, never from its own rules. */
export const listAbilitiesSchema = z.object({
  view: z.boolean(),
  editItems: z.boolean(),
  submit: z.boolean(),
  startReview: z.boolean(),
  decideItems: z.boolean(),
  returnRound: z.boolean(),
  approve: z.boolean(),
  signOff: z.boolean(),
  returnItems: z.boolean(),
  publish: z.boolean(),
  /** Answer returns, accept or reject suggestions. */
  answerFeedback: z.boolean(),
  comment: z.boolean(),
  /** Start an adjustment (动态调整) of the published list. */
  startAdjustment: z.boolean(),
});
export type ListAbilities = z.infer<typeof listAbilitiesSchema>;

export const listSummarySchema = z.object({
  id: z.string().uuid(),
  edition: z.number().int(),
  title: z.string(),
  stage: z.enum(LIST_STAGES),
  round: z.number().int(),
  maxRounds: z.number().int(),
  township: z.object({ id: z.string().uuid(), name: z.string() }),
  county: z.object({ id: z.string().uuid(), name: z.string() }),
  prefecture: z.object({ id: z.string().uuid(), name: z.string() }),
  counts: tableCountsSchema,
  /** Whose action the list awaits (null once published). */
  turn: turnSchema.nullable(),
  /** The level that returned items to the county and gets the list straight back. */
  returnLevel: z.enum(REVIEW_LEVELS).nullable(),
  stageSince: z.string(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  updatedAt: z.string(),
  /** An adjustment of the published list is under way (the published version stays in force). */
  adjusting: z.boolean(),
  can: listAbilitiesSchema,
});
export type ListSummary = z.infer<typeof listSummarySchema>;

export const PUBLICATION_KINDS = ['initial', 'adjustment'] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];
export const PUBLICATION_KIND_LABELS: Record<PublicationKind, string> = {
  initial: '首次发布',
  adjustment: '动态调整',
};

const publishedVersionSchema = z.object({ number: z.number().int(), label: z.string() });

/** One cycle of the list towards publication: the initial one, then each adjustment (动态调整). */
export const listPublicationSchema = z.object({
  number: z.number().int(),
  kind: z.enum(PUBLICATION_KINDS),
  reason: z.string().nullable(),
  startedBy: userRefSchema.nullable(),
  startedAt: z.string(),
  /** The version number of this list the cycle started from (an adjustment: the version then in force). */
  baseVersion: z.number().int().nullable(),
  /** Null while the cycle is under way. */
  publishedVersion: publishedVersionSchema.nullable(),
  publishedBy: userRefSchema.nullable(),
  publishedAt: z.string().nullable(),
});
export type ListPublication = z.infer<typeof listPublicationSchema>;

export const listDetailSchema = listSummarySchema.extend({
  explanation: explanationSchema,
  versions: z.array(
    z.object({
      number: z.number().int(),
      round: z.number().int(),
      /** The publication cycle the version belongs to (1: initial; 2…: adjustments). */
      cycle: z.number().int(),
      label: z.string(),
      createdAt: z.string(),
    }),
  ),
  /** The version in force: the last one published (null before the first publication). */
  inForce: publishedVersionSchema.extend({ publishedAt: z.string().nullable() }).nullable(),
  /** The cycle under way or last completed. */
  cycle: z.object({ number: z.number().int(), kind: z.enum(PUBLICATION_KINDS) }),
  /** 版本发布记录: every cycle, oldest first. */
  publications: z.array(listPublicationSchema),
  /** The published version of an earlier edition's list this list started from (null: started empty). */
  base: z
    .object({
      listId: z.string().uuid(),
      edition: z.number().int(),
      versionNumber: z.number().int(),
      label: z.string(),
    })
    .nullable(),
});
export type ListDetail = z.infer<typeof listDetailSchema>;

export const listItemsResponseSchema = z.object({ items: z.array(itemSchema) });
export type ListItemsResponse = z.infer<typeof listItemsResponseSchema>;

/** `POST /lists/:id/adjustments`: the township (or its county) reopens a published list with a reason. */
export const startAdjustmentRequestSchema = z.object({
  reason: z
    .string({ error: '请填写调整理由' })
    .trim()
    .min(1, '请填写调整理由')
    .max(5000, '调整理由不能超过 5000 个字')
    .refine((t) => !t.includes('\u0000'), '调整理由不能包含空字符'),
});
export type StartAdjustmentRequest = z.infer<typeof startAdjustmentRequestSchema>;
