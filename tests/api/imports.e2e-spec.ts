import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportPreview, Item } from '@dutylist/shared';
import { startTestApp, type TestApp } from '../support/test-app';
import { createList, createOrgUnit, createUser } from '../support/factories';
import { bearer } from '../support/auth';

const SAMPLE = readFileSync(join(__dirname, '../../backend/demo-data/documents/biliuhe.txt'), 'utf8');

describe('importing a document into a draft (preview, then confirm in one transaction)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ seedDemo: false });
  });
  afterAll(() => app?.close());

  async function setup() {
    const region = await createOrgUnit(app.db, 'region', null);
    const county = await createOrgUnit(app.db, 'county', await createOrgUnit(app.db, 'prefecture', region));
    const township = await createOrgUnit(app.db, 'township', county);
    const list = await createList(app.db, township, [{ name: '草稿一' }, { name: '草稿二' }, { name: '草稿三' }]);
    const drafter = await bearer(app, (await createUser(app.db, 'township_drafter', township)).username);
    const reviewer = await bearer(app, (await createUser(app.db, 'county_reviewer', county)).username);
    const items = async () =>
      (await app.http.get(`/api/lists/${list.id}/items`).set('Authorization', drafter)).body.items as Item[];
    const upload = (text: string | Buffer, token = drafter, name = 'list.txt') =>
      app.http
        .post(`/api/lists/${list.id}/imports`)
        .set('Authorization', token)
        .attach('file', Buffer.from(text), name);
    const confirm = (id: string, token = drafter) =>
      app.http.post(`/api/lists/${list.id}/imports/${id}/confirm`).set('Authorization', token);
    return { list, drafter, reviewer, items, upload, confirm };
  }

  it('previews a real document without changing the draft, then confirms it', async () => {
    const s = await setup();
    const before = await s.items();
    const res = await s.upload(SAMPLE);
    expect(res.status).toBe(201);
    const preview = res.body as ImportPreview;
    expect(preview.counts).toEqual({ basic: 109, cooperative: 98, revoked: 37 });
    expect(preview.title).toEqual({ township: '碧流河镇', county: '奇台县', prefecture: '昌吉回族自治州' });
    expect(preview.summary.added).toBe(244);
    expect(preview.summary.removed).toBe(3);
    expect(await s.items()).toEqual(before);

    const done = await s.confirm(preview.id);
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('confirmed');
    const after = await s.items();
    expect(after.filter((i) => i.table === 'basic').map((i) => i.seq)).toEqual(
      Array.from({ length: 109 }, (_, i) => i + 1),
    );
    expect(after).toHaveLength(244);

    // Confirming again applies nothing twice.
    const again = await s.confirm(preview.id);
    expect(again.status).toBe(200);
    expect(await s.items()).toHaveLength(244);
  });

  it('re-importing a revised document keeps item identity: matched, changed, added, removed', async () => {
    const s = await setup();
    await s.confirm((await s.upload(SAMPLE)).body.id);
    const original = await s.items();
    const lines = SAMPLE.split('\n');
    const reword = lines.findIndex((l) => l.startsWith('3\t党的建设\t'));
    lines[reword] = lines[reword].replace('基层理论宣讲', '基层理论宣讲和政策宣传');
    const drop = lines.findIndex((l) => l.startsWith('12\t党的建设\t'));
    lines.splice(drop, 1);
    const revised = lines.join('\n');

    const preview = (await s.upload(revised)).body as ImportPreview;
    expect(preview.summary).toEqual({ unchanged: 242, changed: 1, added: 0, removed: 1 });
    const changed = preview.rows.find((r) => r.status === 'changed')!;
    const originalThird = original.find((i) => i.table === 'basic' && i.seq === 3)!;
    expect(changed).toMatchObject({ itemId: originalThird.id, seq: 3 });
    expect(changed.confidence).toBeGreaterThan(0.8);
    expect(preview.removed.map((r) => r.itemId)).toEqual([
      original.find((i) => i.table === 'basic' && i.seq === 12)!.id,
    ]);

    await s.confirm(preview.id);
    const after = await s.items();
    const third = after.find((i) => i.id === originalThird.id)!;
    expect(third.name).toContain('基层理论宣讲和政策宣传');
    expect(third.version).toBe(originalThird.version + 1);
    // The item after the deleted one keeps its id and is renumbered.
    const thirteenth = original.find((i) => i.table === 'basic' && i.seq === 13)!;
    expect(after.find((i) => i.id === thirteenth.id)!.seq).toBe(12);
  });

  it('refuses a stale preview after the draft changed', async () => {
    const s = await setup();
    const preview = (await s.upload(SAMPLE)).body as ImportPreview;
    const [first] = await s.items();
    await app.http
      .patch(`/api/lists/${s.list.id}/items/${first.id}`)
      .set('Authorization', s.drafter)
      .send({ version: first.version, name: '改' });
    const res = await s.confirm(preview.id);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('IMPORT_STALE');
    expect(await s.items()).toHaveLength(3);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'NOT_A_DUTY_LIST', 422],
    ['a binary file', Buffer.from([0, 1, 2, 3, 255, 0, 12, 0, 0, 7]), 'NOT_A_DUTY_LIST', 422],
    ['a text with no duty table', Buffer.from('会议纪要\n今天开会。\n'), 'NOT_A_DUTY_LIST', 422],
    ['a truncated docx', Buffer.from('PK\u0003\u0004 truncated'), 'NOT_A_DUTY_LIST', 422],
  ])('answers %s with a clear error and changes nothing', async (_label, bytes, code, status) => {
    const s = await setup();
    const res = await s.upload(bytes, s.drafter, 'x.docx');
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await s.items()).toHaveLength(3);
  });

  it('refuses a file over 50 MB with 413 before parsing it', async () => {
    const s = await setup();
    const res = await s.upload(Buffer.alloc(50 * 1024 * 1024 + 1, 0x41), s.drafter, 'huge.txt');
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'FILE_TOO_LARGE', message: '文件超过 50 MB，无法导入' });
    expect(await s.items()).toHaveLength(3);
  });

  it('answers a missing file with 400, a reviewer with 403', async () => {
    const s = await setup();
    const none = await app.http.post(`/api/lists/${s.list.id}/imports`).set('Authorization', s.drafter);
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('FILE_REQUIRED');
    const reviewer = await s.upload(SAMPLE, s.reviewer);
    expect(reviewer.status).toBe(403);
  });
});

