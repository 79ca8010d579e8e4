import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ListDetail, StartAdjustmentRequest } from '@dutylist/shared';
import { AppError } from '../../common/app-error';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { ItemsService } from '../items/items.service';
import { DutyListEntity } from '../lists/duty-list.entity';
import { authorize } from '../policies/list.policy';
import { ListsService } from '../lists/lists.service';

/**
 * 动态调整: a published list goes back to drafting for one more cycle. The draft starts as the version in
 * force (item ids kept), the round counter restarts, and the version in force stays in force until the
 * adjustment is published.
 */
@Injectable()
export class AdjustmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly lists: ListsService,
    private readonly items: ItemsService,
    private readonly audit: AuditService,
  ) {}

  async start(user: AuthUser, listId: string, request: StartAdjustmentRequest): Promise<ListDetail> {
    await this.db.transaction(async (manager) => {
      const list = await this.lists.lockForUser(manager, user, listId);
      authorize(user, 'startAdjustment', list);
      const inForce = await this.lists.inForceVersion(manager, list);
      if (!inForce) throw new AppError('NO_VERSION', '该清单没有已发布的版本，不能发起动态调整');
      const number = await this.lists.startAdjustmentCycle(manager, list, inForce, request.reason, user.id);
      const items = await this.items.replaceDraftWithVersion(manager, list.id, inForce.id);
      await manager.update(
        DutyListEntity,
        { id: list.id },
        {
          stage: 'drafting',
          round: 1,
          returnLevel: null,
          inForceVersionId: inForce.id,
          explanation: inForce.explanation,
          stageSince: new Date(),
          deadlineAt: null,
          updatedAt: () => 'now()',
        },
      );
      await this.audit.record(manager, {
        listId: list.id,
        actor: user,
        action: 'start_adjustment',
        round: 1,
        fromStage: list.stage,
        toStage: 'drafting',
        reason: request.reason,
        details: {
          adjustment: number - 1,
          cycle: number,
          inForceVersion: inForce.number,
          items,
          actorRole: user.role,
        },
      });
    });
    return this.lists.getForUser(user, listId);
  }
}
