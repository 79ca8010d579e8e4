import type {
  CurrentUser,
  EditionSummary,
  Item,
  ListDetail,
  ListDiff,
  ListSummary,
  OpenEditionResponse,
} from '@dutylist/shared';
import { bearer } from '../support/auth';
import { publishThroughCycle } from '../support/cycle';
import { createList, createOrgUnit, createUser } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Opening an edition: the region sets its round limit and deadlines, and every active township in scope
 * gets a draft, started from its latest published list with the same item ids, or empty.
 */
describe('editions', () => {
  let app: TestApp;
  const EDITION = 2161;
  const PREVIOUS = 2160;
  const token = {
    drafter: '',
    county: '',
    prefecture: '',
    region: '',
    regionAdmin: '',
    countyAdmin: '',
    otherRegion: '',
  };
  let orgs: Record<
    'region' | 'county' | 'published' | 'draftOnly' | 'empty' | 'disabled' | 'otherTownship',
    { id: string }
  >;
  let publishedListId: string;

  const open = (who: keyof typeof token, body: object) =>
    app.http.post('/api/editions').set('Authorization', token[who]).send(body);
  const settings = { edition: EDITION, title: '2161年度', maxRounds: 2, reviewDays: 7, reviseDays: 5 };
  const listsOf = async (who: keyof typeof token, edition: number): Promise<ListSummary[]> =>
    ((await app.http.get('/api/lists').set('Authorization', token[who])).body as ListSummary[]).filter(
      (l) => l.edition === edition,
    );

  beforeAll(async () => {
    app = await startTestApp({ seedDemo: false });
    const region = await createOrgUnit(app.db, 'region', null);
    const prefecture = await createOrgUnit(app.db, 'prefecture', region);
    const county = await createOrgUnit(app.db, 'county', prefecture);
    const published = await createOrgUnit(app.db, 'township', county);
    const draftOnly = await createOrgUnit(app.db, 'township', county);
    const empty = await createOrgUnit(app.db, 'township', county);
    const disabled = await createOrgUnit(app.db, 'township', county);
    await app.db.query(`UPDATE org_units SET is_active = false WHERE id = $1`, [disabled.id]);
    const otherRegion = await createOrgUnit(app.db, 'region', null);
    const otherPrefecture = await createOrgUnit(app.db, 'prefecture', otherRegion);
    const otherCounty = await createOrgUnit(app.db, 'county', otherPrefecture);
    const otherTownship = await createOrgUnit(app.db, 'township', otherCounty);
    orgs = { region, county, published, draftOnly, empty, disabled, otherTownship };

    publishedListId = (
      await createList(
        app.db,
        published,
        [{ name: '党建甲' }, { name: '党建乙' }, { table: 'revoked', name: '收回丙', undertaker: '县委组织部' }],
        'drafting',
        PREVIOUS,
      )
    ).id;
    await createList(app.db, draftOnly, [{ name: '未发布的草稿' }], 'drafting', PREVIOUS);

    const users = {
      drafter: await createUser(app.db, 'township_drafter', published),
      county: await createUser(app.db, 'county_reviewer', county),
      prefecture: await createUser(app.db, 'prefecture_reviewer', prefecture),
      region: await createUser(app.db, 'region_reviewer', region),
      regionAdmin: await createUser(app.db, 'admin', region),
      countyAdmin: await createUser(app.db, 'admin', county),
      otherRegion: await createUser(app.db, 'region_reviewer', otherRegion),
    };
    for (const key of Object.keys(token) as (keyof typeof token)[]) token[key] = await bearer(app, users[key].username);
    await publishThroughCycle(app, publishedListId, token);
  });
  afterAll(() => app?.close());

  it('only the region (its reviewers or a region-level admin) may manage editions, as `can` says', async () => {
    const me = async (who: keyof typeof token) =>
      ((await app.http.get('/api/auth/me').set('Authorization', token[who])).body as CurrentUser).can.manageEditions;
    expect(await me('region')).toBe(true);
    expect(await me('regionAdmin')).toBe(true);
    expect(await me('countyAdmin')).toBe(false);
    expect(await me('county')).toBe(false);
    for (const who of ['county', 'drafter', 'prefecture', 'countyAdmin'] as const) {
      const res = await open(who, settings);
      expect({ who, status: res.status, code: res.body.code }).toEqual({ who, status: 403, code: 'FORBIDDEN' });
    }
    expect(await listsOf('region', EDITION)).toEqual([]);
  });

  it('checks the request (400) and the unit it opens for (404 outside scope), creating nothing', async () => {
    for (const body of [
      { ...settings, edition: 1999 },
      { ...settings, maxRounds: 0 },
      { ...settings, title: '' },
      { ...settings, orgUnitId: 'not-a-uuid' },
    ]) {
      const res = await open('region', body);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    }
    const outside = await open('region', { ...settings, orgUnitId: orgs.otherTownship.id });
    expect({ status: outside.status, code: outside.body.code }).toEqual({ status: 404, code: 'ORG_UNIT_NOT_FOUND' });
    expect(await listsOf('region', EDITION)).toEqual([]);
  });

  it('opens the edition: a draft per active township, from its published list with the same item ids, or empty', async () => {
    const res = await open('region', settings);
    expect(res.status).toBe(200);
    const body = res.body as OpenEditionResponse;
    // published (from its list), draftOnly and empty (nothing published: empty); the disabled township gets none.
    expect({ created: body.created, skipped: body.skipped, fromPublished: body.fromPublished }).toEqual({
      created: 3,
      skipped: 0,
      fromPublished: 1,
    });
    expect(body.edition).toEqual(
      expect.objectContaining({
        edition: EDITION,
        title: '2161年度',
        maxRounds: 2,
        reviewDays: 7,
        reviseDays: 5,
        lists: 3,
      }),
    );
    expect(body.edition.stages.drafting).toBe(3);
    expect(body.edition.openedBy).toEqual(expect.objectContaining({ role: 'region_reviewer' }));

    const lists = await listsOf('region', EDITION);
    expect(lists.map((l) => l.township.id).sort()).toEqual(
      [orgs.published.id, orgs.draftOnly.id, orgs.empty.id].sort(),
    );
    expect(lists.every((l) => l.stage === 'drafting' && l.round === 1 && l.maxRounds === 2)).toBe(true);
    const counts = Object.fromEntries(lists.map((l) => [l.township.id, l.counts]));
    expect(counts[orgs.published.id]).toEqual({ basic: 2, cooperative: 0, revoked: 1 });
    expect(counts[orgs.draftOnly.id]).toEqual({ basic: 0, cooperative: 0, revoked: 0 });
    expect(counts[orgs.empty.id]).toEqual({ basic: 0, cooperative: 0, revoked: 0 });

    const newList = lists.find((l) => l.township.id === orgs.published.id) as ListSummary;
    const oldItems = (await app.http.get(`/api/lists/${publishedListId}/items`).set('Authorization', token.drafter))
      .body.items as Item[];
    const newItems = (await app.http.get(`/api/lists/${newList.id}/items`).set('Authorization', token.drafter)).body
      .items as Item[];
    expect(newItems.map((i) => [i.id, i.table, i.seq, i.name])).toEqual(
      oldItems.map((i) => [i.id, i.table, i.seq, i.name]),
    );

    const detail = (await app.http.get(`/api/lists/${newList.id}`).set('Authorization', token.drafter))
      .body as ListDetail;
    expect(detail.base).toEqual({
      listId: publishedListId,
      edition: PREVIOUS,
      versionNumber: 1,
      label: '第1轮报送（1上）',
    });
    expect(detail.publications).toEqual([
      expect.objectContaining({ number: 1, kind: 'initial', publishedVersion: null }),
    ]);
    expect(detail.inForce).toBeNull();

    const audit: { action: string; target_id: string }[] = await app.db.query(
      `SELECT action, target_id FROM admin_events WHERE target_type = 'edition' AND target_id = $1`,
      [String(EDITION)],
    );
    expect(audit).toEqual([{ action: 'edition.open', target_id: String(EDITION) }]);
  });

  it('the same item ids work in the new draft: edit one, and the diff compares the published version with the draft', async () => {
    const [newList] = (await listsOf('drafter', EDITION)).filter((l) => l.township.id === orgs.published.id);
    const items = (await app.http.get(`/api/lists/${newList.id}/items`).set('Authorization', token.drafter)).body
      .items as Item[];
    const target = items.find((i) => i.name === '党建乙') as Item;
    const edited = await app.http
      .patch(`/api/lists/${newList.id}/items/${target.id}`)
      .set('Authorization', token.drafter)
      .send({ version: target.version, name: '党建乙（新一届）' });
    expect(edited.status).toBe(200);
    // The item of the earlier edition's list with the same id is untouched (its list is published).
    const old = (await app.http.get(`/api/lists/${publishedListId}/items`).set('Authorization', token.drafter)).body
      .items as Item[];
    expect(old.find((i) => i.id === target.id)?.name).toBe('党建乙');

    const diff = (await app.http.get(`/api/lists/${newList.id}/diff`).set('Authorization', token.county))
      .body as ListDiff;
    expect(diff.from).toEqual(
      expect.objectContaining({
        kind: 'version',
        version: expect.objectContaining({ label: expect.stringContaining('2160年度') }),
      }),
    );
    expect(diff.to.kind).toBe('draft');
    const changed = diff.entries.filter((e) => e.status !== 'unchanged');
    expect(changed.map((e) => [e.status, e.match?.method, e.after?.name])).toEqual([
      ['changed', 'id', '党建乙（新一届）'],
    ]);
    const explicit = await app.http.get(`/api/lists/${newList.id}/diff?from=base`).set('Authorization', token.county);
    expect(explicit.body.entries.length).toBe(diff.entries.length);
  });

  it('is idempotent: opened again with the same settings it skips every township that has a list', async () => {
    const again = await open('regionAdmin', settings);
    expect(again.status).toBe(200);
    expect({ created: again.body.created, skipped: again.body.skipped }).toEqual({ created: 0, skipped: 3 });
    // A township added since gets its draft on the next opening.
    const late = await createOrgUnit(app.db, 'township', orgs.county as never);
    const third = await open('region', settings);
    expect({ created: third.body.created, skipped: third.body.skipped }).toEqual({ created: 1, skipped: 3 });
    expect((await listsOf('region', EDITION)).some((l) => l.township.id === late.id)).toBe(true);
  });

  it('different settings on an opened edition, or a title another edition uses, are a 409', async () => {
    const changed = await open('region', { ...settings, maxRounds: 3 });
    expect({ status: changed.status, code: changed.body.code }).toEqual({ status: 409, code: 'EDITION_CONFLICT' });
    const taken = await open('region', { ...settings, edition: EDITION + 1 });
    expect({ status: taken.status, code: taken.body.code }).toEqual({ status: 409, code: 'EDITION_CONFLICT' });
    expect(await listsOf('region', EDITION + 1)).toEqual([]);
  });

  it('settings are changed with PUT (audited), and GET /editions lists editions with counts per stage', async () => {
    const put = await app.http
      .put(`/api/editions/${EDITION}`)
      .set('Authorization', token.region)
      .send({ title: '2161年度（修订）', maxRounds: 3, reviewDays: 10, reviseDays: null });
    expect(put.status).toBe(200);
    const countyPut = await app.http
      .put(`/api/editions/${EDITION}`)
      .set('Authorization', token.countyAdmin)
      .send({ maxRounds: 3, reviewDays: 10, reviseDays: null });
    expect(countyPut.status).toBe(403);
    const audit: { action: string }[] = await app.db.query(
      `SELECT action FROM admin_events WHERE target_type = 'edition' AND target_id = $1 ORDER BY id`,
      [String(EDITION)],
    );
    expect(audit.map((a) => a.action)).toEqual(['edition.open', 'edition.open', 'edition.open', 'edition.update']);

    const editions = (await app.http.get('/api/editions').set('Authorization', token.region)).body as EditionSummary[];
    const mine = editions.find((e) => e.edition === EDITION) as EditionSummary;
    expect(mine).toEqual(
      expect.objectContaining({ title: '2161年度（修订）', maxRounds: 3, reviewDays: 10, reviseDays: null, lists: 4 }),
    );
    expect(mine.stages).toEqual(expect.objectContaining({ drafting: 4, published: 0 }));
    const previous = editions.find((e) => e.edition === PREVIOUS) as EditionSummary;
    expect(previous.stages).toEqual(expect.objectContaining({ published: 1, drafting: 1 }));
    // Counts are of the caller's scope: the other region sees none of these lists.
    const other = (await app.http.get('/api/editions').set('Authorization', token.otherRegion))
      .body as EditionSummary[];
    expect(other.find((e) => e.edition === EDITION)?.lists).toBe(0);
  });
});
