import type { ListDetail, ReviewState } from '@dutylist/shared';
import type { TestApp } from './test-app';

export interface CycleTokens {
  drafter: string;
  county: string;
  prefecture: string;
  region: string;
}

/**
 * Takes a list in drafting through one whole cycle over HTTP: submit, the county approves every item
 * of the round that is not approved yet and approves the list, the prefecture and the region sign off,
 * the region publishes. Returns the published list.
 */
export async function publishThroughCycle(app: TestApp, listId: string, tokens: CycleTokens): Promise<ListDetail> {
  const post = async (who: keyof CycleTokens, path: string, body: object = {}) => {
    const res = await app.http.post(`/api/lists/${listId}${path}`).set('Authorization', tokens[who]).send(body);
    if (res.status !== 200) throw new Error(`${path} by ${who}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as ListDetail;
  };
  await post('drafter', '/submit');
  await post('county', '/start-review');
  const state = (await app.http.get(`/api/lists/${listId}/review`).set('Authorization', tokens.county))
    .body as ReviewState;
  const open = state.items.filter((i) => !i.decisions.some((d) => d.level === 'county' && d.decision === 'approved'));
  if (open.length) await post('county', '/decisions', { itemIds: open.map((i) => i.item.id), decision: 'approved' });
  await post('county', '/approve');
  await post('prefecture', '/start-review');
  await post('prefecture', '/sign-off');
  await post('region', '/start-review');
  await post('region', '/sign-off');
  return post('region', '/publish');
}
