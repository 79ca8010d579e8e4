import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../../config/configuration';
import type { DeliveryMessage } from '../notification-delivery.entity';

export const EMAIL_SUBJECT_PREFIX = '【履职清单审核】';

/** Sends notification emails over SMTP (nodemailer); off unless SMTP_URL is set. */
@Injectable()
export class EmailSender implements OnApplicationShutdown {
  private transport: Transporter | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return !!this.config.SMTP_URL;
  }

  async send(to: string, message: DeliveryMessage): Promise<void> {
    if (!this.config.SMTP_URL) throw new Error('SMTP_URL is not configured');
    this.transport ??= createTransport(this.config.SMTP_URL);
    await this.transport.sendMail({
      from: this.config.SMTP_FROM,
      to,
      subject: `${EMAIL_SUBJECT_PREFIX}${message.title}`,
      text: `${message.body}\n\n查看详情：${message.url}\n\n——\n本邮件由乡镇履职事项清单审核系统自动发送，可在“通知设置”中关闭。`,
      textEncoding: 'base64',
    });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
