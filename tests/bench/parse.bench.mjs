// Throughput of the duty-list parser on the four real samples: `npm run bench:parse`.
// Runs the compiled parser (shared/dist) on one core; MB = 10^6 bytes of the input file.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { parseDutyListDocument } = require(join(root, 'shared', 'dist', 'document', 'parse-document.js'));
const iconv = require('iconv-lite');

const MIN_MS = Number(process.env.BENCH_MIN_MS ?? 1500);
const samples = ['biliuhe', 'santai', 'aheqi', 'baiyanghe'].map((name) => ({
  name,
  bytes: readFileSync(join(root, 'backend', 'demo-data', 'documents', `${name}.txt`)),
}));
samples.push({ name: 'aheqi (GBK)', bytes: iconv.encode(samples[2].bytes.toString('utf8'), 'gbk') });

function measure(bytes) {
  for (let i = 0; i < 20; i += 1) parseDutyListDocument(bytes); // warm-up (JIT)
  let runs = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < MIN_MS || runs < 50) {
    parseDutyListDocument(bytes);
    runs += 1;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return { runs, msPerDoc: elapsed / runs };
}

const rows = [];
let totalBytes = 0;
let totalMs = 0;
for (const { name, bytes } of samples) {
  const { runs, msPerDoc } = measure(bytes);
  const doc = parseDutyListDocument(bytes);
  const mbPerS = bytes.length / 1e6 / (msPerDoc / 1000);
  totalBytes += bytes.length;
  totalMs += msPerDoc;
  rows.push({
    document: name,
    KB: (bytes.length / 1000).toFixed(1),
    rows: `${doc.lists.basic.length}/${doc.lists.cooperative.length}/${doc.lists.revoked.length}`,
    runs,
    'ms/doc': msPerDoc.toFixed(2),
    'MB/s': mbPerS.toFixed(1),
  });
}
console.table(rows);
const overall = totalBytes / 1e6 / (totalMs / 1000);
console.log(`overall ${overall.toFixed(1)} MB/s (target ≥ 10 MB/s on one core) — node ${process.version}`);
if (overall < 10) process.exitCode = 1;
