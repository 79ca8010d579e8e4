import {
  REVIEWER_ROLE,
  REVIEW_LEVELS,
  ROLE_LEVEL,
  STAGE_TURN,
  type AuditAction,
  type ListStage,
  type NotificationEvent,
  type ReviewLevel,
  type Role,
} from '@dutylist/shared';

/** The org units above a township's list: the offices whose people take part in its review. */
export interface ListChain {
  townshipId: string;
  countyId: string;
  prefectureId: string;
  regionId: string;
}

/** What the policy needs to know of one audit event. */
export interface EventFacts {
  action: AuditAction;
  actorId: string | null;
  toStage: ListStage | null;
  details: Record<string, unknown>;
}

/** Everyone holding `role` in one org unit, or one named user; each with the event they are told of. */
export type RecipientTarget =
  | { kind: 'role'; role: Role; orgUnitId: string; event: NotificationEvent }
  | { kind: 'user'; userId: string; event: NotificationEvent };

/** The org unit of the list's chain where `role` sits. */
export function orgUnitOfRole(role: Role, chain: ListChain): string {
  switch (ROLE_LEVEL[role]) {
    case 'township':
      return chain.townshipId;
    case 'county':
      return chain.countyId;
    case 'prefecture':
      return chain.prefectureId;
    default:
      return chain.regionId;
  }
}

/** Whoever's turn the stage is: their role in the list's chain (nobody once published). */
export function turnTargets(stage: ListStage, chain: ListChain, event: NotificationEvent): RecipientTarget[] {
  const role = STAGE_TURN[stage];
  return role ? [{ kind: 'role', role, orgUnitId: orgUnitOfRole(role, chain), event }] : [];
}

function role(role: Role, chain: ListChain, event: NotificationEvent): RecipientTarget {
  return { kind: 'role', role, orgUnitId: orgUnitOfRole(role, chain), event };
}

function levelOf(details: Record<string, unknown>): ReviewLevel {
  const level = details.level;
  return REVIEW_LEVELS.find((l) => l === level) ?? 'county';
}

function userIds(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Who hears of an audit event (before the actor is removed):
 * - a list-level step → whoever's turn the list now is (submit and a return from above: the county
 *   reviewers; a county return: the township's drafters; an approval or sign-off: the next level up);
 *   publishing → the township's drafters;
 * - an item decision (any level) → the township's drafters;
 * - the township's answer, acceptance or rejection → the reviewers of the level whose decision it was;
 * - a comment → the thread's participants, and the @mentioned (as a mention); a new thread also tells
 *   the other side of the review: the township's drafters when a reviewer opens it, the county
 *   reviewers when a drafter does (a question on an item must reach those who answer it);
 * - an adjustment started (动态调整) → the other side: the county reviewers when the township starts it,
 *   the township's drafters when the county does;
 * - starting a review, resolving or reopening a thread → nobody.
 */
export function recipientTargets(facts: EventFacts, chain: ListChain, participants: string[]): RecipientTarget[] {
  switch (facts.action) {
    case 'submit':
    case 'return_round':
    case 'approve':
    case 'sign_off':
    case 'return_items':
      return facts.toStage ? turnTargets(facts.toStage, chain, facts.action) : [];
    case 'publish':
      return [role('township_drafter', chain, 'publish')];
    case 'decide_item':
      return [role('township_drafter', chain, 'decide_item')];
    case 'answer_item':
    case 'accept_suggestion':
    case 'reject_suggestion':
      return [role(REVIEWER_ROLE[levelOf(facts.details)], chain, facts.action)];
    case 'open_thread':
    case 'reply_thread': {
      const mentioned = userIds(facts.details.mentions);
      const otherSide =
        facts.action !== 'open_thread'
          ? []
          : facts.details.actorRole === 'township_drafter'
            ? [role('county_reviewer', chain, 'comment')]
            : [role('township_drafter', chain, 'comment')];
      return [
        ...otherSide,
        ...participants
          .filter((id) => !mentioned.includes(id))
          .map((userId): RecipientTarget => ({ kind: 'user', userId, event: 'comment' })),
        ...mentioned.map((userId): RecipientTarget => ({ kind: 'user', userId, event: 'mention' })),
      ];
    }
    case 'start_adjustment':
      return [
        facts.details.actorRole === 'township_drafter'
          ? role('county_reviewer', chain, 'start_adjustment')
          : role('township_drafter', chain, 'start_adjustment'),
      ];
    case 'start_review':
    case 'resolve_thread':
    case 'reopen_thread':
      return [];
  }
}
