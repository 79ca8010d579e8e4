import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { HealthResponse } from '@dutylist/shared';
import { Public } from '../auth/auth.decorators';
import { RedisHealthClient } from '../queue/redis.provider';

async function probe(check: () => Promise<unknown>): Promise<HealthResponse['postgres']> {
  const started = performance.now();
  try {
    await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    return { ok: false, latencyMs: null, error: error instanceof Error ? error.message : String(error) };
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly redis: RedisHealthClient,
  ) {}

  /** 200 when PostgreSQL and Redis both answer, 503 otherwise; the body says which. */
  @Public()
  @Get()
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const [postgres, redis] = await Promise.all([
      probe(() => this.db.query('SELECT 1')),
      probe(() => this.redis.ping()),
    ]);
    const status = postgres.ok && redis.ok ? 'ok' : 'degraded';
    res.status(status === 'ok' ? 200 : 503);
    return { status, postgres, redis, version: process.env.npm_package_version ?? '0.1.0' };
  }
}
