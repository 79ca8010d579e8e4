import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QUEUES, type DeliveryJob } from '../../queue/queue-names';
import { quietErrors } from '../../queue/queue-errors';
import { NotificationDeliveryService, type DeliveryOutcome } from '../notification-delivery.service';

/** Worker side of the deliveries queue: one email or group-robot message per job. */
@Processor(QUEUES.deliveries, { concurrency: 4 })
export class DeliveriesProcessor extends WorkerHost {
  private readonly logError = quietErrors('worker deliveries', new Logger(DeliveriesProcessor.name));

  constructor(private readonly deliveries: NotificationDeliveryService) {
    super();
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logError(error);
  }

  process(job: Job<DeliveryJob>): Promise<DeliveryOutcome> {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return this.deliveries.deliver(job.data.deliveryId, finalAttempt);
  }
}
