import { createHmac } from 'node:crypto';
import { NOTIFICATION_CHANNELS, NOTIFICATION_EVENTS } from '@dutylist/shared';
import type {
  Feedback,
  NotificationKind,
  NotificationPage,
  NotificationPreferences,
  ReviewState,
  Thread,
} from '@dutylist/shared';
import type { NotificationDispatchService } from '../../backend/src/modules/notifications/notification-dispatch.service';
import { NotificationDispatchService as DispatchToken } from '../../backend/src/modules/notifications/notification-dispatch.service';
import { QUEUES } from '../../backend/src/modules/queue/queue-names';
import { bearer } from '../support/auth';
import { createList, createOrgUnit, createUser } from '../support/factories';
import {
  notifyEnv,
  obliterateQueues,
  openStream,
  settled,
  startApi,
  startSmtpSink,
  startWebhookSink,
  startWorker,
  waitFor,
  type ApiInstance,
  type NotifyEnv,
  type SseClient,
  type WorkerInstance,
} from '../support/notification-harness';

type Person =
  | 'drafter1'
  | 'drafter2'
  | 'drafterB'
  | 'county1'
  | 'county2'
  | 'countyB'
  | 'pref1'
  | 'prefB'
  | 'region1'
  | 'region2'
  | 'admin';

interface Row {
  recipient_id: string;
  kind: NotificationKind;
  event_count: number;
  title: string;
  link: string;
  item_id: string | null;
}

/**
 * Notifications through the queue, against real PostgreSQL and Redis: an API and two workers (so every
 * step also shows that several workers deliver once), a real SMTP server and a group-robot stand-in.
 * One township's list walks the whole 三上三下 cycle; after every step the new inbox rows must be
 * exactly the expected recipients (never the actor, never another county), each told once.
 */
