/** Every BullMQ queue of the system, and the jobs it carries. */
export const QUEUES = {
  system: 'system',
  /** Workflow events (outbox rows), per-list digests and the overdue scan → inbox rows. */
  notifications: 'notifications',
  /** Emails and group-robot webhooks, one job per delivery row (retried with backoff). */
  deliveries: 'notification-deliveries',
} as const;

export interface SystemPingJob {
  requestedAt: string;
}

export interface SystemPingResult {
  pong: true;
  requestedAt: string;
  processedAt: string;
  worker: number;
}

/** Job names and payloads of the notifications queue: ids only, the handler reloads. */
export const NOTIFICATION_JOBS = {
  event: 'event',
  digest: 'digest',
  overdueScan: 'overdue-scan',
} as const;

export interface NotificationEventJob {
  outboxId: string;
}

export interface NotificationDigestJob {
  listId: string;
  recipientId: string;
}

export interface DeliveryJob {
  deliveryId: string;
}

/** Deterministic job ids: enqueuing the same thing twice is a no-op while the first job exists. */
export const jobIds = {
  event: (outboxId: string) => `outbox-${outboxId}`,
  digest: (listId: string, recipientId: string, firstEntryId: string) =>
    `digest-${listId}-${recipientId}-${firstEntryId}`,
  delivery: (deliveryId: string) => `delivery-${deliveryId}`,
};
