import type { AuditEvent, Item, ListDetail, ListDiff } from '@dutylist/shared';
import { bearer } from '../support/auth';
import { publishThroughCycle } from '../support/cycle';
import { createList, createOrgUnit, createUser } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * 动态调整: a published list is reopened by its township (or its county) with a reason; the adjustment runs
 * through the cycle while the published version stays in force, and publishing it puts the new version in force.
 */
describe('adjustments after publish (动态调整)', () => {
  let app: TestApp;
  let listId: string;
  let otherListId: string;
  const token = { drafter: '', county: '', prefecture: '', region: '', admin: '', outsider: '' };

  const post = (who: keyof typeof token, path: string, body: object = {}, id = listId) =>
    app.http.post(`/api/lists/${id}${path}`).set('Authorization', token[who]).send(body);
  const get = (who: keyof typeof token, path: string, id = listId) =>
    app.http.get(`/api/lists/${id}${path}`).set('Authorization', token[who]);
  const detail = async (who: keyof typeof token = 'drafter'): Promise<ListDetail> => (await get(who, '')).body;

  beforeAll(async () => {
    app = await startTestApp({ seedDemo: false });
    const region = await createOrgUnit(app.db, 'region', null);
    const prefecture = await createOrgUnit(app.db, 'prefecture', region);
    const county = await createOrgUnit(app.db, 'county', prefecture);
    const township = await createOrgUnit(app.db, 'township', county);
    const otherCounty = await createOrgUnit(app.db, 'county', prefecture);
    const otherTownship = await createOrgUnit(app.db, 'township', otherCounty);
    listId = (
      await createList(app.db, township, [
        { name: '党建甲' },
        { name: '党建乙' },
        { table: 'cooperative', name: '配合丙', category: '平安法治', departments: ['县公安局'] },
      ])
    ).id;
    otherListId = (await createList(app.db, otherTownship, [{ name: '别处' }])).id;
    const users = {
      drafter: await createUser(app.db, 'township_drafter', township),
      county: await createUser(app.db, 'county_reviewer', county),
      prefecture: await createUser(app.db, 'prefecture_reviewer', prefecture),
      region: await createUser(app.db, 'region_reviewer', region),
      admin: await createUser(app.db, 'admin', region),
      outsider: await createUser(app.db, 'county_reviewer', otherCounty),
    };
    for (const key of Object.keys(token) as (keyof typeof token)[]) token[key] = await bearer(app, users[key].username);
  });
  afterAll(() => app?.close());

  it('an unpublished list cannot be adjusted (409), and nobody is offered it', async () => {
    expect((await detail()).can.startAdjustment).toBe(false);
    const res = await post('drafter', '/adjustments', { reason: '还没发布' });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'STAGE_CONFLICT' });
  });

  it('publishing the initial cycle puts its version in force and starts the history', async () => {
    const published = await publishThroughCycle(app, listId, token);
    expect(published.stage).toBe('published');
    expect(published.inForce).toEqual(expect.objectContaining({ number: 1, label: '第1轮报送（1上）' }));
    expect(published.publications).toEqual([
      expect.objectContaining({
        number: 1,
        kind: 'initial',
        publishedVersion: { number: 1, label: '第1轮报送（1上）' },
      }),
    ]);
    expect(published.publications[0].publishedBy).toEqual(expect.objectContaining({ role: 'region_reviewer' }));
    expect(published.can.startAdjustment).toBe(false); // the region publishes, the township or county adjusts
    expect((await detail('drafter')).can.startAdjustment).toBe(true);
    expect((await detail('county')).can.startAdjustment).toBe(true);
    expect((await detail('prefecture')).can.startAdjustment).toBe(false);
  });

  it('refuses the wrong roles (403), outsiders (404) and a missing reason (400), changing nothing', async () => {
    for (const who of ['prefecture', 'region', 'admin'] as const) {
      const res = await post(who, '/adjustments', { reason: '调整' });
      expect({ who, status: res.status, code: res.body.code }).toEqual({ who, status: 403, code: 'FORBIDDEN' });
    }
    const outside = await post('outsider', '/adjustments', { reason: '调整' });
    expect({ status: outside.status, code: outside.body.code }).toEqual({ status: 404, code: 'LIST_NOT_FOUND' });
    const missing = await post('drafter', '/adjustments', { reason: '  ' });
    expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    const notMine = await post('drafter', '/adjustments', { reason: '调整' }, otherListId);
    expect(notMine.status).toBe(404);
    expect((await detail()).stage).toBe('published');
  });

  it('the township starts an adjustment: back to drafting, round 1, same item ids, version 1 still in force', async () => {
    const before = (await get('drafter', '/items')).body.items as Item[];
    const res = await post('drafter', '/adjustments', { reason: '乡镇机构改革，调整部分事项' });
    expect(res.status).toBe(200);
    const list = res.body as ListDetail;
    expect({ stage: list.stage, round: list.round, adjusting: list.adjusting }).toEqual({
      stage: 'drafting',
      round: 1,
      adjusting: true,
    });
    expect(list.inForce).toEqual(expect.objectContaining({ number: 1 }));
    expect(list.cycle).toEqual({ number: 2, kind: 'adjustment' });
    expect(list.publications.map((p) => [p.number, p.kind, p.reason, p.baseVersion, p.publishedVersion])).toEqual([
      [1, 'initial', null, null, { number: 1, label: '第1轮报送（1上）' }],
      [2, 'adjustment', '乡镇机构改革，调整部分事项', 1, null],
    ]);
    expect(list.publications[1].startedBy).toEqual(expect.objectContaining({ role: 'township_drafter' }));
    expect(list.can).toEqual(expect.objectContaining({ startAdjustment: false, editItems: true, submit: true }));

    const after = (await get('drafter', '/items')).body.items as Item[];
    expect(after.map((i) => [i.id, i.name])).toEqual(before.map((i) => [i.id, i.name]));

    const again = await post('county', '/adjustments', { reason: '再次调整' });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'STAGE_CONFLICT' });

    const audit = (await get('drafter', '/audit')).body as AuditEvent[];
    expect(audit.at(-1)).toEqual(
      expect.objectContaining({
        action: 'start_adjustment',
        fromStage: 'published',
        toStage: 'drafting',
        reason: '乡镇机构改革，调整部分事项',
      }),
    );
  });

  it('writes the notification outbox row with the audit row (the worker tells the other side)', async () => {
    const rows: { action: string }[] = await app.db.query(
      `SELECT o.action FROM notification_outbox o JOIN audit_events a ON a.id = o.audit_event_id
       WHERE o.list_id = $1 AND a.action = 'start_adjustment'`,
      [listId],
    );
    expect(rows).toEqual([{ action: 'start_adjustment' }]);
  });

  it('while the adjustment runs, the diff compares the version in force with the proposal', async () => {
    const items = (await get('drafter', '/items')).body.items as Item[];
    const target = items.find((i) => i.name === '党建乙') as Item;
    const edited = await app.http
      .patch(`/api/lists/${listId}/items/${target.id}`)
      .set('Authorization', token.drafter)
      .send({ version: target.version, name: '党建乙（调整后）' });
    expect(edited.status).toBe(200);
    const added = await app.http
      .post(`/api/lists/${listId}/items`)
      .set('Authorization', token.drafter)
      .send({ table: 'basic', category: '民生服务', name: '新增丁' });
    expect(added.status).toBe(201);

    const draftDiff = (await get('county', '/diff')).body as ListDiff;
    expect(draftDiff.from).toEqual(
      expect.objectContaining({ kind: 'version', version: expect.objectContaining({ number: 1 }) }),
    );
    expect(draftDiff.to.kind).toBe('draft');
    expect(draftDiff.summary.total).toEqual(expect.objectContaining({ added: 1, modified: 1, removed: 0 }));

    // The list in force is still version 1, whatever the draft says.
    const inForce = await get('county', '/in-force/export?format=txt');
    expect(inForce.status).toBe(200);
    expect(inForce.text).toContain('党建乙');
    expect(inForce.text).not.toContain('党建乙（调整后）');

    const submitted = (await post('drafter', '/submit')).body as ListDetail;
    expect(submitted.versions.at(-1)).toEqual(
      expect.objectContaining({ number: 2, round: 1, cycle: 2, label: '第1次调整 第1轮报送（1上）' }),
    );
    const diff = (await get('county', '/diff')).body as ListDiff;
    expect(diff.from).toEqual(expect.objectContaining({ version: expect.objectContaining({ number: 1 }) }));
    expect(diff.to).toEqual(expect.objectContaining({ version: expect.objectContaining({ number: 2 }) }));
    const byName = (name: string) => diff.entries.find((e) => (e.after ?? e.before)?.name === name);
    expect(byName('党建乙（调整后）')?.status).toBe('changed');
    expect(byName('新增丁')?.status).toBe('added');
    expect(byName('党建甲')?.status).toBe('unchanged');
    expect((await detail('county')).inForce?.number).toBe(1);
  });

  it('the round restarts: the county reviews only what changed (approvals of unchanged items carried)', async () => {
    expect((await post('county', '/start-review')).status).toBe(200);
    const state = (await get('county', '/review')).body as { items: { item: Item; decisions: { level: string }[] }[] };
    const undecided = state.items.filter((i) => !i.decisions.some((d) => d.level === 'county')).map((i) => i.item.name);
    expect(undecided.sort()).toEqual(['党建乙（调整后）', '新增丁'].sort());
  });

  it('publishing the adjustment puts its version in force and completes the history', async () => {
    // The rest of the cycle (county approval, sign-offs, publish) by the same helper, from county review on.
    const state = (await get('county', '/review')).body as { items: { item: Item; decisions: { level: string }[] }[] };
    const open = state.items.filter((i) => !i.decisions.some((d) => d.level === 'county')).map((i) => i.item.id);
    expect((await post('county', '/decisions', { itemIds: open, decision: 'approved' })).status).toBe(200);
    for (const [who, path] of [
      ['county', '/approve'],
      ['prefecture', '/start-review'],
      ['prefecture', '/sign-off'],
      ['region', '/start-review'],
      ['region', '/sign-off'],
    ] as const) {
      const res = await post(who, path);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect((res.body as ListDetail).inForce?.number).toBe(1);
    }
    const published = (await post('region', '/publish')).body as ListDetail;
    expect({ stage: published.stage, adjusting: published.adjusting, inForce: published.inForce?.number }).toEqual({
      stage: 'published',
      adjusting: false,
      inForce: 2,
    });
    expect(published.publications.map((p) => [p.number, p.kind, p.publishedVersion?.number])).toEqual([
      [1, 'initial', 1],
      [2, 'adjustment', 2],
    ]);
    const inForce = await get('county', '/in-force/export?format=txt');
    expect(inForce.text).toContain('党建乙（调整后）');
    expect(inForce.text).toContain('新增丁');
  });

  it('the county may start the next adjustment', async () => {
    const res = await post('county', '/adjustments', { reason: '县级统一调整' });
    expect(res.status).toBe(200);
    const list = res.body as ListDetail;
    expect({ stage: list.stage, round: list.round, inForce: list.inForce?.number, cycle: list.cycle }).toEqual({
      stage: 'drafting',
      round: 1,
      inForce: 2,
      cycle: { number: 3, kind: 'adjustment' },
    });
    // Nothing proposed yet: in force against the draft, which is still the same.
    const diff = (await get('drafter', '/diff')).body as ListDiff;
    expect(diff.from).toEqual(expect.objectContaining({ version: expect.objectContaining({ number: 2 }) }));
    expect(diff.to.kind).toBe('draft');
    expect(diff.entries.filter((e) => e.status !== 'unchanged')).toEqual([]);
    const audit = (await get('county', '/audit')).body as AuditEvent[];
    expect(audit.at(-1)).toEqual(
      expect.objectContaining({
        action: 'start_adjustment',
        details: expect.objectContaining({ actorRole: 'county_reviewer' }),
      }),
    );
  });
});
