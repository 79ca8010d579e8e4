import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QUEUES, type SystemPingJob, type SystemPingResult } from './queue-names';

/** Worker-side processor of the system queue: `ping` proves the worker is alive end to end. */
@Processor(QUEUES.system)
export class SystemProcessor extends WorkerHost {
  async process(job: Job<SystemPingJob>): Promise<SystemPingResult> {
    return {
      pong: true,
      requestedAt: job.data.requestedAt,
      processedAt: new Date().toISOString(),
      worker: process.pid,
    };
  }
}
