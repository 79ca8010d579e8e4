import type { AuditEvent, Feedback, Item, ListDetail, ReviewItem, ReviewState, Task, Thread } from '@dutylist/shared';
import { bearer } from '../support/auth';
import { createList, createOrgUnit, createUser } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * One township from drafting to published, over HTTP: three rounds with returns, a structured
 * suggestion accepted, a thread carried from round 1 to round 3 and resolved, a prefecture return of
 * two items that goes back down and up again, sign-offs and publish.
 */
describe('the 三上三下 cycle end to end', () => {
  let app: TestApp;
  let listId: string;
  const token = { drafter: '', county: '', prefecture: '', region: '' };
  let userIds: { drafter: string; county: string };

  const post = (who: keyof typeof token, path: string, body: object = {}) =>
    app.http.post(`/api/lists/${listId}${path}`).set('Authorization', token[who]).send(body);
  const get = (who: keyof typeof token, path: string) =>
    app.http.get(`/api/lists/${listId}${path}`).set('Authorization', token[who]);
  const review = async (who: keyof typeof token = 'county'): Promise<ReviewState> => {
    const res = await get(who, '/review');
    expect(res.status).toBe(200);
    return res.body as ReviewState;
  };
  const byName = (state: ReviewState, name: string): ReviewItem => {
    const found = state.items.find((i) => i.item.name === name);
    if (!found) throw new Error(`no item ${name} in the round`);
    return found;
  };
  const draftItems = async (): Promise<Item[]> => (await get('drafter', '/items')).body.items as Item[];
  const draftItem = async (name: string): Promise<Item> => {
    const found = (await draftItems()).find((i) => i.name === name);
    if (!found) throw new Error(`no draft item ${name}`);
    return found;
  };
  const expectStage = (res: { status: number; body: ListDetail }, stage: string, round: number) => {
    expect({ status: res.status, stage: res.body.stage, round: res.body.round }).toEqual({ status: 200, stage, round });
  };
  const decide = (itemId: string, body: object) => post('county', `/items/${itemId}/decision`, body);

  beforeAll(async () => {
    app = await startTestApp({ seedDemo: false });
    const region = await createOrgUnit(app.db, 'region', null);
    const prefecture = await createOrgUnit(app.db, 'prefecture', region);
    const county = await createOrgUnit(app.db, 'county', prefecture);
    const township = await createOrgUnit(app.db, 'township', county);
    const list = await createList(app.db, township, [
      { name: '党建甲' },
      { name: '党建乙' },
      { name: '党建丙' },
      { name: '民生丁', category: '民生服务' },
      { name: '民生戊', category: '民生服务' },
      { table: 'cooperative', name: '配合己', category: '平安法治', departments: ['县公安局'] },
      { table: 'revoked', name: '收回庚', category: '自然资源', undertaker: '县自然资源局' },
    ]);
    listId = list.id;
    const users = {
      drafter: await createUser(app.db, 'township_drafter', township),
      county: await createUser(app.db, 'county_reviewer', county),
      prefecture: await createUser(app.db, 'prefecture_reviewer', prefecture),
      region: await createUser(app.db, 'region_reviewer', region),
    };
    for (const key of Object.keys(token) as (keyof typeof token)[]) token[key] = await bearer(app, users[key].username);
    userIds = { drafter: users.drafter.id, county: users.county.id };
  });
  afterAll(() => app?.close());

  it('round 1: submit freezes version 1; the county approves, returns, suggests and opens a thread', async () => {
    const submitted = await post('drafter', '/submit', { note: '第一次报送' });
    expectStage(submitted, 'submitted', 1);
    expect(submitted.body.versions).toEqual([
      expect.objectContaining({ number: 1, round: 1, label: '第1轮报送（1上）' }),
    ]);
    expect(submitted.body.turn).toEqual(expect.objectContaining({ role: 'county_reviewer', task: '开始审核' }));

    // The drafter can no longer edit, and cannot decide items.
    const item = await draftItem('党建甲');
    const edit = await app.http
      .patch(`/api/lists/${listId}/items/${item.id}`)
      .set('Authorization', token.drafter)
      .send({ version: item.version, name: '改' });
    expect(edit.body.code).toBe('LIST_NOT_EDITABLE');

    expectStage(await post('county', '/start-review'), 'county_review', 1);
    let state = await review();
    expect(state.version).toEqual(expect.objectContaining({ number: 1, round: 1 }));
    expect(state.items.every((i) => i.change === 'added')).toBe(true);

    for (const name of ['党建甲', '党建乙', '党建丙', '收回庚']) {
      const res = await decide(byName(state, name).item.id, { decision: 'approved' });
      expect(res.status).toBe(200);
    }
    const noReason = await decide(byName(state, '民生丁').item.id, { decision: 'returned' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('退回修改必须填写理由');
    expect((await decide(byName(state, '民生丁').item.id, { decision: 'returned', reason: '表述不准确' })).status).toBe(
      200,
    );
    const suggest = await decide(byName(state, '民生戊').item.id, {
      decision: 'suggested',
      reason: '建议规范名称并移入收回清单',
      suggestion: { fields: { name: '民生戊（规范）' }, table: 'revoked' },
    });
    expect(suggest.status).toBe(200);
    expect(suggest.body).toEqual(expect.objectContaining({ decision: 'suggested', level: 'county', round: 1 }));

    const thread = await post('county', '/threads', {
      itemId: byName(state, '配合己').item.id,
      field: 'departments',
      body: '请 @起草人 核实对应上级部门',
      mentions: [userIds.drafter],
    });
    expect(thread.status).toBe(201);
    expect(thread.body).toEqual(expect.objectContaining({ openedRound: 1, status: 'open', field: 'departments' }));
    expect((thread.body as Thread).comments[0].mentions[0].id).toBe(userIds.drafter);

    state = await review();
    expect(state.summary).toEqual(
      expect.objectContaining({ total: 7, approved: 4, returned: 1, suggested: 1, undecided: 1, unresolvedThreads: 1 }),
    );
    expectStage(await post('county', '/return-round', { reason: '请按意见修改' }), 'returned', 1);
  });

  it('the drafter must deal with every returned item before submitting again', async () => {
    const refused = await post('drafter', '/submit');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('OPEN_ITEMS');
    expect(refused.body.details.items.map((i: { name: string }) => i.name).sort()).toEqual(['民生丁', '民生戊']);

    const state = await review('drafter');
    expect(state.openFeedback).toBe(2);
    const suggestion = state.feedback.find((f) => f.decision.decision === 'suggested') as Feedback;
    const accepted = await post('drafter', `/decisions/${suggestion.decision.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual(expect.objectContaining({ status: 'accepted', settled: true }));
    // Applied in one click: renamed and moved to the end of the revoked table.
    const moved = await draftItem('民生戊（规范）');
    expect({ table: moved.table, seq: moved.seq }).toEqual({ table: 'revoked', seq: 2 });
    // Accepting twice is a replay, not a second move.
    expect((await post('drafter', `/decisions/${suggestion.decision.id}/accept`)).status).toBe(200);
    expect((await draftItem('民生戊（规范）')).seq).toBe(2);

    // Revise the returned item, and insert a new item at the top so everything renumbers.
    const returned = await draftItem('民生丁');
    const patch = await app.http
      .patch(`/api/lists/${listId}/items/${returned.id}`)
      .set('Authorization', token.drafter)
      .send({ version: returned.version, name: '民生丁（修改后）' });
    expect(patch.status).toBe(200);
    const created = await app.http
      .post(`/api/lists/${listId}/items`)
      .set('Authorization', token.drafter)
      .send({ table: 'basic', position: 1, category: '党的建设', name: '新增辛' });
    expect(created.status).toBe(201);

    const after = await review('drafter');
    expect(after.openFeedback).toBe(0);
    expect(after.feedback.map((f) => f.status).sort()).toEqual(['accepted', 'revised']);

    // The drafter answers in the thread, which stays open.
    const [thread] = (await get('drafter', '/threads?status=open')).body as Thread[];
    expect((await post('drafter', `/threads/${thread.id}/comments`, { body: '已核实，部门无误' })).status).toBe(201);
  });

  it('round 2: approvals survive on unchanged items, changed and new items reopen', async () => {
    const submitted = await post('drafter', '/submit');
    expectStage(submitted, 'submitted', 2);
    // A double-clicked submit leaves one version.
    const again = await post('drafter', '/submit');
    expectStage(again, 'submitted', 2);
    expect(again.body.versions.map((v: { number: number }) => v.number)).toEqual([1, 2]);

    expectStage(await post('county', '/start-review'), 'county_review', 2);
    const state = await review();
    const jia = byName(state, '党建甲');
    expect(jia.change).toBe('unchanged');
    expect(jia.item.seq).toBe(2); // renumbered, not a change
    expect(jia.decisions).toEqual([expect.objectContaining({ decision: 'approved', carriedOver: true, round: 2 })]);
    expect(byName(state, '民生丁（修改后）')).toEqual(
      expect.objectContaining({ change: 'modified', changedFields: ['name'], decisions: [] }),
    );
    expect(byName(state, '民生戊（规范）')).toEqual(
      expect.objectContaining({ change: 'modified', changedFields: ['table', 'name'] }),
    );
    expect(byName(state, '新增辛').change).toBe('added');
    // The round-1 thread is still open and visible on round 2.
    expect(byName(state, '配合己').openThreads).toBe(1);
    expect(state.summary).toEqual(expect.objectContaining({ approved: 4, undecided: 4, changed: 3 }));

    // Approve everything except the new item, which goes back down with a question.
    const bulk = await post('county', '/decisions', {
      itemIds: state.items.filter((i) => i.decisions.length === 0 && i.item.name !== '新增辛').map((i) => i.item.id),
      decision: 'approved',
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.decisions).toHaveLength(3);
    expect(
      (await decide(byName(state, '新增辛').item.id, { decision: 'returned', reason: '新增依据是什么？' })).status,
    ).toBe(200);
    const early = await post('county', '/approve');
    expect(early.status).toBe(409);
    expect(early.body.details.items.map((i: { name: string }) => i.name)).toEqual(['新增辛']);
    expectStage(await post('county', '/return-round'), 'returned', 2);
  });

  it('round 3: an answered item, the thread resolved, the county approves', async () => {
    const state = await review('drafter');
    const [open] = state.feedback.filter((f) => !f.settled);
    expect(open.reviewed.name).toBe('新增辛');
    const answer = await post('drafter', `/decisions/${open.decision.id}/answer`, { text: '依据县委文件新增' });
    expect(answer.body).toEqual(expect.objectContaining({ status: 'answered', settled: true }));
    expectStage(await post('drafter', '/submit'), 'submitted', 3);
    expectStage(await post('county', '/start-review'), 'county_review', 3);

    const round3 = await review();
    const xin = byName(round3, '新增辛');
    expect(xin).toEqual(expect.objectContaining({ change: 'unchanged', decisions: [] }));
    expect(byName(round3, '配合己').openThreads).toBe(1);
    const [thread] = (await get('county', `/threads?itemId=${byName(round3, '配合己').item.id}`)).body as Thread[];
    expect(thread.openedRound).toBe(1);
    expect(thread.comments.map((c) => c.round)).toEqual([1, 1]);
    const resolved = await post('county', `/threads/${thread.id}/resolve`);
    expect(resolved.body).toEqual(expect.objectContaining({ status: 'resolved' }));
    expect((await post('county', `/threads/${thread.id}/resolve`)).status).toBe(200);

    // Round 3 is the last of 三上三下: another return needs a recorded reason.
    const extra = await post('county', '/return-round', { reason: '仍需修改' });
    expect(extra.status).toBe(422);
    expect(extra.body.code).toBe('EXTRA_ROUND_REASON_REQUIRED');

    expect((await decide(xin.item.id, { decision: 'approved' })).status).toBe(200);
    const approved = await post('county', '/approve', { opinion: '同意' });
    expectStage(approved, 'county_approved', 3);
    expect(approved.body.turn).toEqual(expect.objectContaining({ role: 'prefecture_reviewer' }));
  });

  it('the prefecture returns two items; they go down to the township and back up', async () => {
    expectStage(await post('prefecture', '/start-review'), 'prefecture_review', 3);
    const state = await review('prefecture');
    const targets = [byName(state, '党建乙'), byName(state, '收回庚')];
    const returned = await post('prefecture', '/return-items', {
      items: targets.map((t) => ({ itemId: t.item.id, reason: `请修改${t.item.name}` })),
    });
    expectStage(returned, 'county_review', 3);
    expect(returned.body.returnLevel).toBe('prefecture');
    const county = await review();
    for (const t of targets) {
      expect(byName(county, t.item.name).decisions).toEqual([
        expect.objectContaining({ level: 'prefecture', decision: 'returned' }),
      ]);
    }
    // No extra-round reason needed: the return came from above.
    expectStage(await post('county', '/return-round'), 'returned', 3);

    for (const t of targets) {
      const item = await draftItem(t.item.name);
      await app.http
        .patch(`/api/lists/${listId}/items/${item.id}`)
        .set('Authorization', token.drafter)
        .send({ version: item.version, name: `${t.item.name}（州审修改）` })
        .expect(200);
    }
    expectStage(await post('drafter', '/submit'), 'submitted', 4);
    expectStage(await post('county', '/start-review'), 'county_review', 4);
    const round4 = await review();
    const reopened = round4.items.filter((i) => !i.decisions.some((d) => d.decision === 'approved'));
    expect(reopened.map((i) => i.item.name).sort()).toEqual(['党建乙（州审修改）', '收回庚（州审修改）']);
    await post('county', '/decisions', { itemIds: reopened.map((i) => i.item.id), decision: 'approved' }).expect(200);
    const approved = await post('county', '/approve');
    expectStage(approved, 'county_approved', 4);
    expect(approved.body.returnLevel).toBeNull();
  });

  it('sign-offs in order, then publish', async () => {
    expect((await post('region', '/sign-off')).status).toBe(409);
    expectStage(await post('prefecture', '/start-review'), 'prefecture_review', 4);
    expectStage(await post('prefecture', '/sign-off', { opinion: '同意' }), 'prefecture_approved', 4);
    expectStage(await post('region', '/start-review'), 'region_review', 4);
    expectStage(await post('region', '/sign-off'), 'region_approved', 4);
    const published = await post('region', '/publish');
    expectStage(published, 'published', 4);
    expect(published.body.turn).toBeNull();
    expect(published.body.can).toEqual(expect.objectContaining({ editItems: false, comment: false, publish: false }));
  });

  it('keeps the whole history: every step audited, versions frozen', async () => {
    const events = (await get('county', '/audit')).body as AuditEvent[];
    const steps = events.filter((e) => e.toStage !== null).map((e) => `${e.action}:${e.toStage}:${e.round}`);
    expect(steps).toEqual([
      'submit:submitted:1',
      'start_review:county_review:1',
      'return_round:returned:1',
      'submit:submitted:2',
      'start_review:county_review:2',
      'return_round:returned:2',
      'submit:submitted:3',
      'start_review:county_review:3',
      'approve:county_approved:3',
      'start_review:prefecture_review:3',
      'return_items:county_review:3',
      'return_round:returned:3',
      'submit:submitted:4',
      'start_review:county_review:4',
      'approve:county_approved:4',
      'start_review:prefecture_review:4',
      'sign_off:prefecture_approved:4',
      'start_review:region_review:4',
      'sign_off:region_approved:4',
      'publish:published:4',
    ]);
    expect(events.find((e) => e.action === 'submit')).toEqual(
      expect.objectContaining({
        reason: '第一次报送',
        fromStage: 'drafting',
        actor: expect.objectContaining({ id: userIds.drafter }),
      }),
    );
    const itemEvents = events.filter((e) => e.action === 'accept_suggestion' || e.action === 'resolve_thread');
    expect(itemEvents).toHaveLength(2);

    const item = await draftItem('民生戊（规范）');
    const history = (await get('drafter', `/items/${item.id}/history`)).body;
    expect(history.versions.map((v: { item: { name: string; table: string } }) => [v.item.table, v.item.name])).toEqual(
      [
        ['basic', '民生戊'],
        ['revoked', '民生戊（规范）'],
        ['revoked', '民生戊（规范）'],
        ['revoked', '民生戊（规范）'],
      ],
    );
    expect(history.decisions[0]).toEqual(expect.objectContaining({ decision: 'suggested', resolution: 'accepted' }));

    const [{ id: versionId }] = await app.db.query(`SELECT id FROM list_versions WHERE list_id = $1 AND number = 1`, [
      listId,
    ]);
    await expect(
      app.db.query(`UPDATE version_items SET name = 'x' WHERE version_id = $1`, [versionId]),
    ).rejects.toThrow(/immutable/);
    await expect(app.db.query(`DELETE FROM audit_events WHERE list_id = $1`, [listId])).rejects.toThrow(/append-only/);
  });

  it('tasks follow the turn', async () => {
    const tasks = async (who: keyof typeof token) =>
      ((await app.http.get('/api/me/tasks').set('Authorization', token[who])).body as Task[]).filter(
        (t) => t.listId === listId,
      );
    expect(await tasks('drafter')).toEqual([]);
    expect(await tasks('region')).toEqual([]);
    const dashboard = await app.http.get('/api/dashboard').set('Authorization', token.prefecture);
    expect(dashboard.body).toEqual([
      expect.objectContaining({ listId, stage: 'published', round: 4, items: expect.objectContaining({ total: 8 }) }),
    ]);
  });
});
