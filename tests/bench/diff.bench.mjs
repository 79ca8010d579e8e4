// Speed of the item diff engine against a plain text diff: `npm run bench:diff`.
// Two 300-item versions of a real list (阿合奇镇) with a realistic round of edits, compared
//   - by the engine (shared/dist diffVersions, by id; and by content, as for two imported documents), and
//   - as whole texts, one line per item, with diff-match-patch diff_main + diff_cleanupSemantic,
// side by side in one run on one core. Target: engine p50 ≤ 5 ms.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = require(join(root, 'shared', 'dist', 'index.js'));
const { diffVersions, parseDutyListDocument, LIST_TABLES } = shared;
const DiffMatchPatch = require('diff-match-patch');

const MIN_MS = Number(process.env.BENCH_MIN_MS ?? 1500);
const TARGET_P50_MS = 5;

// --- Version 1: the real sample, 300 items with synthetic ids -------------------------------------------
const doc = parseDutyListDocument(readFileSync(join(root, 'backend', 'demo-data', 'documents', 'aheqi.txt')));
const before = LIST_TABLES.flatMap((table) =>
  doc.lists[table].map(({ line: _line, ...row }) => ({ ...row, table, id: `${table}-${row.seq}` })),
).slice(0, 300);

// --- Version 2: one round of edits as a drafter makes them --------------------------------------------------
function renumber(items) {
  const next = { basic: 0, cooperative: 0, revoked: 0 };
  return items.map((item) => ({ ...item, seq: (next[item.table] += 1) }));
}
const pick = (table, every, count, offset = 0) =>
  before
    .filter((i) => i.table === table)
    .filter((_, k) => k % every === offset)
    .slice(0, count)
    .map((i) => i.id);
const reworded = new Set([...pick('basic', 11, 6, 3), ...pick('cooperative', 13, 3, 5), ...pick('revoked', 17, 2, 2)]);
const dutiesEdited = new Set(pick('cooperative', 9, 8, 1));
const departmentsEdited = new Set(pick('cooperative', 21, 3, 7));
const recategorised = new Set(pick('basic', 31, 2, 20));
const movedToRevoked = new Set(pick('basic', 37, 3, 30));
const movedToCooperative = new Set(pick('revoked', 23, 1, 11));
const deleted = new Set([...pick('basic', 41, 3, 12), ...pick('cooperative', 50, 2, 33)]);
const reword = (name) =>
  name.includes('本镇') ? name.replace('本镇', '全镇') : `${name.slice(0, 4)}统筹${name.slice(4)}`;

const edited = [];
for (const item of before) {
  if (deleted.has(item.id)) continue;
  let next = item;
  if (reworded.has(item.id)) next = { ...next, name: reword(next.name) };
  if (dutiesEdited.has(item.id)) {
    next = {
      ...next,
      upperDuties: next.upperDuties.replace('负责', '牵头负责'),
      townshipDuties: `${next.townshipDuties}；及时报送工作进展情况和存在的问题`,
    };
  }
  if (departmentsEdited.has(item.id)) next = { ...next, departments: [...next.departments.slice(1), '阿合奇县财政局'] };
  if (recategorised.has(item.id)) next = { ...next, category: '综合政务' };
  if (movedToRevoked.has(item.id)) next = { ...next, table: 'revoked', undertaker: '阿合奇县相关部门：依法履行职责' };
  if (movedToCooperative.has(item.id)) next = { ...next, table: 'cooperative' };
  edited.push(next);
}
const inserted = [
  ['basic', 2, '党的建设', '负责村级组织换届选举的指导和监督'],
  ['basic', 40, '乡村振兴', '组织开展高标准农田建设后期管护工作'],
  ['basic', 90, '社会管理', '负责辖区流动人口服务管理工作'],
  ['cooperative', 130, '民生服务', '协助做好困难群众冬季取暖保障'],
  ['cooperative', 170, '生态环保', '配合开展河湖“清四乱”专项整治'],
  ['cooperative', 200, '卫生健康', '配合开展爱国卫生运动'],
  ['revoked', 260, '城乡建设', '对擅自占用城市绿地的处罚'],
  ['revoked', 280, '市场监管', '对无照经营行为的查处'],
].map(([table, at, category, name], k) => ({
  at,
  item: {
    id: `new-${k + 1}`,
    table,
    seq: 0,
    category,
    name,
    departments: [],
    upperDuties: '',
    townshipDuties: '',
    undertaker: '',
  },
}));
for (const { at, item } of [...inserted].reverse()) edited.splice(at, 0, item);
const order = (items) => LIST_TABLES.flatMap((t) => items.filter((i) => i.table === t));
const after = renumber(order(edited));
const beforeSorted = order(before);

