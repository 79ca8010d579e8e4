import { z } from 'zod';

export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  postgres: z.object({ ok: z.boolean(), latencyMs: z.number().nullable(), error: z.string().optional() }),
  redis: z.object({ ok: z.boolean(), latencyMs: z.number().nullable(), error: z.string().optional() }),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
