import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
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

/** The trail of administration, written in the same transaction as the change it records. */
@Injectable()
export class AdminAuditService {
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
}