// --- Whole-text baseline: one line per item ----------------------------------------------------------------
const cell = (text) => String(text ?? '').replace(/\s*\n\s*/g, ' ');
const serialise = (items) =>
  items
    .map((i) =>
      [i.table, i.seq, i.category, i.name, i.departments.join('、'), i.upperDuties, i.townshipDuties, i.undertaker]
        .map(cell)
        .join('\t'),
    )
    .join('\n');
const textBefore = serialise(beforeSorted);
const textAfter = serialise(after);
const dmp = new DiffMatchPatch();
function wholeTextDiff() {
  const diffs = dmp.diff_main(textBefore, textAfter);
  dmp.diff_cleanupSemantic(diffs);
  return diffs;
}

// --- Measurement --------------------------------------------------------------------------------------------
function percentiles(run) {
  for (let k = 0; k < 10; k += 1) run(); // warm-up (JIT)
  const times = [];
  const start = performance.now();
  while (performance.now() - start < MIN_MS || times.length < 30) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return { runs: times.length, p50: at(0.5), p95: at(0.95) };
}

const withoutIds = (items) => items.map(({ id: _id, ...rest }) => rest);
const [anonBefore, anonAfter] = [withoutIds(before), withoutIds(after)];
const engine = percentiles(() => diffVersions(before, after));
const content = percentiles(() => diffVersions(anonBefore, anonAfter, { matchBy: 'content' }));
const whole = percentiles(wholeTextDiff);

const byId = diffVersions(before, after);
const byContent = diffVersions(anonBefore, anonAfter, { matchBy: 'content' });
const report = (d) =>
  `+${d.added.length} −${d.removed.length} ~${d.modified.length} ⇄${d.moved.length} 类${d.categoryChanged.length}`;
const diffs = wholeTextDiff();
// Lines of the old text that the text diff marks as changed: the renumbering shows up as noise here.
const touchedLines = new Set();
let line = 1;
for (const [op, text] of diffs) {
  const breaks = text.split('\n').length - 1;
  if (op === 1) touchedLines.add(line);
  else if (op === -1) for (let l = line; l <= line + breaks; l += 1) touchedLines.add(l);
  if (op !== 1) line += breaks;
}
const expected = {
  modified: new Set([...reworded, ...dutiesEdited, ...departmentsEdited, ...movedToRevoked]).size,
  moved: movedToRevoked.size + movedToCooperative.size,
};
const made = `+${inserted.length} −${deleted.size} ~${expected.modified} ⇄${expected.moved} 类${recategorised.size}`;
console.log(
  `versions: ${before.length} → ${after.length} items; edits made: +${inserted.length} −${deleted.size} ` +
    `~${expected.modified} ⇄${expected.moved} ` +
    `类${recategorised.size}; text ${(textBefore.length / 1000).toFixed(0)}k / ${(textAfter.length / 1000).toFixed(0)}k chars`,
);
console.table([
  {
    method: 'engine (by id)',
    runs: engine.runs,
    'p50 ms': engine.p50.toFixed(2),
    'p95 ms': engine.p95.toFixed(2),
    reports: report(byId),
  },
  {
    method: 'engine (by content)',
    runs: content.runs,
    'p50 ms': content.p50.toFixed(2),
    'p95 ms': content.p95.toFixed(2),
    reports: report(byContent),
  },
  {
    method: 'whole text (diff_main + cleanupSemantic)',
    runs: whole.runs,
    'p50 ms': whole.p50.toFixed(2),
    'p95 ms': whole.p95.toFixed(2),
    reports: `${diffs.filter(([op]) => op !== 0).length} hunks on ${touchedLines.size} of ${beforeSorted.length} lines`,
  },
]);
console.log(
  `engine p50 ${engine.p50.toFixed(2)} ms (target ≤ ${TARGET_P50_MS} ms), ` +
    `${(whole.p50 / engine.p50).toFixed(0)}× faster than the whole-text diff — node ${process.version}`,
);
for (const [name, d] of [
  ['by id', byId],
  ['by content', byContent],
]) {
  if (report(d) !== made) {
    console.error(`engine ${name} reported ${report(d)}, but the edits made were ${made}`);
    process.exitCode = 1;
  }
}
if (engine.p50 > TARGET_P50_MS) process.exitCode = 1;
