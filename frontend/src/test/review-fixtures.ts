import type {
  ItemDecision,
  ListAbilities,
  ListDetail,
  ReviewItem,
  ReviewState,
  Thread,
  UserRef,
  VersionItem,
} from '@dutylist/shared';
import { LIST_FIXTURE_ID, makeAbilities } from './fixtures';

/** Fixtures of the reviewer's side of the cycle (the round page, threads, history). */

const uuid = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const COUNTY_REVIEWER: UserRef = {
  id: uuid('aaaaaaaa', 1),
  displayName: '阿合奇县委编办 审核员',
  role: 'county_reviewer',
  orgName: '阿合奇县',
};
export const DRAFTER: UserRef = {
  id: uuid('aaaaaaaa', 2),
  displayName: '阿合奇镇 起草人',
  role: 'township_drafter',
  orgName: '阿合奇镇',
};

export function reviewerAbilities(overrides: Partial<ListAbilities> = {}): ListAbilities {
  return makeAbilities({ comment: true, ...overrides });
}

export function reviewList(overrides: Partial<ListDetail> = {}): ListDetail {
  const org = (n: number, name: string) => ({ id: uuid('bbbbbbbb', n), name });
  return {
    id: LIST_FIXTURE_ID,
    edition: 2025,
    title: '阿合奇镇履职事项清单（2025年）',
    stage: 'county_review',
    round: 2,
    maxRounds: 3,
    township: org(1, '阿合奇镇'),
    county: org(2, '阿合奇县'),
    prefecture: org(3, '克孜勒苏柯尔克孜自治州'),
    counts: { basic: 3, cooperative: 1, revoked: 0 },
    turn: { role: 'county_reviewer', orgUnit: org(2, '阿合奇县'), task: '逐项审核' },
    returnLevel: null,
    stageSince: '2025-07-01T08:00:00.000Z',
    deadline: '2025-07-08T08:00:00.000Z',
    overdue: true,
    updatedAt: '2025-07-01T08:00:00.000Z',
    can: reviewerAbilities({ decideItems: true, returnRound: true, approve: true }),
    explanation: { area: '', population: '', villages: '', basicInfo: '', process: '', content: '' },
    versions: [],
    adjusting: false,
    inForce: null,
    cycle: { number: 1, kind: 'initial' },
    publications: [],
    base: null,
    ...overrides,
  };
}

export function versionItem(n: number, overrides: Partial<VersionItem> = {}): VersionItem {
  return {
    id: uuid('cccccccc', n),
    table: 'basic',
    seq: n,
    category: '党的建设',
    name: `事项${n}`,
    departments: [],
    upperDuties: '',
    townshipDuties: '',
    undertaker: '',
    ...overrides,
  };
}

export function decision(itemId: string, overrides: Partial<ItemDecision> = {}): ItemDecision {
  return {
    id: uuid('dddddddd', Math.floor(Math.random() * 1e9)),
    itemId,
    level: 'county',
    decision: 'approved',
    reason: null,
    suggestion: null,
    round: 2,
    versionNumber: 2,
    reviewer: COUNTY_REVIEWER,
    carriedOver: false,
    resolution: 'open',
    response: null,
    respondedAt: null,
    createdAt: '2025-07-02T08:00:00.000Z',
    ...overrides,
  };
}

export function reviewItem(item: VersionItem, overrides: Partial<ReviewItem> = {}): ReviewItem {
  return {
    item,
    change: 'unchanged',
    changedFields: [],
    previous: { table: item.table, seq: item.seq },
    decisions: [],
    openThreads: 0,
    threads: 0,
    ...overrides,
  };
}

/**
 * Round 2 of a county review: 1 added, 2 modified (name), 3 unchanged and undecided, 4 unchanged with the
 * approval carried over from round 1, 5 (cooperative) unchanged and returned with an open thread.
 */
export function reviewState(overrides: Partial<ReviewState> = {}): ReviewState {
  const added = versionItem(1, { name: '新增的事项' });
  const modified = versionItem(2, { name: '修改后的事项名称' });
  const unchanged = versionItem(3, { name: '没有变化的事项' });
  const carried = versionItem(4, { name: '上轮已通过的事项', category: '经济发展' });
  const cooperative = versionItem(5, {
    table: 'cooperative',
    seq: 1,
    name: '配合开展人口普查',
    departments: ['阿合奇县统计局'],
    townshipDuties: '配合入户登记',
  });
  const items: ReviewItem[] = [
    reviewItem(added, { change: 'added', previous: null }),
    reviewItem(modified, { change: 'modified', changedFields: ['name'] }),
    reviewItem(unchanged),
    reviewItem(carried, { decisions: [decision(carried.id, { carriedOver: true })] }),
    reviewItem(cooperative, {
      decisions: [decision(cooperative.id, { decision: 'returned', reason: '配合职责写得太笼统' })],
      openThreads: 1,
      threads: 2,
    }),
  ];
  return {
    stage: 'county_review',
    round: 2,
    level: 'county',
    version: { number: 2, round: 2, label: '第2轮报送（2上）', createdAt: '2025-07-01T08:00:00.000Z' },
    previousVersion: { number: 1, round: 1, label: '第1轮报送（1上）', createdAt: '2025-06-01T08:00:00.000Z' },
    items,
    summary: { total: 5, approved: 1, returned: 1, suggested: 0, undecided: 3, changed: 2, unresolvedThreads: 1 },
    feedback: [],
    openFeedback: 0,
    ...overrides,
  };
}

export function thread(itemId: string, overrides: Partial<Thread> = {}): Thread {
  return {
    id: uuid('eeeeeeee', Math.floor(Math.random() * 1e9)),
    listId: LIST_FIXTURE_ID,
    itemId,
    field: null,
    item: { table: 'basic', seq: 1, name: '新增的事项', deleted: false },
    openedRound: 1,
    status: 'open',
    createdBy: COUNTY_REVIEWER,
    createdAt: '2025-06-02T08:00:00.000Z',
    resolvedBy: null,
    resolvedAt: null,
    comments: [
      {
        id: uuid('ffffffff', Math.floor(Math.random() * 1e9)),
        author: COUNTY_REVIEWER,
        body: '请说明该事项的法律依据',
        mentions: [],
        round: 1,
        createdAt: '2025-06-02T08:00:00.000Z',
      },
    ],
    ...overrides,
  };
}

/** The JSON bodies the app sent to a path, in order. */
export function sentBodies(
  fetchMock: { mock: { calls: unknown[][] } },
  method: string,
  path: string | RegExp,
): unknown[] {
  return fetchMock.mock.calls
    .filter(([input, init]) => {
      const url = new URL(String(input), 'http://localhost');
      const sameMethod = ((init as RequestInit | undefined)?.method ?? 'GET').toUpperCase() === method;
      return sameMethod && (typeof path === 'string' ? url.pathname === path : path.test(url.pathname));
    })
    .map(([, init]) => {
      const body = (init as RequestInit | undefined)?.body;
      return typeof body === 'string' ? (JSON.parse(body) as unknown) : undefined;
    });
}
