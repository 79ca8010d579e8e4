import { startTestApp, type TestApp } from '../support/test-app';
import { createOrgUnit, createUser, createWorld, unique } from '../support/factories';
import { bearer } from '../support/auth';

type World = Awaited<ReturnType<typeof createWorld>>;
type OrgKey = keyof World['orgs'];
type AdminKey = 'adminRegion' | 'adminPrefecture' | 'adminCounty';

async function counts(app: TestApp) {
  const [row] = await app.db.query(
    `SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM admin_events)::int AS events`,
  );
  return row as { users: number; events: number };
}

async function login(app: TestApp, username: string, password: string) {
  return app.http.post('/api/auth/login').send({ username, password });
}

describe('admin accounts: /api/admin/users', () => {
  let app: TestApp;
  let w: World;
  let admins: Record<AdminKey, Awaited<ReturnType<typeof createUser>>>;
  const tokens: Record<string, string> = {};
  const auth = (key: string) => ({ Authorization: tokens[key] });

  beforeAll(async () => {
    app = await startTestApp({ seedDemo: false, ownDatabase: 'admin_users' });
    w = await createWorld(app.db);
    admins = {
      adminRegion: w.users.admin,
      adminPrefecture: await createUser(app.db, 'admin', w.orgs.prefA),
      adminCounty: await createUser(app.db, 'admin', w.orgs.countyA1),
    };
    for (const [key, user] of Object.entries({ ...w.users, ...admins })) tokens[key] = await bearer(app, user.username);
  });
  afterAll(() => app?.close());

  const SUBTREE: Record<AdminKey, OrgKey[]> = {
    adminRegion: [
      'region',
      'prefA',
      'prefB',
      'countyA1',
      'countyA2',
      'countyB1',
      'townA1x',
      'townA1y',
      'townA2',
      'townB1',
    ],
    adminPrefecture: ['prefA', 'countyA1', 'countyA2', 'townA1x', 'townA1y', 'townA2'],
    adminCounty: ['countyA1', 'townA1x', 'townA1y'],
  };

  describe.each(Object.keys(SUBTREE) as AdminKey[])('%s', (adminKey) => {
    it('lists the accounts of its subtree only, paged, with last login', async () => {
      const res = await app.http.get('/api/admin/users').query({ pageSize: 200 }).set(auth(adminKey));
      expect(res.status).toBe(200);
      const own = w.orgs[SUBTREE[adminKey][0]];
      const [{ n }] = await app.db.query(
        `SELECT count(*)::int AS n FROM users u JOIN org_units o ON o.id = u.org_unit_id WHERE o.path LIKE $1`,
        [`${own.path}%`],
      );
      expect(res.body.total).toBe(n);
      expect(res.body.items).toHaveLength(n);
      const drafter = res.body.items.find((u: { id: string }) => u.id === w.users.drafterA1x.id);
      // The drafter logged in in beforeAll.
      expect(drafter).toMatchObject({ role: 'township_drafter', isActive: true, orgUnit: { id: w.orgs.townA1x.id } });
      expect(typeof drafter.lastLoginAt).toBe('string');
      expect(drafter.passwordHash).toBeUndefined();
      const region = res.body.items.some((u: { id: string }) => u.id === w.users.region.id);
      expect(region).toBe(adminKey === 'adminRegion');
    });

    it.each(['drafterA1x', 'countyA1', 'prefectureA', 'region'] as const)(
      'account %s: GET and PATCH 200 inside the subtree, 404 USER_NOT_FOUND outside',
      async (userKey) => {
        const user = w.users[userKey];
        const unitKey = { drafterA1x: 'townA1x', countyA1: 'countyA1', prefectureA: 'prefA', region: 'region' }[
          userKey
        ] as OrgKey;
        const inside = SUBTREE[adminKey].includes(unitKey);
        const get = await app.http.get(`/api/admin/users/${user.id}`).set(auth(adminKey));
        const patch = await app.http
          .patch(`/api/admin/users/${user.id}`)
          .set(auth(adminKey))
          .send({ displayName: `${user.displayName}` });
        const reset = inside
          ? null
          : await app.http.post(`/api/admin/users/${user.id}/reset-password`).set(auth(adminKey));
        if (inside) {
          expect([get.status, patch.status]).toEqual([200, 200]);
          expect(get.body.username).toBe(user.username);
        } else {
          expect([get.status, patch.status, reset?.status]).toEqual([404, 404, 404]);
          expect(get.body.code).toBe('USER_NOT_FOUND');
        }
      },
    );

    it('creates an account in its subtree with a one-time password shown once; 404 outside', async () => {
      const unit: OrgKey =
        adminKey === 'adminCounty' ? 'townA1y' : adminKey === 'adminPrefecture' ? 'townA2' : 'townB1';
      const username = unique('new');
      const before = await counts(app);
      const res = await app.http
        .post('/api/admin/users')
        .set(auth(adminKey))
        .send({ username, displayName: '新起草人', role: 'township_drafter', orgUnitId: w.orgs[unit].id, email: '' });
      expect(res.status).toBe(201);
      expect(res.body.user).toMatchObject({
        username,
        displayName: '新起草人',
        role: 'township_drafter',
        mustChangePassword: true,
        isActive: true,
        email: null,
        lastLoginAt: null,
      });
      const otp: string = res.body.oneTimePassword;
      expect(otp).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
      // Stored hashed (argon2), never in clear; the admin trail has one row.
      const [row] = await app.db.query(`SELECT password_hash, must_change_password FROM users WHERE id = $1`, [
        res.body.user.id,
      ]);
      expect(row.password_hash).toMatch(/^\$argon2/);
      expect(row.password_hash).not.toContain(otp);
      expect(await counts(app)).toEqual({ users: before.users + 1, events: before.events + 1 });
      // Shown once: reading the account again never gives it.
      const again = await app.http.get(`/api/admin/users/${res.body.user.id}`).set(auth(adminKey));
      expect(JSON.stringify(again.body)).not.toContain(otp);
      expect((await login(app, username, otp)).status).toBe(200);

      if (adminKey !== 'adminRegion') {
        const outsideUnit: OrgKey = adminKey === 'adminCounty' ? 'townA2' : 'townB1';
        const outside = await app.http
          .post('/api/admin/users')
          .set(auth(adminKey))
          .send({
            username: unique('out'),
            displayName: '外人',
            role: 'township_drafter',
            orgUnitId: w.orgs[outsideUnit].id,
          });
        expect(outside.status).toBe(404);
        expect(outside.body.code).toBe('ORG_UNIT_NOT_FOUND');
      }
    });

    it('filters by search, unit, role and active state', async () => {
      const res = await app.http
        .get('/api/admin/users')
        .query({ search: w.users.countyA1.username.toUpperCase(), role: 'county_reviewer', isActive: 'true' })
        .set(auth(adminKey));
      expect(res.body.items.map((u: { id: string }) => u.id)).toEqual([w.users.countyA1.id]);
      const byUnit = await app.http
        .get('/api/admin/users')
        .query({ orgUnitId: w.orgs.countyA1.id })
        .set(auth(adminKey));
      expect(byUnit.body.items.map((u: { id: string }) => u.id).sort()).toEqual(
        [w.users.countyA1.id, admins.adminCounty.id].sort(),
      );
      const paged = await app.http.get('/api/admin/users').query({ pageSize: 1, page: 1 }).set(auth(adminKey));
      expect(paged.body.items).toHaveLength(1);
      expect(paged.body.total).toBeGreaterThan(1);
    });
  });

  describe.each(['drafterA1x', 'countyA1', 'prefectureA', 'region'] as const)('non-admin %s', (key) => {
    it('gets 403 on every account route inside its scope, 404 outside', async () => {
      const self = w.users[key];
      const [list, get, patch, reset, create] = await Promise.all([
        app.http.get('/api/admin/users').set(auth(key)),
        app.http.get(`/api/admin/users/${self.id}`).set(auth(key)),
        app.http.patch(`/api/admin/users/${self.id}`).set(auth(key)).send({ displayName: 'x' }),
        app.http.post(`/api/admin/users/${self.id}/reset-password`).set(auth(key)),
        app.http
          .post('/api/admin/users')
          .set(auth(key))
          .send({
            username: unique('x'),
            displayName: 'x',
            role: 'township_drafter',
            orgUnitId: w.orgs.townA1x.id,
          }),
      ]);
      expect([list.status, get.status, patch.status, reset.status]).toEqual([403, 403, 403, 403]);
      expect(list.body.code).toBe('FORBIDDEN');
      // townA1x is in everyone's scope here but the drafter's own township is the drafter's only.
      expect(create.status).toBe(403);
      if (key !== 'region') {
        const outside = await app.http.get(`/api/admin/users/${admins.adminRegion.id}`).set(auth(key));
        expect(outside.status).toBe(404);
      }
    });
  });

  describe('validation: the exact code, nothing written', () => {
    const cases: [string, (x: World) => object, number, string][] = [
      [
        'a drafter in a county',
        (x) => ({ role: 'township_drafter', orgUnitId: x.orgs.countyA1.id }),
        422,
        'ROLE_LEVEL_MISMATCH',
      ],
      [
        'a county reviewer in a township',
        (x) => ({ role: 'county_reviewer', orgUnitId: x.orgs.townA1x.id }),
        422,
        'ROLE_LEVEL_MISMATCH',
      ],
      ['an admin in a township', (x) => ({ role: 'admin', orgUnitId: x.orgs.townA1x.id }), 422, 'ROLE_LEVEL_MISMATCH'],
      [
        'a taken user name in other case',
        (x) => ({ username: x.users.drafterA1x.username.toUpperCase() }),
        409,
        'DUPLICATE',
      ],
      ['a user name with spaces', () => ({ username: 'a b c' }), 400, 'VALIDATION_FAILED'],
      ['a short user name', () => ({ username: 'ab' }), 400, 'VALIDATION_FAILED'],
      ['a bad email', () => ({ email: 'not-an-email' }), 400, 'VALIDATION_FAILED'],
      ['an unknown role', () => ({ role: 'superuser' }), 400, 'VALIDATION_FAILED'],
      ['no display name', () => ({ displayName: ' ' }), 400, 'VALIDATION_FAILED'],
      [
        'a unit that does not exist',
        () => ({ orgUnitId: '00000000-0000-4000-8000-000000000000' }),
        404,
        'ORG_UNIT_NOT_FOUND',
      ],
    ];
    it.each(cases)('%s', async (_label, override, status, code) => {
      const before = await counts(app);
      const res = await app.http
        .post('/api/admin/users')
        .set(auth('adminRegion'))
        .send({
          username: unique('v'),
          displayName: '某人',
          role: 'township_drafter',
          orgUnitId: w.orgs.townA1x.id,
          ...override(w),
        });
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
      expect(await counts(app)).toEqual(before);
    });

    it('a role change must fit the unit, and so must a move', async () => {
      const user = await createUser(app.db, 'township_drafter', w.orgs.townA1y);
      const role = await app.http
        .patch(`/api/admin/users/${user.id}`)
        .set(auth('adminCounty'))
        .send({ role: 'county_reviewer' });
      expect(role.status).toBe(422);
      expect(role.body.code).toBe('ROLE_LEVEL_MISMATCH');
      const both = await app.http
        .patch(`/api/admin/users/${user.id}`)
        .set(auth('adminCounty'))
        .send({ role: 'county_reviewer', orgUnitId: w.orgs.countyA1.id });
      expect(both.status).toBe(200);
      expect(both.body).toMatchObject({ role: 'county_reviewer', orgUnit: { id: w.orgs.countyA1.id } });
      const away = await app.http
        .patch(`/api/admin/users/${user.id}`)
        .set(auth('adminCounty'))
        .send({ orgUnitId: w.orgs.countyA2.id });
      expect(away.status).toBe(404);
      expect(away.body.code).toBe('ORG_UNIT_NOT_FOUND');
    });
  });

  describe('disabling and resetting', () => {
    it('a disabled account’s existing token is refused on the next request; enabling lets it log in again', async () => {
      const user = await createUser(app.db, 'township_drafter', w.orgs.townA1x);
      const token = await bearer(app, user.username);
      expect((await app.http.get('/api/lists').set('Authorization', token)).status).toBe(200);
      const res = await app.http
        .patch(`/api/admin/users/${user.id}`)
        .set(auth('adminCounty'))
        .send({ isActive: false });
      expect(res.status).toBe(200);
      expect(res.body.isActive).toBe(false);
      const refused = await app.http.get('/api/lists').set('Authorization', token);
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('UNAUTHENTICATED');
      const [{ open }] = await app.db.query(
        `SELECT count(*)::int AS open FROM user_sessions WHERE user_id = $1 AND revoked_at IS NULL`,
        [user.id],
      );
      expect(open).toBe(0);
      expect((await login(app, user.username, 'test-password-1')).status).toBe(401);
      const enable = await app.http
        .patch(`/api/admin/users/${user.id}`)
        .set(auth('adminCounty'))
        .send({ isActive: true });
      expect(enable.status).toBe(200);
      // The old token stays dead (its session ended); a new login works.
      expect((await app.http.get('/api/lists').set('Authorization', token)).status).toBe(401);
      expect((await login(app, user.username, 'test-password-1')).status).toBe(200);
      const actions = await app.db.query(`SELECT action, actor_id FROM admin_events WHERE target_id = $1 ORDER BY id`, [
        user.id,
      ]);
      expect(actions).toEqual([
        { action: 'user.disable', actor_id: admins.adminCounty.id },
        { action: 'user.enable', actor_id: admins.adminCounty.id },
      ]);
    });

    it('reset password: a new one-time password, the old one and every session end, the change is forced', async () => {
      const user = await createUser(app.db, 'county_reviewer', w.orgs.countyA1);
      const token = await bearer(app, user.username);
      const res = await app.http.post(`/api/admin/users/${user.id}/reset-password`).set(auth('adminPrefecture'));
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ id: user.id, mustChangePassword: true });
      expect((await app.http.get('/api/auth/me').set('Authorization', token)).status).toBe(401);
      expect((await login(app, user.username, 'test-password-1')).status).toBe(401);
      expect((await login(app, user.username, res.body.oneTimePassword)).status).toBe(200);
      const [row] = await app.db.query(`SELECT must_change_password FROM users WHERE id = $1`, [user.id]);
      expect(row.must_change_password).toBe(true);
      const [event] = await app.db.query(
        `SELECT action, org_unit_id, summary FROM admin_events WHERE target_id = $1 ORDER BY id DESC LIMIT 1`,
        [user.id],
      );
      expect(event).toMatchObject({ action: 'user.reset_password', org_unit_id: w.orgs.countyA1.id });
      expect(JSON.stringify(event)).not.toContain(res.body.oneTimePassword);
      // Two resets never give the same password.
      const again = await app.http.post(`/api/admin/users/${user.id}/reset-password`).set(auth('adminPrefecture'));
      expect(again.body.oneTimePassword).not.toBe(res.body.oneTimePassword);
    });

    it.each([
      ['disable themselves', { isActive: false }],
      ['demote themselves', { role: 'county_reviewer' }],
    ])('an admin cannot %s', async (_label, body) => {
      const before = await counts(app);
      const res = await app.http.patch(`/api/admin/users/${admins.adminCounty.id}`).set(auth('adminCounty')).send(body);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('SELF_CHANGE_FORBIDDEN');
      expect(await counts(app)).toEqual(before);
    });

    it('an admin cannot move themselves inside their subtree, nor reset their own password; editing their name is fine', async () => {
      const move = await app.http
        .patch(`/api/admin/users/${admins.adminPrefecture.id}`)
        .set(auth('adminPrefecture'))
        .send({ orgUnitId: w.orgs.countyA1.id });
      expect(move.status).toBe(403);
      expect(move.body.code).toBe('SELF_CHANGE_FORBIDDEN');
      const reset = await app.http
        .post(`/api/admin/users/${admins.adminPrefecture.id}/reset-password`)
        .set(auth('adminPrefecture'));
      expect(reset.status).toBe(403);
      expect(reset.body.code).toBe('SELF_CHANGE_FORBIDDEN');
      const name = await app.http
        .patch(`/api/admin/users/${admins.adminPrefecture.id}`)
        .set(auth('adminPrefecture'))
        .send({ displayName: '州管理员', email: 'admin@example.com' });
      expect(name.status).toBe(200);
      expect(name.body).toMatchObject({ displayName: '州管理员', email: 'admin@example.com', role: 'admin' });
    });

    it('the region admin disables a prefecture admin; the county admin cannot even see them', async () => {
      const hidden = await app.http
        .patch(`/api/admin/users/${admins.adminPrefecture.id}`)
        .set(auth('adminCounty'))
        .send({ isActive: false });
      expect(hidden.status).toBe(404);
      const other = await createUser(app.db, 'admin', w.orgs.prefA);
      const res = await app.http
        .patch(`/api/admin/users/${other.id}`)
        .set(auth('adminRegion'))
        .send({ isActive: false });
      expect(res.status).toBe(200);
    });
  });

  it('the admin trail lists account changes of the subtree, newest first', async () => {
    const unit = await createOrgUnit(app.db, 'township', w.orgs.countyA1);
    const created = await app.http
      .post('/api/admin/users')
      .set(auth('adminCounty'))
      .send({
        username: unique('trail'),
        displayName: '日志人',
        role: 'township_drafter',
        orgUnitId: unit.id,
      });
    await app.http.post(`/api/admin/users/${created.body.user.id}/reset-password`).set(auth('adminCounty'));
    const res = await app.http
      .get('/api/admin/audit')
      .query({ targetType: 'user', targetId: created.body.user.id })
      .set(auth('adminCounty'));
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual(['user.reset_password', 'user.create']);
    expect(res.body.items[1].summary).toBe(
      `新建账号“${created.body.user.username}”（日志人，乡镇起草人，${unit.name}）`,
    );
    const elsewhere = await app.http
      .get('/api/admin/audit')
      .query({ targetId: created.body.user.id })
      .set(auth('adminCounty'));
    expect(elsewhere.body.total).toBe(2);
    const bad = await app.http.get('/api/admin/audit').query({ targetType: 'planet' }).set(auth('adminCounty'));
    expect(bad.status).toBe(400);
  });
});
