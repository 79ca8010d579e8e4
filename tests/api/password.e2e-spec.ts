import { startTestApp, type TestApp } from '../support/test-app';
import { createOrgUnit, createUser, TEST_PASSWORD } from '../support/factories';
import { UserEntity } from '../../backend/src/modules/users/user.entity';
import { AdminEventEntity } from '../../backend/src/modules/admin-audit/admin-event.entity';

const NEW_PASSWORD = 'Tianshan-2026-duty';

describe('accounts: password change, forced change, logout, last login', () => {
  let app: TestApp;
  let region: Awaited<ReturnType<typeof createOrgUnit>>;

  beforeAll(async () => {
    app = await startTestApp({ seedDemo: false });
    region = await createOrgUnit(app.db, 'region', null);
  });
  afterAll(() => app?.close());

  const login = (username: string, password = TEST_PASSWORD) =>
    app.http.post('/api/auth/login').send({ username, password });
  const token = async (username: string, password = TEST_PASSWORD) => {
    const res = await login(username, password);
    expect(res.status).toBe(200);
    return `Bearer ${res.body.accessToken as string}`;
  };
  const change = (auth: string, currentPassword: string, newPassword: string) =>
    app.http.post('/api/auth/change-password').set('Authorization', auth).send({ currentPassword, newPassword });

  it('refuses a wrong current password and changes nothing', async () => {
    const user = await createUser(app.db, 'region_reviewer', region);
    const auth = await token(user.username);
    const res = await change(auth, 'not-my-password', NEW_PASSWORD);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ statusCode: 400, code: 'CURRENT_PASSWORD_WRONG', message: '当前密码不正确' });
    expect((await login(user.username)).status).toBe(200);
  });

  it('refuses each policy violation with its Chinese reason', async () => {
    const user = await createUser(app.db, 'region_reviewer', region);
    const auth = await token(user.username);
    const cases: [string, string][] = [
      ['Ab1', '密码至少 10 个字符'],
      ['tianshanduty', '密码须同时包含字母和数字'],
      [`${user.username}-X9`, '密码不能包含用户名'],
      ['woaini1314520', '密码过于常见，容易被猜中，请换一个'],
      ['qwerty123456', '密码过于常见，容易被猜中，请换一个'],
      [TEST_PASSWORD, '新密码不能与当前密码相同'],
    ];
    for (const [newPassword, reason] of cases) {
      const res = await change(auth, TEST_PASSWORD, newPassword);
      expect({ newPassword, status: res.status, code: res.body.code }).toEqual({
        newPassword,
        status: 400,
        code: 'WEAK_PASSWORD',
      });
      expect(res.body.details.problems).toContain(reason);
      expect(res.body.message).toContain(reason);
    }
    const empty = await change(auth, TEST_PASSWORD, '');
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await login(user.username)).status).toBe(200); // still the old password
  });

  it('changes the password: other sessions end, this one goes on, the old password is refused, the trail has it', async () => {
    const user = await createUser(app.db, 'county_reviewer', region);
    const other = await token(user.username);
    const mine = await token(user.username);
    const res = await change(mine, TEST_PASSWORD, NEW_PASSWORD);
    expect(res.status).toBe(204);

    expect((await app.http.get('/api/auth/me').set('Authorization', mine)).status).toBe(200);
    const ended = await app.http.get('/api/auth/me').set('Authorization', other);
    expect(ended.status).toBe(401);
    expect(ended.body.code).toBe('UNAUTHENTICATED');

    const old = await login(user.username);
    expect(old.status).toBe(401);
    expect(old.body.code).toBe('INVALID_CREDENTIALS');
    expect((await login(user.username, NEW_PASSWORD)).status).toBe(200);

    const stored = await app.db.getRepository(UserEntity).findOneByOrFail({ id: user.id });
    expect(stored.passwordChangedAt).not.toBeNull();
    const events = await app.db.getRepository(AdminEventEntity).findBy({ targetId: user.id });
    expect(events).toEqual([
      expect.objectContaining({
        action: 'password_changed',
        targetType: 'user',
        actorId: user.id,
        orgUnitId: region.id,
      }),
    ]);
  });

  it('a one-time password: login and me say so, every other route answers 403 until it is changed', async () => {
    const user = await createUser(app.db, 'region_reviewer', region);
    await app.db.getRepository(UserEntity).update({ id: user.id }, { mustChangePassword: true });

    const res = await login(user.username);
    expect(res.status).toBe(200);
    expect(res.body.user.mustChangePassword).toBe(true);
    const auth = `Bearer ${res.body.accessToken as string}`;

    const me = await app.http.get('/api/auth/me').set('Authorization', auth);
    expect(me.status).toBe(200);
    expect(me.body.mustChangePassword).toBe(true);
    for (const path of ['/api/lists', '/api/me/tasks', '/api/notifications']) {
      const blocked = await app.http.get(path).set('Authorization', auth);
      expect({ path, status: blocked.status, body: blocked.body }).toEqual({
        path,
        status: 403,
        body: { statusCode: 403, code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改初始密码，再继续使用系统' },
      });
    }

    // The routes that read the token themselves (the notification stream, the queue board) refuse it too.
    const stream = await app.http.get('/api/notifications/stream').set('Authorization', auth);
    expect(stream.status).toBe(403);
    expect(stream.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const board = await app.http.get('/admin/queues').set('Authorization', auth);
    expect(board.status).toBe(403);
    expect(board.body.code).toBe('PASSWORD_CHANGE_REQUIRED');

    expect((await change(auth, TEST_PASSWORD, NEW_PASSWORD)).status).toBe(204);
    const after = await app.http.get('/api/auth/me').set('Authorization', auth);
    expect(after.body.mustChangePassword).toBe(false);
    expect((await app.http.get('/api/lists').set('Authorization', auth)).status).toBe(200);
    const again = await login(user.username, NEW_PASSWORD);
    expect(again.body.user.mustChangePassword).toBe(false);
  });

  it('a user with a one-time password may still log out', async () => {
    const user = await createUser(app.db, 'region_reviewer', region);
    await app.db.getRepository(UserEntity).update({ id: user.id }, { mustChangePassword: true });
    const auth = await token(user.username);
    expect((await app.http.post('/api/auth/logout').set('Authorization', auth)).status).toBe(204);
    expect((await app.http.get('/api/auth/me').set('Authorization', auth)).status).toBe(401);
  });

  it('logout ends the session: the same token is refused afterwards, other sessions go on', async () => {
    const user = await createUser(app.db, 'region_reviewer', region);
    const first = await token(user.username);
    const second = await token(user.username);
    expect((await app.http.post('/api/auth/logout').set('Authorization', first)).status).toBe(204);
    const res = await app.http.get('/api/lists').set('Authorization', first);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
    expect((await app.http.get('/api/auth/me').set('Authorization', second)).status).toBe(200);
  });

  it('returns the previous login as lastLoginAt (null on the first one)', async () => {
    const user = await createUser(app.db, 'region_reviewer', region);
    const first = await login(user.username);
    expect(first.body.user.lastLoginAt).toBeNull();
    const [{ created_at: firstAt }] = await app.db.query(
      'SELECT created_at FROM user_sessions WHERE user_id = $1 ORDER BY created_at',
      [user.id],
    );
    const second = await login(user.username);
    expect(second.body.user.lastLoginAt).toBe(new Date(firstAt).toISOString());
    const me = await app.http.get('/api/auth/me').set('Authorization', `Bearer ${second.body.accessToken as string}`);
    expect(me.body.lastLoginAt).toBe(new Date(firstAt).toISOString());
    // Seen from the first session, there was no login before it.
    const meFirst = await app.http
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${first.body.accessToken as string}`);
    expect(meFirst.body.lastLoginAt).toBeNull();
  });
});
