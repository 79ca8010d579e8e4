import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QUEUES } from './queue-names';

const QUIET_MS = 30_000;

/**
 * A connection error logger for queues and workers: one warning per source every 30 s instead of a
 * stack trace per reconnect attempt while Redis is down (BullMQ prints every error nobody listens to).
 */
export function quietErrors(source: string, logger: Logger): (error: Error) => void {
  let last = 0;
  return (error: Error) => {
    if (Date.now() - last < QUIET_MS) return;
    last = Date.now();
    logger.warn(`${source}: ${error.message}`);
  };
}

/** Listens for the errors of every queue this process holds. */
@Injectable()
export class QueueErrorLogging implements OnModuleInit {
  private readonly logger = new Logger('Queues');

  constructor(
    @InjectQueue(QUEUES.system) private readonly system: Queue,
    @InjectQueue(QUEUES.notifications) private readonly notifications: Queue,
    @InjectQueue(QUEUES.deliveries) private readonly deliveries: Queue,
  ) {}

  onModuleInit(): void {
    for (const queue of [this.system, this.notifications, this.deliveries]) {
      queue.on('error', quietErrors(`queue ${queue.name}`, this.logger));
    }
  }
}
