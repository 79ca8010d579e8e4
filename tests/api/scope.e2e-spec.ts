import { startTestApp, type TestApp } from '../support/test-app';
import { createWorld } from '../support/factories';
import { bearer } from '../support/auth';

type World = Awaited<ReturnType<typeof createWorld>>;
type ListKey = keyof World['lists'];
type UserKey = keyof World['users'];

/** Which lists each role sees: its org unit's subtree, nothing else. */
const VISIBLE: Record<UserKey, ListKey[]> = {
  drafterA1x: ['A1x'],
  countyA1: ['A1x', 'A1y'],
  prefectureA: ['A1x', 'A1y', 'A2'],
  region: ['A1x', 'A1y', 'A2', 'B1'],
  admin: ['A1x', 'A1y', 'A2', 'B1'],
};
const ALL_LISTS: ListKey[] = ['A1x', 'A1y', 'A2', 'B1'];

describe('scope rule for every role (inside scope works, outside scope is 404)', () => {
  let app: TestApp;
  let world: World;
  const tokens = {} as Record<UserKey, string>;

  beforeAll(async () => {
    app = await startTestApp({ seedDemo: false });
    world = await createWorld(app.db);
    for (const key of Object.keys(world.users) as UserKey[]) tokens[key] = await bearer(app, world.users[key].username);
  });
  afterAll(() => app?.close());

  describe.each(Object.keys(VISIBLE) as UserKey[])('%s', (userKey) => {
    it('GET /api/lists returns exactly the lists of its subtree', async () => {
      const res = await app.http.get('/api/lists').set('Authorization', tokens[userKey]);
      expect(res.status).toBe(200);
      const ids = res.body.map((l: { id: string }) => l.id).sort();
      expect(ids).toEqual(VISIBLE[userKey].map((k) => world.lists[k].id).sort());
    });

    it.each(ALL_LISTS)('list %s and its items: 200 inside scope, 404 outside', async (listKey) => {
      const list = world.lists[listKey];
      const inside = VISIBLE[userKey].includes(listKey);
      const detail = await app.http.get(`/api/lists/${list.id}`).set('Authorization', tokens[userKey]);
      const items = await app.http.get(`/api/lists/${list.id}/items`).set('Authorization', tokens[userKey]);
      expect([detail.status, items.status]).toEqual(inside ? [200, 200] : [404, 404]);
      if (inside) {
        expect(detail.body.counts).toEqual({ basic: 2, cooperative: 1, revoked: 1 });
        expect(items.body.items).toHaveLength(4);
      } else {
        expect(detail.body).toEqual({ statusCode: 404, code: 'LIST_NOT_FOUND', message: '未找到该清单，或您无权访问' });
      }
    });

    it.each(ALL_LISTS)(
      'editing an item of list %s: drafter 200 in own township, others 403 in scope, 404 outside',
      async (listKey) => {
        const list = world.lists[listKey];
        const [item] = (await app.db.query(
          `SELECT id, version FROM items WHERE list_id = $1 AND list_table = 'basic' AND seq = 1`,
          [list.id],
        )) as {
          id: string;
          version: number;
        }[];
        const res = await app.http
          .patch(`/api/lists/${list.id}/items/${item.id}`)
          .set('Authorization', tokens[userKey])
          .send({ version: item.version, name: `由 ${userKey} 修改` });
        const inside = VISIBLE[userKey].includes(listKey);
        const expected = !inside ? 404 : userKey === 'drafterA1x' ? 200 : 403;
        expect(res.status).toBe(expected);
        if (expected === 403) expect(res.body.code).toBe('FORBIDDEN');
        if (expected === 404) expect(res.body.code).toBe('LIST_NOT_FOUND');
      },
    );

    it('abilities in the response follow the role', async () => {
      const res = await app.http.get(`/api/lists/${world.lists.A1x.id}`).set('Authorization', tokens[userKey]);
      const drafter = userKey === 'drafterA1x';
      expect(res.body.can).toEqual({
        view: true,
        editItems: drafter,
        submit: drafter,
        startReview: false,
        decideItems: false,
        returnRound: false,
        approve: false,
        signOff: false,
        returnItems: false,
        publish: false,
        answerFeedback: drafter,
        comment: userKey !== 'admin',
        startAdjustment: false, // the list is not published
      });
    });
  });

  it('GET /api/org-units returns only the subtree', async () => {
    const res = await app.http.get('/api/org-units').set('Authorization', tokens.countyA1);
    expect(res.body.map((o: { id: string }) => o.id).sort()).toEqual(
      [world.orgs.countyA1.id, world.orgs.townA1x.id, world.orgs.townA1y.id].sort(),
    );
  });

  it('a malformed id is a 404, not a 500', async () => {
    const res = await app.http.get('/api/lists/not-a-uuid').set('Authorization', tokens.region);
    expect(res.status).toBe(404);
  });
});
