import { z } from 'zod';
import { userRefSchema } from './review';

/**
 * What a user can be notified of: the workflow steps that hand the list to someone, the township's
 * answers, comments (as a participant of the thread, or @mentioned) and overdue reminders. Preferences
 * are kept per event and channel.
 */
export const NOTIFICATION_EVENTS = [
  'submit',
  'return_round',
  'approve',
  'sign_off',
  'return_items',
  'publish',
  'decide_item',
  'answer_item',
  'accept_suggestion',
  'reject_suggestion',
  'comment',
  'mention',
  'overdue',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const NOTIFICATION_EVENT_LABELS: Record<NotificationEvent, string> = {
  submit: '清单报送',
  return_round: '退回修改',
  approve: '县级审定',
  sign_off: '签署同意',
  return_items: '退回事项',
  publish: '清单发布',
  decide_item: '事项审核意见',
  answer_item: '答复意见',
  accept_suggestion: '采纳建议',
  reject_suggestion: '不采纳建议',
  comment: '讨论回复',
  mention: '@提到我',
  overdue: '超期提醒',
};

/** Item-level activity that is collected per list and recipient into one digest within the debounce window. */
export const DIGEST_EVENTS = [
  'decide_item',
  'answer_item',
  'accept_suggestion',
  'reject_suggestion',
  'comment',
  'mention',
] as const satisfies readonly NotificationEvent[];
export type DigestEvent = (typeof DIGEST_EVENTS)[number];

export function isDigestEvent(event: NotificationEvent): event is DigestEvent {
  return (DIGEST_EVENTS as readonly NotificationEvent[]).includes(event);
}

/** A row of the inbox is one event, or a digest of several on one list. */
export const NOTIFICATION_KINDS = [...NOTIFICATION_EVENTS, 'digest'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Channels a user chooses per event (group-robot webhooks are set per org unit by an admin). */
export const NOTIFICATION_CHANNELS = ['inapp', 'email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NOTIFICATION_CHANNEL_LABELS: Record<NotificationChannel, string> = {
  inapp: '站内消息',
  email: '电子邮件',
};

export const notificationSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  /** Deep link into the app: the list, its review page at a round, or an item (`?item=`) or thread (`&thread=`). */
  link: z.string(),
  listId: z.string().uuid(),
  round: z.number().int().nullable(),
  itemId: z.string().uuid().nullable(),
  threadId: z.string().uuid().nullable(),
  actor: userRefSchema.nullable(),
  /** Events summed up by this row (1 unless it is a digest). */
  eventCount: z.number().int(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = z.object({
  unread: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Rows created before this one (its id), for the next page. */
  before: z.string().uuid().optional(),
});
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  unread: z.number().int(),
  /** Pass as `before` for the next page; null on the last page. */
  nextBefore: z.string().uuid().nullable(),
});
export type NotificationPage = z.infer<typeof notificationPageSchema>;

export const readAllResponseSchema = z.object({ updated: z.number().int(), unread: z.number().int() });
export type ReadAllResponse = z.infer<typeof readAllResponseSchema>;

/** Every event × channel, on or off (everything is on until the user turns it off). */
export const notificationPreferencesSchema = z.object({
  preferences: z.array(
    z.object({
      event: z.enum(NOTIFICATION_EVENTS),
      channel: z.enum(NOTIFICATION_CHANNELS),
      enabled: z.boolean(),
    }),
  ),
  /** Whether the server sends email at all (SMTP configured), and whether the user has an address. */
  email: z.object({ configured: z.boolean(), address: z.string().nullable() }),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const updateNotificationPreferencesRequestSchema = z.object({
  preferences: z
    .array(
      z.object({
        event: z.enum(NOTIFICATION_EVENTS, { error: '未知的通知类型' }),
        channel: z.enum(NOTIFICATION_CHANNELS, { error: '未知的通知渠道' }),
        enabled: z.boolean(),
      }),
    )
    .min(1, '请至少提交一项设置')
    .max(NOTIFICATION_EVENTS.length * NOTIFICATION_CHANNELS.length),
});
export type UpdateNotificationPreferencesRequest = z.infer<typeof updateNotificationPreferencesRequestSchema>;

/** A short-lived token for the live stream (EventSource cannot send an Authorization header). */
export const streamTokenSchema = z.object({ token: z.string(), expiresAt: z.string() });
export type StreamToken = z.infer<typeof streamTokenSchema>;

/** Server-Sent Events on GET /api/notifications/stream: `ready` once, then `notification` per new row. */
export type NotificationStreamEvent =
  { type: 'ready'; unread: number } | { type: 'notification'; notification: Notification } | { type: 'ping' };

// ---------------------------------------------------------------- group robots (admins, within their scope)

export const WEBHOOK_PROVIDERS = ['wecom', 'dingtalk'] as const;
export type WebhookProvider = (typeof WEBHOOK_PROVIDERS)[number];
export const WEBHOOK_PROVIDER_LABELS: Record<WebhookProvider, string> = {
  wecom: '企业微信群机器人',
  dingtalk: '钉钉群机器人',
};

export const webhookSettingSchema = z.object({
  orgUnit: z.object({ id: z.string().uuid(), name: z.string() }),
  provider: z.enum(WEBHOOK_PROVIDERS),
  /** The webhook URL with its key masked (`…send?key=1a2b****9f0e`): the full URL is never returned. */
  url: z.string(),
  /** DingTalk 加签 secret is set (never returned). */
  hasSecret: z.boolean(),
  enabled: z.boolean(),
  updatedAt: z.string(),
});
export type WebhookSetting = z.infer<typeof webhookSettingSchema>;

export const putWebhookRequestSchema = z.object({
  provider: z.enum(WEBHOOK_PROVIDERS, { error: '机器人类型必须是 企业微信 或 钉钉' }),
  /** Omit to keep the stored URL (a robot already set); required for a new robot. */
  url: z
    .string()
    .trim()
    .url('请填写有效的 Webhook 地址')
    .max(1000)
    .refine((u) => /^https?:\/\//i.test(u), 'Webhook 地址必须以 http:// 或 https:// 开头')
    .optional(),
  /** DingTalk 加签 secret (SEC…); omit to keep the stored one, empty string to remove it. */
  secret: z.string().trim().max(200).optional(),
  enabled: z.boolean().default(true),
});
export type PutWebhookRequest = z.infer<typeof putWebhookRequestSchema>;

/** The answer of POST /api/notifications/webhooks/:orgUnitId/test: whether the robot took the test message. */
export const webhookTestResultSchema = z.object({
  ok: z.boolean(),
  /** The robot's HTTP status, or null when no answer came (refused address, DNS, timeout, connection). */
  httpStatus: z.number().int().nullable(),
  /** 测试消息已送达, or what went wrong (the robot's own error text included). */
  message: z.string(),
});
export type WebhookTestResult = z.infer<typeof webhookTestResultSchema>;