describe('importing .docx and .xlsx through the app', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ seedDemo: false });
  });
  afterAll(() => app?.close());

  it.each(['docx', 'xlsx'])(
    'a .%s exported by the app imports back into another draft with the same items',
    async (format) => {
      const region = await createOrgUnit(app.db, 'region', null);
      const county = await createOrgUnit(app.db, 'county', await createOrgUnit(app.db, 'prefecture', region));
      const source = await createOrgUnit(app.db, 'township', county);
      const target = await createOrgUnit(app.db, 'township', county);
      const sourceList = await createList(app.db, source);
      const targetList = await createList(app.db, target);
      const sourceDrafter = await bearer(app, (await createUser(app.db, 'township_drafter', source)).username);
      const targetDrafter = await bearer(app, (await createUser(app.db, 'township_drafter', target)).username);
      const first = await app.http
        .post(`/api/lists/${sourceList.id}/imports`)
        .set('Authorization', sourceDrafter)
        .attach('file', Buffer.from(SAMPLE), 'list.txt');
      await app.http
        .post(`/api/lists/${sourceList.id}/imports/${first.body.id}/confirm`)
        .set('Authorization', sourceDrafter);

      const file = await app.http
        .get(`/api/lists/${sourceList.id}/export?format=${format}`)
        .set('Authorization', sourceDrafter)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(file.status).toBe(200);
      const res = await app.http
        .post(`/api/lists/${targetList.id}/imports`)
        .set('Authorization', targetDrafter)
        .attach('file', file.body as Buffer, `list.${format}`);
      expect(res.status).toBe(201);
      expect((res.body as ImportPreview).counts).toEqual({ basic: 109, cooperative: 98, revoked: 37 });
      await app.http
        .post(`/api/lists/${targetList.id}/imports/${res.body.id}/confirm`)
        .set('Authorization', targetDrafter);
      const strip = (items: Item[]) =>
        items.map(({ table, seq, category, name, departments, upperDuties, townshipDuties, undertaker }) => ({
          table,
          seq,
          category,
          name,
          departments,
          upperDuties,
          townshipDuties,
          undertaker,
        }));
      const sourceItems = (await app.http.get(`/api/lists/${sourceList.id}/items`).set('Authorization', sourceDrafter))
        .body.items;
      const targetItems = (await app.http.get(`/api/lists/${targetList.id}/items`).set('Authorization', targetDrafter))
        .body.items;
      expect(strip(targetItems)).toEqual(strip(sourceItems));
    },
  );
});
