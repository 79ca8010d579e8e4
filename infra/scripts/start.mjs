#!/usr/bin/env node
// `npm start`: build, make sure PostgreSQL (local or embedded) and Redis are there, migrate + seed,
// then run the API server and the BullMQ worker until one of them stops or we get SIGINT/SIGTERM.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {
  DEFAULT_DATABASE_URL,
  DEFAULT_REDIS_URL,
  NPM,
  ROOT,
  ensureDatabase,
  pgReachable,
  portFree,
  redactUrl,
  redisReachable,
  run,
  signalNumber,
  withDatabase,
} from './services.mjs';
import { resolveJwtSecret } from './jwt-secret.mjs';

const HELP = `Usage: node infra/scripts/start.mjs [--no-build] [--dev] [--help]

Builds the monorepo, resolves PostgreSQL and Redis, runs migrations and demo seed,
then starts the API server (backend/dist/main.js) and the worker (backend/dist/worker.js).

  --no-build   skip \`npm run build\` (dist/ must exist)
  --dev        skip the build when dist/ already exists (build only if missing)
  --help       show this help

Environment:
  DATABASE_URL   use this PostgreSQL; when unset, try ${DEFAULT_DATABASE_URL}
                 and fall back to an embedded PostgreSQL in .data/pg (port 5433 or next free)
  REDIS_URL      default ${DEFAULT_REDIS_URL}; Redis is required
  PORT           API port, default 3000
  DEMO_MODE      default 'true' here (demo accounts listed on the login page)
  JWT_SECRET     token signing key; when unset, a random key is generated once into
                 .data/jwt-secret (mode 0600) and reused on later starts
  START_PG_PROBE_URL  local PostgreSQL URL probed when DATABASE_URL is unset (default as above)`;

const args = new Set(process.argv.slice(2));
for (const arg of args) {
  if (!['--no-build', '--dev', '--help', '-h'].includes(arg)) {
    console.error(`unknown option ${arg}\n\n${HELP}`);
    process.exit(2);
  }
}
if (args.has('--help') || args.has('-h')) {
  console.log(HELP);
  process.exit(0);
}

const CLI = path.join(ROOT, 'backend', 'dist', 'database', 'cli.js');
const MAIN = path.join(ROOT, 'backend', 'dist', 'main.js');
const WORKER = path.join(ROOT, 'backend', 'dist', 'worker.js');
const FRONTEND_INDEX = path.join(ROOT, 'frontend', 'dist', 'index.html');

const env = { ...process.env };
env.DEMO_MODE ??= 'true';
env.PORT ??= '3000';
env.REDIS_URL ??= DEFAULT_REDIS_URL;
const port = Number(env.PORT);

const log = (msg) => console.log(`[start] ${msg}`);

/** Child processes currently running (build, migrate, api, worker), for signal forwarding. */
const children = new Set();
const track = (child) => {
  children.add(child);
  child.once('exit', () => children.delete(child));
};
let embedded; // { stop, ... } when an embedded PostgreSQL is in use
let shuttingDown = false;

function exitAlive(child) {
  return child.exitCode === null && child.signalCode === null;
}

function waitExit(child, timeoutMs) {
  if (!exitAlive(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      if (exitAlive(child)) child.kill('SIGKILL');
      resolve();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Stops children (then the embedded database) and exits. Never resolves: callers stop there. */
async function shutdown(code, signal = 'SIGTERM') {
  if (shuttingDown) return new Promise(() => {}); // the first shutdown exits the process
  shuttingDown = true;
  const running = [...children].filter(exitAlive);
  for (const child of running) child.kill(signal);
  await Promise.all(running.map((child) => waitExit(child, 10_000)));
  if (embedded) {
    await embedded.stop().catch((err) => console.error(`[start] stopping embedded PostgreSQL: ${err.message}`));
  }
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (shuttingDown) return;
    log(`${signal} received, stopping…`);
    void shutdown(128 + signalNumber(signal), signal === 'SIGHUP' ? 'SIGTERM' : signal);
  });
}

async function fail(message, code = 1) {
  console.error(message);
  await shutdown(code);
}

async function step(label, command, commandArgs) {
  log(label);
  const code = await run(command, commandArgs, { env, onSpawn: track });
  if (code !== 0) await fail(`[start] ${label} failed (exit ${code})`, code);
}

function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const attempt = () => {
      const req = http.get(url, { timeout: 2000 }, (res) => {
        res.resume();
        resolve(true);
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        if (shuttingDown || Date.now() > deadline) resolve(false);
        else setTimeout(attempt, 500);
      });
    };
    attempt();
  });
}

