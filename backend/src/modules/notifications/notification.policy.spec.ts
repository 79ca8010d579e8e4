import { recipientTargets, type ListChain } from './notification.policy';

const chain: ListChain = { townshipId: 'T', countyId: 'C', prefectureId: 'P', regionId: 'R' };
const facts = (action: Parameters<typeof recipientTargets>[0]['action'], extra = {}) => ({
  action,
  actorId: 'actor',
  toStage: null,
  details: {},
  ...extra,
});

describe('recipientTargets', () => {
  it.each([
    ['submit', 'submitted', 'county_reviewer', 'C'],
    ['return_round', 'returned', 'township_drafter', 'T'],
    ['approve', 'county_approved', 'prefecture_reviewer', 'P'],
    // After a region return, the county's approval goes straight back to the region.
    ['approve', 'prefecture_approved', 'region_reviewer', 'R'],
    ['sign_off', 'prefecture_approved', 'region_reviewer', 'R'],
    ['sign_off', 'region_approved', 'region_reviewer', 'R'],
    ['return_items', 'county_review', 'county_reviewer', 'C'],
  ] as const)('%s to %s → %s of %s', (action, toStage, role, orgUnitId) => {
    expect(recipientTargets(facts(action, { toStage }), chain, [])).toEqual([
      { kind: 'role', role, orgUnitId, event: action },
    ]);
  });

  it('publishing and item decisions tell the township’s drafters', () => {
    for (const action of ['publish', 'decide_item'] as const) {
      expect(recipientTargets(facts(action, { toStage: 'published' }), chain, [])).toEqual([
        { kind: 'role', role: 'township_drafter', orgUnitId: 'T', event: action },
      ]);
    }
  });

  it('answers go to the reviewers of the level whose decision it was', () => {
    expect(recipientTargets(facts('answer_item', { details: { level: 'prefecture' } }), chain, [])).toEqual([
      { kind: 'role', role: 'prefecture_reviewer', orgUnitId: 'P', event: 'answer_item' },
    ]);
    expect(recipientTargets(facts('reject_suggestion', { details: { level: 'county' } }), chain, [])).toEqual([
      { kind: 'role', role: 'county_reviewer', orgUnitId: 'C', event: 'reject_suggestion' },
    ]);
  });

  it('a comment: participants as comment, the @mentioned as mention (once each)', () => {
    expect(
      recipientTargets(facts('reply_thread', { details: { mentions: ['m', 'p2'] } }), chain, ['p1', 'p2']),
    ).toEqual([
      { kind: 'user', userId: 'p1', event: 'comment' },
      { kind: 'user', userId: 'm', event: 'mention' },
      { kind: 'user', userId: 'p2', event: 'mention' },
    ]);
  });

  it('a new thread also tells the other side: drafters for a reviewer, county reviewers for a drafter', () => {
    expect(
      recipientTargets(
        facts('open_thread', { details: { actorRole: 'prefecture_reviewer', mentions: [] } }),
        chain,
        [],
      ),
    ).toEqual([{ kind: 'role', role: 'township_drafter', orgUnitId: 'T', event: 'comment' }]);
    expect(
      recipientTargets(
        facts('open_thread', { details: { actorRole: 'township_drafter', mentions: ['m'] } }),
        chain,
        [],
      ),
    ).toEqual([
      { kind: 'role', role: 'county_reviewer', orgUnitId: 'C', event: 'comment' },
      { kind: 'user', userId: 'm', event: 'mention' },
    ]);
  });

  it('starting a review, resolving or reopening a thread tell nobody', () => {
    for (const action of ['start_review', 'resolve_thread', 'reopen_thread'] as const) {
      expect(recipientTargets(facts(action, { toStage: 'county_review' }), chain, ['p1'])).toEqual([]);
    }
  });

  it('an adjustment started tells the other side: the county when the township starts it, and back', () => {
    expect(
      recipientTargets(
        facts('start_adjustment', { toStage: 'drafting', details: { actorRole: 'township_drafter' } }),
        chain,
        [],
      ),
    ).toEqual([{ kind: 'role', role: 'county_reviewer', orgUnitId: 'C', event: 'start_adjustment' }]);
    expect(
      recipientTargets(
        facts('start_adjustment', { toStage: 'drafting', details: { actorRole: 'county_reviewer' } }),
        chain,
        [],
      ),
    ).toEqual([{ kind: 'role', role: 'township_drafter', orgUnitId: 'T', event: 'start_adjustment' }]);
  });
});
