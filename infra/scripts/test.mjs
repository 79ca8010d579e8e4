#!/usr/bin/env node
// `npm test`: check PostgreSQL + Redis, then lint, typecheck, unit tests, frontend build, e2e tests,
// stopping at the first failure, with a summary line per stage.
import {
  DEFAULT_REDIS_URL,
  NPM,
  pgReachable,
  redactUrl,
  redisReachable,
  run,
  seconds,
  signalNumber,
} from './services.mjs';

/** The PostgreSQL server the tests use (see backend/test/test-database.ts). */
const TEST_PG_DEFAULT = 'postgres://postgres@127.0.0.1:5432/postgres';

const STAGES = [
  ['lint', ['run', 'lint']],
  ['typecheck', ['run', 'typecheck']],
  ['test:unit', ['run', 'test:unit']],
  ['build:frontend', ['run', 'build', '-w', 'frontend']],
  // The single sign-on e2e test runs the built API as a process (openid-client is ESM-only).
  ['build:backend', ['run', 'build', '-w', 'shared', '-w', 'backend']],
  ['test:e2e', ['run', 'test:e2e']],
];

const HELP = `Usage: node infra/scripts/test.mjs [--skip-service-check] [--from STAGE]

Checks that PostgreSQL and Redis answer, then runs in order, stopping at the first failure:
${STAGES.map(([name, a]) => `  ${name.padEnd(15)} npm ${a.join(' ')}`).join('\n')}
--from STAGE starts at that stage (e.g. --from test:unit); earlier ones are reported as skipped.

PostgreSQL is probed at TEST_PG_URL (default ${TEST_PG_DEFAULT}), the server on which each
test run creates and drops its own databases; Redis at REDIS_URL, else ${DEFAULT_REDIS_URL}. infra/scripts/ensure-services.sh starts both on Debian.`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(HELP);
  process.exit(0);
}
const fromIndex = args.indexOf('--from');
const fromStage = fromIndex >= 0 ? args[fromIndex + 1] : undefined;
if (fromIndex >= 0 && !STAGES.some(([name]) => name === fromStage)) {
  console.error(`--from: unknown stage '${fromStage ?? ''}'; one of: ${STAGES.map(([n]) => n).join(', ')}`);
  process.exit(2);
}

let current;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current && current.exitCode === null) current.kill(signal);
    process.exitCode = 128 + signalNumber(signal);
  });
}

async function checkServices() {
  const pgUrl = process.env.TEST_PG_URL || TEST_PG_DEFAULT;
  const redisUrl = process.env.REDIS_URL || DEFAULT_REDIS_URL;
  const [pg, redis] = await Promise.all([pgReachable(pgUrl), redisReachable(redisUrl)]);
  let ok = true;
  if (!pg.ok) {
    ok = false;
    console.error(
      `PostgreSQL 不可达 (${redactUrl(pgUrl)}: ${pg.error})：请先启动，例如 ` +
        'pg_ctlcluster --skip-systemctl-redirect 15 main start ，或运行 infra/scripts/ensure-services.sh ，或设置 TEST_PG_URL',
    );
  }
  if (!redis.ok) {
    ok = false;
    console.error(
      `Redis 不可达 (${redactUrl(redisUrl)}: ${redis.error})：请先启动，例如 ` +
        'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" ，或运行 infra/scripts/ensure-services.sh',
    );
  }
  return ok;
}

async function main() {
  if (!args.includes('--skip-service-check') && !(await checkServices())) return 1;

  const results = [];
  let failed = false;
  let started = !fromStage;
  for (const [name, npmArgs] of STAGES) {
    started ||= name === fromStage;
    if (!started || failed || process.exitCode) {
      results.push({ name, status: 'skipped' });
      continue;
    }
    console.log(`\n=== ${name}: npm ${npmArgs.join(' ')}`);
    const t0 = Date.now();
    const code = await run(NPM, npmArgs, {
      onSpawn: (child) => {
        current = child;
      },
    });
    const elapsed = Date.now() - t0;
    results.push({ name, status: code === 0 ? 'passed' : 'failed', code, elapsed });
    if (code !== 0) failed = true;
  }

  console.log('\n=== summary');
  for (const r of results) {
    if (r.status === 'passed') console.log(`  PASS  ${r.name} (${seconds(r.elapsed)})`);
    else if (r.status === 'failed') console.log(`  FAIL  ${r.name} (exit ${r.code}, ${seconds(r.elapsed)})`);
    else console.log(`  SKIP  ${r.name}`);
  }
  const count = (s) => results.filter((r) => r.status === s).length;
  console.log(`stages — ok: ${count('passed')}, failed: ${count('failed')}, skipped: ${count('skipped')}`);
  return failed ? 1 : process.exitCode || 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err?.stack ?? err);
    process.exit(1);
  },
);
