import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ErrorCode } from '@dutylist/shared';
import { APP_CONFIG, type AppConfig } from '../../config/configuration';
import { AppError } from '../../common/app-error';
import { RedisHealthClient } from '../queue/redis.provider';

/**
 * Counts an attempt on every counter unless one of them is already at its limit (then nothing is counted and
 * the longest remaining window comes back). One script, so parallel attempts on several API processes can
 * never pass a limit together.  KEYS: counters; ARGV: their limits, then their windows in ms.
 */
const RESERVE = `
local n = #KEYS
local wait = 0
for i = 1, n do
  local count = tonumber(redis.call('GET', KEYS[i]) or '0')
  if count >= tonumber(ARGV[i]) then
    local ttl = redis.call('PTTL', KEYS[i])
    if ttl < 0 then ttl = tonumber(ARGV[n + i]) end
    if ttl > wait then wait = ttl end
  end
end
if wait > 0 then return wait end
for i = 1, n do
  if redis.call('INCR', KEYS[i]) == 1 then redis.call('PEXPIRE', KEYS[i], ARGV[n + i]) end
end
return 0
`;

/** Takes back an attempt that was not a failure (KEYS) and clears counters (ARGV) — never below zero. */
const RELEASE = `
for i = 1, #KEYS do
  if tonumber(redis.call('GET', KEYS[i]) or '0') > 0 then redis.call('DECR', KEYS[i]) end
end
for i = 1, #ARGV do redis.call('DEL', ARGV[i]) end
return 0
`;

const REDIS_TIMEOUT_MS = 1000;

/** The errors that count as a wrong guess: a failed login, a wrong current password on a password change. */
const FAILURES = new Set<ErrorCode>(['INVALID_CREDENTIALS', 'CURRENT_PASSWORD_WRONG']);

/**
 * The login throttle, in Redis so that every API process shares it. Failed logins are limited per user name
 * and address (a user mistyping cannot lock out the whole office behind one address), per address across
 * user names (a password spray) and per user name across addresses (a distributed guess). Each attempt
 * counts while it runs, so parallel guesses cannot slip past a limit; a login that did not fail on the
 * credentials takes its count back, and a successful one clears its name+address counter.
 *
 * If Redis is unreachable the throttle fails OPEN (logins go on, unthrottled, and a warning is logged at most
 * once a minute): Redis down already stops the queues, and locking every user out on top would turn a Redis
 * outage into a full outage. argon2 still makes each guess slow.
 */
@Injectable()
export class LoginThrottleService {
  private readonly logger = new Logger('LoginThrottle');
  private lastWarning = 0;

  constructor(
    private readonly redis: RedisHealthClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Runs a login under the throttle: 429 TOO_MANY_REQUESTS (with `retryAfterSeconds`) when over a limit. */
  async run<T>(username: string, address: string, login: () => Promise<T>): Promise<T> {
    const counters = this.counters(username, address);
    const waitMs = await this.redisCall(
      (redis) =>
        redis.eval(
          RESERVE,
          counters.length,
          ...counters.map((c) => c.key),
          ...counters.map((c) => c.limit),
          ...counters.map((c) => c.windowMs),
        ) as Promise<number>,
    );
    if (typeof waitMs === 'number' && waitMs > 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new AppError('TOO_MANY_REQUESTS', `登录失败次数过多，请 ${formatWait(retryAfterSeconds)}后再试`, {
        retryAfterSeconds,
      });
    }
    const reserved = waitMs !== undefined;
    try {
      const result = await login();
      if (reserved) await this.release(counters.slice(1), [counters[0]]);
      return result;
    } catch (err) {
      const failed = err instanceof AppError && FAILURES.has(err.code);
      if (reserved && !failed) await this.release(counters, []);
      throw err;
    }
  }

  private counters(username: string, address: string): { key: string; limit: number; windowMs: number }[] {
    const name = username.trim().toLowerCase();
    const base = `${this.config.QUEUE_PREFIX}:login-throttle`;
    const c = this.config;
    return [
      { key: `${base}:na:${address}|${name}`, limit: c.LOGIN_RATE_LIMIT, windowMs: c.LOGIN_RATE_WINDOW_SECONDS * 1000 },
      {
        key: `${base}:a:${address}`,
        limit: c.LOGIN_ADDRESS_LIMIT,
        windowMs: c.LOGIN_ADDRESS_WINDOW_SECONDS * 1000,
      },
      {
        key: `${base}:n:${name}`,
        limit: c.LOGIN_USERNAME_LIMIT,
        windowMs: c.LOGIN_USERNAME_WINDOW_SECONDS * 1000,
      },
    ];
  }

  private async release(takeBack: { key: string }[], clear: { key: string }[]): Promise<void> {
    await this.redisCall((redis) =>
      redis.eval(RELEASE, takeBack.length, ...takeBack.map((c) => c.key), ...clear.map((c) => c.key)),
    );
  }

  /** A Redis call that never blocks a login: undefined (and a warning) when Redis does not answer. */
  private async redisCall<T>(call: (redis: Awaited<ReturnType<RedisHealthClient['connected']>>) => Promise<T>) {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        this.redis.connected().then(call),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${REDIS_TIMEOUT_MS} ms`)), REDIS_TIMEOUT_MS);
        }),
      ]);
    } catch (err) {
      if (Date.now() - this.lastWarning > 60_000) {
        this.lastWarning = Date.now();
        this.logger.warn(`Redis unavailable, logins are NOT throttled until it is back: ${(err as Error).message}`);
      }
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}

function formatWait(seconds: number): string {
  return seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
}
