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

function maskToken(token: string): string {
  return token.length <= 8 ? '****' : `${token.slice(0, 4)}****${token.slice(-4)}`;
}

/**
 * The URL as admins see it: the robot's key (WeCom `key`, DingTalk `access_token`, any query value and
 * any long path segment, as relays put tokens there) masked, so that a screen never shows a usable URL.
 */
export function maskWebhookUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return maskToken(raw);
  }
  const path = url.pathname
    .split('/')
    .map((segment) => (segment.length >= 16 ? maskToken(segment) : segment))
    .join('/');
  const query = [...url.searchParams.entries()].map(([key, value]) => `${key}=${maskToken(value)}`).join('&');
  const auth = url.username || url.password ? '****@' : '';
  return `${url.protocol}//${auth}${url.host}${path}${query ? `?${query}` : ''}`;
}
