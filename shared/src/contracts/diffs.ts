import { z } from 'zod';
import type { ListTable } from '../enums';
import type { DiffSummary } from '../diff/diff-summary';
import type { ItemDiffEntry } from '../diff/item-diff-entry';
import type { StatedCountsDiff } from '../diff/stated-counts-diff';
import type { ItemDecision, VersionItem, VersionRef } from './review';

/** A version number in a query string (`?from=2`). */
const versionNumber = z
  .string()
  .regex(/^[1-9]\d{0,8}$/, '版本号必须是正整数')
  .transform(Number);
const toSide = z.union([z.literal('draft'), versionNumber], { error: '对比目标必须是版本号或 draft（当前草稿）' });
const booleanFlag = z.enum(['true', 'false'], { error: '只能是 true 或 false' }).transform((v) => v === 'true');

/**
 * `GET /lists/:id/diff?from=&to=&includeRenumbered=`: any two versions (by number), or a version against the
 * live draft (`to=draft`). Without `from`/`to`: the last two versions, or the only version against the draft;
 * while an adjustment runs, the version in force against the latest proposal (its latest version, or the draft);
 * a list with no version yet that started from an earlier edition: that published version against the draft.
 */
export const diffQuerySchema = z.object({
  /** `base`: the published version of the earlier edition the list started from. */
  from: z
    .union([z.literal('base'), versionNumber], { error: '对比起点必须是版本号或 base（上一届发布版本）' })
    .optional(),
  to: toSide.optional(),
  includeRenumbered: booleanFlag.optional(),
});
export type DiffQuery = z.infer<typeof diffQuerySchema>;

/** `GET /lists/:id/diff/since-my-decision?includeRenumbered=`. */
export const sinceMyDecisionQuerySchema = diffQuerySchema.pick({ includeRenumbered: true });
export type SinceMyDecisionQuery = z.infer<typeof sinceMyDecisionQuerySchema>;

export const DIFF_EXPORT_FORMATS = ['docx', 'xlsx'] as const;
export type DiffExportFormat = (typeof DIFF_EXPORT_FORMATS)[number];

/** `GET /lists/:id/diff/export?from=&to=&format=`: the 修改对照表 of a pair of versions. */
export const diffExportQuerySchema = z.object({
  from: versionNumber.optional(),
  to: toSide.optional(),
  format: z
    .enum(DIFF_EXPORT_FORMATS, { error: '导出格式只能是 docx 或 xlsx' })
    .optional()
    .transform((f) => f ?? 'docx'),
});
export type DiffExportQuery = z.infer<typeof diffExportQuerySchema>;

/** `GET /lists/:id/compare?with=<otherListId>`. */
export const compareQuerySchema = z.object({
  with: z.string({ error: '请选择要对比的清单' }).uuid('请选择要对比的清单'),
});
export type CompareQuery = z.infer<typeof compareQuerySchema>;

/** One side of a diff: a frozen version, or the live draft. */
export type DiffSide = { kind: 'version'; version: VersionRef } | { kind: 'draft'; label: string; updatedAt: string };

/** The label of the draft side (当前草稿). */
export const DRAFT_SIDE_LABEL = '当前草稿';

/** What the diff screen filters on, per item id. */
export interface DiffItemAnnotation {
  /** Decisions on the `to` version (when `to` is the draft: on the latest version, which the draft answers). */
  decisions: ItemDecision[];
  /** Decisions on the `from` version (the opinions the changes respond to). */
  fromDecisions: ItemDecision[];
  /** Comment threads on the item still open. */
  openThreads: number;
}

export type ListDiffEntry = ItemDiffEntry<VersionItem>;

/** The diff between two versions of a list, item by item. */
export interface ListDiff {
  listId: string;
  /** Null only for "since my last decision" when the caller has decided nothing yet. */
  from: DiffSide | null;
  to: DiffSide;
  includeRenumbered: boolean;
  /** Every item once, in the order of the `to` side (removed items where they used to be). */
  entries: ListDiffEntry[];
  summary: DiffSummary;
  /** How the counts stated in the 说明 changed (null when neither side states counts). */
  statedCounts: StatedCountsDiff | null;
  /** Per item id; items with no decision and no open thread are absent. */
  annotations: Record<string, DiffItemAnnotation>;
}

/** An item of a peer comparison, as much as the screen shows of it. */
export interface PeerItem {
  id: string;
  table: ListTable;
  seq: number;
  category: string | null;
  name: string;
}

export interface PeerPairDto {
  /** The item of this list. */
  a: PeerItem;
  /** Its counterpart in the other list. */
  b: PeerItem;
  method: 'exact' | 'similar';
  confidence: number;
}

export interface PeerListRef {
  id: string;
  title: string;
  edition: number;
  township: string;
  county: string;
}

/** A list's draft against another list's (a neighbouring township, or a model list), place names aside. */
export interface PeerComparisonResponse {
  list: PeerListRef;
  other: PeerListRef;
  /** Items of this list with a counterpart in the other. */
  matched: number;
  /** Items of this list the other does not have. */
  missing: PeerItem[];
  /** Items of the other list this one does not have. */
  extra: PeerItem[];
  differentTable: (PeerPairDto & { table: { from: ListTable; to: ListTable } })[];
  differentCategory: (PeerPairDto & { category: { from: string | null; to: string | null } })[];
  /** The place names removed before matching. */
  placeNames: string[];
}
