import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { SAMPLES_DIR } from './test-samples';
import { buildDocx } from './test-office-fixtures';

const SHARED_DIR = join(__dirname, '..', '..');
const CLI = join(SHARED_DIR, 'dist', 'document', 'cli.js');

function run(file?: string) {
  const result = spawnSync(process.execPath, file ? [CLI, file] : [CLI], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('doc:parse CLI (compiled)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'doc-parse-'));

  beforeAll(() => {
    execFileSync(process.execPath, [
      require.resolve('typescript/bin/tsc'),
      '-p',
      join(SHARED_DIR, 'tsconfig.build.json'),
    ]);
  }, 120_000);

  it('prints one JSON object with exactly the contract keys and exits 0', () => {
    const { status, stdout, stderr } = run(join(SAMPLES_DIR, 'aheqi.txt'));
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(['township', 'county', 'prefecture', 'statedCounts', 'lists', 'issues']);
    expect([doc.prefecture, doc.county, doc.township]).toEqual(['克孜勒苏柯尔克孜自治州', '阿合奇县', '阿合奇镇']);
    expect(doc.statedCounts).toEqual({ basic: 119, cooperative: 127, revoked: 63, total: 309 });
    expect([doc.lists.basic.length, doc.lists.cooperative.length, doc.lists.revoked.length]).toEqual([119, 127, 63]);
    expect(Object.keys(doc.lists.basic[0])).toEqual(['seq', 'category', 'name', 'line']);
    expect(Object.keys(doc.lists.cooperative[0])).toEqual([
      'seq',
      'category',
      'name',
      'departments',
      'upperDuties',
      'townshipDuties',
      'line',
    ]);
    expect(Object.keys(doc.lists.revoked[0])).toEqual(['seq', 'category', 'name', 'undertaker', 'line']);
    expect(doc.lists.basic[0]).toMatchObject({ seq: 1, category: '党的建设', line: 38 });
    for (const i of doc.issues) expect(Object.keys(i)).toEqual(['severity', 'code', 'line', 'list', 'seq', 'message']);
  });

  it('exits 0 with the issues of a damaged document (category inferred, reported on its row)', () => {
    const file = join(dir, 'damaged.txt');
    writeFileSync(file, ['序号\t事项 类别\t事项名称', '1\t党的建设\t甲', '2\t\t乙', '3\t党的建设\t丙'].join('\n'));
    const { status, stdout } = run(file);
    expect(status).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.lists.basic[1]).toEqual({ seq: 2, category: '党的建设', name: '乙', line: 3 });
    expect(doc.issues).toContainEqual(
      expect.objectContaining({ code: 'CATEGORY_INFERRED', line: 3, list: 'basic', seq: 2 }),
    );
  });

  it.each([
    ['an empty file', 'empty.txt', Buffer.alloc(0), /文件为空/],
    [
      'a binary file',
      'image.png',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      /二进制/,
    ],
    [
      'a text without duty table',
      'notice.txt',
      Buffer.from('关于开展春耕工作的通知\n各村：请按时完成。\n'),
      /未找到履职事项清单表格/,
    ],
  ])('exits 2 with a one-line reason for %s', (_label, name, bytes, reason) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const { status, stdout, stderr } = run(file);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(reason);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 for a missing file, a directory, no argument and a file over 50 MB', () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, '');
    truncateSync(big, 50 * 1024 * 1024 + 1);
    expect(run(big)).toMatchObject({ status: 2, stdout: '', stderr: expect.stringMatching(/超过 50 MB/) });
    expect(run(join(dir, 'missing.txt'))).toMatchObject({ status: 2, stderr: expect.stringMatching(/无法读取文件/) });
    expect(run(dir)).toMatchObject({ status: 2, stderr: expect.stringMatching(/无法读取文件/) });
    expect(run()).toMatchObject({ status: 2, stderr: expect.stringMatching(/用法/) });
  });

  it('reads a .docx, and a zip that is neither is refused with exit 2', async () => {
    const docx = join(dir, 'list.docx');
    writeFileSync(docx, await buildDocx());
    const ok = spawnSync(process.execPath, [CLI, docx], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).lists.cooperative).toHaveLength(98);
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    const other = join(dir, 'other.zip');
    writeFileSync(other, await zip.generateAsync({ type: 'nodebuffer' }));
    const bad = spawnSync(process.execPath, [CLI, other], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
