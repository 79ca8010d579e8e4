// Bulk onboarding of a whole region through the real HTTP API: `npm run bench:onboard`.
// Starts the compiled API (backend/dist/main.js) on a fresh database of its own, with only the region
// and its admin in it, generates a workbook of 14 prefectures, 100 counties with 30 departments each,
// 1,100 townships and 3,500 accounts, then times the three phases as the admin's browser runs them:
//   upload + preview → confirm (one transaction) → the one download of the initial passwords.
// Baselines from the same run: re-importing the same file (all unchanged) and onboarding one township
// with one account. Target: the whole onboarding ≤ 30 s. Exit code 1 when it is missed or wrong.
/* global FormData, Blob -- Node 20 has both */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  admin,
  benchDatabase,
  children,
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
const ExcelJS = require('exceljs');

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const TARGET_MS = 30_000;
const PASSWORD = 'bench-password-1';
const PREFECTURES = 14;
const COUNTIES = 100;
const DEPARTMENTS_PER_COUNTY = 30;
const TOWNSHIPS = 1100;
const USERS = 3500;
const DEPARTMENTS = [
  '民政局',
  '公安局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源局',
  '生态环境分局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务和工业信息化局',
  '文化体育广播电视和旅游局',
  '卫生健康委员会',
  '退役军人事务局',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '林业和草原局',
  '教育局',
  '司法局',
  '发展和改革委员会',
  '民族宗教事务局',
  '信访局',
  '科学技术局',
  '城市管理局',
  '数据局',
  '供销合作社',
  '消防救援大队',
];

const { dbName, dbUrl } = benchDatabase('onboard');
let db;

/** The region as an admin would fill the template. */
async function regionWorkbook(regionName) {
  const orgs = [];
  const users = [];
  const counties = [];
  for (let p = 1; p <= PREFECTURES; p += 1) orgs.push([`第${p}自治州`, `第${p}州`, '自治州', regionName, '']);
  for (let c = 1; c <= COUNTIES; c += 1) {
    const county = `第${((c - 1) % PREFECTURES) + 1}州第${c}县`;
    counties.push(county);
    orgs.push([county, '', '县', `第${((c - 1) % PREFECTURES) + 1}自治州`, '']);
    for (const d of DEPARTMENTS.slice(0, DEPARTMENTS_PER_COUNTY))
      orgs.push([`${county}${d}`, `县${d}`, '县直部门', county, `县${d}、${d}`]);
  }
  const townships = [];
  for (let t = 1; t <= TOWNSHIPS; t += 1) {
    const county = counties[(t - 1) % COUNTIES];
    const name = `${county}第${Math.ceil(t / COUNTIES)}镇`;
    townships.push(name);
    orgs.push([name, '', '乡镇', county, '']);
  }
  for (let p = 1; p <= PREFECTURES; p += 1)
    users.push([`pref-${p}`, `州审核人${p}`, '州/地区编办审核人', `第${p}自治州`, '']);
  for (let c = 0; c < COUNTIES; c += 1) {
    users.push([`county-${c + 1}`, `县审核人${c + 1}`, '县委编办审核人', counties[c], `county-${c + 1}@example.com`]);
    users.push([`county-admin-${c + 1}`, `县管理员${c + 1}`, '系统管理员', counties[c], '']);
  }
  for (let i = 0; users.length < USERS; i += 1) {
    users.push([`drafter-${i + 1}`, `起草人${i + 1}`, '乡镇起草人', townships[i % TOWNSHIPS], '']);
  }
  const wb = new ExcelJS.Workbook();
  const o = wb.addWorksheet('组织机构');
  o.addRow(['单位全称', '简称', '类型', '上级单位', '别名']);
  for (const r of orgs) o.addRow(r);
  const u = wb.addWorksheet('用户');
  u.addRow(['用户名', '姓名', '角色', '所属单位', '邮箱']);
  for (const r of users) u.addRow(r);
  return { file: Buffer.from(await wb.xlsx.writeBuffer()), orgs: orgs.length, users: users.length, townships };
}

