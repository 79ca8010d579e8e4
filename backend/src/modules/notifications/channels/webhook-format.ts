import { createHmac } from 'node:crypto';
import type { WebhookProvider } from '@dutylist/shared';
import type { DeliveryMessage } from '../notification-delivery.entity';

/** 企业微信群机器人: https://developer.work.weixin.qq.com/document/path/91770 (markdown message). */
export interface WecomMarkdownBody {
  msgtype: 'markdown';
  markdown: { content: string };
}

/** 钉钉群机器人: https://open.dingtalk.com/document/robots/custom-robot-access (markdown message). */
export interface DingtalkMarkdownBody {
  msgtype: 'markdown';
  markdown: { title: string; text: string };
}

export type WebhookBody = WecomMarkdownBody | DingtalkMarkdownBody;

/** Markdown lines of the body, each quoted, so that line breaks survive both robots. */
function quoted(body: string): string {
  return body
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => `> ${line}`)
    .join('\n');
}

export function webhookBody(provider: WebhookProvider, message: DeliveryMessage): WebhookBody {
  if (provider === 'wecom') {
    return {
      msgtype: 'markdown',
      markdown: { content: `**${message.title}**\n${quoted(message.body)}\n[查看详情](${message.url})` },
    };
  }
  return {
    msgtype: 'markdown',
    markdown: {
      title: message.title,
      text: `#### ${message.title}\n${quoted(message.body)}\n\n[查看详情](${message.url})`,
    },
  };
}

/** DingTalk 加签: the URL with `timestamp` and `sign` = base64(HMAC-SHA256(secret, "timestamp\nsecret")). */
export function signedDingtalkUrl(url: string, secret: string, now = Date.now()): string {
  const sign = createHmac('sha256', secret).update(`${now}\n${secret}`).digest('base64');
  const signed = new URL(url);
  signed.searchParams.set('timestamp', String(now));
  signed.searchParams.set('sign', sign);
  return signed.toString();
}
