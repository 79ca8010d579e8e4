import { startTestApp, type TestApp } from '../support/test-app';
import { createOrgUnit, createUser, TEST_PASSWORD, unique } from '../support/factories';

describe('auth, health and platform (whole app over HTTP)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  it('logs a user in with argon2 and returns a JWT with the user, role and org path', async () => {
    const region = await createOrgUnit(app.db, 'region', null);
    const county = await createOrgUnit(app.db, 'county', await createOrgUnit(app.db, 'prefecture', region));
    const user = await createUser(app.db, 'county_reviewer', county);
    const res = await app.http.post('/api/auth/login').send({ username: user.username, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.body.user).toMatchObject({
      username: user.username,
      role: 'county_reviewer',
      orgUnit: { id: county.id, level: 'county' },
    });
    expect(res.body.user.orgPath.map((o: { level: string }) => o.level)).toEqual(['region', 'prefecture', 'county']);

    const me = await app.http.get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(user.id);
  });

  it('refuses a wrong password and an unknown user with the same Chinese message', async () => {
    const region = await createOrgUnit(app.db, 'region', null);
    const user = await createUser(app.db, 'region_reviewer', region);
    const wrong = await app.http.post('/api/auth/login').send({ username: user.username, password: 'nope' });
    const unknown = await app.http.post('/api/auth/login').send({ username: unique('ghost'), password: 'nope' });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    }
  });

  it('rejects a malformed login body with 400 and the field', async () => {
    const res = await app.http.post('/api/auth/login').send({ username: '' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toContain('请输入用户名');
  });

  it('rate-limits login attempts per user name: the 11th within a minute gets 429', async () => {
    const username = unique('brute');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      statuses.push((await app.http.post('/api/auth/login').send({ username, password: 'x' })).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    const other = await app.http.post('/api/auth/login').send({ username: 'biliuhe', password: 'demo1234' });
    expect(other.status).toBe(200);
  });

  it('answers 401 without a token or with a forged one', async () => {
    const none = await app.http.get('/api/lists');
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
    const forged = await app.http.get('/api/lists').set('Authorization', 'Bearer abc.def.ghi');
    expect(forged.status).toBe(401);
  });

  it('lists the demo accounts in demo mode, with their roles and org units', async () => {
    const res = await app.http.get('/api/auth/demo-accounts');
    expect(res.status).toBe(200);
    expect(res.body.enabled).toBe(true);
    const roles = new Set(res.body.accounts.map((a: { role: string }) => a.role));
    expect(roles).toEqual(
      new Set(['admin', 'region_reviewer', 'prefecture_reviewer', 'county_reviewer', 'township_drafter']),
    );
    expect(res.body.accounts).toContainEqual(
      expect.objectContaining({ username: 'biliuhe', password: 'demo1234', orgName: '碧流河镇' }),
    );
  });

  it('reports PostgreSQL and Redis in /api/health', async () => {
    const res = await app.http.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', postgres: { ok: true }, redis: { ok: true } });
  });

  it('serves the OpenAPI document generated from the zod contracts', async () => {
    const res = await app.http.get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/lists/{listId}/items/{itemId}']),
    );
    const body =
      res.body.paths['/api/lists/{listId}/items/{itemId}'].patch.requestBody.content['application/json'].schema;
    expect(body.required).toContain('version');
  });

  it('answers unknown API routes with the error shape', async () => {
    const res = await app.http.get('/api/nope');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('seeds the demo lists from the four sample documents with their exact counts', async () => {
    const token = (await app.http.post('/api/auth/login').send({ username: 'xinjiang', password: 'demo1234' })).body
      .accessToken;
    const res = await app.http.get('/api/lists').set('Authorization', `Bearer ${token}`);
    const byTownship = Object.fromEntries(
      res.body
        .filter((l: { edition: number }) => l.edition === 2025)
        .map((l: { township: { name: string }; counts: unknown }) => [l.township.name, l.counts]),
    );
    expect(byTownship).toMatchObject({
      碧流河镇: { basic: 109, cooperative: 98, revoked: 37 },
      三台镇: { basic: 108, cooperative: 102, revoked: 31 },
      阿合奇镇: { basic: 119, cooperative: 127, revoked: 63 },
      白杨河乡: { basic: 106, cooperative: 102, revoked: 37 },
    });
    const aheqi = res.body.find((l: { township: { name: string } }) => l.township.name === '阿合奇镇');
    const detail = await app.http.get(`/api/lists/${aheqi.id}`).set('Authorization', `Bearer ${token}`);
    expect(detail.body.explanation).toMatchObject({ area: '1457.56 平方公里', villages: '3 个行政村，3 个社区' });
  });
});
