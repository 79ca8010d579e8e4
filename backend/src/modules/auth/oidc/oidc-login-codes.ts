import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../../config/configuration';
import { redisOptionsFromUrl } from '../../queue/redis-options';

/** How long the single-page app has to redeem the code of a finished single sign-on. */
export const LOGIN_CODE_SECONDS = 60;

export interface PendingLogin {
  userId: string;
  next: string;
}

/**
 * One-time codes that hand a finished single sign-on from the callback to the single-page app.
 *
 * Kept in Redis, so that the callback and the exchange may reach different API processes. Redis holds
 * only a hash of the code, the user id and a hash of the browser binding (never a token); GETDEL makes
 * the code single-use even under a race.
 */
@Injectable()
export class OidcLoginCodes implements OnApplicationShutdown {
  private redis: Redis | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** A new code and the binding secret the same browser must present with it. */
  async issue(login: PendingLogin): Promise<{ code: string; binding: string }> {
    const code = randomBytes(32).toString('base64url');
    const binding = randomBytes(32).toString('base64url');
    const value = JSON.stringify({ ...login, binding: sha256(binding) });
    await this.client().set(this.key(code), value, 'EX', LOGIN_CODE_SECONDS);
    return { code, binding };
  }

  /** The pending login of a code, at most once, and only with its binding; null otherwise. */
  async redeem(code: string, binding: string | null): Promise<PendingLogin | null> {
    const raw = await this.client().getdel(this.key(code));
    if (!raw || !binding) return null;
    const stored = JSON.parse(raw) as PendingLogin & { binding: string };
    const expected = Buffer.from(stored.binding, 'hex');
    const actual = Buffer.from(sha256(binding), 'hex');
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
    return { userId: stored.userId, next: stored.next };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }

  private key(code: string): string {
    return `${this.config.QUEUE_PREFIX}:sso-login:${sha256(code)}`;
  }

  private client(): Redis {
    if (!this.redis) {
      this.redis = new Redis({ ...redisOptionsFromUrl(this.config.REDIS_URL), maxRetriesPerRequest: 2 });
      this.redis.on('error', () => undefined);
    }
    return this.redis;
  }
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
