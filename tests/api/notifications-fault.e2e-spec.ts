import { bearer } from '../support/auth';
import { createList, createOrgUnit, createUser } from '../support/factories';
import {
  PrivateRedis,
  freePort,
  notifyEnv,
  obliterateQueues,
  startApi,
  startSmtpSink,
  startWorker,
  waitFor,
  type ApiInstance,
  type NotifyEnv,
  type WorkerInstance,
} from '../support/notification-harness';

/**
 * The outbox under a Redis outage. This spec runs its own redis-server on a free port (never the
 * shared one: other specs use it) without persistence, points an API and a worker at it, kills it
 * during a submission and starts an empty one again: the submission must succeed, and afterwards
 * each reviewer must get exactly one notification (and one email) — none lost, none doubled.
 */
describe('notifications while Redis is unreachable', () => {
  let redis: PrivateRedis;
  let env: NotifyEnv;
  let api: ApiInstance;
  let worker: WorkerInstance;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let listId: string;
  let drafter: string;
  let reviewers: string[];

  const inbox = async (): Promise<{ recipient_id: string; n: number }[]> =>
    api.db.query(
      `SELECT recipient_id, count(*)::int AS n FROM notifications WHERE list_id = $1 GROUP BY recipient_id ORDER BY recipient_id`,
      [listId],
    );

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
    smtp = await startSmtpSink();
    env = await notifyEnv('fault', { REDIS_URL: redis.url, SMTP_URL: smtp.url, NOTIFY_OUTBOX_POLL_MS: '300' });
    api = await startApi(env.config);
    worker = await startWorker(env.config);

    const region = await createOrgUnit(api.db, 'region', null);
    const prefecture = await createOrgUnit(api.db, 'prefecture', region);
    const county = await createOrgUnit(api.db, 'county', prefecture);
    const township = await createOrgUnit(api.db, 'township', county);
    listId = (await createList(api.db, township, [{ name: '事项一' }, { name: '事项二' }])).id;
    const drafterUser = await createUser(api.db, 'township_drafter', township);
    drafter = await bearer(api, drafterUser.username);
    reviewers = [];
    for (const n of [1, 2]) {
      const reviewer = await createUser(api.db, 'county_reviewer', county);
      await api.db.query(`UPDATE users SET email = $2 WHERE id = $1`, [reviewer.id, `reviewer${n}@example.test`]);
      reviewers.push(reviewer.id);
    }
    reviewers.sort();
  });

  afterAll(async () => {
    await api?.close();
    if (worker) {
      await obliterateQueues(worker);
      await worker.close();
    }
    await redis?.stop();
    await smtp?.close();
    await env?.drop();
  });

  it('the submission succeeds during the outage; after Redis returns each reviewer is told exactly once', async () => {
    await redis.stop();

    const started = Date.now();
    const res = await api.http.post(`/api/lists/${listId}/submit`).set('Authorization', drafter).send({});
    expect(res.status).toBe(200);
    expect(res.body.stage).toBe('submitted');
    expect(Date.now() - started).toBeLessThan(5000);

    // The event waits in PostgreSQL, committed with the step, not relayed.
    await new Promise((r) => setTimeout(r, 1500));
    const [outbox] = await api.db.query(
      `SELECT o.action, o.relayed_at, o.processed_at FROM notification_outbox o WHERE o.list_id = $1`,
      [listId],
    );
    expect(outbox).toEqual({ action: 'submit', relayed_at: null, processed_at: null });
    expect(await inbox()).toEqual([]);

    // An empty Redis comes back (everything it held is gone): the poller relays the row again.
    await redis.start();
    await waitFor('both reviewers to be notified', async () => (await inbox()).length === 2, 30_000);
    await waitFor('both emails', async () => smtp.mails.length >= 2, 30_000);
    // Several more poll cycles: nothing is delivered a second time.
    await new Promise((r) => setTimeout(r, 2000));
    expect(await inbox()).toEqual(reviewers.map((id) => ({ recipient_id: id, n: 1 })));
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual(['reviewer1@example.test', 'reviewer2@example.test']);
    const [after] = await api.db.query(
      `SELECT relayed_at IS NOT NULL AS relayed, processed_at IS NOT NULL AS processed FROM notification_outbox WHERE list_id = $1`,
      [listId],
    );
    expect(after).toEqual({ relayed: true, processed: true });
  });

  it('a job lost with Redis after it was relayed is relayed again, still once per recipient', async () => {
    // Simulate a relayed row whose job vanished (Redis restarted empty right after the relay).
    await redis.stop();
    const returned = await api.db.query(
      `INSERT INTO audit_events (list_id, actor_id, action, round, from_stage, to_stage)
       VALUES ($1, NULL, 'return_items', 1, 'prefecture_review', 'county_review') RETURNING id`,
      [listId],
    );
    await api.db.query(
      `INSERT INTO notification_outbox (audit_event_id, list_id, action, relayed_at)
       VALUES ($1, $2, 'return_items', clock_timestamp() - interval '10 minutes')`,
      [returned[0].id, listId],
    );
    await redis.start();
    await waitFor(
      'the stale row to be relayed again',
      async () =>
        (
          await api.db.query(
            `SELECT 1 FROM notification_outbox WHERE audit_event_id = $1 AND processed_at IS NOT NULL`,
            [returned[0].id],
          )
        ).length === 1,
      30_000,
    );
    await new Promise((r) => setTimeout(r, 1000));
    const rows: { recipient_id: string; kind: string }[] = await api.db.query(
      `SELECT recipient_id, kind FROM notifications WHERE event_key = $1 ORDER BY recipient_id`,
      [`audit:${returned[0].id}`],
    );
    expect(rows).toEqual(reviewers.map((id) => ({ recipient_id: id, kind: 'return_items' })));
  });
});
