import { Injectable } from '@nestjs/common';
import type { NotificationWebhookEntity } from '../notification-webhook.entity';
import type { DeliveryMessage } from '../notification-delivery.entity';
import { signedDingtalkUrl, webhookBody } from './webhook-format';

/** Posts one message to an org unit's group robot; a non-2xx answer or an errcode ≠ 0 is a failure (retried). */
@Injectable()
export class WebhookSender {
  async send(webhook: NotificationWebhookEntity, message: DeliveryMessage): Promise<void> {
    const url =
      webhook.provider === 'dingtalk' && webhook.secret ? signedDingtalkUrl(webhook.url, webhook.secret) : webhook.url;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify(webhookBody(webhook.provider, message)),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`webhook answered HTTP ${response.status}: ${text.slice(0, 200)}`);
    let answer: { errcode?: unknown; errmsg?: unknown } = {};
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      // Some relays answer plain text; a 2xx is then success.
    }
    if (typeof answer.errcode === 'number' && answer.errcode !== 0) {
      throw new Error(`webhook refused the message: errcode ${answer.errcode} ${String(answer.errmsg ?? '')}`);
    }
  }
}
