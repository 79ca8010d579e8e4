import { z } from 'zod';
import { LIST_STAGES, LIST_TABLES } from '../enums';
import { REVIEW_LEVELS } from '../workflow/stage-machine';
import { itemSchema } from './items';
import { turnSchema } from './review';

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
  can: listAbilitiesSchema,
});
export type ListSummary = z.infer<typeof listSummarySchema>;

export const listDetailSchema = listSummarySchema.extend({
  explanation: explanationSchema,
  versions: z.array(
    z.object({ number: z.number().int(), round: z.number().int(), label: z.string(), createdAt: z.string() }),
  ),
});
export type ListDetail = z.infer<typeof listDetailSchema>;

export const listItemsResponseSchema = z.object({ items: z.array(itemSchema) });
export type ListItemsResponse = z.infer<typeof listItemsResponseSchema>;
