import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { AdminEvent, AdminEventPage, adminAuditQuerySchema } from '@dutylist/shared';
import type { AuthUser } from '../auth/auth-user';
import { authorizeAdmin } from '../policies/admin.policy';
import { AdminEventEntity, type AdminTargetType } from './admin-event.entity';

export interface AdminEventRecord {
  actor: { id: string } | null;
  action: string;
  orgUnitId: string | null;
  targetType: AdminTargetType;
  targetId?: string | null;
  summary: string;
  details?: Record<string, unknown>;
}

interface AdminEventRow {
  id: string;
  action: string;
  summary: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
  actorId: string | null;
  actorName: string | null;
  actorUsername: string | null;
  orgUnitId: string | null;
  orgUnitName: string | null;
}

/** The trail of administration, written in the same transaction as the change it records. */
@Injectable()
export class AdminAuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(manager: EntityManager, event: AdminEventRecord): Promise<AdminEventEntity> {
    return manager.save(
      manager.create(AdminEventEntity, {
        actorId: event.actor?.id ?? null,
        action: event.action,
        orgUnitId: event.orgUnitId,
        targetType: event.targetType,
        targetId: event.targetId ?? null,
        summary: event.summary,
        details: event.details ?? {},
      }),
    );
  }

  /** The events anchored in the admin's subtree, newest first; admins only (403 otherwise). */
  async list(actor: AuthUser, query: z.output<typeof adminAuditQuerySchema>): Promise<AdminEventPage> {
    authorizeAdmin(actor, 'manageAccounts', { path: actor.orgPath });
    const params: unknown[] = [`${actor.orgPath}%`];
    const where = ['o.path LIKE $1'];
    if (query.targetType) {
      params.push(query.targetType);
      where.push(`e.target_type = $${params.length}`);
    }
    if (query.targetId) {
      params.push(query.targetId);
      where.push(`e.target_id = $${params.length}`);
    }
    const whereSql = where.join(' AND ');
    const [rows, [{ total }]] = await Promise.all([
      this.db.query(
        `SELECT e.id::text AS id, e.action, e.summary, e.target_type AS "targetType", e.target_id AS "targetId",
                e.details, e.created_at AS "createdAt", a.id AS "actorId", a.display_name AS "actorName",
                a.username AS "actorUsername", o.id AS "orgUnitId", o.name AS "orgUnitName"
           FROM admin_events e
           JOIN org_units o ON o.id = e.org_unit_id
           LEFT JOIN users a ON a.id = e.actor_id
          WHERE ${whereSql}
          ORDER BY e.id DESC
          LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
        params,
      ) as Promise<AdminEventRow[]>,
      this.db.query(
        `SELECT count(*)::int AS total FROM admin_events e JOIN org_units o ON o.id = e.org_unit_id WHERE ${whereSql}`,
        params,
      ) as Promise<{ total: number }[]>,
    ]);
    return { items: rows.map(toAdminEvent), total, page: query.page, pageSize: query.pageSize };
  }
}

function toAdminEvent(row: AdminEventRow): AdminEvent {
  return {
    id: row.id,
    action: row.action,
    summary: row.summary,
    actor:
      row.actorId && row.actorName && row.actorUsername
        ? { id: row.actorId, displayName: row.actorName, username: row.actorUsername }
        : null,
    orgUnit: row.orgUnitId && row.orgUnitName ? { id: row.orgUnitId, name: row.orgUnitName } : null,
    targetType: row.targetType,
    targetId: row.targetId,
    details: row.details,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
