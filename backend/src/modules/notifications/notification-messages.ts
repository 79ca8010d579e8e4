import {
  DECISION_LABELS,
  LIST_STAGE_LABELS,
  NOTIFICATION_EVENT_LABELS,
  REVIEW_LEVEL_LABELS,
  STAGE_TASK_LABELS,
  type AuditAction,
  type Decision,
  type DigestEvent,
  type ListStage,
  type NotificationEvent,
  type ReviewLevel,
} from '@dutylist/shared';

/** The facts of a list a message names. */
export interface ListFacts {
  id: string;
  title: string;
  stage: ListStage;
  round: number;
  deadlineAt: Date | null;
}

/** The audit event a message is about. */
export interface EventMessageFacts {
  action: AuditAction;
  round: number;
  toStage: ListStage | null;
  itemId: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  /** "张三（阿合奇县）", or null for the system. */
  actorName: string | null;
  /** The item's name where the event is about one item. */
  itemName: string | null;
}

export interface RenderedMessage {
  title: string;
  body: string;
  /** Path of the deep link inside the app (prefix APP_BASE_URL for email and webhooks). */
  link: string;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const quote = (name: string | null) => (name ? `「${name}」` : '');
const clip = (text: string, max = 200) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** Deep links into the frontend: the list, its review page at a round, an item or a thread. */
export const links = {
  list: (listId: string) => `/lists/${listId}`,
  round: (listId: string, round: number) => `/lists/${listId}/review?round=${round}`,
  item: (listId: string, itemId: string, threadId?: string | null) =>
    `/lists/${listId}/review?item=${itemId}${threadId ? `&thread=${threadId}` : ''}`,
};

function levelLabel(details: Record<string, unknown>): string {
  const level = str(details.level) as ReviewLevel | null;
  return level && level in REVIEW_LEVEL_LABELS ? REVIEW_LEVEL_LABELS[level] : '审核人';
}

/** The message of one event for a recipient told of it as `event`. */
export function renderEvent(event: NotificationEvent, facts: EventMessageFacts, list: ListFacts): RenderedMessage {
  const who = facts.actorName ?? '系统';
  const reason = facts.reason ? `\n理由：${clip(facts.reason)}` : '';
  const round = facts.round;
  const roundLink = links.round(list.id, round);
  const itemLink = facts.itemId ? links.item(list.id, facts.itemId, str(facts.details.threadId)) : roundLink;
  switch (event) {
    case 'submit':
      return {
        title: `《${list.title}》第${round}轮报送（${round}上），请审核`,
        body: `${who}报送了清单第${round}轮（${num(facts.details.items) ?? ''}个事项），轮到您审核。${reason}`.trim(),
        link: roundLink,
      };
    case 'return_round':
      return {
        title: `《${list.title}》第${round}轮审核意见已退回（${round}下），请修改`,
        body: `${who}退回了清单，${num(facts.details.returnedItems) ?? 0} 个事项需要修改或答复后重新报送。${reason}`,
        link: roundLink,
      };
    case 'approve':
      return {
        title: `《${list.title}》已经县级审定，请审核`,
        body: `${who}审定通过了清单，现为“${facts.toStage ? LIST_STAGE_LABELS[facts.toStage] : ''}”，轮到您审核。${reason}`,
        link: roundLink,
      };
    case 'sign_off':
      return {
        title:
          facts.toStage === 'region_approved'
            ? `《${list.title}》自治区已签署同意，待发布`
            : `《${list.title}》已签署同意，请审核`,
        body: `${who}签署同意了清单（${levelLabel(facts.details)}）。${reason}`,
        link: roundLink,
      };
    case 'return_items': {
      const items = Array.isArray(facts.details.items) ? facts.details.items.length : 0;
      return {
        title: `《${list.title}》被${levelLabel(facts.details)}退回 ${items} 个事项，请重新审核`,
        body: `${who}退回了 ${items} 个事项，清单回到县级审核。${reason}`,
        link: roundLink,
      };
    }
    case 'start_adjustment':
      return {
        title: `《${list.title}》发起了动态调整`,
        body: `${who}发起了已发布清单的动态调整（第${num(facts.details.adjustment) ?? ''}次），调整稿将重新经过审核；发布前原发布版本继续有效。${reason}`,
        link: links.list(list.id),
      };
    case 'publish':
      return {
        title: `《${list.title}》已发布`,
        body: `${who}发布了清单（第${round}轮审定版本）。`,
        link: links.list(list.id),
      };
    case 'decide_item': {
      const decision = str(facts.details.decision) as Decision | null;
      return {
        title: `《${list.title}》事项${quote(facts.itemName)}：${decision ? DECISION_LABELS[decision] : '审核意见'}`,
        body: `${who}对事项${quote(facts.itemName)}作出审核意见：${decision ? DECISION_LABELS[decision] : ''}。${reason}`,
        link: itemLink,
      };
    }
    case 'answer_item':
      return {
        title: `《${list.title}》事项${quote(facts.itemName)}的审核意见已答复`,
        body: `${who}答复了您的审核意见。${facts.reason ? `\n答复：${clip(facts.reason)}` : ''}`,
        link: itemLink,
      };
    case 'accept_suggestion':
      return {
        title: `《${list.title}》事项${quote(facts.itemName)}的修改建议已采纳`,
        body: `${who}采纳了修改建议，草稿已按建议修改。`,
        link: itemLink,
      };
    case 'reject_suggestion':
      return {
        title: `《${list.title}》事项${quote(facts.itemName)}的修改建议未被采纳`,
        body: `${who}未采纳修改建议。${reason}`,
        link: itemLink,
      };
    case 'comment':
      return {
        title: `《${list.title}》事项${quote(facts.itemName)}的讨论有新回复`,
        body: `${who}${facts.action === 'open_thread' ? '发起了讨论' : '回复了讨论'}。`,
        link: itemLink,
      };
    case 'mention':
      return {
        title: `${facts.actorName ?? '有人'}在《${list.title}》的讨论中提到了您`,
        body: `${who}在事项${quote(facts.itemName)}的讨论中 @ 了您。`,
        link: itemLink,
      };
    case 'overdue':
      return renderOverdue(list);
  }
}

/** One entry of a digest: the event, who did it, on which item. */
export interface DigestLine {
  event: DigestEvent;
  actorName: string | null;
  itemName: string | null;
}

/** Several item-level events on one list, for one recipient, in one message. */
export function renderDigest(lines: DigestLine[], list: ListFacts): RenderedMessage {
  const counts = new Map<DigestEvent, number>();
  for (const line of lines) counts.set(line.event, (counts.get(line.event) ?? 0) + 1);
  const summary = [...counts].map(([event, n]) => `${NOTIFICATION_EVENT_LABELS[event]} ${n} 条`).join('，');
  const actors = [...new Set(lines.map((l) => l.actorName).filter((n): n is string => !!n))];
  const items = [...new Set(lines.map((l) => l.itemName).filter((n): n is string => !!n))];
  const shown = items
    .slice(0, 5)
    .map((n) => `「${n}」`)
    .join('、');
  return {
    title: `《${list.title}》有 ${lines.length} 条新动态`,
    body:
      `${summary}。` +
      (actors.length ? `\n来自：${actors.join('、')}` : '') +
      (shown ? `\n涉及事项：${shown}${items.length > 5 ? ` 等 ${items.length} 个` : ''}` : ''),
    link: links.round(list.id, list.round),
  };
}

/** The reminder to whoever's turn an overdue stage is. */
export function renderOverdue(list: ListFacts): RenderedMessage {
  const deadline = list.deadlineAt ? formatChinaTime(list.deadlineAt) : '';
  return {
    title: `《${list.title}》已超期：${STAGE_TASK_LABELS[list.stage]}`,
    body: `清单处于“${LIST_STAGE_LABELS[list.stage]}”阶段，应于 ${deadline} 前完成“${STAGE_TASK_LABELS[list.stage]}”，现已超期，请尽快处理。`,
    link: links.list(list.id),
  };
}

/** 2025-03-01 18:00 in China time (UTC+8, no daylight saving). */
export function formatChinaTime(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The calendar day in China (UTC+8): the unit of "at most once a day". */
export function chinaDay(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
