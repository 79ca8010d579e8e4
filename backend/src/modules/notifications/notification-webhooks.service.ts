import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PutWebhookRequest, WebhookSetting } from '@dutylist/shared';
import { AppError } from '../../common/app-error';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { NotificationWebhookEntity } from './notification-webhook.entity';

/** The group robots of org units (admin): one WeCom or DingTalk webhook per office. */
@Injectable()
export class NotificationWebhooksService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(): Promise<WebhookSetting[]> {
    const hooks = await this.db.getRepository(NotificationWebhookEntity).find({ order: { createdAt: 'ASC' } });
    return this.toDtos(hooks);
  }

  async put(orgUnitId: string, request: PutWebhookRequest): Promise<WebhookSetting> {
    const org = await this.db.getRepository(OrgUnitEntity).findOneBy({ id: orgUnitId });
    if (!org) throw AppError.notFound('ORG_UNIT_NOT_FOUND', '未找到该单位');
    const repo = this.db.getRepository(NotificationWebhookEntity);
    const existing = await repo.findOneBy({ orgUnitId });
    const secret = request.secret === undefined ? (existing?.secret ?? null) : request.secret || null;
    await repo.save({ orgUnitId, provider: request.provider, url: request.url, secret, enabled: request.enabled });
    const [dto] = await this.toDtos([await repo.findOneByOrFail({ orgUnitId })]);
    return dto;
  }

  async remove(orgUnitId: string): Promise<void> {
    const result = await this.db.getRepository(NotificationWebhookEntity).delete({ orgUnitId });
    if (!result.affected) throw AppError.notFound('NOT_FOUND', '该单位没有配置群机器人');
  }

  private async toDtos(hooks: NotificationWebhookEntity[]): Promise<WebhookSetting[]> {
    if (hooks.length === 0) return [];
    const orgs = new Map(
      (
        await this.db
          .getRepository(OrgUnitEntity)
          .createQueryBuilder('o')
          .where('o.id IN (:...ids)', { ids: hooks.map((h) => h.orgUnitId) })
          .getMany()
      ).map((o) => [o.id, o.name]),
    );
    return hooks.map((h) => ({
      orgUnit: { id: h.orgUnitId, name: orgs.get(h.orgUnitId) ?? '' },
      provider: h.provider,
      url: h.url,
      hasSecret: !!h.secret,
      enabled: h.enabled,
      updatedAt: h.updatedAt.toISOString(),
    }));
  }
}
