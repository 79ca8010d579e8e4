import { startTestApp, type TestApp } from '../support/test-app';
import { createOrgUnit, createUser, createWorld, putInStage, TEST_PASSWORD, unique } from '../support/factories';
import { bearer } from '../support/auth';

type World = Awaited<ReturnType<typeof createWorld>>;
type OrgKey = keyof World['orgs'];

/** A world with one admin per level: the region's, prefecture A's and county A1's. */
async function adminWorld(app: TestApp) {
  const world = await createWorld(app.db);
  const admins = {
    region: world.users.admin,
    prefecture: await createUser(app.db, 'admin', world.orgs.prefA),
    county: await createUser(app.db, 'admin', world.orgs.countyA1),
  };
  return { ...world, admins };
}

async function counts(app: TestApp) {
  const [row] = await app.db.query(
    `SELECT (SELECT count(*) FROM org_units)::int AS units, (SELECT count(*) FROM admin_events)::int AS events`,
  );
  return row as { units: number; events: number };
}

describe('admin org units: /api/admin/org-units', () => {
  let app: TestApp;
  let w: Awaited<ReturnType<typeof adminWorld>>;
  const tokens: Record<string, string> = {};
  const auth = (key: string) => ({ Authorization: tokens[key] });

  beforeAll(async () => {
    app = await startTestApp({ seedDemo: false, ownDatabase: 'admin_org_units' });
    w = await adminWorld(app);
    for (const [key, user] of Object.entries(w.users)) {
      tokens[key === 'region' ? 'regionReviewer' : key] = await bearer(app, user.username);
    }
    for (const [key, user] of Object.entries(w.admins)) tokens[key] = await bearer(app, user.username);
  });
  afterAll(() => app?.close());

  /** The units each admin administers: its own unit and everything below it. */
  const SUBTREE: Record<'region' | 'prefecture' | 'county', OrgKey[]> = {
    region: ['region', 'prefA', 'prefB', 'countyA1', 'countyA2', 'countyB1', 'townA1x', 'townA1y', 'townA2', 'townB1'],
    prefecture: ['prefA', 'countyA1', 'countyA2', 'townA1x', 'townA1y', 'townA2'],
    county: ['countyA1', 'townA1x', 'townA1y'],
  };
  const ALL = SUBTREE.region;

  describe.each(['region', 'prefecture', 'county'] as const)('%s admin', (level) => {
    it('lists exactly its subtree, top down, with account and child counts', async () => {
      const res = await app.http.get('/api/admin/org-units').set(auth(level));
      expect(res.status).toBe(200);
      const ids: string[] = res.body.map((u: { id: string }) => u.id);
      // Exactly the units whose path lies under the admin's own (other tests add some as they go).
      const own = w.orgs[SUBTREE[level][0]];
      const expected = await app.db.query(`SELECT id FROM org_units WHERE path LIKE $1`, [`${own.path}%`]);
      expect([...ids].sort()).toEqual(expected.map((r: { id: string }) => r.id).sort());
      for (const key of ALL) expect(ids.includes(w.orgs[key].id)).toBe(SUBTREE[level].includes(key));
      expect(res.body[0].id).toBe(own.id);
      const countyA1 = res.body.find((u: { id: string }) => u.id === w.orgs.countyA1.id);
      const [{ n }] = await app.db.query(`SELECT count(*)::int AS n FROM org_units WHERE parent_id = $1`, [
        w.orgs.countyA1.id,
      ]);
      // county A1 has the county reviewer and the county admin.
      expect(countyA1).toMatchObject({ level: 'county', userCount: 2, childCount: n, isActive: true, aliases: [] });
    });

    it.each(ALL)('unit %s: 200 inside the subtree, 404 outside', async (key) => {
      const res = await app.http.get(`/api/admin/org-units/${w.orgs[key].id}`).set(auth(level));
      if (SUBTREE[level].includes(key)) {
        expect(res.status).toBe(200);
        expect(res.body.name).toBe(w.orgs[key].name);
      } else {
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('ORG_UNIT_NOT_FOUND');
      }
    });

    it('creates a child inside its subtree and is refused (404) outside it', async () => {
      const parentKey: OrgKey = level === 'region' ? 'region' : level === 'prefecture' ? 'prefA' : 'countyA1';
      const childLevel = level === 'region' ? 'prefecture' : level === 'prefecture' ? 'county' : 'township';
      const name = unique('新单位');
      const res = await app.http
        .post('/api/admin/org-units')
        .set(auth(level))
        .send({ parentId: w.orgs[parentKey].id, level: childLevel, name });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ name, level: childLevel, parentId: w.orgs[parentKey].id, isActive: true });
      const [row] = await app.db.query(`SELECT path FROM org_units WHERE id = $1`, [res.body.id]);
      expect(row.path).toBe(`${w.orgs[parentKey].path}${res.body.id}/`);

      const outsideParent: OrgKey | null = level === 'region' ? null : level === 'prefecture' ? 'prefB' : 'countyA2';
      if (outsideParent) {
        const before = await counts(app);
        const outside = await app.http
          .post('/api/admin/org-units')
          .set(auth(level))
          .send({ parentId: w.orgs[outsideParent].id, level: childLevel, name: unique('外部') });
        expect(outside.status).toBe(404);
        expect(outside.body.code).toBe('ORG_UNIT_NOT_FOUND');
        expect(await counts(app)).toEqual(before);
      }
    });

    it('renames inside its subtree, 404 outside', async () => {
      const inside = await createOrgUnit(app.db, 'township', w.orgs.countyA1);
      const outside = await createOrgUnit(app.db, 'township', w.orgs.countyB1);
      const res = await app.http
        .patch(`/api/admin/org-units/${inside.id}`)
        .set(auth(level))
        .send({ name: `${inside.name}新`, shortName: `${level}简称`, aliases: [`${level}别名`] });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        name: `${inside.name}新`,
        shortName: `${level}简称`,
        aliases: [`${level}别名`],
      });
      const out = await app.http.patch(`/api/admin/org-units/${outside.id}`).set(auth(level)).send({ name: 'x镇' });
      expect(out.status).toBe(level === 'region' ? 200 : 404);
    });
  });

  describe.each(['drafterA1x', 'countyA1', 'prefectureA', 'regionReviewer'] as const)('non-admin %s', (key) => {
    it('gets 403 on every admin route inside its scope and 404 outside it', async () => {
      const own = { drafterA1x: 'townA1x', countyA1: 'countyA1', prefectureA: 'prefA', regionReviewer: 'region' }[
        key
      ] as OrgKey;
      const list = await app.http.get('/api/admin/org-units').set(auth(key));
      expect(list.status).toBe(403);
      expect(list.body.code).toBe('FORBIDDEN');
      const one = await app.http.get(`/api/admin/org-units/${w.orgs[own].id}`).set(auth(key));
      expect(one.status).toBe(403);
      const patch = await app.http.patch(`/api/admin/org-units/${w.orgs[own].id}`).set(auth(key)).send({ name: 'x' });
      expect(patch.status).toBe(403);
      const create = await app.http
        .post('/api/admin/org-units')
        .set(auth(key))
        .send({ parentId: w.orgs[own].id, level: 'township', name: unique('镇') });
      expect(create.status).toBe(403);
      if (key !== 'regionReviewer') {
        const out = await app.http.get(`/api/admin/org-units/${w.orgs.townB1.id}`).set(auth(key));
        expect(out.status).toBe(404);
      }
      const audit = await app.http.get('/api/admin/audit').set(auth(key));
      expect(audit.status).toBe(403);
    });
  });

  it('filters by parent, level and search (full name, short name, alias)', async () => {
    const dept = await app.http
      .post('/api/admin/org-units')
      .set(auth('county'))
      .send({ parentId: w.orgs.countyA1.id, level: 'department', name: '测试县民政局', aliases: ['县民政局'] });
    expect(dept.status).toBe(201);
    const byParent = await app.http
      .get('/api/admin/org-units')
      .query({ parentId: w.orgs.countyA1.id, level: 'department' })
      .set(auth('county'));
    expect(byParent.body.map((u: { name: string }) => u.name)).toEqual(['测试县民政局']);
    const byAlias = await app.http.get('/api/admin/org-units').query({ search: '县民政' }).set(auth('prefecture'));
    expect(byAlias.body.map((u: { id: string }) => u.id)).toEqual([dept.body.id]);
    const outside = await app.http
      .get('/api/admin/org-units')
      .query({ parentId: w.orgs.countyB1.id })
      .set(auth('county'));
    expect(outside.status).toBe(404);
    const badLevel = await app.http.get('/api/admin/org-units').query({ level: 'planet' }).set(auth('county'));
    expect(badLevel.status).toBe(400);
    expect(badLevel.body.code).toBe('VALIDATION_FAILED');
  });

  describe('validation: the exact code, nothing written', () => {
    const cases: [string, (w: Awaited<ReturnType<typeof adminWorld>>) => object, number, string][] = [
      [
        'a township under a prefecture',
        (x) => ({ parentId: x.orgs.prefA.id, level: 'township', name: '某镇' }),
        422,
        'ORG_LEVEL_MISMATCH',
      ],
      [
        'a county under a county',
        (x) => ({ parentId: x.orgs.countyA1.id, level: 'county', name: '某县' }),
        422,
        'ORG_LEVEL_MISMATCH',
      ],
      [
        'a region under the region',
        (x) => ({ parentId: x.orgs.region.id, level: 'region', name: '某区' }),
        422,
        'ORG_LEVEL_MISMATCH',
      ],
      [
        'a sibling of the same name',
        (x) => ({ parentId: x.orgs.countyA1.id, level: 'township', name: x.orgs.townA1x.name }),
        409,
        'DUPLICATE',
      ],
      [
        'an empty name',
        (x) => ({ parentId: x.orgs.countyA1.id, level: 'township', name: '  ' }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a NUL in the name',
        (x) => ({ parentId: x.orgs.countyA1.id, level: 'township', name: 'a\u0000b' }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'an unknown level',
        (x) => ({ parentId: x.orgs.countyA1.id, level: 'village', name: '某村' }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a parent that does not exist',
        () => ({ parentId: '00000000-0000-4000-8000-000000000000', level: 'township', name: '某镇' }),
        404,
        'ORG_UNIT_NOT_FOUND',
      ],
    ];
    it.each(cases)('%s', async (_label, body, status, code) => {
      const before = await counts(app);
      const res = await app.http.post('/api/admin/org-units').set(auth('region')).send(body(w));
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
      expect(typeof res.body.message).toBe('string');
      expect(await counts(app)).toEqual(before);
    });

    it('names a duplicate in Chinese, whitespace ignored', async () => {
      const res = await app.http
        .post('/api/admin/org-units')
        .set(auth('county'))
        .send({ parentId: w.orgs.countyA1.id, level: 'township', name: ` ${w.orgs.townA1y.name} ` });
      expect(res.status).toBe(409);
      expect(res.body.message).toBe(`“${w.orgs.countyA1.name}”下已有名为“${w.orgs.townA1y.name}”的单位`);
    });

    it('an alias taken by a sibling department is a duplicate', async () => {
      const first = await app.http
        .post('/api/admin/org-units')
        .set(auth('county'))
        .send({ parentId: w.orgs.countyA1.id, level: 'department', name: '测试县公安局', shortName: '县公安局' });
      expect(first.status).toBe(201);
      const before = await counts(app);
      const second = await app.http
        .post('/api/admin/org-units')
        .set(auth('county'))
        .send({ parentId: w.orgs.countyA1.id, level: 'department', name: '测试县交警队', aliases: ['县公安局'] });
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('DUPLICATE');
      expect(await counts(app)).toEqual(before);
      // Renaming onto a sibling's name is refused too.
      const rename = await app.http
        .patch(`/api/admin/org-units/${w.orgs.townA1x.id}`)
        .set(auth('county'))
        .send({ name: w.orgs.townA1y.name });
      expect(rename.status).toBe(409);
    });

    it('two creates of one name at once: one 201, one 409 DUPLICATE, one row', async () => {
      const name = unique('并发镇');
      const send = () =>
        app.http
          .post('/api/admin/org-units')
          .set(auth('county'))
          .send({ parentId: w.orgs.countyA1.id, level: 'township', name });
      const statuses = (await Promise.all([send(), send(), send()])).map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409, 409]);
      const [{ n }] = await app.db.query(`SELECT count(*)::int AS n FROM org_units WHERE name = $1`, [name]);
      expect(n).toBe(1);
    });

    it('a create under a county while its prefecture moves gets the new path', async () => {
      const county = await createOrgUnit(app.db, 'county', w.orgs.prefA);
      const [moved, created] = await Promise.all([
        app.http.patch(`/api/admin/org-units/${county.id}`).set(auth('region')).send({ parentId: w.orgs.prefB.id }),
        app.http
          .post('/api/admin/org-units')
          .set(auth('region'))
          .send({ parentId: county.id, level: 'township', name: unique('移动中') }),
      ]);
      expect([moved.status, created.status]).toEqual([200, 201]);
      const [row] = await app.db.query(`SELECT path FROM org_units WHERE id = $1`, [created.body.id]);
      expect(row.path).toBe(`${w.orgs.prefB.path}${county.id}/${created.body.id}/`);
    });

    it('an empty PATCH is refused', async () => {
      const res = await app.http.patch(`/api/admin/org-units/${w.orgs.townA1x.id}`).set(auth('county')).send({});
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('moving', () => {
    it('moves a county with its townships to another prefecture: the whole subtree path in one go', async () => {
      const county = await createOrgUnit(app.db, 'county', w.orgs.prefA);
      const t1 = await createOrgUnit(app.db, 'township', county);
      const t2 = await createOrgUnit(app.db, 'township', county);
      const res = await app.http
        .patch(`/api/admin/org-units/${county.id}`)
        .set(auth('region'))
        .send({ parentId: w.orgs.prefB.id });
      expect(res.status).toBe(200);
      expect(res.body.parentId).toBe(w.orgs.prefB.id);
      const rows = await app.db.query(`SELECT id, path FROM org_units WHERE id = ANY($1)`, [[county.id, t1.id, t2.id]]);
      const byId = new Map(rows.map((r: { id: string; path: string }) => [r.id, r.path]));
      expect(byId.get(county.id)).toBe(`${w.orgs.prefB.path}${county.id}/`);
      expect(byId.get(t1.id)).toBe(`${w.orgs.prefB.path}${county.id}/${t1.id}/`);
      expect(byId.get(t2.id)).toBe(`${w.orgs.prefB.path}${county.id}/${t2.id}/`);
      // Prefecture A's admin no longer sees it; the audit row names the move.
      const gone = await app.http.get(`/api/admin/org-units/${t1.id}`).set(auth('prefecture'));
      expect(gone.status).toBe(404);
      const [event] = await app.db.query(
        `SELECT action, actor_id FROM admin_events WHERE target_id = $1 ORDER BY id DESC LIMIT 1`,
        [county.id],
      );
      expect(event).toEqual({ action: 'org_unit.move', actor_id: w.admins.region.id });
    });

    it('a township moves to another county of the prefecture admin; the county admin cannot move it out', async () => {
      const town = await createOrgUnit(app.db, 'township', w.orgs.countyA1);
      const byCounty = await app.http
        .patch(`/api/admin/org-units/${town.id}`)
        .set(auth('county'))
        .send({ parentId: w.orgs.countyA2.id });
      expect(byCounty.status).toBe(404);
      const byPrefecture = await app.http
        .patch(`/api/admin/org-units/${town.id}`)
        .set(auth('prefecture'))
        .send({ parentId: w.orgs.countyA2.id });
      expect(byPrefecture.status).toBe(200);
    });

    it.each([
      ['under itself', 'countyA1', 'countyA1', 'region', 409, 'INVALID_MOVE'],
      ['under its own township', 'countyA1', 'townA1x', 'region', 409, 'INVALID_MOVE'],
      ['a township under a prefecture', 'townA2', 'prefB', 'region', 422, 'ORG_LEVEL_MISMATCH'],
      ['the admin’s own unit', 'countyA1', 'countyA1', 'county', 403, 'SELF_CHANGE_FORBIDDEN'],
      ['the prefecture admin’s own unit', 'prefA', 'prefB', 'prefecture', 403, 'SELF_CHANGE_FORBIDDEN'],
      ['the region', 'region', 'prefA', 'region', 403, 'SELF_CHANGE_FORBIDDEN'],
    ] as const)('refuses moving %s', async (_label, unit, target, admin, status, code) => {
      const before = await app.db.query(`SELECT id, path, parent_id FROM org_units ORDER BY id`);
      const res = await app.http
        .patch(`/api/admin/org-units/${w.orgs[unit].id}`)
        .set(auth(admin))
        .send({ parentId: w.orgs[target].id });
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
      expect(await app.db.query(`SELECT id, path, parent_id FROM org_units ORDER BY id`)).toEqual(before);
    });
  });

  describe('disabling and enabling', () => {
    it('disables a township: its drafter’s existing token is refused at once, login too; enabling restores', async () => {
      const town = await createOrgUnit(app.db, 'township', w.orgs.countyA1);
      const drafter = await createUser(app.db, 'township_drafter', town);
      const token = await bearer(app, drafter.username);
      expect((await app.http.get('/api/auth/me').set('Authorization', token)).status).toBe(200);

      const res = await app.http.patch(`/api/admin/org-units/${town.id}`).set(auth('county')).send({ isActive: false });
      expect(res.status).toBe(200);
      expect(res.body.isActive).toBe(false);
      expect((await app.http.get('/api/auth/me').set('Authorization', token)).status).toBe(401);
      const login = await app.http
        .post('/api/auth/login')
        .send({ username: drafter.username, password: TEST_PASSWORD });
      expect(login.status).toBe(401);
      // Nothing new under a disabled unit.
      const account = await app.http
        .post('/api/admin/users')
        .set(auth('county'))
        .send({
          username: unique('u'),
          displayName: '某人',
          role: 'township_drafter',
          orgUnitId: town.id,
        });
      expect(account.status).toBe(409);
      expect(account.body.code).toBe('ORG_UNIT_INACTIVE');

      const enable = await app.http
        .patch(`/api/admin/org-units/${town.id}`)
        .set(auth('county'))
        .send({ isActive: true });
      expect(enable.status).toBe(200);
      expect(
        (await app.http.get('/api/auth/me').set('Authorization', await bearer(app, drafter.username))).status,
      ).toBe(200);
      const actions = await app.db.query(`SELECT action FROM admin_events WHERE target_id = $1 ORDER BY id`, [town.id]);
      expect(actions.map((a: { action: string }) => a.action)).toEqual(['org_unit.disable', 'org_unit.enable']);
    });

    it('disabling a county disables its subtree; a township cannot be enabled under it', async () => {
      const county = await createOrgUnit(app.db, 'county', w.orgs.prefA);
      const town = await createOrgUnit(app.db, 'township', county);
      const res = await app.http
        .patch(`/api/admin/org-units/${county.id}`)
        .set(auth('prefecture'))
        .send({ isActive: false });
      expect(res.status).toBe(200);
      const [row] = await app.db.query(`SELECT is_active FROM org_units WHERE id = $1`, [town.id]);
      expect(row.is_active).toBe(false);
      const enable = await app.http
        .patch(`/api/admin/org-units/${town.id}`)
        .set(auth('prefecture'))
        .send({ isActive: true });
      expect(enable.status).toBe(409);
      expect(enable.body.code).toBe('ORG_UNIT_INACTIVE');
      const child = await app.http
        .post('/api/admin/org-units')
        .set(auth('prefecture'))
        .send({ parentId: county.id, level: 'township', name: unique('镇') });
      expect(child.status).toBe(409);
      expect(child.body.code).toBe('ORG_UNIT_INACTIVE');
    });

    it('is refused (409 LIST_IN_REVIEW) while a list below is in the review cycle; moving too', async () => {
      const world = await createWorld(app.db);
      const admin = await bearer(app, world.users.admin.username);
      await putInStage(app.db, world.lists.A1x, 'county_review');
      for (const [id, body] of [
        [world.orgs.townA1x.id, { isActive: false }],
        [world.orgs.countyA1.id, { isActive: false }],
        [world.orgs.townA1x.id, { parentId: world.orgs.countyA2.id }],
      ] as const) {
        const res = await app.http.patch(`/api/admin/org-units/${id}`).set('Authorization', admin).send(body);
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('LIST_IN_REVIEW');
        expect(res.body.message).toContain('县级审核中');
      }
      const [row] = await app.db.query(`SELECT is_active, path FROM org_units WHERE id = $1`, [world.orgs.townA1x.id]);
      expect(row).toEqual({ is_active: true, path: world.orgs.townA1x.path });
      // A drafting list does not block.
      const ok = await app.http
        .patch(`/api/admin/org-units/${world.orgs.townA1y.id}`)
        .set('Authorization', admin)
        .send({ isActive: false });
      expect(ok.status).toBe(200);
    });

    it('an admin cannot disable their own unit', async () => {
      const res = await app.http
        .patch(`/api/admin/org-units/${w.orgs.countyA1.id}`)
        .set(auth('county'))
        .send({ isActive: false });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('SELF_CHANGE_FORBIDDEN');
    });
  });

  describe('the department directory: GET /api/org-units/:countyId/departments', () => {
    it('lists a county’s departments with aliases for everyone whose scope includes the county', async () => {
      const world = await createWorld(app.db);
      const admin = await bearer(app, world.users.admin.username);
      const created = await app.http
        .post('/api/admin/org-units')
        .set('Authorization', admin)
        .send({ parentId: world.orgs.countyA1.id, level: 'department', name: '奇台县民政局', aliases: ['县民政局'] });
      expect(created.status).toBe(201);
      const otherDrafter = await createUser(app.db, 'township_drafter', world.orgs.townA2);
      const expected = [
        { id: created.body.id, name: '奇台县民政局', shortName: null, aliases: ['县民政局'], isActive: true },
      ];
      for (const user of [world.users.drafterA1x, world.users.countyA1, world.users.prefectureA, world.users.region]) {
        const res = await app.http
          .get(`/api/org-units/${world.orgs.countyA1.id}/departments`)
          .set('Authorization', await bearer(app, user.username));
        expect(res.status).toBe(200);
        expect(res.body).toEqual(expected);
      }
      const outside = await app.http
        .get(`/api/org-units/${world.orgs.countyA1.id}/departments`)
        .set('Authorization', await bearer(app, otherDrafter.username));
      expect(outside.status).toBe(404);
      const notCounty = await app.http
        .get(`/api/org-units/${world.orgs.townA1x.id}/departments`)
        .set('Authorization', admin);
      expect(notCounty.status).toBe(404);
    });
  });

  describe('the admin trail: GET /api/admin/audit', () => {
    it('shows the changes of the subtree, newest first, filtered by target; not those elsewhere', async () => {
      const name = unique('日志镇');
      const created = await app.http
        .post('/api/admin/org-units')
        .set(auth('county'))
        .send({ parentId: w.orgs.countyA1.id, level: 'township', name });
      await app.http.patch(`/api/admin/org-units/${created.body.id}`).set(auth('county')).send({ shortName: '日志' });
      const elsewhere = await app.http
        .post('/api/admin/org-units')
        .set(auth('region'))
        .send({ parentId: w.orgs.countyB1.id, level: 'township', name: unique('外镇') });

      const mine = await app.http.get('/api/admin/audit').query({ targetId: created.body.id }).set(auth('county'));
      expect(mine.status).toBe(200);
      expect(mine.body.total).toBe(2);
      expect(mine.body.items.map((e: { action: string }) => e.action)).toEqual(['org_unit.rename', 'org_unit.create']);
      expect(mine.body.items[1]).toMatchObject({
        summary: `新建乡镇“${name}”（上级：${w.orgs.countyA1.name}）`,
        actor: { id: w.admins.county.id, username: w.admins.county.username },
        orgUnit: { id: created.body.id, name },
        targetType: 'org_unit',
      });
      const all = await app.http.get('/api/admin/audit').query({ pageSize: 200 }).set(auth('county'));
      expect(all.body.items.some((e: { targetId: string }) => e.targetId === elsewhere.body.id)).toBe(false);
      const region = await app.http.get('/api/admin/audit').query({ targetId: elsewhere.body.id }).set(auth('region'));
      expect(region.body.total).toBe(1);
      const paged = await app.http.get('/api/admin/audit').query({ pageSize: 1, page: 2 }).set(auth('county'));
      expect(paged.body.items).toHaveLength(1);
      expect(paged.body.total).toBeGreaterThan(2);
    });
  });
});
