import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/configuration';
import type { NotificationWebhookEntity } from '../notification-webhook.entity';
import type { DeliveryMessage } from '../notification-delivery.entity';
import { signedDingtalkUrl, webhookBody } from './webhook-format';
import {
  guardedLookup,
  parseAllowList,
  systemResolver,
  UnsafeWebhookTargetError,
  webhookTarget,
  type HostResolver,
  type WebhookAllowList,
} from './webhook-target';

const TIMEOUT_MS = 10_000;
/** More of an answer than this is not read (robots answer a few bytes of JSON). */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * A message the robot did not take; `httpStatus` is null when no HTTP answer came. `refused`: the target
 * itself is not allowed (a retry cannot help).
 */
export class WebhookSendError extends Error {
  constructor(
    message: string,
    readonly httpStatus: number | null = null,
    readonly refused = false,
  ) {
    super(message);
    this.name = 'WebhookSendError';
  }
}

/**
 * Posts one message to an org unit's group robot; a non-2xx answer or an errcode ≠ 0 is a failure
 * (retried by the deliveries queue). The target is checked again right before connecting (see
 * webhook-target.ts: the DNS answer is checked inside the connection's lookup), and redirects are
 * never followed.
 */
@Injectable()
export class WebhookSender {
  private readonly allow: WebhookAllowList;
  private readonly resolve: HostResolver = systemResolver;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.allow = parseAllowList(config.WEBHOOK_ALLOWED_HOSTS);
  }

  async send(webhook: Pick<NotificationWebhookEntity, 'provider' | 'url' | 'secret'>, message: DeliveryMessage) {
    const url =
      webhook.provider === 'dingtalk' && webhook.secret ? signedDingtalkUrl(webhook.url, webhook.secret) : webhook.url;
    let target;
    try {
      target = webhookTarget(url, this.allow);
    } catch (error) {
      throw new WebhookSendError((error as Error).message, null, true);
    }
    const { status, text } = await this.post(target.url, JSON.stringify(webhookBody(webhook.provider, message)));
    if (status >= 300 && status < 400) {
      throw new WebhookSendError(`机器人地址返回了重定向（HTTP ${status}），出于安全考虑不跟随`, status);
    }
    if (status < 200 || status >= 300) {
      throw new WebhookSendError(`机器人返回 HTTP ${status}${text ? `：${text.slice(0, 200)}` : ''}`, status);
    }
    let answer: { errcode?: unknown; errmsg?: unknown } = {};
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      // Some relays answer plain text; a 2xx is then success.
    }
    if (typeof answer.errcode === 'number' && answer.errcode !== 0) {
      throw new WebhookSendError(
        `机器人拒绝了消息：errcode ${answer.errcode} ${String(answer.errmsg ?? '')}`.trim(),
        status,
      );
    }
  }

  private post(url: URL, body: string): Promise<{ status: number; text: string }> {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = send(
        url,
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json; charset=utf-8',
            'Content-Length': Buffer.byteLength(body),
          },
          lookup: guardedLookup(this.allow, this.resolve),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            if (size >= MAX_ANSWER_BYTES) return;
            size += chunk.length;
            chunks.push(chunk);
            if (size >= MAX_ANSWER_BYTES) res.destroy();
          });
          const finish = () =>
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8').slice(0, 4000) });
          res.on('end', finish);
          res.on('close', finish);
          res.on('error', finish);
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => reject(toSendError(error)));
      req.end(body);
    });
  }
}

function toSendError(error: NodeJS.ErrnoException): WebhookSendError {
  if (error instanceof UnsafeWebhookTargetError) return new WebhookSendError(error.message, null, true);
  if (error.name === 'AbortError' || error.name === 'TimeoutError') {
    return new WebhookSendError(`机器人地址 ${TIMEOUT_MS / 1000} 秒内没有响应`);
  }
  if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') {
    return new WebhookSendError(`无法解析机器人地址的主机名（${error.code}）`);
  }
  if (error.code === 'ECONNREFUSED') return new WebhookSendError('机器人地址拒绝连接（ECONNREFUSED）');
  return new WebhookSendError(`无法连接机器人地址：${error.code ?? error.message}`);
}
