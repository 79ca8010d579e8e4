import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../backend/src/config/configuration';
import type { OrgUnitEntity } from '../../backend/src/modules/org-units/org-unit.entity';
import { bearer } from '../support/auth';
import { createOrgUnit, createUser } from '../support/factories';
import { freePort } from '../support/notification-harness';
import { startTestApp, type TestApp } from '../support/test-app';

interface Received {
  path: string;
  body: { msgtype: string; markdown: { content?: string; text?: string; title?: string } };
}

/**
 * A group-robot stand-in on 127.0.0.1: `/ok…` takes the message, `/broken` answers HTTP 500,
 * `/refuse` answers errcode 93000 (a robot whose key was revoked), `/redirect` points at the metadata address.
 */
async function startRobot() {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      if (path === '/broken') {
        res.writeHead(500).end('robot exploded');
        return;
      }
      if (path === '/redirect') {
        res.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data/' }).end();
        return;
      }
      received.push({ path, body: JSON.parse(Buffer.concat(chunks).toString()) as Received['body'] });
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(path === '/refuse' ? { errcode: 93000, errmsg: 'invalid webhook url' } : { errcode: 0 }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('notification robots: admins within their scope, safe URLs, test message', () => {
  let app: TestApp;
  let robot: Awaited<ReturnType<typeof startRobot>>;
  const org = {} as Record<
    'region' | 'prefA' | 'prefB' | 'countyA' | 'countyA2' | 'countyB' | 'townA' | 'townB',
    OrgUnitEntity
  >;
  const token = {} as Record<'regionAdmin' | 'prefAdmin' | 'countyAdmin' | 'reviewer' | 'drafter', string>;

  const put = (who: keyof typeof token, orgUnitId: string, body: object) =>
    app.http.put(`/api/notifications/webhooks/${orgUnitId}`).set('Authorization', token[who]).send(body);
  const del = (who: keyof typeof token, orgUnitId: string) =>
    app.http.delete(`/api/notifications/webhooks/${orgUnitId}`).set('Authorization', token[who]);
  const test = (who: keyof typeof token, orgUnitId: string) =>
    app.http.post(`/api/notifications/webhooks/${orgUnitId}/test`).set('Authorization', token[who]);
  const list = async (who: keyof typeof token) =>
    (await app.http.get('/api/notifications/webhooks').set('Authorization', token[who]).expect(200)).body as {
      orgUnit: { id: string };
      url: string;
    }[];
  const stored = async (orgUnitId: string) =>
    (await app.db.query(`SELECT * FROM notification_webhooks WHERE org_unit_id = $1`, [orgUnitId]))[0] as
      { url: string; provider: string; secret: string | null; enabled: boolean } | undefined;
  const trail = async (orgUnitId: string) =>
    (await app.db.query(
      `SELECT action, actor_id, summary, details FROM admin_events WHERE org_unit_id = $1 ORDER BY id`,
      [orgUnitId],
    )) as { action: string; actor_id: string; summary: string; details: Record<string, unknown> }[];

  beforeAll(async () => {
    robot = await startRobot();
    // Only the local robot's address is allow-listed: everything else non-public stays refused.
    app = await startTestApp({
      seedDemo: false,
      config: loadConfig({ ...process.env, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' }),
    });
    const db = app.db;
    org.region = await createOrgUnit(db, 'region', null);
    org.prefA = await createOrgUnit(db, 'prefecture', org.region);
    org.prefB = await createOrgUnit(db, 'prefecture', org.region);
    org.countyA = await createOrgUnit(db, 'county', org.prefA);
    org.countyA2 = await createOrgUnit(db, 'county', org.prefA);
    org.countyB = await createOrgUnit(db, 'county', org.prefB);
    org.townA = await createOrgUnit(db, 'township', org.countyA);
    org.townB = await createOrgUnit(db, 'township', org.countyB);
    const users = {
      regionAdmin: await createUser(db, 'admin', org.region),
      prefAdmin: await createUser(db, 'admin', org.prefA),
      countyAdmin: await createUser(db, 'admin', org.countyA),
      reviewer: await createUser(db, 'county_reviewer', org.countyA),
      drafter: await createUser(db, 'township_drafter', org.townA),
    };
    for (const [key, user] of Object.entries(users))
      token[key as keyof typeof token] = await bearer(app, user.username);
  });
  afterAll(async () => {
    await app?.close();
    await robot?.close();
  });

  it('GET /api/auth/me says who may manage robots', async () => {
    for (const who of ['regionAdmin', 'prefAdmin', 'countyAdmin'] as const) {
      const me = await app.http.get('/api/auth/me').set('Authorization', token[who]).expect(200);
      expect(me.body.can).toMatchObject({ manageWebhooks: true });
    }
    for (const who of ['reviewer', 'drafter'] as const) {
      const me = await app.http.get('/api/auth/me').set('Authorization', token[who]).expect(200);
      expect(me.body.can).toMatchObject({ manageWebhooks: false });
    }
  });

  it('non-admins get 403 on every robot route', async () => {
    for (const who of ['reviewer', 'drafter'] as const) {
      await app.http.get('/api/notifications/webhooks').set('Authorization', token[who]).expect(403);
      await put(who, org.townA.id, { provider: 'wecom', url: robot.url('/ok') }).expect(403);
      await del(who, org.townA.id).expect(403);
      await test(who, org.townA.id).expect(403);
    }
    expect(await stored(org.townA.id)).toBeUndefined();
  });

  /** For each admin level, the org units inside (works) and outside (404) its subtree. */
  const SCOPE: Record<
    'regionAdmin' | 'prefAdmin' | 'countyAdmin',
    { inside: (keyof typeof org)[]; outside: (keyof typeof org)[] }
  > = {
    regionAdmin: { inside: ['region', 'prefB', 'countyB', 'townB'], outside: [] },
    prefAdmin: { inside: ['prefA', 'countyA2', 'townA'], outside: ['region', 'prefB', 'countyB', 'townB'] },
    countyAdmin: { inside: ['countyA', 'townA'], outside: ['region', 'prefA', 'countyA2', 'prefB', 'townB'] },
  };

  describe.each(Object.keys(SCOPE) as (keyof typeof SCOPE)[])('%s', (who) => {
    it('sets, tests and deletes robots inside its subtree', async () => {
      for (const key of SCOPE[who].inside) {
        const id = org[key].id;
        const saved = await put(who, id, { provider: 'wecom', url: robot.url(`/ok/${key}?key=0123456789abcdef`) });
        expect(saved.status).toBe(200);
        expect(saved.body).toMatchObject({ orgUnit: { id, name: org[key].name }, provider: 'wecom', enabled: true });
        expect(saved.body.url).toBe(robot.url(`/ok/${key}?key=0123****cdef`));
        expect((await list(who)).map((h) => h.orgUnit.id)).toContain(id);
        const before = robot.received.length;
        const tested = await test(who, id).expect(200);
        expect(tested.body).toEqual({ ok: true, httpStatus: 200, message: '测试消息已送达' });
        expect(robot.received.length).toBe(before + 1);
        await del(who, id).expect(204);
        expect(await stored(id)).toBeUndefined();
        expect((await trail(id)).map((e) => e.action)).toEqual(
          expect.arrayContaining(['save_webhook', 'test_webhook', 'delete_webhook']),
        );
      }
    });

    it('outside its subtree every route is 404 and nothing is written', async () => {
      for (const key of SCOPE[who].outside) {
        const id = org[key].id;
        await app.db.query(
          `INSERT INTO notification_webhooks (org_unit_id, provider, url) VALUES ($1, 'wecom', $2)
           ON CONFLICT (org_unit_id) DO NOTHING`,
          [id, robot.url(`/ok/outside-${key}`)],
        );
        const events = (await trail(id)).length;
        const before = robot.received.length;
        const res = await put(who, id, { provider: 'dingtalk', url: robot.url('/ok/hijack') });
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('ORG_UNIT_NOT_FOUND');
        await del(who, id).expect(404);
        await test(who, id).expect(404);
        expect(robot.received.length).toBe(before);
        expect((await list(who)).map((h) => h.orgUnit.id)).not.toContain(id);
        expect(await stored(id)).toMatchObject({ provider: 'wecom', url: robot.url(`/ok/outside-${key}`) });
        expect((await trail(id)).length).toBe(events);
        await app.db.query(`DELETE FROM notification_webhooks WHERE org_unit_id = $1`, [id]);
      }
    });
  });

  it('refuses unsafe URLs with 400 and a Chinese message, and saves nothing', async () => {
    const id = org.townA.id;
    const eventsBefore = (await trail(id)).length;
    const unsafe = [
      'http://127.0.0.2/send',
      'http://2130706434/send', // 127.0.0.2 in decimal
      'http://0x7f.2/send', // 127.0.0.2 in hex
      'http://0177.0.0.2/send', // in octal
      'http://[::1]/send',
      'http://[::ffff:127.0.0.2]/send',
      'http://[::ffff:a9fe:a9fe]/latest/meta-data', // 169.254.169.254, IPv4-mapped
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.8/send',
      'https://172.20.1.1/send',
      'http://192.168.1.10/cgi-bin/webhook/send?key=x',
      'http://100.64.0.1/send',
      'http://[fd00::1]/send',
      'http://[fe80::1]/send',
      'http://0.0.0.0/send',
      'http://224.0.0.251/send',
    ];
    for (const url of unsafe) {
      const res = await put('regionAdmin', id, { provider: 'wecom', url });
      expect({ url, status: res.status, code: res.body.code }).toEqual({
        url,
        status: 400,
        code: 'WEBHOOK_URL_UNSAFE',
      });
      expect(res.body.message).toMatch(/非公网地址/);
    }
    const ftp = await put('regionAdmin', id, { provider: 'wecom', url: 'ftp://example.com/send' });
    expect(ftp.status).toBe(400);
    expect(ftp.body.message).toContain('http:// 或 https://');
    const unresolvable = await put('regionAdmin', id, { provider: 'wecom', url: 'https://robot.invalid/send' });
    expect(unresolvable.status).toBe(400);
    expect(unresolvable.body.message).toContain('无法解析');
    const missing = await put('regionAdmin', id, { provider: 'wecom' });
    expect(missing.status).toBe(400);
    expect(await stored(id)).toBeUndefined();
    expect((await trail(id)).length).toBe(eventsBefore);

    // A saved robot keeps its URL when an unsafe one is refused.
    await put('regionAdmin', id, { provider: 'wecom', url: robot.url('/ok/kept') }).expect(200);
    await put('regionAdmin', id, { provider: 'wecom', url: 'http://169.254.169.254/' }).expect(400);
    expect((await stored(id))?.url).toBe(robot.url('/ok/kept'));
    // Omitting the URL keeps the stored one; the secret is kept until it is replaced or cleared.
    await put('regionAdmin', id, { provider: 'dingtalk', secret: 'SECkept', enabled: false }).expect(200);
    expect(await stored(id)).toMatchObject({
      url: robot.url('/ok/kept'),
      provider: 'dingtalk',
      secret: 'SECkept',
      enabled: false,
    });
    const again = await put('regionAdmin', id, { provider: 'dingtalk', enabled: true }).expect(200);
    expect(again.body).toMatchObject({ hasSecret: true, enabled: true });
    expect(JSON.stringify(again.body)).not.toContain('SECkept');
    await del('regionAdmin', id).expect(204);
  });

  it('the test message reaches the robot, signed for DingTalk, and the trail records it', async () => {
    const id = org.countyA.id;
    await put('countyAdmin', id, {
      provider: 'dingtalk',
      url: robot.url('/ok/dingtalk?access_token=abc'),
      secret: 'SECtest',
      enabled: false,
    }).expect(200);
    const before = robot.received.length;
    const res = await test('countyAdmin', id).expect(200);
    expect(res.body).toMatchObject({ ok: true });
    const got = robot.received.slice(before);
    expect(got).toHaveLength(1);
    expect(got[0].body.msgtype).toBe('markdown');
    expect(got[0].body.markdown.title).toBe('测试消息');
    expect(got[0].body.markdown.text).toContain(org.countyA.name);
    const events = await trail(id);
    expect(events.at(-1)).toMatchObject({
      action: 'test_webhook',
      details: expect.objectContaining({ ok: true, provider: 'dingtalk', hasSecret: true }),
    });
    expect(JSON.stringify(events)).not.toContain('SECtest');
    expect(JSON.stringify(events)).not.toContain('access_token=abc');
    await del('countyAdmin', id).expect(204);
  });

  it('a failing robot is reported with its status or error text, never a 500', async () => {
    const id = org.townA.id;
    const eventsBefore = (await trail(id)).length;
    const closedPort = await freePort();
    const cases: [string, { ok: false; httpStatus: number | null; message: RegExp }][] = [
      [robot.url('/broken'), { ok: false, httpStatus: 500, message: /HTTP 500.*robot exploded/ }],
      [robot.url('/refuse'), { ok: false, httpStatus: 200, message: /errcode 93000 invalid webhook url/ }],
      [robot.url('/redirect'), { ok: false, httpStatus: 302, message: /重定向/ }],
      [`http://127.0.0.1:${closedPort}/send`, { ok: false, httpStatus: null, message: /拒绝连接/ }],
    ];
    for (const [url, expected] of cases) {
      await put('prefAdmin', id, { provider: 'wecom', url }).expect(200);
      const res = await test('prefAdmin', id);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...expected, message: expect.stringMatching(expected.message) });
    }
    const events = (await trail(id)).slice(eventsBefore);
    expect(events.filter((e) => e.action === 'test_webhook').map((e) => e.details.ok)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    await del('prefAdmin', id).expect(204);
    // No robot: 404, not a test.
    await test('prefAdmin', id).expect(404);
  });
});
