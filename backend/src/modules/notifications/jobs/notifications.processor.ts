import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import {
  NOTIFICATION_JOBS,
  QUEUES,
  type NotificationDigestJob,
  type NotificationEventJob,
} from '../../queue/queue-names';
import { quietErrors } from '../../queue/queue-errors';
import { NotificationDispatchService, type DispatchResult } from '../notification-dispatch.service';

/** Worker side of the notifications queue: workflow events, per-list digests, the overdue scan. */
@Processor(QUEUES.notifications, { concurrency: 8 })
export class NotificationsProcessor extends WorkerHost {
  private readonly logError = quietErrors('worker notifications', new Logger(NotificationsProcessor.name));

  constructor(private readonly dispatch: NotificationDispatchService) {
    super();
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logError(error);
  }

  async process(
    job: Job<NotificationEventJob | NotificationDigestJob | Record<string, never>>,
  ): Promise<DispatchResult> {
    switch (job.name) {
      case NOTIFICATION_JOBS.event:
        return this.dispatch.handleOutbox((job.data as NotificationEventJob).outboxId);
      case NOTIFICATION_JOBS.digest: {
        const { listId, recipientId } = job.data as NotificationDigestJob;
        return this.dispatch.handleDigest(listId, recipientId);
      }
      case NOTIFICATION_JOBS.overdueScan:
        return this.dispatch.scanOverdue();
      default:
        throw new Error(`unknown notifications job ${job.name}`);
    }
  }
}
