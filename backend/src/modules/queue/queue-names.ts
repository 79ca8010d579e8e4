/** Every BullMQ queue of the system, and the jobs it carries. */
export const QUEUES = {
  system: 'system',
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