async function main() {
  const { env, port } = await migratedBackend({ dbName, dbUrl, redisUrl: REDIS_URL });

  // ---- a fresh directory: the region and its admin, nothing else
  db = new Client({ connectionString: dbUrl });
  db.on('error', () => undefined);
  await db.connect();
  const regionName = '新疆维吾尔自治区';
  const { rows } = await db.query(`SELECT gen_random_uuid() AS id`);
  const regionId = rows[0].id;
  await db.query(`INSERT INTO org_units (id, name, level, parent_id, path) VALUES ($1, $2, 'region', NULL, $3)`, [
    regionId,
    regionName,
    `/${regionId}/`,
  ]);
  await db.query(
    `INSERT INTO users (username, display_name, password_hash, role, org_unit_id) VALUES ('bench-admin', '自治区管理员', $1, 'admin', $2)`,
    [await argon2.hash(PASSWORD), regionId],
  );

  const tGen = performance.now();
  const region = await regionWorkbook(regionName);
  const genMs = performance.now() - tGen;

  run(join(root, 'backend', 'dist', 'main.js'), [], env, 'api');
  const base = `http://127.0.0.1:${port}`;
  await waitFor('the API', async () => (await fetch(`${base}/api/health`)).status === 200, 60_000, 200);
  const login = async (username, password) => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    return `Bearer ${(await res.json()).accessToken}`;
  };
  const auth = await login('bench-admin', PASSWORD);
  const preview = async (file, name) => {
    const form = new FormData();
    form.append('file', new Blob([file]), name);
    const res = await fetch(`${base}/api/admin/onboarding`, {
      method: 'POST',
      headers: { Authorization: auth },
      body: form,
    });
    if (res.status !== 201) throw new Error(`preview answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
    return res.json();
  };
  const confirm = async (id) => {
    const res = await fetch(`${base}/api/admin/onboarding/${id}/confirm`, {
      method: 'POST',
      headers: { Authorization: auth },
    });
    if (res.status !== 200) throw new Error(`confirm answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
    return res.json();
  };
  const passwords = async (id) => {
    const res = await fetch(`${base}/api/admin/onboarding/${id}/passwords`, { headers: { Authorization: auth } });
    if (res.status !== 200) throw new Error(`passwords answered ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  };
  const now = () => performance.now();

  // ---- the region
  const t0 = now();
  const p = await preview(region.file, '新疆维吾尔自治区.xlsx');
  const t1 = now();
  if (p.problems.length) throw new Error(`the preview reports problems: ${JSON.stringify(p.problems.slice(0, 5))}`);
  const done = await confirm(p.id);
  const t2 = now();
  const sheet = await passwords(p.id);
  const t3 = now();
  const total = t3 - t0;

  // ---- check what was written, and that a one-time password logs in
  const { rows: counts } = await db.query(
    `SELECT (SELECT count(*)::int FROM org_units) AS units, (SELECT count(*)::int FROM users WHERE must_change_password) AS users,
            (SELECT count(*)::int FROM admin_events WHERE action = 'onboarding.confirm') AS events`,
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(sheet);
  const pwRows = wb.worksheets[0].getSheetValues().filter((r) => r && r[4] && r[1] !== '用户名');
  const sample = pwRows[Math.floor(pwRows.length / 2)];
  await login(String(sample[1]), String(sample[4]));

  // ---- baselines: the same file again (all unchanged), and one township with one account
  const r0 = now();
  const again = await preview(region.file, '新疆维吾尔自治区.xlsx');
  const r1 = now();
  await confirm(again.id);
  const r2 = now();
  const small = new ExcelJS.Workbook();
  small.addWorksheet('组织机构').addRows([
    ['单位全称', '简称', '类型', '上级单位', '别名'],
    ['新建镇', '', '乡镇', '第1州第1县', ''],
  ]);
  small.addWorksheet('用户').addRows([
    ['用户名', '姓名', '角色', '所属单位', '邮箱'],
    ['small-1', '甲', '乡镇起草人', '新建镇', ''],
  ]);
  const s0 = now();
  const sp = await preview(Buffer.from(await small.xlsx.writeBuffer()), 'small.xlsx');
  await confirm(sp.id);
  await passwords(sp.id);
  const s1 = now();

  const f = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const ok =
    total <= TARGET_MS &&
    counts[0].units === 1 + region.orgs &&
    counts[0].users === region.users &&
    pwRows.length === region.users &&
    again.counts.orgUnits.unchanged === region.orgs &&
    again.counts.users.unchanged === region.users;
  console.log(
    `\nonboard bench — node ${process.version}, PostgreSQL + API on this machine, one HTTP client\n` +
      `workbook: ${region.orgs} org units (${PREFECTURES} prefectures, ${COUNTIES} counties × ${DEPARTMENTS_PER_COUNTY} departments, ` +
      `${TOWNSHIPS} townships), ${region.users} accounts, ${(region.file.length / 1024).toFixed(0)} KiB (generated in ${f(genMs)})\n` +
      `  upload + preview     ${f(t1 - t0)}\n` +
      `  confirm              ${f(t2 - t1)}   (${done.counts.orgUnits.create} units and ${done.counts.users.create} accounts, one transaction, argon2 of the one-time passwords included)\n` +
      `  passwords download   ${f(t3 - t2)}   (${pwRows.length} rows)\n` +
      `  total                ${f(total)}   (target ≤ ${f(TARGET_MS)})\n` +
      `baselines in the same run:\n` +
      `  re-import of the same file, all unchanged: preview ${f(r1 - r0)} + confirm ${f(r2 - r1)} = ${f(r2 - r0)}` +
      `   → first onboarding / re-import = ${(total / (r2 - r0)).toFixed(1)}×\n` +
      `  one township + one account (preview, confirm, passwords): ${f(s1 - s0)}` +
      `   → region / single = ${(total / (s1 - s0)).toFixed(0)}×\n` +
      `written: ${counts[0].units} org units, ${counts[0].users} accounts that must change their password, ${counts[0].events} trail rows; a one-time password logs in`,
  );
  if (process.env.BENCH_DEBUG)
    console.log(
      children
        .find((c) => c.label === 'api')
        .output()
        .split('\n')
        .filter((l) => l.startsWith('['))
        .join('\n'),
    );
  console.log(ok ? 'target met' : 'TARGET MISSED');
  if (!ok) process.exitCode = 1;
}

async function cleanup() {
  await db?.end().catch(() => undefined);
  await stopChildren();
  await dropQueueKeys(REDIS_URL, `dutylist-bench-${process.pid}`);
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
}

runBench('bench:onboard', main, cleanup);
