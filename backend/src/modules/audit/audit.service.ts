import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditAction, AuditEvent, ListStage } from '@dutylist/shared';
import type { AuthUser } from '../auth/auth-user';
import { ListsService } from '../lists/lists.service';
import { writeOutbox } from '../notifications/notification-outbox';
import { UsersService } from '../users/users.service';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditRecord {
  listId: string;
  actor: Pick<AuthUser, 'id'> | null;
  action: AuditAction;
  round: number;
  fromStage?: ListStage | null;
  toStage?: ListStage | null;
  itemId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** The append-only history of every workflow step, written in the same transaction as the step. */
@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly lists: ListsService,
    private readonly users: UsersService,
  ) {}

  /** Writes the audit row and, in the same transaction, its notification outbox row. */
  async record(manager: EntityManager, event: AuditRecord): Promise<AuditEventEntity> {
    const saved = await manager.save(
      manager.create(AuditEventEntity, {
        listId: event.listId,
        actorId: event.actor?.id ?? null,
        action: event.action,
        round: event.round,
        fromStage: event.fromStage ?? null,
        toStage: event.toStage ?? null,
        itemId: event.itemId ?? null,
        reason: event.reason ?? null,
        details: event.details ?? {},
      }),
    );
    await writeOutbox(manager, saved);
    return saved;
  }

  /** The last list-level step (not item decisions or comments), for idempotent replays. */
  lastTransition(manager: EntityManager, listId: string): Promise<AuditEventEntity | null> {
    return manager
      .createQueryBuilder(AuditEventEntity, 'a')
      .where('a.list_id = :listId AND a.to_stage IS NOT NULL', { listId })
      .orderBy('a.id', 'DESC')
      .limit(1)
      .getOne();
  }

  /** The history of a list, or of one of its items, oldest first. */
  async historyForUser(user: AuthUser, listId: string, itemId?: string): Promise<AuditEvent[]> {
    await this.lists.getForUser(user, listId);
    const query = this.db
      .getRepository(AuditEventEntity)
      .createQueryBuilder('a')
      .where('a.list_id = :listId', { listId })
      .orderBy('a.id', 'ASC');
    if (itemId) query.andWhere('a.item_id = :itemId', { itemId });
    return this.toDtos(await query.getMany());
  }

  async toDtos(events: AuditEventEntity[]): Promise<AuditEvent[]> {
    const actors = await this.users.refs(events.flatMap((e) => (e.actorId ? [e.actorId] : [])));
    return events.map((e) => ({
      id: String(e.id),
      action: e.action,
      actor: e.actorId ? (actors.get(e.actorId) ?? null) : null,
      fromStage: e.fromStage,
      toStage: e.toStage,
      round: e.round,
      itemId: e.itemId,
      reason: e.reason,
      details: e.details,
      createdAt: e.createdAt.toISOString(),
    }));
  }
}
