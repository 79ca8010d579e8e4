import { z } from 'zod';
import { CATEGORIES, LIST_TABLES } from '../enums';
import { tableCountsSchema } from './lists';

export const IMPORT_ROW_STATUSES = ['unchanged', 'changed', 'added'] as const;
export type ImportRowStatus = (typeof IMPORT_ROW_STATUSES)[number];

/** One row of the uploaded document and what confirming will do with it. */
export const importRowSchema = z.object({
  table: z.enum(LIST_TABLES),
  seq: z.number().int(),
  category: z.enum(CATEGORIES).nullable(),
  name: z.string(),
  departments: z.array(z.string()),
  upperDuties: z.string(),
  townshipDuties: z.string(),
  undertaker: z.string(),
  line: z.number().int(),
  /** The draft item this row updates (identity kept), or null for a new item. */
  itemId: z.string().uuid().nullable(),
  status: z.enum(IMPORT_ROW_STATUSES),
  /** 1 for the same text, the similarity for a reworded item, null for a new one. */
  confidence: z.number().nullable(),
  /** The matched item was in another table. */
  moved: z.boolean(),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export const importIssueSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  line: z.number().int().nullable(),
  list: z.enum(LIST_TABLES).nullable(),
  seq: z.number().int().nullable(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

export const importSummarySchema = z.object({
  unchanged: z.number().int(),
  changed: z.number().int(),
  added: z.number().int(),
  removed: z.number().int(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const importPreviewSchema = z.object({
  id: z.string().uuid(),
  listId: z.string().uuid(),
  fileName: z.string(),
  status: z.enum(['previewed', 'confirmed']),
  title: z.object({
    township: z.string().nullable(),
    county: z.string().nullable(),
    prefecture: z.string().nullable(),
  }),
  /** Counts stated in the document's 说明/目录 (a count the document does not state is null). */
  statedCounts: z
    .object({
      basic: z.number().int().nullable(),
      cooperative: z.number().int().nullable(),
      revoked: z.number().int().nullable(),
      total: z.number().int().nullable(),
    })
    .nullable(),
  counts: tableCountsSchema,
  summary: importSummarySchema,
  issues: z.array(importIssueSchema),
  rows: z.array(importRowSchema),
  removed: z.array(
    z.object({ itemId: z.string().uuid(), table: z.enum(LIST_TABLES), seq: z.number().int(), name: z.string() }),
  ),
  createdAt: z.string(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** The validation report of a draft: the import rules run on the edited items, each issue tied to its item. */
export const draftValidationSchema = z.object({
  issues: z.array(importIssueSchema.extend({ itemId: z.string().uuid().nullable() })),
  statedCounts: importPreviewSchema.shape.statedCounts,
});
export type DraftValidation = z.infer<typeof draftValidationSchema>;
