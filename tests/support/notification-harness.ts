import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { Test, type TestingModule } from '@nestjs/testing';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { SMTPServer } from 'smtp-server';
import type { Notification, NotificationStreamEvent } from '@dutylist/shared';
import { APP_CONFIG, loadConfig, type AppConfig } from '../../backend/src/config/configuration';
import { QUEUES } from '../../backend/src/modules/queue/queue-names';
import { startTestApp, type TestApp } from './test-app';
import { WorkerModule } from '../../backend/src/worker.module';
import {
  dropStaleTestDatabases,
  dropTestDatabase,
  prepareTestDatabase,
  runDatabaseName,
} from '../../backend/test/test-database';

/**
 * Notifications need both processes: the API (writes the outbox, serves the inbox and the SSE stream)
 * and the worker (relays the outbox, fans out, delivers). Each spec gets its own database, so that the
 * workers of two specs running at once never relay each other's outbox rows.
 */
export interface NotifyEnv {
  config: AppConfig;
  dbName: string;
  drop(): Promise<void>;
}

export async function notifyEnv(name: string, overrides: Partial<Record<keyof AppConfig, string>> = {}) {
  await dropStaleTestDatabases(`notify_${name}`);
  const dbName = runDatabaseName(`notify_${name}`, Number(process.env.TEST_RUN_PID ?? process.pid));
  const url = await prepareTestDatabase(dbName);
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: url,
    QUEUE_PREFIX: `${process.env.QUEUE_PREFIX ?? 'dutylist-test'}-${name}`,
    NOTIFY_DEBOUNCE_MS: '1000',
    NOTIFY_OUTBOX_POLL_MS: '500',
    APP_BASE_URL: 'http://app.test',
    // The robots of these tests are local receivers (startWebhookSink), which the URL rule refuses otherwise.
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    ...overrides,
  });
  return { config, dbName, drop: () => dropTestDatabase(dbName) } satisfies NotifyEnv;
}

export type ApiInstance = TestApp;

/** The API process (AppModule, as main.ts sets it up) with the given configuration. */
export function startApi(config: AppConfig): Promise<ApiInstance> {
  return startTestApp({ seedDemo: false, config });
}

export interface WorkerInstance {
  module: TestingModule;
  queue(name: (typeof QUEUES)[keyof typeof QUEUES]): Queue;
  close(): Promise<void>;
}

/** A worker process (WorkerModule: relay, processors, overdue scheduler) with the given configuration. */
export async function startWorker(config: AppConfig): Promise<WorkerInstance> {
  const module = await Test.createTestingModule({ imports: [WorkerModule] })
    .overrideProvider(APP_CONFIG)
    .useValue(config)
    .compile();
  module.useLogger(['error']);
  await module.init();
  return {
    module,
    queue: (name) => module.get<Queue>(getQueueToken(name)),
    close: () => module.close(),
  };
}

/** Removes every key of the run's queues (call before closing the last worker). */
export async function obliterateQueues(worker: WorkerInstance): Promise<void> {
  for (const name of Object.values(QUEUES)) {
    await worker
      .queue(name)
      .obliterate({ force: true })
      .catch(() => undefined);
  }
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 15_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Every outbox row processed and no digest entry pending: nothing more is on its way. */
export async function settled(db: DataSource, timeoutMs = 15_000): Promise<void> {
  await waitFor(
    'notifications to settle',
    async () => {
      const [{ outbox, entries }] = await db.query(
        `SELECT (SELECT count(*) FROM notification_outbox WHERE processed_at IS NULL)::int AS outbox,
                (SELECT count(*) FROM notification_digest_entries WHERE digested_at IS NULL)::int AS entries`,
      );
      return outbox === 0 && entries === 0;
    },
    timeoutMs,
  );
}

// ---------------------------------------------------------------- live stream (SSE) client

export interface SseClient {
  events: NotificationStreamEvent[];
  notifications(): Notification[];
  close(): void;
}

/** Opens GET /api/notifications/stream like a browser's EventSource would, and collects its events. */
export async function openStream(baseUrl: string, query: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/notifications/stream${query}`, {
    headers: { Accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  if (response.status !== 200 || !response.body) {
    const body = await response.text();
    controller.abort();
    return { status: response.status, body, client: null };
  }
  const events: NotificationStreamEvent[] = [];
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trimStart())
            .join('\n');
          if (data) events.push(JSON.parse(data) as NotificationStreamEvent);
        }
      }
    } catch {
      // aborted
    }
  })();
  const client: SseClient = {
    events,
    notifications: () => events.flatMap((e) => (e.type === 'notification' ? [e.notification] : [])),
    close: () => controller.abort(),
  };
  await waitFor('the stream to be ready', async () => events.some((e) => e.type === 'ready'));
  return { status: 200, body: '', client };
}

// ---------------------------------------------------------------- SMTP and webhook sinks

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  subject: string;
  text: string;
}

function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

/** The subject and plain-text body of a nodemailer message (text part base64-encoded). */
export function parseMail(raw: string): { subject: string; text: string } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const subject = decodeWords(/^subject: (.*)$/im.exec(unfolded)?.[1] ?? '');
  const body = rest.join('\n\n');
  const text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return { subject, text };
}

/** A real SMTP server (smtp-server) on 127.0.0.1 that keeps every message it receives. */
export async function startSmtpSink(): Promise<{ url: string; mails: ReceivedMail[]; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          ...parseMail(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedHook {
  path: string;
  query: URLSearchParams;
  body: unknown;
}

/** A group-robot stand-in on 127.0.0.1: answers `{"errcode":0}` and keeps every request. */
export async function startWebhookSink(): Promise<{
  url: (path: string) => string;
  hooks: ReceivedHook[];
  close(): Promise<void>;
}> {
  const hooks: ReceivedHook[] = [];
  const server: Server = createHttpServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      hooks.push({ path: url.pathname, query: url.searchParams, body: JSON.parse(Buffer.concat(chunks).toString()) });
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    hooks,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ---------------------------------------------------------------- a private Redis (fault tests)

export async function freePort(): Promise<number> {
  const server = createNetServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A redis-server child process of this test only (never the shared one on 6379), without persistence:
 * stopping it loses everything it held, as a crashed Redis would.
 */
export class PrivateRedis {
  private child: ChildProcess | null = null;

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    let output = '';
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    await waitFor(`redis-server on ${this.port}`, async () => output.includes('Ready to accept connections'), 10_000);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }
}
