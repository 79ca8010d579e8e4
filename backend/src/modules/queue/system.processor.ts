import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { quietErrors } from './queue-errors';
import { QUEUES, type SystemPingJob, type SystemPingResult } from './queue-names';

/** Worker-side processor of the system queue: `ping` proves the worker is alive end to end. */
@Processor(QUEUES.system)
export class SystemProcessor extends WorkerHost {
  private readonly logError = quietErrors('worker system', new Logger(SystemProcessor.name));

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logError(error);
  }

  async process(job: Job<SystemPingJob>): Promise<SystemPingResult> {
    return {
      pong: true,
      requestedAt: job.data.requestedAt,
      processedAt: new Date().toISOString(),
      worker: process.pid,
    };
  }
}
