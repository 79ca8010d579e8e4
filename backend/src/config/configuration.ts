import { z } from 'zod';

/** Every setting the backend reads from the environment, with its documented default. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().positive().default(3000),
  DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/dutylist'),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  /** Key prefix of every BullMQ queue; tests use one per run. */
  QUEUE_PREFIX: z.string().default('dutylist'),
  JWT_SECRET: z.string().min(8).default('dev-only-secret-change-me'),
  JWT_EXPIRES_IN_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(12 * 3600),
  /** Login attempts allowed per user name and address within LOGIN_RATE_WINDOW_SECONDS. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  LOGIN_RATE_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  DEMO_MODE: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  STATIC_DIR: z.string().optional(),
  /** The address users open the app at: links in emails and group-robot messages start with it. */
  APP_BASE_URL: z
    .string()
    .url()
    .default('http://localhost:3000')
    .transform((u) => u.replace(/\/+$/, '')),
  /** SMTP server for notification emails, e.g. smtp://user:pass@mail.example.com:587; unset: no email. */
  SMTP_URL: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  SMTP_FROM: z.string().default('乡镇履职事项清单审核系统 <noreply@localhost>'),
  /** Item decisions, answers and comments on one list within this window become one digest per recipient. */
  NOTIFY_DEBOUNCE_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(2 * 60 * 1000),
  /** How often the outbox poller re-relays rows left unsent (e.g. Redis was down); LISTEN/NOTIFY does the rest. */
  NOTIFY_OUTBOX_POLL_MS: z.coerce.number().int().positive().default(5000),
  /** How often the worker looks for overdue stages (each list and person is reminded at most once a day). */
  NOTIFY_OVERDUE_EVERY_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(60 * 60 * 1000),
  /**
   * Group-robot (webhook) targets allowed although they are not public addresses: comma-separated host
   * names (`robot.intranet`, `*.corp.example`), IP addresses and CIDR ranges (`10.8.0.0/16`). Empty: only
   * public addresses. Parsed and checked by webhook-target.ts.
   */
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    ),
  LOG_FORMAT: z.enum(['json', 'text']).default('text'),
  /**
   * Single sign-on with the region's unified identity service (OpenID Connect). Unset: off, and the
   * login page shows only the password form. Its callback is APP_BASE_URL + /api/auth/oidc/callback.
   */
  OIDC_ISSUER: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .pipe(z.string().url().optional()),
  OIDC_CLIENT_ID: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined),
  OIDC_CLIENT_SECRET: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  OIDC_SCOPES: z
    .string()
    .default('openid profile')
    // `openid` is what makes it OpenID Connect: always asked for, first.
    .transform((v) => ['openid', ...v.split(/[\s,]+/).filter((s) => s && s !== 'openid')].join(' ')),
  /** The claim (ID token, else userinfo) holding the user name matched against local accounts. */
  OIDC_USERNAME_CLAIM: z.string().trim().min(1).default('preferred_username'),
  /** Text of the single sign-on button on the login page. */
  OIDC_LABEL: z.string().trim().min(1).default('统一身份认证登录'),
});

export type AppConfig = z.infer<typeof envSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  const config = parsed.data;
  if (config.NODE_ENV === 'production' && config.JWT_SECRET === 'dev-only-secret-change-me') {
    throw new Error('JWT_SECRET must be set in production');
  }
  if (config.OIDC_ISSUER && !config.OIDC_CLIENT_ID) {
    throw new Error('Invalid environment: OIDC_CLIENT_ID is required when OIDC_ISSUER is set');
  }
  return config;
}

/** Nest injection token of the loaded configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