describe('notifications', () => {
  let env: NotifyEnv;
  let api: ApiInstance;
  let workers: WorkerInstance[] = [];
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let hooks: Awaited<ReturnType<typeof startWebhookSink>>;
  let stream: SseClient;
  const ids = {} as Record<Person, string>;
  const token = {} as Record<Person, string>;
  const names = new Map<string, Person>();
  let listId: string;
  let otherListId: string;
  let townAId: string;
  let countyAId: string;
  let prefAId: string;
  const seen = new Set<string>();

  const post = (who: Person, path: string, body: object = {}) =>
    api.http.post(`/api/lists/${listId}${path}`).set('Authorization', token[who]).send(body);
  const get = (who: Person, path: string) => api.http.get(path).set('Authorization', token[who]);

  /** The inbox rows created since the last call, as `person → kind`. */
  async function fresh(): Promise<Row[]> {
    const rows: (Row & { id: string })[] = await api.db.query(
      `SELECT id, recipient_id, kind, event_count, title, link, item_id FROM notifications ORDER BY created_at`,
    );
    const out = rows.filter((r) => !seen.has(r.id));
    for (const r of out) seen.add(r.id);
    return out;
  }
  const byPerson = (rows: Row[]) =>
    Object.fromEntries(
      rows.map((r) => [names.get(r.recipient_id) ?? r.recipient_id, r.kind]).sort(([a], [b]) => a.localeCompare(b)),
    );

  /** Runs a step, waits until everything it caused is delivered, and returns who was told what. */
  async function step(run: () => Promise<{ status: number }>, status = 200): Promise<Row[]> {
    const res = await run();
    expect(res.status).toBe(status);
    await settled(api.db);
    return fresh();
  }

  const review = async (who: Person = 'county1'): Promise<ReviewState> =>
    (await get(who, `/api/lists/${listId}/review`).expect(200)).body as ReviewState;
  const itemId = async (name: string) => {
    const found = (await review()).items.find((i) => i.item.name === name);
    if (!found) throw new Error(`no item ${name}`);
    return found.item.id;
  };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    hooks = await startWebhookSink();
    env = await notifyEnv('main', { SMTP_URL: smtp.url, NOTIFY_DEBOUNCE_MS: '1500' });
    api = await startApi(env.config);
    workers = [await startWorker(env.config), await startWorker(env.config)];

    const db = api.db;
    const region = await createOrgUnit(db, 'region', null);
    const prefA = await createOrgUnit(db, 'prefecture', region);
    const prefB = await createOrgUnit(db, 'prefecture', region);
    const countyA = await createOrgUnit(db, 'county', prefA);
    const countyB = await createOrgUnit(db, 'county', prefB);
    const townA = await createOrgUnit(db, 'township', countyA);
    const townA2 = await createOrgUnit(db, 'township', countyA);
    const townB = await createOrgUnit(db, 'township', countyB);
    townAId = townA.id;
    countyAId = countyA.id;
    prefAId = prefA.id;
    const list = await createList(db, townA, [
      { name: '党建甲' },
      { name: '党建乙' },
      { name: '党建丙' },
      { table: 'cooperative', name: '配合丁', category: '平安法治', departments: ['县公安局'] },
    ]);
    listId = list.id;
    otherListId = (await createList(db, townA2, [{ name: '其他事项' }])).id;
    await createList(db, townB, [{ name: '乙县事项' }]);
    const people: [Person, Parameters<typeof createUser>[1], typeof region][] = [
      ['drafter1', 'township_drafter', townA],
      ['drafter2', 'township_drafter', townA],
      ['drafterB', 'township_drafter', townB],
      ['county1', 'county_reviewer', countyA],
      ['county2', 'county_reviewer', countyA],
      ['countyB', 'county_reviewer', countyB],
      ['pref1', 'prefecture_reviewer', prefA],
      ['prefB', 'prefecture_reviewer', prefB],
      ['region1', 'region_reviewer', region],
      ['region2', 'region_reviewer', region],
      ['admin', 'admin', region],
    ];
    for (const [key, role, org] of people) {
      const user = await createUser(db, role, org);
      ids[key] = user.id;
      names.set(user.id, key);
      token[key] = await bearer(api, user.username);
    }
    // Only some people have an email address.
    await db.query(`UPDATE users SET email = 'county1@example.test' WHERE id = $1`, [ids.county1]);
    await db.query(`UPDATE users SET email = 'drafter1@example.test' WHERE id = $1`, [ids.drafter1]);

    // The county's office has a WeCom robot, the prefecture's a DingTalk robot with 加签.
    await api.http
      .put(`/api/notifications/webhooks/${countyA.id}`)
      .set('Authorization', token.admin)
      .send({ provider: 'wecom', url: hooks.url('/wecom/send?key=county') })
      .expect(200);
    await api.http
      .put(`/api/notifications/webhooks/${prefA.id}`)
      .set('Authorization', token.admin)
      .send({ provider: 'dingtalk', url: hooks.url('/dingtalk/robot/send?access_token=pref'), secret: 'SECtest' })
      .expect(200);

    const issued = await api.http.post('/api/notifications/stream-token').set('Authorization', token.county1);
    const opened = await openStream(api.baseUrl, `?token=${encodeURIComponent(issued.body.token as string)}`);
    if (!opened.client) throw new Error(`stream refused: ${opened.status} ${opened.body}`);
    stream = opened.client;
  });

  afterAll(async () => {
    stream?.close();
    await api?.close();
    if (workers.length) await obliterateQueues(workers[0]);
    for (const worker of workers) await worker.close();
    await smtp?.close();
    await hooks?.close();
    await env?.drop();
  });

  it('a submission tells each county reviewer of that county once, live and by email and group robot', async () => {
    const rows = await step(() => post('drafter1', '/submit', { note: '第一次报送' }));
    // One notification per reviewer for the whole round (four items), none for the actor or county B.
    expect(byPerson(rows)).toEqual({ county1: 'submit', county2: 'submit' });
    const mine = rows.find((r) => r.recipient_id === ids.county1);
    expect(mine?.link).toBe(`/lists/${listId}/review?round=1`);
    expect(mine?.title).toContain('第1轮报送（1上）');

    // Live: county1's open stream received it.
    await waitFor('the live push', async () => stream.notifications().length === 1);
    expect(stream.notifications()[0]).toMatchObject({ kind: 'submit', listId, round: 1, link: mine?.link });

    // Email: a real SMTP server got exactly one mail, for the only reviewer with an address.
    await waitFor('the email', async () => smtp.mails.length >= 1);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0].to).toEqual(['county1@example.test']);
    expect(smtp.mails[0].subject).toBe(`【履职清单审核】${mine?.title}`);
    expect(smtp.mails[0].text).toContain(`http://app.test/lists/${listId}/review?round=1`);

    // Group robot: the county office's WeCom robot got the markdown message.
    await waitFor('the WeCom webhook', async () => hooks.hooks.length >= 1);
    expect(hooks.hooks).toHaveLength(1);
    expect(hooks.hooks[0].path).toBe('/wecom/send');
    expect(hooks.hooks[0].query.get('key')).toBe('county');
    expect(hooks.hooks[0].body).toEqual({
      msgtype: 'markdown',
      markdown: { content: expect.stringContaining(`[查看详情](http://app.test/lists/${listId}/review?round=1)`) },
    });
    expect((hooks.hooks[0].body as { markdown: { content: string } }).markdown.content).toContain(`**${mine?.title}**`);
  });

  it('starting a review tells nobody; item decisions within the window become one digest per drafter', async () => {
    expect(await step(() => post('county1', '/start-review'))).toEqual([]);
    const [jia, yi, bing, ding] = await Promise.all(['党建甲', '党建乙', '党建丙', '配合丁'].map(itemId));
    const rows = await step(async () => {
      await post('county1', `/items/${jia}/decision`, { decision: 'returned', reason: '表述不准确' }).expect(200);
      await post('county1', `/items/${yi}/decision`, {
        decision: 'suggested',
        suggestion: { fields: { name: '党建乙（修订）' } },
      }).expect(200);
      await post('county1', `/items/${bing}/decision`, {
        decision: 'suggested',
        suggestion: { fields: { name: '党建丙（修订）' } },
      }).expect(200);
      return post('county1', `/items/${ding}/decision`, { decision: 'approved' });
    });
    expect(byPerson(rows)).toEqual({ drafter1: 'digest', drafter2: 'digest' });
    expect(rows.map((r) => r.event_count)).toEqual([4, 4]);
    expect(rows[0].title).toContain('4 条新动态');
    // drafter1 has an address: one digest email, not four.
    await waitFor('the digest email', async () => smtp.mails.length === 2);
    expect(smtp.mails[1].to).toEqual(['drafter1@example.test']);
    expect(smtp.mails[1].subject).toContain('4 条新动态');
  });

  it('comments tell the other side, the thread participants and the @mentioned, never the author', async () => {
    const jia = await itemId('党建甲');
    let thread: Thread | undefined;
    const opened = await step(async () => {
      const res = await post('county1', '/threads', { itemId: jia, body: '请州里也看看', mentions: [ids.pref1] });
      thread = res.body as Thread;
      return res;
    }, 201);
    expect(byPerson(opened)).toEqual({ pref1: 'mention', drafter1: 'comment', drafter2: 'comment' });
    expect(opened[0].link).toBe(`/lists/${listId}/review?item=${jia}&thread=${thread?.id}`);

    const reply = await step(() => post('drafter1', `/threads/${thread?.id}/comments`, { body: '已核实' }), 201);
    expect(byPerson(reply)).toEqual({ county1: 'comment' });

    const second = await step(
      () => post('county2', `/threads/${thread?.id}/comments`, { body: '同意', mentions: [ids.drafter2] }),
      201,
    );
    expect(byPerson(second)).toEqual({ county1: 'comment', drafter1: 'comment', drafter2: 'mention' });

    expect(await step(() => post('county1', `/threads/${thread?.id}/resolve`))).toEqual([]);
  });

  it('a return tells the drafters; answers, acceptances and rejections tell the county reviewers', async () => {
    const returned = await step(() => post('county1', '/return-round', { reason: '请按意见修改' }));
    expect(byPerson(returned)).toEqual({ drafter1: 'return_round', drafter2: 'return_round' });

    const feedback = (await get('drafter1', `/api/lists/${listId}/review`).expect(200)).body.feedback as Feedback[];
    const decisionOf = (name: string) => {
      const found = feedback.find((f) => f.reviewed.name === name);
      if (!found) throw new Error(`no feedback on ${name}`);
      return found.decision.id;
    };
    const answered = await step(() =>
      post('drafter1', `/decisions/${decisionOf('党建甲')}/answer`, { text: '此表述依据县里文件' }),
    );
    expect(byPerson(answered)).toEqual({ county1: 'answer_item', county2: 'answer_item' });
    const accepted = await step(() => post('drafter2', `/decisions/${decisionOf('党建乙')}/accept`));
    expect(byPerson(accepted)).toEqual({ county1: 'accept_suggestion', county2: 'accept_suggestion' });
    const rejected = await step(() =>
      post('drafter1', `/decisions/${decisionOf('党建丙')}/reject`, { reason: '原表述更准确' }),
    );
    expect(byPerson(rejected)).toEqual({ county1: 'reject_suggestion', county2: 'reject_suggestion' });
  });

  it('up the levels: approval, a return from above, sign-offs and publishing reach whoever is next', async () => {
    expect(byPerson(await step(() => post('drafter2', '/submit')))).toEqual({ county1: 'submit', county2: 'submit' });
    await step(() => post('county1', '/start-review'));
    const undecided = (await review()).items.filter((i) => !i.decisions.some((d) => d.level === 'county'));
    const approvals = await step(() =>
      post('county1', '/decisions', { itemIds: undecided.map((i) => i.item.id), decision: 'approved' }),
    );
    expect(byPerson(approvals)).toEqual({ drafter1: 'digest', drafter2: 'digest' });

    const hooksBefore = hooks.hooks.length;
    // County approval → the prefecture of this county (not the other prefecture).
    expect(byPerson(await step(() => post('county1', '/approve')))).toEqual({ pref1: 'approve' });
    await waitFor('the DingTalk webhook', async () => hooks.hooks.length > hooksBefore);
    const ding = hooks.hooks[hooks.hooks.length - 1];
    expect(ding.path).toBe('/dingtalk/robot/send');
    expect(ding.body).toEqual({
      msgtype: 'markdown',
      markdown: {
        title: expect.stringContaining('已经县级审定'),
        text: expect.stringContaining('[查看详情](http://app.test/lists/'),
      },
    });
    const timestamp = ding.query.get('timestamp') ?? '';
    expect(ding.query.get('sign')).toBe(
      createHmac('sha256', 'SECtest').update(`${timestamp}\nSECtest`).digest('base64'),
    );

    expect(await step(() => post('pref1', '/start-review'))).toEqual([]);
    const jia = await itemId('党建甲');
    const back = await step(() => post('pref1', '/return-items', { items: [{ itemId: jia, reason: '请县级复核' }] }));
    expect(byPerson(back)).toEqual({ county1: 'return_items', county2: 'return_items' });

    const decided = await step(() => post('county1', `/items/${jia}/decision`, { decision: 'approved' }));
    expect(byPerson(decided)).toEqual({ drafter1: 'decide_item', drafter2: 'decide_item' });
    expect(byPerson(await step(() => post('county1', '/approve')))).toEqual({ pref1: 'approve' });

    await step(() => post('pref1', '/start-review'));
    // The prefecture lifts its own return on the item before signing (an item decision: the drafters hear of it).
    const own = (await review('pref1')).items
      .find((i) => i.item.id === jia)
      ?.decisions.find((d) => d.level === 'prefecture');
    const lifted = await step(() =>
      post('pref1', `/items/${jia}/decision`, { decision: 'approved', replaces: own?.id }),
    );
    expect(byPerson(lifted)).toEqual({ drafter1: 'decide_item', drafter2: 'decide_item' });
    expect(byPerson(await step(() => post('pref1', '/sign-off')))).toEqual({
      region1: 'sign_off',
      region2: 'sign_off',
    });
    await step(() => post('region1', '/start-review'));
    // The region's own sign-off: the other region reviewer (who may publish), never the actor.
    expect(byPerson(await step(() => post('region1', '/sign-off')))).toEqual({ region2: 'sign_off' });
    expect(byPerson(await step(() => post('region1', '/publish')))).toEqual({
      drafter1: 'publish',
      drafter2: 'publish',
    });
  });

  it('nobody outside the list’s chain and no actor was ever told anything; the stream saw every row of its user', async () => {
    const rows: { recipient_id: string; n: number }[] = await api.db.query(
      `SELECT recipient_id, count(*)::int AS n FROM notifications GROUP BY recipient_id`,
    );
    const told = new Set(rows.map((r) => names.get(r.recipient_id)));
    for (const outsider of ['drafterB', 'countyB', 'prefB', 'admin'] as Person[])
      expect(told.has(outsider)).toBe(false);
    // Never two rows of one event for one person (the unique constraint, with two workers racing).
    const [{ dupes }] = await api.db.query(
      `SELECT count(*)::int AS dupes FROM (SELECT event_key, recipient_id FROM notifications GROUP BY 1, 2 HAVING count(*) > 1) d`,
    );
    expect(dupes).toBe(0);
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1`, [
      ids.county1,
    ]);
    await waitFor('every live push', async () => stream.notifications().length === n);
    expect(new Set(stream.notifications().map((x) => x.id)).size).toBe(n);
    // Every email was sent once: one per delivery row, all sent.
    const emails = async () =>
      (
        await api.db.query(
          `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*)::int AS total
           FROM notification_deliveries WHERE channel = 'email'`,
        )
      )[0] as { sent: number; total: number };
    await waitFor('every email', async () => (await emails()).sent === (await emails()).total);
    const { sent, total } = await emails();
    expect(total).toBeGreaterThan(3);
    expect({ sent, mails: smtp.mails.length }).toEqual({ sent: total, mails: total });
  });

  it('the inbox: newest first, unread count, mark one read, mark all read, someone else’s row is 404', async () => {
    const page = (await get('county1', '/api/notifications?limit=3').expect(200)).body as NotificationPage;
    expect(page.items).toHaveLength(3);
    expect(page.unread).toBeGreaterThan(3);
    expect(page.nextBefore).toBe(page.items[2].id);
    const next = (await get('county1', `/api/notifications?limit=3&before=${page.nextBefore}`).expect(200))
      .body as NotificationPage;
    expect(next.items[0].createdAt <= page.items[2].createdAt).toBe(true);
    expect(next.items.map((i) => i.id)).not.toContain(page.items[0].id);

    const first = page.items[0];
    const read = await api.http
      .post(`/api/notifications/${first.id}/read`)
      .set('Authorization', token.county1)
      .expect(200);
    expect(read.body.readAt).not.toBeNull();
    expect((await get('county1', '/api/notifications/unread-count')).body.unread).toBe(page.unread - 1);
    await api.http.post(`/api/notifications/${first.id}/read`).set('Authorization', token.county2).expect(404);
    await api.http.post(`/api/notifications/not-a-uuid/read`).set('Authorization', token.county1).expect(404);

    const all = await api.http.post('/api/notifications/read-all').set('Authorization', token.county1).expect(200);
    expect(all.body).toEqual({ updated: page.unread - 1, unread: 0 });
    const unread = (await get('county1', '/api/notifications?unread=true').expect(200)).body as NotificationPage;
    expect(unread).toMatchObject({ items: [], unread: 0 });
    await api.http.get('/api/notifications').expect(401);
  });

  it('preferences per event and channel: off means no inbox row (or no email) for that event only', async () => {
    const initial = (await get('county2', '/api/notifications/preferences').expect(200))
      .body as NotificationPreferences;
    expect(initial.preferences).toHaveLength(NOTIFICATION_EVENTS.length * NOTIFICATION_CHANNELS.length);
    expect(initial.preferences.every((p) => p.enabled)).toBe(true);
    expect(initial.email).toEqual({ configured: true, address: null });

    const updated = await api.http
      .put('/api/notifications/preferences')
      .set('Authorization', token.county2)
      .send({ preferences: [{ event: 'submit', channel: 'inapp', enabled: false }] })
      .expect(200);
    expect(updated.body.preferences).toContainEqual({ event: 'submit', channel: 'inapp', enabled: false });
    await api.http
      .put('/api/notifications/preferences')
      .set('Authorization', token.county1)
      .send({ preferences: [{ event: 'submit', channel: 'email', enabled: false }] })
      .expect(200);
    await api.http
      .put('/api/notifications/preferences')
      .set('Authorization', token.county1)
      .send({ preferences: [{ event: 'nonsense', channel: 'inapp', enabled: false }] })
      .expect(400);

    const mails = smtp.mails.length;
    const [{ township_id }] = await api.db.query(`SELECT township_id FROM duty_lists WHERE id = $1`, [otherListId]);
    const [org] = await api.db.query(`SELECT * FROM org_units WHERE id = $1`, [township_id]);
    const drafter = await createUser(api.db, 'township_drafter', org);
    const res = await api.http
      .post(`/api/lists/${otherListId}/submit`)
      .set('Authorization', await bearer(api, drafter.username))
      .send({});
    expect(res.status).toBe(200);
    await settled(api.db);
    // county2 turned off in-app for submissions; county1 still gets the row but no email.
    expect(byPerson(await fresh())).toEqual({ county1: 'submit' });
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.mails.length).toBe(mails);
  });

  it('overdue stages remind whoever’s turn it is, at most once a day per list and person', async () => {
    await api.db.query(`UPDATE duty_lists SET deadline_at = now() - interval '1 hour' WHERE id = $1`, [otherListId]);
    const dispatch = workers[0].module.get<NotificationDispatchService>(DispatchToken);
    await dispatch.scanOverdue();
    await workers[1].module.get<NotificationDispatchService>(DispatchToken).scanOverdue();
    await dispatch.scanOverdue(new Date(Date.now() + 60_000));
    const rows = await fresh();
    expect(byPerson(rows)).toEqual({ county1: 'overdue', county2: 'overdue' });
    expect(rows[0].title).toContain('已超期');
    expect(rows[0].link).toBe(`/lists/${otherListId}`);
    // The next day, once more.
    await dispatch.scanOverdue(new Date(Date.now() + 24 * 3600_000));
    expect(byPerson(await fresh())).toEqual({ county1: 'overdue', county2: 'overdue' });
    // The scan is a repeatable job of the worker, registered once whatever the number of workers.
    const schedulers = await workers[0].queue(QUEUES.notifications).getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toEqual(['overdue-scan']);
  });

  it('the stream takes only its own short-lived token (or a Bearer header); its token opens nothing else', async () => {
    expect((await openStream(api.baseUrl, '')).status).toBe(401);
    expect((await openStream(api.baseUrl, `?token=${token.county1.slice(7)}`)).status).toBe(401);
    const issued = await api.http.post('/api/notifications/stream-token').set('Authorization', token.county2);
    expect(issued.status).toBe(200);
    await api.http.get('/api/notifications').set('Authorization', `Bearer ${issued.body.token}`).expect(401);
    const viaHeader = await openStream(api.baseUrl, '', { Authorization: token.county2 });
    expect(viaHeader.status).toBe(200);
    expect(viaHeader.client?.events[0]).toEqual({ type: 'ready', unread: expect.any(Number) });
    viaHeader.client?.close();
  });

  it('group robots are set by admins only', async () => {
    const list = await get('admin', '/api/notifications/webhooks').expect(200);
    expect(list.body).toEqual([
      expect.objectContaining({
        orgUnit: expect.objectContaining({ id: countyAId }),
        provider: 'wecom',
        hasSecret: false,
      }),
      expect.objectContaining({
        orgUnit: expect.objectContaining({ id: prefAId }),
        provider: 'dingtalk',
        hasSecret: true,
      }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain('SECtest');
    await get('county1', '/api/notifications/webhooks').expect(403);
    await api.http
      .put(`/api/notifications/webhooks/${townAId}`)
      .set('Authorization', token.admin)
      .send({ provider: 'feishu', url: 'http://x' })
      .expect(400);
    await api.http
      .put(`/api/notifications/webhooks/00000000-0000-4000-8000-000000000000`)
      .set('Authorization', token.admin)
      .send({ provider: 'wecom', url: 'http://127.0.0.1/x' })
      .expect(404);
    await api.http.delete(`/api/notifications/webhooks/${townAId}`).set('Authorization', token.admin).expect(404);
  });

  it('bull-board at /admin/queues is for admins only', async () => {
    await api.http.get('/admin/queues').expect(401);
    await api.http.get('/admin/queues').set('Authorization', token.county1).expect(403);
    const page = await api.http.get('/admin/queues').set('Authorization', token.admin).expect(200);
    expect(page.text).toContain('<html');
    await api.http.post('/api/queue-board/token').set('Authorization', token.county1).expect(403);
    const ticket = await api.http.post('/api/queue-board/token').set('Authorization', token.admin).expect(200);
    const exchange = await api.http.get(ticket.body.url).expect(302);
    const cookie = String(exchange.headers['set-cookie']).split(';')[0];
    expect(cookie).toMatch(/^dutylist_queue_board=/);
    const queues = await api.http.get('/admin/queues/api/queues').set('Cookie', cookie).expect(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(
      Object.values(QUEUES).slice().sort(),
    );
    // The ticket is not an access token.
    await api.http.get('/api/notifications').set('Authorization', `Bearer ${ticket.body.token}`).expect(401);
  });
});
