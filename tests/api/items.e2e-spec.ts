import type { Item } from '@dutylist/shared';
import { startTestApp, type TestApp } from '../support/test-app';
import { createList, createOrgUnit, createUser, type ItemSpec } from '../support/factories';
import { bearer } from '../support/auth';

describe('draft items: create, edit, move, reorder, delete with optimistic concurrency', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ seedDemo: false });
  });
  afterAll(() => app?.close());

  /** A township with a drafter and a fresh list of its own for each test. */
  async function draft(items: ItemSpec[] = [{ name: '一' }, { name: '二' }, { name: '三' }]) {
    const region = await createOrgUnit(app.db, 'region', null);
    const county = await createOrgUnit(app.db, 'county', await createOrgUnit(app.db, 'prefecture', region));
    const township = await createOrgUnit(app.db, 'township', county);
    const list = await createList(app.db, township, items);
    const token = await bearer(app, (await createUser(app.db, 'township_drafter', township)).username);
    const get = async () =>
      (await app.http.get(`/api/lists/${list.id}/items`).set('Authorization', token)).body.items as Item[];
    const table = async (t: Item['table']) =>
      (await get()).filter((i) => i.table === t).map((i) => `${i.seq}:${i.name}`);
    return { list, token, get, table, url: `/api/lists/${list.id}/items` };
  }

  it('creates an item at a position and renumbers the rest of the table', async () => {
    const d = await draft();
    const res = await app.http
      .post(d.url)
      .set('Authorization', d.token)
      .send({ table: 'basic', category: '经济发展', name: '新事项', position: 2 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ table: 'basic', seq: 2, name: '新事项', category: '经济发展', version: 1 });
    expect(await d.table('basic')).toEqual(['1:一', '2:新事项', '3:二', '4:三']);
  });

  it('appends when no position is given and validates the fields in Chinese', async () => {
    const d = await draft();
    const ok = await app.http
      .post(d.url)
      .set('Authorization', d.token)
      .send({ table: 'cooperative', category: '民生服务', name: '配合', departments: ['县民政局'] });
    expect(ok.body).toMatchObject({ seq: 1, departments: ['县民政局'] });
    const bad = await app.http
      .post(d.url)
      .set('Authorization', d.token)
      .send({ table: 'basic', category: '不存在的类别', name: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['category', 'name']);
    expect(await d.table('basic')).toEqual(['1:一', '2:二', '3:三']);
  });

  it('edits with the current version, and a stale edit gets 409 with the current value', async () => {
    const d = await draft();
    const [first] = await d.get();
    const edited = await app.http
      .patch(`${d.url}/${first.id}`)
      .set('Authorization', d.token)
      .send({ version: first.version, name: '一（改）' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: first.id, name: '一（改）', version: first.version + 1 });

    const stale = await app.http
      .patch(`${d.url}/${first.id}`)
      .set('Authorization', d.token)
      .send({ version: first.version, name: '覆盖' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      statusCode: 409,
      code: 'ITEM_VERSION_CONFLICT',
      details: { current: { id: first.id, name: '一（改）', version: first.version + 1 } },
    });
    expect(stale.body.message).toMatch(/已被他人修改/);
    expect((await d.get())[0].name).toBe('一（改）');
  });

  it('two simultaneous edits of the same version: exactly one wins, the other gets 409', async () => {
    const d = await draft();
    const [first] = await d.get();
    const results = await Promise.all(
      ['甲', '乙'].map((name) =>
        app.http.patch(`${d.url}/${first.id}`).set('Authorization', d.token).send({ version: first.version, name }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!.body.name;
    expect((await d.get())[0]).toMatchObject({ name: winner, version: first.version + 1 });
  });

  it('moves an item to another table keeping its identity, renumbering both tables', async () => {
    const d = await draft([
      { name: '一' },
      { name: '二' },
      { name: '三' },
      { table: 'revoked', name: '收回', undertaker: '县局' },
    ]);
    const second = (await d.get())[1];
    const res = await app.http
      .post(`${d.url}/${second.id}/move`)
      .set('Authorization', d.token)
      .send({ version: second.version, table: 'revoked', position: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: second.id, table: 'revoked', seq: 1, name: '二' });
    expect(await d.table('basic')).toEqual(['1:一', '2:三']);
    expect(await d.table('revoked')).toEqual(['1:二', '2:收回']);
  });

  it('reorders a table; an order built on a stale set of items is refused', async () => {
    const d = await draft();
    const ids = (await d.get()).map((i) => i.id);
    const res = await app.http
      .put(`${d.url}/order`)
      .set('Authorization', d.token)
      .send({ table: 'basic', itemIds: [ids[2], ids[0], ids[1]] });
    expect(res.status).toBe(200);
    expect(await d.table('basic')).toEqual(['1:三', '2:一', '3:二']);
    const stale = await app.http
      .put(`${d.url}/order`)
      .set('Authorization', d.token)
      .send({ table: 'basic', itemIds: [ids[0], ids[1]] });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('ORDER_CONFLICT');
  });

  it('deletes with the current version and renumbers; a stale delete is 409 and deletes nothing', async () => {
    const d = await draft();
    const [first, second] = await d.get();
    await app.http
      .patch(`${d.url}/${second.id}`)
      .set('Authorization', d.token)
      .send({ version: second.version, name: '二（改）' });
    const stale = await app.http
      .delete(`${d.url}/${second.id}?version=${second.version}`)
      .set('Authorization', d.token);
    expect(stale.status).toBe(409);
    const res = await app.http.delete(`${d.url}/${first.id}?version=${first.version}`).set('Authorization', d.token);
    expect(res.status).toBe(204);
    expect(await d.table('basic')).toEqual(['1:二（改）', '2:三']);
    const missing = await app.http.delete(`${d.url}/${first.id}?version=1`).set('Authorization', d.token);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('ITEM_NOT_FOUND');
  });

  it('concurrent inserts never produce duplicate or missing numbers', async () => {
    const d = await draft();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        app.http
          .post(d.url)
          .set('Authorization', d.token)
          .send({ table: 'basic', category: '党的建设', name: `并发${i}`, position: 1 }),
      ),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const seqs = (await d.get()).filter((i) => i.table === 'basic').map((i) => i.seq);
    expect(seqs).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
  });

  it('refuses edits once the list has left the drafting stages', async () => {
    const d = await draft();
    await app.db.query(`UPDATE duty_lists SET stage = 'county_review' WHERE id = $1`, [d.list.id]);
    const [first] = await d.get();
    const res = await app.http
      .patch(`${d.url}/${first.id}`)
      .set('Authorization', d.token)
      .send({ version: first.version, name: 'x' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'LIST_NOT_EDITABLE', message: '清单已报送，当前阶段不能修改草稿' });
    const detail = await app.http.get(`/api/lists/${d.list.id}`).set('Authorization', d.token);
    expect(detail.body.can.editItems).toBe(false);
  });
});

describe('the 说明 of a draft', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ seedDemo: false });
  });
  afterAll(() => app?.close());

  it('is edited by the drafter and read by the county; the county cannot edit it', async () => {
    const region = await createOrgUnit(app.db, 'region', null);
    const county = await createOrgUnit(app.db, 'county', await createOrgUnit(app.db, 'prefecture', region));
    const township = await createOrgUnit(app.db, 'township', county);
    const list = await createList(app.db, township);
    const drafter = await bearer(app, (await createUser(app.db, 'township_drafter', township)).username);
    const reviewer = await bearer(app, (await createUser(app.db, 'county_reviewer', county)).username);
    const body = {
      area: '1200 平方公里',
      population: '2.1 万人',
      villages: '8 个行政村',
      basicInfo: '',
      process: '三上三下',
      content: '',
    };
    const res = await app.http.put(`/api/lists/${list.id}/explanation`).set('Authorization', drafter).send(body);
    expect(res.status).toBe(200);
    expect(res.body.explanation).toEqual(body);
    const read = await app.http.get(`/api/lists/${list.id}`).set('Authorization', reviewer);
    expect(read.body.explanation.process).toBe('三上三下');
    const denied = await app.http.put(`/api/lists/${list.id}/explanation`).set('Authorization', reviewer).send(body);
    expect(denied.status).toBe(403);
  });
});
