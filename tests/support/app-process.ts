import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';

const REPO = join(__dirname, '..', '..');

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A child process and the lines it printed (for the error message when it does not come up). */
export interface ChildHandle {
  child: ChildProcess;
  output: string[];
  stop(): Promise<void>;
}

function track(child: ChildProcess): ChildHandle {
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', (line) => output.push(line));
  }
  return {
    child,
    output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The newest modification time of the .ts files under a directory (specs excluded). */
function newestSource(dir: string): { file: string; mtime: number } {
  let newest = { file: dir, mtime: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = newestSource(path);
      if (inner.mtime > newest.mtime) newest = inner;
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
      const mtime = statSync(path).mtimeMs;
      if (mtime > newest.mtime) newest = { file: path, mtime };
    }
  }
  return newest;
}

/**
 * Fails with what to run when backend/dist (or shared/dist) is missing or older than its sources:
 * the process tests run the built app, as `npm start` does.
 */
export function assertBackendBuilt(): void {
  const build = 'npm run build -w shared && npm run build -w backend';
  const main = join(REPO, 'backend', 'dist', 'main.js');
  if (!existsSync(main)) throw new Error(`backend/dist/main.js is missing: run \`${build}\` first`);
  for (const [src, dist] of [
    ['backend/src', 'backend/dist/main.js'],
    ['shared/src', 'shared/dist/index.js'],
  ]) {
    const newest = newestSource(join(REPO, src));
    const built = existsSync(join(REPO, dist)) ? statSync(join(REPO, dist)).mtimeMs : 0;
    if (newest.mtime > built) {
      throw new Error(`${dist} is older than ${relative(REPO, newest.file)}: run \`${build}\` first`);
    }
  }
}

/** `node backend/dist/main.js` with the given environment, once it answers on its port. */
export async function startAppProcess(
  env: Record<string, string>,
  timeoutMs = 90_000,
): Promise<ChildHandle & { baseUrl: string }> {
  assertBackendBuilt();
  const port = env.PORT ?? String(await freePort());
  const handle = track(
    spawn(process.execPath, [join(REPO, 'backend', 'dist', 'main.js')], {
      cwd: REPO,
      env: { ...process.env, LOG_FORMAT: 'text', ...env, PORT: port },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (handle.child.exitCode !== null) {
      throw new Error(`the app exited with ${handle.child.exitCode}:\n${handle.output.join('\n')}`);
    }
    const up = await fetch(`${baseUrl}/api/health`)
      .then((r) => r.status > 0)
      .catch(() => false);
    if (up) return { ...handle, baseUrl };
    if (Date.now() > deadline) {
      await handle.stop();
      throw new Error(`the app did not answer within ${timeoutMs} ms:\n${handle.output.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A node script (e.g. an .mjs stand-in service) that prints `READY <value>` once it serves. */
export async function startScript(
  script: string,
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<ChildHandle & { ready: string }> {
  const handle = track(
    spawn(process.execPath, [script], {
      cwd: REPO,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const line = handle.output.find((l) => l.startsWith('READY '));
    if (line) return { ...handle, ready: line.slice('READY '.length).trim() };
    if (handle.child.exitCode !== null || Date.now() > deadline) {
      await handle.stop();
      throw new Error(`${script} did not start:\n${handle.output.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
