import type { ListStage } from '@dutylist/shared';
import { bearer } from '../support/auth';
import { createList, createUser, createWorld, putInStage } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import type { UserEntity } from '../../backend/src/modules/users/user.entity';

type World = Awaited<ReturnType<typeof createWorld>>;

/** Every kind of caller, inside the list's hierarchy (township A1x) or outside it. */
const CALLERS = [
  'drafter',
  'county',
  'prefecture',
  'region',
  'admin',
  'otherDrafter',
  'otherCounty',
  'otherPrefecture',
] as const;
type Caller = (typeof CALLERS)[number];
const OUTSIDE: Caller[] = ['otherDrafter', 'otherCounty', 'otherPrefecture'];

interface Case {
  endpoint: string;
  stage: ListStage;
  /** Request path below /api/lists/:id, given the list's first item and a decision id when needed. */
  path: (ids: { itemId: string; decisionId: string }) => string;
  body: (ids: { itemId: string }) => object;
  /** The caller who may take the step here. */
  allowed: Caller;
  /** Roles that may take this step at another stage or level: 409, not 403. */
  otherLevel?: Caller[];
  decisions?: 'approvedByCounty' | 'returnedByCounty';
}

const CASES: Case[] = [
  { endpoint: 'submit', stage: 'drafting', path: () => '/submit', body: () => ({}), allowed: 'drafter' },
  {
    endpoint: 'start-review (county)',
    stage: 'submitted',
    path: () => '/start-review',
    body: () => ({}),
    allowed: 'county',
    otherLevel: ['prefecture', 'region'],
  },
  {
    endpoint: 'start-review (prefecture)',
    stage: 'county_approved',
    path: () => '/start-review',
    body: () => ({}),
    allowed: 'prefecture',
    otherLevel: ['county', 'region'],
  },
  {
    endpoint: 'start-review (region)',
    stage: 'prefecture_approved',
    path: () => '/start-review',
    body: () => ({}),
    allowed: 'region',
    otherLevel: ['county', 'prefecture'],
  },
  {
    endpoint: 'decide item',
    stage: 'county_review',
    path: ({ itemId }) => `/items/${itemId}/decision`,
    body: () => ({ decision: 'approved' }),
    allowed: 'county',
    otherLevel: ['prefecture', 'region'],
  },
  {
    endpoint: 'return round',
    stage: 'county_review',
    path: () => '/return-round',
    body: () => ({ reason: '请修改' }),
    allowed: 'county',
  },
  {
    endpoint: 'approve',
    stage: 'county_review',
    path: () => '/approve',
    body: () => ({}),
    allowed: 'county',
    decisions: 'approvedByCounty',
  },
  {
    endpoint: 'sign off (prefecture)',
    stage: 'prefecture_review',
    path: () => '/sign-off',
    body: () => ({}),
    allowed: 'prefecture',
    otherLevel: ['region'],
  },
  {
    endpoint: 'sign off (region)',
    stage: 'region_review',
    path: () => '/sign-off',
    body: () => ({}),
    allowed: 'region',
    otherLevel: ['prefecture'],
  },
  {
    endpoint: 'return items (prefecture)',
    stage: 'prefecture_review',
    path: () => '/return-items',
    body: ({ itemId }) => ({ items: [{ itemId, reason: '请修改' }] }),
    allowed: 'prefecture',
    otherLevel: ['region'],
  },
  {
    endpoint: 'return items (region)',
    stage: 'region_review',
    path: () => '/return-items',
    body: ({ itemId }) => ({ items: [{ itemId, reason: '请修改' }] }),
    allowed: 'region',
    otherLevel: ['prefecture'],
  },
  { endpoint: 'publish', stage: 'region_approved', path: () => '/publish', body: () => ({}), allowed: 'region' },
  {
    endpoint: 'answer a return',
    stage: 'returned',
    path: ({ decisionId }) => `/decisions/${decisionId}/answer`,
    body: () => ({ text: '无需修改' }),
    allowed: 'drafter',
    decisions: 'returnedByCounty',
  },
  {
    endpoint: 'open a thread',
    stage: 'county_review',
    path: () => '/threads',
    body: ({ itemId }) => ({ itemId, body: '请说明' }),
    allowed: 'county',
  },
];

