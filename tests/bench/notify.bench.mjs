// Notification latency and fan-out, with the compiled backend: `npm run bench:notify`.
// Starts the real processes (backend/dist/main.js = API, backend/dist/worker.js = worker) on a database
// of its own and its own queue prefix on the local Redis, then measures
//   1. commit → SSE receipt: drafters of N townships of one county each submit their list while the
//      county reviewer's browser stream is open; from the outbox row's insert (clock_timestamp(), a few
//      statements before COMMIT) and from the moment the HTTP request was sent, to the event's arrival;
//   2. fan-out: one submission in a county with 1,000 reviewers; time until 1,000 inbox rows exist and
//      until sampled open streams of those reviewers have received it.
// Targets: commit → SSE p95 ≤ 1 s; 1,000 notifications in ≤ 5 s. Exit code 1 when a target is missed.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  admin,
  benchDatabase,
  dropQueueKeys,
  runBench,
  migratedBackend,
  root,
  run,
  stopChildren,
  waitFor,
} from './bench-processes.mjs';

const require = createRequire(join(root, 'backend', 'package.json'));
const { Client } = require('pg');
const argon2 = require('argon2');

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 60);
const WARMUP = 5;
const FANOUT = Number(process.env.BENCH_FANOUT ?? 1000);
const STREAMS = Number(process.env.BENCH_STREAMS ?? 20);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const TARGET_P95_MS = 1000;
const TARGET_FANOUT_MS = 5000;
const PASSWORD = 'bench-password-1';

const { dbName, dbUrl } = benchDatabase('notify');
let db;

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** An SSE client as a browser's EventSource: calls onEvent(event, receivedAt) per `data:` block. */
async function openStream(base, token, onEvent) {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/notifications/stream?token=${encodeURIComponent(token)}`, {
    headers: { Accept: 'text/event-stream' },
    signal: controller.signal,
  });
  if (res.status !== 200) throw new Error(`stream answered ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let ready = false;
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const at = performance.timeOrigin + performance.now();
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trimStart())
            .join('\n');
          if (!data) continue;
          const event = JSON.parse(data);
          if (event.type === 'ready') ready = true;
          onEvent(event, at);
        }
      }
    } catch {
      // closed
    }
  })();
  await waitFor('stream ready', async () => ready);
  return () => controller.abort();
}

