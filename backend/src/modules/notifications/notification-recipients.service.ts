import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_EVENTS,
  type ListStage,
  type NotificationChannel,
  type NotificationEvent,
  type Role,
  type UserRef,
} from '@dutylist/shared';
import type { ListChain, RecipientTarget } from './notification.policy';
import type { ListFacts } from './notification-messages';

/** A user who will be told of an event, as which event. */
export interface Recipient {
  id: string;
  email: string | null;
  orgUnitId: string;
  event: NotificationEvent;
}

export interface ListContext extends ListFacts {
  chain: ListChain;
}

/** Each user's choices; anything without a row is on. */
export class PreferenceMap {
  constructor(private readonly off: Set<string>) {}

  enabled(userId: string, event: NotificationEvent, channel: NotificationChannel): boolean {
    return !this.off.has(`${userId}|${event}|${channel}`);
  }
}

/** Mentions outrank plain participation; otherwise the first target that names the user wins. */
const PRIORITY: Partial<Record<NotificationEvent, number>> = { mention: 2, comment: 1 };

/**
 * Turns the policy's targets into people (active, not admins, never the actor) and reads the facts the
 * messages need: the list and its org chain, item names, thread participants, actor names, preferences.
 */
@Injectable()
export class NotificationRecipientsService {
  async resolve(manager: EntityManager, targets: RecipientTarget[], actorId: string | null): Promise<Recipient[]> {
    if (targets.length === 0) return [];
    const roleTargets = targets.filter((t) => t.kind === 'role');
    const userTargets = targets.filter((t) => t.kind === 'user');
    const rows: { id: string; role: Role; org_unit_id: string; email: string | null }[] = await manager.query(
      `SELECT u.id, u.role, u.org_unit_id, u.email FROM users u
       WHERE u.is_active AND u.role <> 'admin' AND u.id IS DISTINCT FROM $4::uuid AND (
         EXISTS (SELECT 1 FROM unnest($1::varchar[], $2::uuid[]) AS t(role, org_unit_id)
                 WHERE t.role = u.role AND t.org_unit_id = u.org_unit_id)
         OR u.id = ANY($3::uuid[]))
       ORDER BY u.id`,
      [roleTargets.map((t) => t.role), roleTargets.map((t) => t.orgUnitId), userTargets.map((t) => t.userId), actorId],
    );
    const recipients: Recipient[] = [];
    for (const row of rows) {
      const events = targets
        .filter((t) =>
          t.kind === 'user' ? t.userId === row.id : t.role === row.role && t.orgUnitId === row.org_unit_id,
        )
        .map((t) => t.event);
      const event = events.reduce((best, e) => ((PRIORITY[e] ?? 0) > (PRIORITY[best] ?? 0) ? e : best), events[0]);
      if (event) recipients.push({ id: row.id, email: row.email, orgUnitId: row.org_unit_id, event });
    }
    return recipients;
  }

  async preferences(manager: EntityManager, userIds: string[]): Promise<PreferenceMap> {
    if (userIds.length === 0) return new PreferenceMap(new Set());
    const rows: { user_id: string; event: string; channel: string }[] = await manager.query(
      `SELECT user_id, event, channel FROM notification_preferences WHERE user_id = ANY($1::uuid[]) AND NOT enabled`,
      [userIds],
    );
    return new PreferenceMap(new Set(rows.map((r) => `${r.user_id}|${r.event}|${r.channel}`)));
  }

  async listContexts(manager: EntityManager, listIds: string[]): Promise<Map<string, ListContext>> {
    if (listIds.length === 0) return new Map();
    const rows: {
      id: string;
      title: string;
      stage: ListStage;
      round: number;
      deadline_at: Date | null;
      township_id: string;
      county_id: string;
      prefecture_id: string;
      region_id: string;
    }[] = await manager.query(
      `SELECT l.id, l.title, l.stage, l.round, l.deadline_at,
              t.id AS township_id, c.id AS county_id, p.id AS prefecture_id, p.parent_id AS region_id
       FROM duty_lists l
       JOIN org_units t ON t.id = l.township_id
       JOIN org_units c ON c.id = t.parent_id
       JOIN org_units p ON p.id = c.parent_id
       WHERE l.id = ANY($1::uuid[])`,
      [listIds],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          title: r.title,
          stage: r.stage,
          round: r.round,
          deadlineAt: r.deadline_at ? new Date(r.deadline_at) : null,
          chain: {
            townshipId: r.township_id,
            countyId: r.county_id,
            prefectureId: r.prefecture_id,
            regionId: r.region_id,
          },
        },
      ]),
    );
  }

  /** Everyone who wrote in the thread (its opener included). */
  async threadParticipants(manager: EntityManager, threadId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT created_by AS id FROM comment_threads WHERE id = $1
       UNION SELECT author_id FROM comments WHERE thread_id = $1`,
      [threadId],
    );
    return rows.map((r) => r.id);
  }

  /** Item names of one list as in its draft, or as last frozen when deleted since. */
  async itemNames(manager: EntityManager, listId: string, itemIds: string[]): Promise<Map<string, string>> {
    const ids = [...new Set(itemIds)];
    if (ids.length === 0) return new Map();
    const rows: { id: string; name: string }[] = await manager.query(
      `SELECT DISTINCT ON (x.id) x.id, x.name FROM (
         SELECT i.id, i.name, 0 AS rank, 0 AS number FROM items i WHERE i.list_id = $2 AND i.id = ANY($1::uuid[])
         UNION ALL
         SELECT vi.item_id, vi.name, 1, v.number FROM version_items vi JOIN list_versions v ON v.id = vi.version_id
         WHERE v.list_id = $2 AND vi.item_id = ANY($1::uuid[])) x
       ORDER BY x.id, x.rank, x.number DESC`,
      [ids, listId],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Display references of users, and "name（org）" for messages. */
  async people(manager: EntityManager, userIds: string[]): Promise<Map<string, UserRef>> {
    const ids = [...new Set(userIds)];
    if (ids.length === 0) return new Map();
    const rows: { id: string; display_name: string; role: Role; org_name: string }[] = await manager.query(
      `SELECT u.id, u.display_name, u.role, o.name AS org_name FROM users u JOIN org_units o ON o.id = u.org_unit_id
       WHERE u.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(
      rows.map((r) => [r.id, { id: r.id, displayName: r.display_name, role: r.role, orgName: r.org_name }]),
    );
  }
}

export function actorName(ref: UserRef | undefined | null): string | null {
  return ref ? `${ref.displayName}（${ref.orgName}）` : null;
}

/** Every event × channel, for the preferences screen. */
export function allPreferenceKeys(): { event: NotificationEvent; channel: NotificationChannel }[] {
  return NOTIFICATION_EVENTS.flatMap((event) => NOTIFICATION_CHANNELS.map((channel) => ({ event, channel })));
}
