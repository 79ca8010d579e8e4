import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  WEBHOOK_PROVIDER_LABELS,
  type PutWebhookRequest,
  type WebhookSetting,
  type WebhookTestResult,
} from '@dutylist/shared';
import { AppError } from '../../common/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/configuration';
import { AdminAuditService } from '../admin-audit/admin-audit.service';
import type { AuthUser } from '../auth/auth-user';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { isInScope } from '../org-units/org-unit.policy';
import { WebhookSendError, WebhookSender } from './channels/webhook.sender';
import { maskWebhookUrl } from './channels/webhook-format';
import {
  assertSafeWebhookUrl,
  parseAllowList,
  UnsafeWebhookTargetError,
  type WebhookAllowList,
} from './channels/webhook-target';
import { NotificationWebhookEntity } from './notification-webhook.entity';

/** Secret-free summary of a robot for the admin trail (the URL's query holds the robot's key: masked). */
function trailDetails(hook: Pick<NotificationWebhookEntity, 'provider' | 'url' | 'secret' | 'enabled'>) {
  let host = '';
  try {
    host = new URL(hook.url).host;
  } catch {
    // stored URLs are valid; keep the trail writable anyway
  }
  return { provider: hook.provider, host, hasSecret: !!hook.secret, enabled: hook.enabled };
}

/**
 * The group robots of org units: one WeCom or DingTalk webhook per office. An admin manages those of
 * their own unit and everything below it (the region admin all of them); outside that scope an org unit
 * is not found. Every change and every test message is in the admin trail.
 */
