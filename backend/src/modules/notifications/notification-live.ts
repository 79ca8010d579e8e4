import type { Notification } from '@dutylist/shared';

/** The Redis pub/sub channel on which workers announce new inbox rows to the API processes (per queue prefix). */
export function liveChannel(queuePrefix: string): string {
  return `${queuePrefix}:notifications:live`;
}

/** One message on the live channel. */
export interface LiveMessage {
  recipientId: string;
  notification: Notification;
}
