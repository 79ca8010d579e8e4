import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { loadConfig, type AppConfig } from '../../backend/src/config/configuration';
import { startTestApp, type TestApp } from '../support/test-app';
import { createOrgUnit, createUser, TEST_PASSWORD, unique } from '../support/factories';

const ROOT = resolve(__dirname, '..', '..');
const OLD_DEFAULT = 'dev-only-secret-change-me';

/** What `npm start` does for the key: infra/scripts/jwt-secret.mjs, run as start.mjs runs it (an ES module). */
function resolveAsStartDoes(dataDir: string, env: Record<string, string> = {}): { secret: string; source: string } {
  const script =
    `const { resolveJwtSecret } = await import(${JSON.stringify(join(ROOT, 'infra/scripts/jwt-secret.mjs'))});` +
    `const r = resolveJwtSecret({ env: ${JSON.stringify(env)}, dataDir: ${JSON.stringify(dataDir)} });` +
    'process.stdout.write(JSON.stringify(r));';
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

/** Every secret-like literal in the tracked files: JWT_SECRET values, `secret: '…'`, strings naming a secret. */
function secretsInRepository(): string[] {
  const found = new Set<string>([OLD_DEFAULT]);
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  const patterns = [
    /JWT_SECRET['"]?\s*[=:]\s*['"`]?([^\s'"`,;)}]+)/g,
    /secret\w*['"]?\s*[:=]\s*['"`]([^'"`\n]{4,200})['"`]/gi,
    /['"`]([\w.:${}-]*secret[\w.:${}-]*)['"`]/gi,
    /password\w*['"]?\s*[:=]\s*['"`]([^'"`\n]{4,100})['"`]/gi,
  ];
  for (const file of files) {
    if (file.endsWith('package-lock.json') || /\.(png|jpe?g|gif|ico|docx|xlsx|pdf|woff2?)$/i.test(file)) continue;
    let text: string;
    try {
      if (statSync(join(ROOT, file)).size > 2_000_000) continue;
      text = readFileSync(join(ROOT, file), 'utf8');
    } catch {
      continue; // deleted in the work tree
    }
    for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.add(m[1]);
  }
  return [...found].filter((s) => s.length > 0);
}

function forgedNone(payload: object): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ ...payload, iat: Math.floor(Date.now() / 1000) })}.`;
}

describe('safe by default: the signing key of a default `npm start`', () => {
  let dataDir: string;
  let app: TestApp;
  let generated: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dutylist-secret-'));
    const first = resolveAsStartDoes(dataDir);
    expect(first.source).toBe('created');
    generated = first.secret;
    // Configured as start.mjs configures the API: the environment of the run, JWT_SECRET from the key file.
    const env: NodeJS.ProcessEnv = { ...process.env, JWT_SECRET: generated };
    app = await startTestApp({ seedDemo: false, config: loadConfig(env) });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('generates the key once into .data/jwt-secret, readable by its owner only, and reuses it', () => {
    const file = join(dataDir, 'jwt-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(generated.length).toBeGreaterThanOrEqual(32);
    const again = resolveAsStartDoes(dataDir);
    expect(again).toEqual({ secret: generated, source: 'reused', file });
    expect(resolveAsStartDoes(dataDir, { JWT_SECRET: 'from-the-environment-0123456789' })).toMatchObject({
      source: 'env',
      secret: 'from-the-environment-0123456789',
    });
  });

  it('the backend refuses to start without JWT_SECRET outside tests (no public default)', () => {
    for (const NODE_ENV of ['development', 'production']) {
      expect(() => loadConfig({ NODE_ENV })).toThrow(/JWT_SECRET is not set/);
    }
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });

  it('refuses with 401 a token forged with any secret found in the repository', async () => {
    const region = await createOrgUnit(app.db, 'region', null);
    const user = await createUser(app.db, 'region_reviewer', region);
    const login = await app.http.post('/api/auth/login').send({ username: user.username, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    const real = new JwtService().decode<{ sub: string; sid: string }>(login.body.accessToken);
    const payload = { sub: real.sub, sid: real.sid };

    // The control: a token signed with the installation's key and naming the open session is accepted.
    const genuine = new JwtService({ secret: generated }).sign(payload);
    expect((await app.http.get('/api/auth/me').set('Authorization', `Bearer ${genuine}`)).status).toBe(200);

    const candidates = secretsInRepository();
    expect(candidates).toEqual(expect.arrayContaining([OLD_DEFAULT, 'demo1234', TEST_PASSWORD]));
    expect(candidates).not.toContain(generated);
    const tokens = [
      forgedNone(payload),
      ...candidates.flatMap((secret) => [
        new JwtService({ secret }).sign(payload),
        new JwtService({ secret }).sign(payload, { algorithm: 'HS512' }),
      ]),
    ];
    for (const token of tokens) {
      const res = await app.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`);
      expect({ token, status: res.status, code: res.body.code }).toEqual({
        token,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
  });
});

