import type { DashboardRow, ListDetail, Task } from '@dutylist/shared';
import { bearer } from '../support/auth';
import { createList, createOrgUnit, createUser } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

/** Per-edition round limit and stage deadlines: set by the region, shown as deadline and overdue. */
describe('edition settings, deadlines and overdue', () => {
  let app: TestApp;
  let tokens: { drafter: string; county: string; region: string };
  let listId: string;
  const EDITION = 2031;

  beforeAll(async () => {
    app = await startTestApp({ seedDemo: false });
    const region = await createOrgUnit(app.db, 'region', null);
    const prefecture = await createOrgUnit(app.db, 'prefecture', region);
    const county = await createOrgUnit(app.db, 'county', prefecture);
    const township = await createOrgUnit(app.db, 'township', county);
    listId = (await createList(app.db, township, [{ name: '甲' }], 'drafting', EDITION)).id;
    tokens = {
      drafter: await bearer(app, (await createUser(app.db, 'township_drafter', township)).username),
      county: await bearer(app, (await createUser(app.db, 'county_reviewer', county)).username),
      region: await bearer(app, (await createUser(app.db, 'region_reviewer', region)).username),
    };
  });
  afterAll(() => app?.close());

  it('only the region (or an admin) sets an edition; values are checked', async () => {
    const url = `/api/editions/${EDITION}`;
    expect((await app.http.get(url).set('Authorization', tokens.county)).body).toEqual({
      edition: EDITION,
      maxRounds: 3,
      reviewDays: null,
      reviseDays: null,
    });
    const body = { maxRounds: 2, reviewDays: 5, reviseDays: 10 };
    expect((await app.http.put(url).set('Authorization', tokens.county).send(body)).status).toBe(403);
    expect(
      (
        await app.http
          .put(url)
          .set('Authorization', tokens.region)
          .send({ ...body, maxRounds: 0 })
      ).status,
    ).toBe(400);
    const saved = await app.http.put(url).set('Authorization', tokens.region).send(body);
    expect(saved.body).toEqual({ edition: EDITION, ...body });
  });

  it('a stage entered gets its deadline; past it the list and the task are overdue', async () => {
    const before = Date.now();
    const submitted = (await app.http.post(`/api/lists/${listId}/submit`).set('Authorization', tokens.drafter).send({}))
      .body as ListDetail;
    expect(submitted.maxRounds).toBe(2);
    const due = new Date(submitted.deadline as string).getTime();
    expect(due - before).toBeGreaterThanOrEqual(5 * 24 * 3600 * 1000 - 1000);
    expect(due - before).toBeLessThan(5 * 24 * 3600 * 1000 + 60_000);
    expect(submitted.overdue).toBe(false);

    await app.db.query(`UPDATE duty_lists SET deadline_at = now() - interval '1 hour' WHERE id = $1`, [listId]);
    const [task] = ((await app.http.get('/api/me/tasks').set('Authorization', tokens.county)).body as Task[]).filter(
      (t) => t.listId === listId,
    );
    expect(task).toEqual(expect.objectContaining({ task: '开始审核', overdue: true, pending: 1 }));
    const [row] = (
      (await app.http.get('/api/dashboard').set('Authorization', tokens.region)).body as DashboardRow[]
    ).filter((r) => r.listId === listId);
    expect(row).toEqual(
      expect.objectContaining({
        overdue: true,
        maxRounds: 2,
        turn: expect.objectContaining({ role: 'county_reviewer' }),
      }),
    );

    // The next stage has its own clock.
    const started = (
      await app.http.post(`/api/lists/${listId}/start-review`).set('Authorization', tokens.county).send({})
    ).body as ListDetail;
    expect(started.overdue).toBe(false);
    expect(new Date(started.stageSince).getTime()).toBeGreaterThanOrEqual(before);
  });
});