async function main() {
  const { env, port } = await migratedBackend({ dbName, dbUrl, redisUrl: REDIS_URL });

  // ---- the world: one region → prefecture → county A (latency) and county B (fan-out)
  db = new Client({ connectionString: dbUrl });
  db.on('error', () => undefined);
  await db.connect();
  const hash = await argon2.hash(PASSWORD);
  const org = async (name, level, parent) => {
    const { rows } = await db.query(`SELECT gen_random_uuid() AS id`);
    const id = rows[0].id;
    await db.query(`INSERT INTO org_units (id, name, level, parent_id, path) VALUES ($1, $2, $3, $4, $5)`, [
      id,
      name,
      level,
      parent?.id ?? null,
      `${parent?.path ?? '/'}${id}/`,
    ]);
    return { id, path: `${parent?.path ?? '/'}${id}/` };
  };
  const user = async (username, role, unit) => {
    const { rows } = await db.query(
      `INSERT INTO users (username, display_name, password_hash, role, org_unit_id) VALUES ($1, $1, $2, $3, $4) RETURNING id`,
      [username, hash, role, unit.id],
    );
    return rows[0].id;
  };
  const list = async (township, title) => {
    const { rows } = await db.query(
      `INSERT INTO duty_lists (township_id, edition, title) VALUES ($1, 2025, $2) RETURNING id`,
      [township.id, title],
    );
    for (let seq = 1; seq <= 3; seq += 1) {
      await db.query(
        `INSERT INTO items (list_id, list_table, seq, category, name) VALUES ($1, 'basic', $2, '党的建设', $3)`,
        [rows[0].id, seq, `事项${seq}`],
      );
    }
    return rows[0].id;
  };
  const region = await org('自治区', 'region', null);
  const prefecture = await org('某州', 'prefecture', region);
  const countyA = await org('甲县', 'county', prefecture);
  const countyB = await org('乙县', 'county', prefecture);
  await user('bench-reviewer', 'county_reviewer', countyA);
  const townships = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const town = await org(`甲县第${i + 1}镇`, 'township', countyA);
    townships.push({ drafter: `bench-drafter-${i}`, list: await list(town, `甲县第${i + 1}镇履职事项清单`) });
    await user(`bench-drafter-${i}`, 'township_drafter', town);
  }
  const townB = await org('乙县某镇', 'township', countyB);
  const fanoutList = await list(townB, '乙县某镇履职事项清单');
  await user('bench-drafter-b', 'township_drafter', townB);
  await db.query(
    `INSERT INTO users (username, display_name, password_hash, role, org_unit_id)
     SELECT 'bench-b-reviewer-' || g, '乙县审核人' || g, $1, 'county_reviewer', $2 FROM generate_series(1, $3) g`,
    [hash, countyB.id, FANOUT],
  );

  // ---- the processes
  run(join(root, 'backend', 'dist', 'main.js'), [], env, 'api');
  const workers = [];
  for (let i = 0; i < WORKERS; i += 1)
    workers.push(run(join(root, 'backend', 'dist', 'worker.js'), [], env, `worker${i + 1}`));
  const base = `http://127.0.0.1:${port}`;
  await waitFor('the API', async () => (await fetch(`${base}/api/health`)).status === 200, 60_000, 200);
  await waitFor('the worker', async () => workers.every((c) => c.output().includes('processing queues')), 60_000, 200);
  const login = async (username) => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
    return `Bearer ${(await res.json()).accessToken}`;
  };
  const streamToken = async (auth) =>
    (
      await (
        await fetch(`${base}/api/notifications/stream-token`, { method: 'POST', headers: { Authorization: auth } })
      ).json()
    ).token;
  const submit = (auth, listId) =>
    fetch(`${base}/api/lists/${listId}/submit`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: '{}',
    });

  // ---- 1. commit → SSE receipt
  const reviewer = await login('bench-reviewer');
  const arrivals = new Map();
  const closeReviewer = await openStream(base, await streamToken(reviewer), (event, at) => {
    if (event.type === 'notification') arrivals.set(event.notification.listId, at);
  });
  const drafters = [];
  for (const t of townships) drafters.push(await login(t.drafter));
  const fromCommit = [];
  const fromRequest = [];
  for (let i = 0; i < townships.length; i += 1) {
    const sent = performance.timeOrigin + performance.now();
    const res = await submit(drafters[i], townships[i].list);
    if (res.status !== 200) throw new Error(`submit answered ${res.status}: ${await res.text()}`);
    const at = await waitFor('the SSE event', async () => arrivals.get(townships[i].list), 10_000, 2);
    const { rows } = await db.query(
      `SELECT extract(epoch FROM created_at) * 1000 AS ms FROM notification_outbox WHERE list_id = $1 AND action = 'submit'`,
      [townships[i].list],
    );
    if (i < WARMUP) continue;
    fromCommit.push(at - Number(rows[0].ms));
    fromRequest.push(at - sent);
  }
  closeReviewer();
  fromCommit.sort((a, b) => a - b);
  fromRequest.sort((a, b) => a - b);

  // ---- 2. fan-out to 1,000 reviewers
  const sampled = [];
  for (let i = 1; i <= STREAMS; i += 1) {
    const auth = await login(`bench-b-reviewer-${Math.ceil((i * FANOUT) / STREAMS)}`);
    sampled.push({ auth, at: null });
  }
  const closers = [];
  for (const s of sampled) {
    closers.push(
      await openStream(base, await streamToken(s.auth), (event, at) => {
        if (event.type === 'notification' && event.notification.listId === fanoutList) s.at = at;
      }),
    );
  }
  const drafterB = await login('bench-drafter-b');
  const t0 = performance.timeOrigin + performance.now();
  const res = await submit(drafterB, fanoutList);
  if (res.status !== 200) throw new Error(`fan-out submit answered ${res.status}`);
  const tCommitted = performance.timeOrigin + performance.now();
  let tRows = 0;
  await waitFor(
    `${FANOUT} inbox rows`,
    async () => {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM notifications WHERE list_id = $1`, [fanoutList]);
      if (rows[0].n >= FANOUT) tRows = performance.timeOrigin + performance.now();
      return rows[0].n >= FANOUT;
    },
    60_000,
    5,
  );
  await waitFor('the sampled streams', async () => sampled.every((s) => s.at), 60_000, 5);
  const lastPush = Math.max(...sampled.map((s) => s.at));
  const { rows: fan } = await db.query(
    `SELECT count(*)::int AS n, count(DISTINCT recipient_id)::int AS people FROM notifications WHERE list_id = $1`,
    [fanoutList],
  );
  for (const close of closers) close();

  const f = (ms) => `${ms.toFixed(0)} ms`;
  const fanoutMs = Math.max(tRows, lastPush) - t0;
  console.log(
    `\nnotify bench — ${WORKERS} worker(s), node ${process.version}, PostgreSQL + Redis on this machine\n` +
      `commit → SSE receipt (${fromCommit.length} submissions, outbox insert → event in the browser stream):\n` +
      `  p50 ${f(percentile(fromCommit, 50))}   p95 ${f(percentile(fromCommit, 95))}   max ${f(fromCommit[fromCommit.length - 1])}` +
      `   (target p95 ≤ ${TARGET_P95_MS} ms)\n` +
      `request sent → SSE receipt (upper bound, includes the HTTP request):\n` +
      `  p50 ${f(percentile(fromRequest, 50))}   p95 ${f(percentile(fromRequest, 95))}\n` +
      `fan-out of one submission to ${FANOUT} county reviewers (${fan[0].n} inbox rows for ${fan[0].people} people):\n` +
      `  HTTP answered ${f(tCommitted - t0)}, all inbox rows ${f(tRows - t0)}, last of ${STREAMS} sampled live pushes ${f(lastPush - t0)}` +
      `   (target ≤ ${TARGET_FANOUT_MS} ms)`,
  );
  const ok = percentile(fromCommit, 95) <= TARGET_P95_MS && fanoutMs <= TARGET_FANOUT_MS && fan[0].n === FANOUT;
  console.log(ok ? 'targets met' : 'TARGET MISSED');
  if (!ok) process.exitCode = 1;
}

async function cleanup() {
  await db?.end().catch(() => undefined);
  await stopChildren();
  await dropQueueKeys(REDIS_URL, `dutylist-bench-${process.pid}`);
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
}

runBench('bench:notify', main, cleanup);