async function resolveDatabase() {
  if (env.DATABASE_URL) {
    log(`PostgreSQL: DATABASE_URL ${redactUrl(env.DATABASE_URL)}`);
    return;
  }
  const probeUrl = env.START_PG_PROBE_URL || DEFAULT_DATABASE_URL;
  const probe = await pgReachable(probeUrl);
  if (probe.ok) {
    env.DATABASE_URL = probeUrl;
    log(`PostgreSQL: local server ${redactUrl(probeUrl)}`);
    return;
  }
  const { startEmbeddedPostgres } = await import('./embedded-pg.mjs');
  try {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(ROOT, '.data', 'pg') });
  } catch (err) {
    await fail(
      `[start] no PostgreSQL at ${redactUrl(probeUrl)} (${probe.error}) and the embedded one could not start: ` +
        `${err.message}`,
    );
  }
  env.DATABASE_URL = withDatabase(embedded.url, 'dutylist');
  const how = embedded.reused ? 'reusing the one already running' : 'started';
  log(
    `PostgreSQL: embedded server (${how}) ${redactUrl(env.DATABASE_URL)}, data in .data/pg ` +
      `(no server at ${redactUrl(probeUrl)}: ${probe.error})`,
  );
  embedded.child?.once('exit', (code, signal) => {
    if (!shuttingDown)
      void fail(`[start] embedded PostgreSQL stopped unexpectedly (${signal ?? code}); see ${embedded.logFile}`);
  });
}

async function main() {
  // Fail fast on what a build would not fix.
  const redis = await redisReachable(env.REDIS_URL);
  if (!redis.ok) {
    await fail(
      `Redis 不可达 (${redactUrl(env.REDIS_URL)}: ${redis.error})：请先启动 Redis，例如 ` +
        'redis-server --daemonize yes --port 6379 --save "" ，或设置 REDIS_URL',
    );
  }
  if (!(await portFree(port))) {
    await fail(`[start] 端口 ${port} 已被占用：请先停止占用它的进程，或设置 PORT=<其他端口>`);
  }

  const built = existsSync(MAIN) && existsSync(WORKER) && existsSync(CLI) && existsSync(FRONTEND_INDEX);
  if (args.has('--no-build') || (args.has('--dev') && built)) {
    if (!built) await fail('[start] --no-build: backend/dist or frontend/dist is missing; run `npm run build` first');
    log('build skipped');
  } else {
    await step('npm run build', NPM, ['run', 'build']);
  }

  try {
    const jwt = resolveJwtSecret({ env, dataDir: path.join(ROOT, '.data') });
    env.JWT_SECRET = jwt.secret;
    if (jwt.source === 'env') log('JWT_SECRET: from the environment');
    else {
      const rel = path.relative(ROOT, jwt.file);
      log(
        jwt.source === 'created'
          ? `JWT_SECRET: not set; generated a random signing key for this installation in ${rel} (mode 0600)`
          : `JWT_SECRET: not set; using this installation's signing key from ${rel}`,
      );
    }
  } catch (err) {
    await fail(`[start] JWT_SECRET: ${err.message}`);
  }

  await resolveDatabase();
  try {
    const { created, name } = await ensureDatabase(env.DATABASE_URL);
    log(created ? `database "${name}" created` : `database "${name}" exists`);
  } catch (err) {
    await fail(`[start] ${err.message}`);
  }

  await step('migrate', process.execPath, [CLI, 'migrate']);
  await step('seed', process.execPath, [CLI, 'seed']);

  log('starting API server and worker…');
  for (const [name, script] of [
    ['api', MAIN],
    ['worker', WORKER],
  ]) {
    const child = spawn(process.execPath, [script], {
      cwd: ROOT,
      env,
      stdio: 'inherit',
    });
    track(child);
    child.once('error', (err) => void fail(`[start] ${name} could not start: ${err.message}`));
    child.once('exit', (code, signal) => {
      if (shuttingDown) return;
      const exitCode = code && code !== 0 ? code : signal ? 128 + signalNumber(signal) : 1;
      void fail(`[start] ${name} exited (${signal ?? `code ${code}`}); stopping the rest`, exitCode);
    });
  }

  const url = `http://localhost:${port}`;
  if (await waitForHttp(`http://127.0.0.1:${port}/api/health`, 120_000)) {
    log(`ready: ${url}  (API docs ${url}/api/docs; Ctrl-C to stop)`);
  } else if (!shuttingDown) {
    log(`API not answering yet on ${url} — still starting?`);
  }
}

main().catch((err) => fail(`[start] ${err?.stack ?? err}`));
