import { z } from 'zod';
import { LIST_STAGES, LIST_TABLES, ROLES } from '../enums';
import { LIST_ACTIONS, REVIEW_LEVELS } from '../workflow/stage-machine';
import { ITEM_CONTENT_FIELDS } from '../workflow/item-content';
import { itemFieldsSchema } from './items';

const reason = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(5000, `${label}不能超过 5000 个字`);
const optionalText = z.string().trim().max(5000, '意见不能超过 5000 个字').optional();

export const userRefSchema = z.object({
  id: z.string().uuid(),
  displayName: z.string(),
  role: z.enum(ROLES),
  orgName: z.string(),
});
export type UserRef = z.infer<typeof userRefSchema>;

// ---------------------------------------------------------------- list transitions

export const submitRequestSchema = z.object({ note: optionalText });
export type SubmitRequest = z.infer<typeof submitRequestSchema>;

export const startReviewRequestSchema = z.object({});
export type StartReviewRequest = z.infer<typeof startReviewRequestSchema>;

export const returnRoundRequestSchema = z.object({
  reason: optionalText,
  /** Required when the round is already the edition's last (三上三下 by default). */
  extraRoundReason: z.string().trim().max(5000).optional(),
});
export type ReturnRoundRequest = z.infer<typeof returnRoundRequestSchema>;

export const approveRequestSchema = z.object({ opinion: optionalText });
export type ApproveRequest = z.infer<typeof approveRequestSchema>;

export const signOffRequestSchema = z.object({ opinion: optionalText });
export type SignOffRequest = z.infer<typeof signOffRequestSchema>;

export const returnItemsRequestSchema = z.object({
  items: z
    .array(z.object({ itemId: z.string().uuid(), reason: reason('退回理由') }))
    .min(1, '请至少选择一个退回的事项')
    .max(1000),
  reason: optionalText,
});
export type ReturnItemsRequest = z.infer<typeof returnItemsRequestSchema>;

export const publishRequestSchema = z.object({});
export type PublishRequest = z.infer<typeof publishRequestSchema>;

// ---------------------------------------------------------------- item decisions

export const DECISIONS = ['approved', 'returned', 'suggested'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Record<Decision, string> = {
  approved: '通过',
  returned: '退回修改',
  suggested: '修改建议',
};

/** What the township made of a return or suggestion. `revised`: the item changed (or was deleted). */
export const RESOLUTIONS = ['open', 'revised', 'answered', 'accepted', 'rejected'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];
export const RESOLUTION_LABELS: Record<Resolution, string> = {
  open: '待处理',
  revised: '已修改',
  answered: '已说明',
  accepted: '已采纳',
  rejected: '未采纳',
};

/** A concrete change proposed by a reviewer: new values for fields, and/or a move to another table. */
export const suggestionSchema = z
  .object({
    fields: itemFieldsSchema.partial().optional(),
    table: z.enum(LIST_TABLES).optional(),
  })
  .refine((s) => s.table !== undefined || (s.fields !== undefined && Object.keys(s.fields).length > 0), {
    message: '修改建议至少要包含一个字段的新内容或目标清单',
  });
export type Suggestion = z.infer<typeof suggestionSchema>;

export const decideItemRequestSchema = z
  .object({
    decision: z.enum(DECISIONS, { error: '决定必须是 通过、退回修改 或 修改建议' }),
    reason: z.string().trim().max(5000, '理由不能超过 5000 个字').optional(),
    suggestion: suggestionSchema.optional(),
    /** The decision the reviewer saw on this item, when changing it (stale → 409). */
    replaces: z.string().uuid().optional(),
  })
  .superRefine((body, ctx) => {
    if (body.decision === 'returned' && !body.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '退回修改必须填写理由' });
    }
    if (body.decision === 'suggested' && !body.suggestion) {
      ctx.addIssue({ code: 'custom', path: ['suggestion'], message: '修改建议必须给出具体修改内容' });
    }
    if (body.decision !== 'suggested' && body.suggestion) {
      ctx.addIssue({ code: 'custom', path: ['suggestion'], message: '只有“修改建议”可以附带修改内容' });
    }
  });
export type DecideItemRequest = z.infer<typeof decideItemRequestSchema>;

export const bulkDecideRequestSchema = z
  .object({
    itemIds: z.array(z.string().uuid()).min(1, '请至少选择一个事项').max(2000),
    decision: z.enum(['approved', 'returned']),
    reason: z.string().trim().max(5000).optional(),
  })
  .refine((b) => b.decision !== 'returned' || !!b.reason, { path: ['reason'], message: '退回修改必须填写理由' });
export type BulkDecideRequest = z.infer<typeof bulkDecideRequestSchema>;

export const answerDecisionRequestSchema = z.object({ text: reason('说明') });
export type AnswerDecisionRequest = z.infer<typeof answerDecisionRequestSchema>;

export const rejectSuggestionRequestSchema = z.object({ reason: reason('不采纳的理由') });
export type RejectSuggestionRequest = z.infer<typeof rejectSuggestionRequestSchema>;

