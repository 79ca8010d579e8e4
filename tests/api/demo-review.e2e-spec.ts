import type { ListSummary, ReviewState, Task } from '@dutylist/shared';
import { seedDemoReview } from '../../backend/src/database/demo/seed-demo-review';
import { bearer } from '../support/auth';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The demo data of `npm start` puts two lists part-way through the cycle through the real services.
 * (Other test files share the demo database: they use 阿合奇镇 and 三台镇, which stay drafts.)
 */
describe('demo lists in the review cycle', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  it('advances 碧流河镇 and 白杨河乡 once, and leaves the other drafts alone', async () => {
    const first = await seedDemoReview(app.app);
    const again = await seedDemoReview(app.app);
    expect(again).toEqual([]);
    expect(first.length === 2 || first.length === 0).toBe(true);

    const region = await bearer(app, 'xinjiang', 'demo1234');
    const lists = (await app.http.get('/api/lists').set('Authorization', region)).body as ListSummary[];
    const stages = Object.fromEntries(lists.map((l) => [l.township.name, `${l.stage}/${l.round}`]));
    expect(stages).toEqual({
      碧流河镇: 'county_review/1',
      三台镇: 'drafting/1',
      白杨河乡: 'returned/1',
      阿合奇镇: 'drafting/1',
    });

    // 奇台县's reviewer has the round-1 review to finish; 白杨河乡's drafter has opinions to answer.
    const qitai = await bearer(app, 'qitai', 'demo1234');
    const [task] = (await app.http.get('/api/me/tasks').set('Authorization', qitai)).body as Task[];
    expect(task).toEqual(expect.objectContaining({ township: '碧流河镇', stage: 'county_review', pending: 186 }));

    const drafter = await bearer(app, 'baiyanghe', 'demo1234');
    const baiyanghe = lists.find((l) => l.township.name === '白杨河乡') as ListSummary;
    const review = (await app.http.get(`/api/lists/${baiyanghe.id}/review`).set('Authorization', drafter))
      .body as ReviewState;
    expect(review.openFeedback).toBe(3);
    expect(review.feedback.map((f) => f.decision.decision).sort()).toEqual(['returned', 'returned', 'suggested']);
  });
});
