import { bearer } from '../support/auth';
import { createList, createOrgUnit, createUser, putInStage } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import type { OrgUnitEntity } from '../../backend/src/modules/org-units/org-unit.entity';
import type { UserEntity } from '../../backend/src/modules/users/user.entity';

/** Races that real offices produce: two reviewers on one item, double clicks. Exactly one effect each. */
describe('concurrent workflow requests', () => {
  let app: TestApp;
  let township: OrgUnitEntity;
  let reviewerA: UserEntity;
  let tokens: { drafter: string; a: string; b: string };
  let edition = 4000;

  const count = async (sql: string, params: unknown[]) => Number((await app.db.query(sql, params))[0].n);
  const newList = async () => {
    edition += 1;
    return createList(app.db, township, [{ name: '甲' }, { name: '乙' }], 'drafting', edition);
  };

  beforeAll(async () => {
    app = await startTestApp({ seedDemo: false });
    const region = await createOrgUnit(app.db, 'region', null);
    const prefecture = await createOrgUnit(app.db, 'prefecture', region);
    const county = await createOrgUnit(app.db, 'county', prefecture);
    township = await createOrgUnit(app.db, 'township', county);
    reviewerA = await createUser(app.db, 'county_reviewer', county);
    const reviewerB = await createUser(app.db, 'county_reviewer', county);
    const drafter = await createUser(app.db, 'township_drafter', township);
    tokens = {
      drafter: await bearer(app, drafter.username),
      a: await bearer(app, reviewerA.username),
      b: await bearer(app, reviewerB.username),
    };
  });
  afterAll(() => app?.close());

  it('two reviewers deciding the same item differently at once: one wins, the other gets 409 with it', async () => {
    const list = await newList();
    const { itemIds } = await putInStage(app.db, list, 'county_review');
    const url = `/api/lists/${list.id}/items/${itemIds[0]}/decision`;
    const [first, second] = await Promise.all([
      app.http.post(url).set('Authorization', tokens.a).send({ decision: 'approved' }),
      app.http.post(url).set('Authorization', tokens.b).send({ decision: 'returned', reason: '请修改' }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = first.status === 409 ? first : second;
    const winner = first.status === 200 ? first : second;
    expect(loser.body.code).toBe('DECISION_CONFLICT');
    expect(loser.body.details.current.decision).toBe(winner.body.decision);
    expect(await count(`SELECT count(*) AS n FROM item_decisions WHERE list_id = $1`, [list.id])).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM audit_events WHERE list_id = $1`, [list.id])).toBe(1);

    // Changing it on purpose names the decision being replaced.
    const changed = await app.http
      .post(url)
      .set('Authorization', loser === first ? tokens.a : tokens.b)
      .send({ decision: 'suggested', suggestion: { fields: { name: '甲（改）' } }, replaces: winner.body.id });
    expect(changed.status).toBe(200);
    expect(changed.body.id).not.toBe(winner.body.id);
    expect(await count(`SELECT count(*) AS n FROM item_decisions WHERE list_id = $1`, [list.id])).toBe(1);

    // Someone still holding the old decision cannot overwrite the change unseen.
    const stale = await app.http
      .post(url)
      .set('Authorization', tokens.a)
      .send({ decision: 'approved', replaces: winner.body.id });
    expect(stale.status).toBe(409);
    expect(stale.body.details.current.id).toBe(changed.body.id);
  });

  it('two reviewers approving the same item at once: one decision, one audit row', async () => {
    const list = await newList();
    const { itemIds } = await putInStage(app.db, list, 'county_review');
    const url = `/api/lists/${list.id}/items/${itemIds[1]}/decision`;
    const results = await Promise.all(
      [tokens.a, tokens.b, tokens.a].map((t) =>
        app.http.post(url).set('Authorization', t).send({ decision: 'approved' }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM item_decisions WHERE list_id = $1`, [list.id])).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM audit_events WHERE list_id = $1`, [list.id])).toBe(1);
  });

  it('a double-clicked submit freezes one version and writes one audit row', async () => {
    const list = await newList();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        app.http.post(`/api/lists/${list.id}/submit`).set('Authorization', tokens.drafter).send({}),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.map((r) => `${r.body.stage}/${r.body.round}`)).toEqual(Array(5).fill('submitted/1'));
    expect(await count(`SELECT count(*) AS n FROM list_versions WHERE list_id = $1`, [list.id])).toBe(1);
    expect(
      await count(
        `SELECT count(*) AS n FROM version_items vi JOIN list_versions v ON v.id = vi.version_id WHERE v.list_id = $1`,
        [list.id],
      ),
    ).toBe(2);
    expect(
      await count(`SELECT count(*) AS n FROM audit_events WHERE list_id = $1 AND action = 'submit'`, [list.id]),
    ).toBe(1);
  });

  it('approve and return-round at once by two reviewers: one takes effect, the other is refused', async () => {
    const list = await newList();
    await putInStage(app.db, list, 'county_review', {
      decisions: [{ level: 'county', decision: 'approved', by: reviewerA }],
    });
    const [approve, giveBack] = await Promise.all([
      app.http.post(`/api/lists/${list.id}/approve`).set('Authorization', tokens.a).send({}),
      app.http.post(`/api/lists/${list.id}/return-round`).set('Authorization', tokens.b).send({ reason: '再看看' }),
    ]);
    expect([approve.status, giveBack.status].sort()).toEqual([200, 409]);
    const [{ stage }] = await app.db.query(`SELECT stage FROM duty_lists WHERE id = $1`, [list.id]);
    expect(stage).toBe(approve.status === 200 ? 'county_approved' : 'returned');
    expect(await count(`SELECT count(*) AS n FROM audit_events WHERE list_id = $1`, [list.id])).toBe(1);
  });
});
