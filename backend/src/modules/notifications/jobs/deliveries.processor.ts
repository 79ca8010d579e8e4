import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QUEUES, type DeliveryJob } from '../../queue/queue-names';
import { NotificationDeliveryService, type DeliveryOutcome } from '../notification-delivery.service';

/** Worker side of the deliveries queue: one email or group-robot message per job. */
@Processor(QUEUES.deliveries, { concurrency: 4 })
export class DeliveriesProcessor extends WorkerHost {
  constructor(private readonly deliveries: NotificationDeliveryService) {
    super();
  }

  process(job: Job<DeliveryJob>): Promise<DeliveryOutcome> {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return this.deliveries.deliver(job.data.deliveryId, finalAttempt);
  }
}
