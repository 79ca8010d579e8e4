import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../../../config/configuration';
import { NOTIFICATION_JOBS, QUEUES } from '../../queue/queue-names';

/**
 * Registers the repeatable overdue scan (a BullMQ job scheduler: one per queue, whatever the number of
 * workers; each run is a single job). Not awaited at boot, so a worker starts even while Redis is down.
 */
@Injectable()
export class OverdueScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(OverdueScheduler.name);

  constructor(
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.queue
      .upsertJobScheduler(
        NOTIFICATION_JOBS.overdueScan,
        { every: this.config.NOTIFY_OVERDUE_EVERY_MS },
        { name: NOTIFICATION_JOBS.overdueScan, data: {} },
      )
      .catch((error: Error) => this.logger.warn(`overdue scan not scheduled: ${error.message}`));
  }
}