/** The exact status each caller gets: 404 outside scope, 403 for a role that may never do it, 409 wrong stage. */
function expected(c: Case, caller: Caller): number {
  if (OUTSIDE.includes(caller)) return 404;
  // Everyone in the list's hierarchy takes part in discussions, except the system administrator.
  if (c.endpoint === 'open a thread') return caller === 'admin' ? 403 : 201;
  if (caller === c.allowed) return 200;
  if (c.otherLevel?.includes(caller)) return 409;
  return 403;
}

describe('permission matrix: every role × every transition × inside/outside scope', () => {
  let app: TestApp;
  let world: World;
  const users = {} as Record<Caller, UserEntity>;
  const tokens = {} as Record<Caller, string>;
  let edition = 3000;

  beforeAll(async () => {
    app = await startTestApp({ seedDemo: false });
    world = await createWorld(app.db);
    Object.assign(users, {
      drafter: world.users.drafterA1x,
      county: world.users.countyA1,
      prefecture: world.users.prefectureA,
      region: world.users.region,
      admin: world.users.admin,
      otherDrafter: await createUser(app.db, 'township_drafter', world.orgs.townA1y),
      otherCounty: await createUser(app.db, 'county_reviewer', world.orgs.countyA2),
      otherPrefecture: await createUser(app.db, 'prefecture_reviewer', world.orgs.prefB),
    });
    for (const caller of CALLERS) tokens[caller] = await bearer(app, users[caller].username);
  });
  afterAll(() => app?.close());

  describe.each(CASES.map((c) => [c.endpoint, c] as const))('%s', (_name, c) => {
    it.each(CALLERS.map((caller) => [caller, expected(c, caller)] as const))('%s → %i', async (caller, status) => {
      edition += 1; // one list per township and edition: each case gets its own edition
      const list = await createList(app.db, world.orgs.townA1x, [{ name: '甲' }, { name: '乙' }], 'drafting', edition);
      const decisions =
        c.decisions === 'approvedByCounty'
          ? [{ level: 'county' as const, decision: 'approved' as const, by: users.county }]
          : c.decisions === 'returnedByCounty'
            ? [{ level: 'county' as const, decision: 'returned' as const, by: users.county }]
            : [];
      const { itemIds } = await putInStage(app.db, list, c.stage, { decisions });
      const [decision] = await app.db.query(`SELECT id FROM item_decisions WHERE list_id = $1 LIMIT 1`, [list.id]);
      const ids = { itemId: itemIds[0], decisionId: decision?.id ?? '00000000-0000-4000-8000-000000000000' };

      const res = await app.http
        .post(`/api/lists/${list.id}${c.path(ids)}`)
        .set('Authorization', tokens[caller])
        .send(c.body(ids));
      expect({ status: res.status, code: res.body.code }).toEqual({
        status,
        code: { 403: 'FORBIDDEN', 404: 'LIST_NOT_FOUND', 409: 'STAGE_CONFLICT' }[status as 403 | 404 | 409],
      });

      // A refused request changes nothing and writes no audit row.
      const [{ stage, n }] = await app.db.query(
        `SELECT l.stage, (SELECT count(*)::int FROM audit_events a WHERE a.list_id = l.id) AS n FROM duty_lists l WHERE l.id = $1`,
        [list.id],
      );
      if (status >= 400) expect({ stage, n }).toEqual({ stage: c.stage, n: 0 });
      else expect(n).toBe(1);
    });
  });

  it('abilities (`can`) agree with the matrix for each stage', async () => {
    const list = await createList(app.db, world.orgs.townA1x, [{ name: '甲' }], 'drafting', 2900);
    await putInStage(app.db, list, 'county_review');
    const can = async (caller: Caller) =>
      (await app.http.get(`/api/lists/${list.id}`).set('Authorization', tokens[caller])).body.can;
    expect(await can('county')).toEqual(
      expect.objectContaining({ decideItems: true, returnRound: true, approve: true, submit: false }),
    );
    expect(await can('prefecture')).toEqual(
      expect.objectContaining({ decideItems: false, signOff: false, startReview: false }),
    );
    expect(await can('drafter')).toEqual(expect.objectContaining({ editItems: false, submit: false, comment: true }));
  });
});
