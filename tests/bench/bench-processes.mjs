// What the benches that run the real backend share: a database of their own, free ports, child processes
// whose output is kept for a failure report, and polling until something is ready.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'backend', 'package.json'));
const { Client } = require('pg');

export const PG = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Runs one statement on the server's maintenance database (CREATE / DROP DATABASE). */
export async function admin(sql) {
  const c = new Client({ connectionString: PG });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** The name and URL of a bench database `dutylist_bench_<name>_<pid>` on the same server. */
export function benchDatabase(name) {
  const dbName = `dutylist_bench_${name}_${process.pid}`;
  const u = new URL(PG);
  u.pathname = `/${dbName}`;
  return { dbName, dbUrl: u.toString() };
}

export async function freePort() {
  const s = net.createServer().listen(0, '127.0.0.1');
  await once(s, 'listening');
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

/** Child processes started with `run`, each keeping its output (`output()`) and a label. */
export const children = [];

export function run(script, args, env, name) {
  const child = spawn(process.execPath, [script, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  child.output = () => out;
  child.label = name;
  children.push(child);
  return child;
}

/** Stops every child and waits for them to exit. */
export async function stopChildren() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? once(c, 'exit') : null)));
}

/** Polls `probe` until it gives a truthy value (errors count as not yet), or throws after `timeoutMs`. */
export async function waitFor(what, probe, timeoutMs = 30_000, everyMs = 20) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Removes the run's queue keys (its own prefix only) from Redis. */
export async function dropQueueKeys(redisUrl, prefix) {
  const Redis = require('ioredis');
  const redis = new Redis(redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
}

/** Runs a bench: a failure is printed with the last output of every child; `cleanup` runs either way. */
export function runBench(label, main, cleanup) {
  main()
    .catch((error) => {
      console.error(`[${label}] ${error.stack ?? error}`);
      for (const child of children) console.error(`--- ${child.label}\n${child.output().slice(-3000)}`);
      process.exitCode = 1;
    })
    .finally(cleanup);
}

/**
 * A fresh database migrated by the real CLI, and the environment (free port, own queue prefix, a signing
 * key) that the API and worker processes of the bench then run with.
 */
export async function migratedBackend({ dbName, dbUrl, redisUrl }) {
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${dbName}"`);
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET: `bench-secret-${process.pid}-xxxxxxxx`,
    DATABASE_URL: dbUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: `dutylist-bench-${process.pid}`,
    PORT: String(port),
    STATIC_DIR: join(root, '.bench-no-static'),
    LOG_FORMAT: 'text',
    NO_COLOR: '1',
    DEMO_MODE: 'false',
  };
  const migrate = run(join(root, 'backend', 'dist', 'database', 'cli.js'), ['migrate'], env, 'migrate');
  const [code] = await once(migrate, 'exit');
  if (code !== 0) throw new Error(`migrate failed:\n${migrate.output()}`);
  return { env, port };
}