export const itemDecisionSchema = z.object({
  id: z.string().uuid(),
  itemId: z.string().uuid(),
  level: z.enum(REVIEW_LEVELS),
  decision: z.enum(DECISIONS),
  reason: z.string().nullable(),
  suggestion: suggestionSchema.nullable(),
  round: z.number().int(),
  versionNumber: z.number().int(),
  reviewer: userRefSchema,
  /** An approval kept from an earlier round because the item has not changed since. */
  carriedOver: z.boolean(),
  resolution: z.enum(RESOLUTIONS),
  response: z.string().nullable(),
  respondedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ItemDecision = z.infer<typeof itemDecisionSchema>;

// ---------------------------------------------------------------- the review state of a list

export const versionRefSchema = z.object({
  number: z.number().int(),
  round: z.number().int(),
  label: z.string(),
  createdAt: z.string(),
});
export type VersionRef = z.infer<typeof versionRefSchema>;

export const ITEM_CHANGES = ['added', 'modified', 'unchanged'] as const;
export type ItemChange = (typeof ITEM_CHANGES)[number];

export const versionItemSchema = itemFieldsSchema.extend({
  id: z.string().uuid(),
  table: z.enum(LIST_TABLES),
  seq: z.number().int(),
});
export type VersionItem = z.infer<typeof versionItemSchema>;

export const reviewItemSchema = z.object({
  item: versionItemSchema,
  /** Against the previous round's version (everything is `added` in round 1). */
  change: z.enum(ITEM_CHANGES),
  changedFields: z.array(z.enum(ITEM_CONTENT_FIELDS)),
  previous: z.object({ table: z.enum(LIST_TABLES), seq: z.number().int() }).nullable(),
  /** The decisions on this version, per level. */
  decisions: z.array(itemDecisionSchema),
  openThreads: z.number().int(),
  threads: z.number().int(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

/** A return or suggestion the township has to deal with, with where the item stands in the draft now. */
export const feedbackSchema = z.object({
  decision: itemDecisionSchema,
  /** The item as the reviewer saw it. */
  reviewed: versionItemSchema,
  /** The item in the draft now (null: deleted from the draft). */
  current: versionItemSchema.extend({ version: z.number().int() }).nullable(),
  /** Revised (the draft item changed or was deleted), answered, accepted or rejected: no longer blocks. */
  settled: z.boolean(),
  /** `revised` when the draft changed since, else the stored resolution. */
  status: z.enum(RESOLUTIONS),
});
export type Feedback = z.infer<typeof feedbackSchema>;

export const reviewSummarySchema = z.object({
  total: z.number().int(),
  approved: z.number().int(),
  returned: z.number().int(),
  suggested: z.number().int(),
  undecided: z.number().int(),
  changed: z.number().int(),
  unresolvedThreads: z.number().int(),
});
export type ReviewSummary = z.infer<typeof reviewSummarySchema>;

export const reviewStateSchema = z.object({
  stage: z.enum(LIST_STAGES),
  round: z.number().int(),
  /** The level whose decisions count in this stage (null outside review stages). */
  level: z.enum(REVIEW_LEVELS).nullable(),
  version: versionRefSchema.nullable(),
  previousVersion: versionRefSchema.nullable(),
  items: z.array(reviewItemSchema),
  /** Summary of `level`'s decisions (the county's outside review stages). */
  summary: reviewSummarySchema,
  feedback: z.array(feedbackSchema),
  /** Feedback entries that still block the next submission. */
  openFeedback: z.number().int(),
});
export type ReviewState = z.infer<typeof reviewStateSchema>;

/** Why a submission or approval was refused: the items still open. */
export const openItemsDetailsSchema = z.object({
  items: z.array(
    z.object({ itemId: z.string().uuid(), table: z.enum(LIST_TABLES), seq: z.number().int(), name: z.string() }),
  ),
});
export type OpenItemsDetails = z.infer<typeof openItemsDetailsSchema>;

// ---------------------------------------------------------------- comment threads

export const commentSchema = z.object({
  id: z.string().uuid(),
  author: userRefSchema,
  body: z.string(),
  mentions: z.array(userRefSchema),
  round: z.number().int(),
  createdAt: z.string(),
});
export type Comment = z.infer<typeof commentSchema>;

export const THREAD_STATUSES = ['open', 'resolved'] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

export const threadSchema = z.object({
  id: z.string().uuid(),
  listId: z.string().uuid(),
  itemId: z.string().uuid(),
  field: z.enum(ITEM_CONTENT_FIELDS).nullable(),
  /** Where the item stands now (draft), or as last frozen when it was deleted since. */
  item: z.object({ table: z.enum(LIST_TABLES), seq: z.number().int(), name: z.string(), deleted: z.boolean() }),
  openedRound: z.number().int(),
  status: z.enum(THREAD_STATUSES),
  createdBy: userRefSchema,
  createdAt: z.string(),
  resolvedBy: userRefSchema.nullable(),
  resolvedAt: z.string().nullable(),
  comments: z.array(commentSchema),
});
export type Thread = z.infer<typeof threadSchema>;

const commentBody = z.string().trim().min(1, '评论内容不能为空').max(5000, '评论不能超过 5000 个字');
const mentions = z.array(z.string().uuid()).max(50).optional();

export const createThreadRequestSchema = z.object({
  itemId: z.string().uuid(),
  field: z.enum(ITEM_CONTENT_FIELDS).optional(),
  body: commentBody,
  mentions,
});
export type CreateThreadRequest = z.infer<typeof createThreadRequestSchema>;

export const replyRequestSchema = z.object({ body: commentBody, mentions });
export type ReplyRequest = z.infer<typeof replyRequestSchema>;

// ---------------------------------------------------------------- audit

export const AUDIT_ACTIONS = [
  ...LIST_ACTIONS,
  'decide_item',
  'answer_item',
  'accept_suggestion',
  'reject_suggestion',
  'open_thread',
  'reply_thread',
  'resolve_thread',
  'reopen_thread',
  'start_adjustment',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  submit: '报送',
  start_review: '开始审核',
  return_round: '退回修改',
  approve: '县级审定',
  sign_off: '签署同意',
  return_items: '退回事项',
  publish: '发布',
  decide_item: '审核事项',
  answer_item: '答复意见',
  accept_suggestion: '采纳建议',
  reject_suggestion: '不采纳建议',
  open_thread: '发起讨论',
  reply_thread: '回复讨论',
  resolve_thread: '讨论已解决',
  reopen_thread: '重新打开讨论',
  start_adjustment: '发起动态调整',
};

export const auditEventSchema = z.object({
  id: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  actor: userRefSchema.nullable(),
  fromStage: z.enum(LIST_STAGES).nullable(),
  toStage: z.enum(LIST_STAGES).nullable(),
  round: z.number().int(),
  itemId: z.string().uuid().nullable(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

// ---------------------------------------------------------------- whose turn

export const turnSchema = z.object({
  role: z.enum(ROLES),
  orgUnit: z.object({ id: z.string().uuid(), name: z.string() }),
  task: z.string(),
});
export type Turn = z.infer<typeof turnSchema>;

export const taskSchema = z.object({
  listId: z.string().uuid(),
  title: z.string(),
  township: z.string(),
  county: z.string(),
  stage: z.enum(LIST_STAGES),
  round: z.number().int(),
  task: z.string(),
  since: z.string(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  /** Items still to decide (reviewers) or feedback still open (drafters). */
  pending: z.number().int(),
});
export type Task = z.infer<typeof taskSchema>;

export const dashboardRowSchema = z.object({
  listId: z.string().uuid(),
  title: z.string(),
  township: z.object({ id: z.string().uuid(), name: z.string() }),
  county: z.object({ id: z.string().uuid(), name: z.string() }),
  prefecture: z.object({ id: z.string().uuid(), name: z.string() }),
  stage: z.enum(LIST_STAGES),
  round: z.number().int(),
  maxRounds: z.number().int(),
  turn: turnSchema.nullable(),
  items: z.object({
    total: z.number().int(),
    approved: z.number().int(),
    returned: z.number().int(),
    open: z.number().int(),
  }),
  unresolvedThreads: z.number().int(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  updatedAt: z.string(),
});
export type DashboardRow = z.infer<typeof dashboardRowSchema>;

export const editionSettingsSchema = z.object({
  edition: z.number().int(),
  maxRounds: z.number().int().min(1, '轮次上限至少为 1').max(10, '轮次上限不能超过 10'),
  /** Days a reviewing level has for its stage (null: no deadline). */
  reviewDays: z.number().int().min(1).max(365).nullable(),
  /** Days the township has to revise a returned list (null: no deadline). */
  reviseDays: z.number().int().min(1).max(365).nullable(),
});
export type EditionSettings = z.infer<typeof editionSettingsSchema>;
export const editionTitleSchema = z
  .string({ error: '请填写届次名称' })
  .trim()
  .min(1, '请填写届次名称')
  .max(50, '届次名称不能超过 50 个字')
  .refine((t) => [...t].every((c) => c.charCodeAt(0) >= 0x20), '届次名称不能包含控制字符');
export const updateEditionSettingsRequestSchema = editionSettingsSchema
  .omit({ edition: true })
  .extend({ title: editionTitleSchema.optional() });
export type UpdateEditionSettingsRequest = z.infer<typeof updateEditionSettingsRequestSchema>;

/** One item through every round: what it said in each version, every decision on it, every step. */
export const itemHistorySchema = z.object({
  itemId: z.string().uuid(),
  /** The item in the draft now (null: deleted). */
  current: versionItemSchema.nullable(),
  versions: z.array(z.object({ version: versionRefSchema, item: versionItemSchema.nullable() })),
  decisions: z.array(itemDecisionSchema),
  events: z.array(auditEventSchema),
});
export type ItemHistory = z.infer<typeof itemHistorySchema>;
