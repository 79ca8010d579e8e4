import {
  DECISION_LABELS,
  REVIEW_LEVEL_LABELS,
  type AuditAction,
  type AuditEvent,
  type Decision,
  type ReviewLevel,
} from '@dutylist/shared';

/** What the `reason` of each action is, in its own words. */
export const REASON_LABELS: Partial<Record<AuditAction, string>> = {
  submit: '报送说明',
  return_round: '退回理由',
  approve: '审定意见',
  sign_off: '签署意见',
  return_items: '退回理由',
  decide_item: '审核意见',
  answer_item: '乡镇说明',
  reject_suggestion: '不采纳的理由',
  start_adjustment: '调整理由',
};

export type AuditCategory = 'stage' | 'item' | 'thread';

export function categoryOf(action: AuditAction): AuditCategory {
  if (action.endsWith('_thread')) return 'thread';
  if (['decide_item', 'answer_item', 'accept_suggestion', 'reject_suggestion'].includes(action)) return 'item';
  return 'stage';
}

export function colorOf(action: AuditAction): string {
  if (action === 'return_round' || action === 'return_items') return 'red';
  if (action === 'start_adjustment') return 'orange';
  if (action === 'approve' || action === 'sign_off' || action === 'publish' || action === 'accept_suggestion') {
    return 'green';
  }
  if (categoryOf(action) === 'thread') return 'gray';
  return 'blue';
}

const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** Short facts from an event's details, e.g. "审核结果：退回修改", "第2版", "退回 3 项". */
export function detailFacts(event: AuditEvent): string[] {
  const d = event.details;
  const facts: string[] = [];
  const decision = str(d.decision);
  if (decision && decision in DECISION_LABELS) facts.push(`审核结果：${DECISION_LABELS[decision as Decision]}`);
  const level = str(d.level);
  if (level && level in REVIEW_LEVEL_LABELS && event.action !== 'decide_item') {
    facts.push(`针对${REVIEW_LEVEL_LABELS[level as ReviewLevel]}的意见`);
  }
  const replaced = str(d.replaced);
  if (replaced && replaced in DECISION_LABELS) facts.push(`原为：${DECISION_LABELS[replaced as Decision]}`);
  const version = num(d.versionNumber);
  if (version !== null) facts.push(`第${version}版`);
  const inForce = num(d.inForceVersion);
  if (inForce !== null) facts.push(`从生效的第${inForce}版开始调整`);
  const items = num(d.items);
  if (items !== null) facts.push(`共 ${items} 项`);
  if (Array.isArray(d.items)) facts.push(`退回 ${d.items.length} 项`);
  const revised = num(d.revised);
  if (revised !== null && revised > 0) facts.push(`修改 ${revised} 项`);
  const carried = num(d.carriedApprovals);
  if (carried !== null && carried > 0) facts.push(`保留通过 ${carried} 项`);
  const returned = num(d.returnedItems);
  if (returned !== null) facts.push(`退回或建议修改 ${returned} 项`);
  const returnedBy = str(d.returnedBy);
  if (returnedBy && returnedBy in REVIEW_LEVEL_LABELS) {
    facts.push(`处理${REVIEW_LEVEL_LABELS[returnedBy as ReviewLevel]}退回的事项`);
  }
  return facts;
}

/** The reason for an extra round past the edition's limit, when there was one. */
export function extraRoundReason(event: AuditEvent): string | null {
  return event.details.extraRound === true ? str(event.details.extraRoundReason) : null;
}