@Injectable()
export class NotificationWebhooksService {
  private readonly allow: WebhookAllowList;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AdminAuditService,
    private readonly sender: WebhookSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.allow = parseAllowList(config.WEBHOOK_ALLOWED_HOSTS);
  }

  async list(user: AuthUser): Promise<WebhookSetting[]> {
    const rows = await this.db
      .getRepository(NotificationWebhookEntity)
      .createQueryBuilder('h')
      .innerJoin(OrgUnitEntity, 'o', 'o.id = h.orgUnitId')
      .where('o.path LIKE :prefix', { prefix: `${user.orgPath}%` })
      .orderBy('h.createdAt', 'ASC')
      .addSelect('o.name', 'org_name')
      .getRawAndEntities<{ org_name: string }>();
    return rows.entities.map((h, i) => this.toDto(h, rows.raw[i].org_name));
  }

  async put(user: AuthUser, orgUnitId: string, request: PutWebhookRequest): Promise<WebhookSetting> {
    const org = await this.orgInScope(this.db.manager, user, orgUnitId);
    // A URL kept from before is checked again too: the rule or the allow-list may have changed since.
    const checked = request.url ?? (await this.db.manager.findOneBy(NotificationWebhookEntity, { orgUnitId }))?.url;
    if (checked) await this.assertSafeUrl(checked);
    const saved = await this.db.transaction(async (manager) => {
      await this.orgInScope(manager, user, orgUnitId, true);
      const existing = await manager.findOne(NotificationWebhookEntity, {
        where: { orgUnitId },
        lock: { mode: 'pessimistic_write' },
      });
      const url = request.url ?? (existing?.url === checked ? checked : undefined);
      if (!url) {
        throw new AppError('VALIDATION_FAILED', '请填写 Webhook 地址', {
          fields: [{ path: 'url', message: '请填写 Webhook 地址' }],
        });
      }
      const secret = request.secret === undefined ? (existing?.secret ?? null) : request.secret || null;
      const hook = { orgUnitId, provider: request.provider, url, secret, enabled: request.enabled };
      await manager.save(NotificationWebhookEntity, hook);
      await this.audit.record(manager, {
        actor: user,
        action: 'save_webhook',
        orgUnitId,
        targetType: 'webhook',
        targetId: orgUnitId,
        summary: `${existing ? '修改' : '设置'}“${org.name}”的${WEBHOOK_PROVIDER_LABELS[request.provider]}`,
        details: { ...trailDetails(hook), ...(existing ? { before: trailDetails(existing) } : {}) },
      });
      return manager.findOneByOrFail(NotificationWebhookEntity, { orgUnitId });
    });
    return this.toDto(saved, org.name);
  }

  async remove(user: AuthUser, orgUnitId: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const org = await this.orgInScope(manager, user, orgUnitId, true);
      const existing = await manager.findOne(NotificationWebhookEntity, {
        where: { orgUnitId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!existing) throw AppError.notFound('NOT_FOUND', '该单位没有配置群机器人');
      await manager.delete(NotificationWebhookEntity, { orgUnitId });
      await this.audit.record(manager, {
        actor: user,
        action: 'delete_webhook',
        orgUnitId,
        targetType: 'webhook',
        targetId: orgUnitId,
        summary: `删除“${org.name}”的${WEBHOOK_PROVIDER_LABELS[existing.provider]}`,
        details: trailDetails(existing),
      });
    });
  }

  /**
   * Sends a 测试消息 through the real sender now (also to a disabled robot: that is how one checks it
   * before enabling it) and answers with what the robot said. A failing robot is an answer, not an error.
   */
  async test(user: AuthUser, orgUnitId: string): Promise<WebhookTestResult> {
    const org = await this.orgInScope(this.db.manager, user, orgUnitId);
    const hook = await this.db.manager.findOneBy(NotificationWebhookEntity, { orgUnitId });
    if (!hook) throw AppError.notFound('NOT_FOUND', '该单位没有配置群机器人');
    let result: WebhookTestResult;
    try {
      await this.sender.send(hook, {
        title: '测试消息',
        body: `这是“${org.name}”群机器人的测试消息，由${user.displayName}发送。\n收到本消息说明机器人配置正确。`,
        url: `${this.config.APP_BASE_URL}/notifications`,
        listTitle: '',
      });
      result = { ok: true, httpStatus: 200, message: '测试消息已送达' };
    } catch (error) {
      const httpStatus = error instanceof WebhookSendError ? error.httpStatus : null;
      result = { ok: false, httpStatus, message: (error as Error).message || '发送失败' };
    }
    await this.audit.record(this.db.manager, {
      actor: user,
      action: 'test_webhook',
      orgUnitId,
      targetType: 'webhook',
      targetId: orgUnitId,
      summary: `向“${org.name}”的${WEBHOOK_PROVIDER_LABELS[hook.provider]}发送测试消息：${result.ok ? '成功' : '失败'}`,
      details: { ...trailDetails(hook), ok: result.ok, httpStatus: result.httpStatus, message: result.message },
    });
    return result;
  }

  private async assertSafeUrl(url: string): Promise<void> {
    try {
      await assertSafeWebhookUrl(url, this.allow);
    } catch (error) {
      if (error instanceof UnsafeWebhookTargetError) throw new AppError('WEBHOOK_URL_UNSAFE', error.message);
      throw error;
    }
  }

  /** The org unit, if it is the admin's own or below it; otherwise not found (as everywhere). */
  private async orgInScope(manager: EntityManager, user: AuthUser, orgUnitId: string, lock = false) {
    const org = await manager.findOne(OrgUnitEntity, {
      where: { id: orgUnitId },
      ...(lock ? { lock: { mode: 'pessimistic_read' as const } } : {}),
    });
    if (!org || !isInScope(user, org.path)) throw AppError.notFound('ORG_UNIT_NOT_FOUND', '未找到该单位');
    return org;
  }

  private toDto(h: NotificationWebhookEntity, orgName: string): WebhookSetting {
    return {
      orgUnit: { id: h.orgUnitId, name: orgName },
      provider: h.provider,
      url: maskWebhookUrl(h.url),
      hasSecret: !!h.secret,
      enabled: h.enabled,
      updatedAt: h.updatedAt.toISOString(),
    };
  }
}