/** Two API processes on one database and one Redis prefix: what two instances behind a balancer share. */
async function startPair(overrides: Partial<AppConfig> = {}): Promise<[TestApp, TestApp]> {
  const base = loadConfig({ ...process.env, LOGIN_ADDRESS_LIMIT: undefined });
  const config: AppConfig = {
    ...base,
    QUEUE_PREFIX: `${base.QUEUE_PREFIX}-throttle-${unique('p')}`,
    TRUST_PROXY: undefined,
    ...overrides,
  };
  const a = await startTestApp({ seedDemo: false, config });
  const b = await startTestApp({ seedDemo: false, config });
  return [a, b];
}

describe('login throttle in Redis, shared by API processes', () => {
  let a: TestApp;
  let b: TestApp;
  let region: Awaited<ReturnType<typeof createOrgUnit>>;

  beforeAll(async () => {
    // The spray limit per address is checked on a pair of its own below; here it would add up these tests.
    [a, b] = await startPair({ LOGIN_ADDRESS_LIMIT: 1000 });
    region = await createOrgUnit(a.db, 'region', null);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const attempt = (app: TestApp, username: string, password = 'wrong-password', xff?: string) => {
    const req = app.http.post('/api/auth/login');
    if (xff) req.set('X-Forwarded-For', xff);
    return req.send({ username, password });
  };

  it('counts failures on both processes: the 11th in a minute is refused on either, with Retry-After', async () => {
    const user = await createUser(a.db, 'region_reviewer', region);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) statuses.push((await attempt(i % 2 ? b : a, user.username)).status);
    expect(statuses).toEqual(Array(10).fill(401));
    for (const app of [a, b]) {
      const res = await attempt(app, user.username, TEST_PASSWORD); // even the right password now
      expect(res.status).toBe(429);
      expect(res.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
      expect(res.body.message).toMatch(/^登录失败次数过多，请 \d+ (秒|分钟)后再试$/);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
    }
  });

  it('does not reset when X-Forwarded-For rotates (no trusted proxy configured)', async () => {
    const user = await createUser(a.db, 'region_reviewer', region);
    for (let i = 0; i < 10; i += 1) {
      expect((await attempt(a, user.username, 'wrong-password', `198.51.100.${i}`)).status).toBe(401);
    }
    expect((await attempt(b, user.username, 'wrong-password', '198.51.100.99')).status).toBe(429);
    expect((await attempt(a, user.username, TEST_PASSWORD, '203.0.113.7')).status).toBe(429);
  });

  it('a successful login clears the name+address counter; failures on one name do not block another', async () => {
    const user = await createUser(a.db, 'region_reviewer', region);
    const other = await createUser(a.db, 'region_reviewer', region);
    for (let i = 0; i < 9; i += 1) expect((await attempt(a, user.username)).status).toBe(401);
    expect((await attempt(b, user.username, TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 10; i += 1) expect((await attempt(b, user.username)).status).toBe(401);
    expect((await attempt(a, user.username)).status).toBe(429);
    expect((await attempt(a, other.username, TEST_PASSWORD)).status).toBe(200);
  }, 120_000);
});

describe('login throttle: a password spray from one address', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    [a, b] = await startPair();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('refuses the address after 30 failures across many user names, whatever the name', async () => {
    const region = await createOrgUnit(a.db, 'region', null);
    const user = await createUser(a.db, 'region_reviewer', region);
    for (let i = 0; i < 30; i += 1) {
      const res = await (i % 2 ? b : a).http
        .post('/api/auth/login')
        .set('X-Forwarded-For', `192.0.2.${i}`)
        .send({ username: unique('spray'), password: 'Password123' });
      expect(res.status).toBe(401);
    }
    const next = await a.http.post('/api/auth/login').send({ username: unique('spray'), password: 'Password123' });
    expect(next.status).toBe(429);
    expect(Number(next.headers['retry-after'])).toBeGreaterThan(60); // the 10-minute window
    expect(
      (await b.http.post('/api/auth/login').send({ username: user.username, password: TEST_PASSWORD })).status,
    ).toBe(429);
  }, 240_000);
});

describe('login throttle behind a trusted proxy (TRUST_PROXY)', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    // A lower per-name limit across addresses than the default 30, to keep the test short on a busy machine.
    [a, b] = await startPair({ TRUST_PROXY: 'loopback', LOGIN_USERNAME_LIMIT: 12 });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('counts per forwarded client address, and per user name across addresses', async () => {
    const region = await createOrgUnit(a.db, 'region', null);
    const user = await createUser(a.db, 'region_reviewer', region);
    const login = (app: TestApp, xff: string, password = 'wrong-password') =>
      app.http.post('/api/auth/login').set('X-Forwarded-For', xff).send({ username: user.username, password });
    for (let i = 0; i < 10; i += 1) expect((await login(i % 2 ? a : b, '203.0.113.1')).status).toBe(401);
    expect((await login(a, '203.0.113.1')).status).toBe(429);
    // Another client behind the proxy is another address: not blocked by the first one's failures.
    expect((await login(b, '203.0.113.2')).status).toBe(401);
    expect((await login(a, '203.0.113.3', TEST_PASSWORD)).status).toBe(200);

    // A distributed guess: 12 failures on one name from ever new addresses, then the name is refused anywhere.
    const target = await createUser(a.db, 'region_reviewer', region);
    for (let i = 0; i < 12; i += 1) {
      const res = await (i % 2 ? a : b).http
        .post('/api/auth/login')
        .set('X-Forwarded-For', `100.64.0.${i}`)
        .send({ username: target.username, password: 'wrong-password' });
      expect(res.status).toBe(401);
    }
    const blocked = await a.http
      .post('/api/auth/login')
      .set('X-Forwarded-For', '100.64.1.1')
      .send({ username: target.username, password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
  }, 240_000);
});

describe('login throttle when Redis is down', () => {
  let app: TestApp;

  beforeAll(async () => {
    const base = loadConfig();
    // Nothing listens on port 1: the throttle fails open (logged), logins still answer.
    app = await startTestApp({ seedDemo: false, config: { ...base, REDIS_URL: 'redis://127.0.0.1:1' } });
  });
  afterAll(() => app?.close());

  it('fails open: logins are answered, not refused', async () => {
    const region = await createOrgUnit(app.db, 'region', null);
    const user = await createUser(app.db, 'region_reviewer', region);
    for (let i = 0; i < 11; i += 1) {
      const res = await app.http.post('/api/auth/login').send({ username: user.username, password: 'wrong' });
      expect(res.status).toBe(401);
    }
    const ok = await app.http.post('/api/auth/login').send({ username: user.username, password: TEST_PASSWORD });
    expect(ok.status).toBe(200);
  }, 120_000);
});
