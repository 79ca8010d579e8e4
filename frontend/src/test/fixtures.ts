import type {
  Feedback,
  ImportPreview,
  ImportRow,
  Item,
  ItemDecision,
  ListAbilities,
  ListDetail,
  ListTable,
  ReviewState,
  UserAbilities,
  UserRef,
  VersionItem,
} from '@dutylist/shared';

let counter = 0;

export function makeItem(overrides: Partial<Item> & { table: ListTable }): Item {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    listId: '11111111-1111-4111-8111-111111111111',
    seq: counter,
    version: 1,
    updatedAt: '2025-03-01T08:00:00.000Z',
    category: '党的建设',
    name: `事项${counter}`,
    departments: [],
    upperDuties: '',
    townshipDuties: '',
    undertaker: '',
    ...overrides,
  };
}

export const LIST_FIXTURE_ID = '11111111-1111-4111-8111-111111111111';
export const IMPORT_FIXTURE_ID = '22222222-2222-4222-8222-222222222222';

function importRow(table: ListTable, seq: number, overrides: Partial<ImportRow> = {}): ImportRow {
  return {
    table,
    seq,
    category: '党的建设',
    name: `${table}事项${seq}`,
    departments: [],
    upperDuties: '',
    townshipDuties: '',
    undertaker: '',
    line: (table === 'basic' ? 100 : table === 'cooperative' ? 400 : 800) + seq,
    itemId: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    status: 'unchanged',
    confidence: 1,
    moved: false,
    ...overrides,
  };
}

/** 45 basic rows (three pages of 20), 30 cooperative, 2 revoked. */
export function makeImportPreview(): ImportPreview {
  const rows = [
    ...Array.from({ length: 45 }, (_, i) =>
      importRow('basic', i + 1, i === 1 ? { status: 'changed', confidence: 0.87, name: '改写后的事项名称' } : {}),
    ),
    ...Array.from({ length: 30 }, (_, i) =>
      importRow(
        'cooperative',
        i + 1,
        i === 24 ? { status: 'added', itemId: null, confidence: null, name: '新加的配合事项' } : {},
      ),
    ),
    importRow('revoked', 1, { moved: true }),
    importRow('revoked', 2),
  ];
  return {
    id: IMPORT_FIXTURE_ID,
    listId: LIST_FIXTURE_ID,
    fileName: 'santai.txt',
    status: 'previewed',
    title: { township: '三台镇', county: '吉木萨尔县', prefecture: '昌吉回族自治州' },
    statedCounts: { basic: 45, cooperative: 31, revoked: 2, total: 78 },
    counts: { basic: 45, cooperative: 30, revoked: 2 },
    summary: { unchanged: 75, changed: 1, added: 1, removed: 1 },
    issues: [
      {
        severity: 'warning',
        code: 'COUNT_MISMATCH',
        line: 12,
        list: 'cooperative',
        seq: null,
        message: '说明中配合履职事项为 31 项，实际 30 项',
      },
      {
        severity: 'error',
        code: 'EMPTY_DUTY',
        line: 425,
        list: 'cooperative',
        seq: 25,
        message: '配合履职事项第 25 项缺少乡镇配合职责',
      },
      { severity: 'info', code: 'RENUMBERED', line: 102, list: null, seq: null, message: '第 102 行序号已重排' },
    ],
    rows,
    removed: [{ itemId: '33333333-3333-4333-8333-333333333333', table: 'basic', seq: 46, name: '被删掉的事项' }],
    createdAt: '2025-07-01T08:00:00.000Z',
  };
}

// ---------------------------------------------------------------- lists and the review cycle

const org = (n: number, name: string) => ({ id: `99999999-9999-4999-8999-${String(n).padStart(12, '0')}`, name });
export const FIXTURE_ORGS = {
  township: org(1, '三台镇'),
  county: org(2, '吉木萨尔县'),
  prefecture: org(3, '昌吉回族自治州'),
};

/** No ability at all; pass the ones a test needs. */
/** What `me.can` says: nothing, unless the test says otherwise. */
export function makeUserAbilities(overrides: Partial<UserAbilities> = {}): UserAbilities {
  return {
    manageOrgUnits: false,
    manageAccounts: false,
    onboard: false,
    manageWebhooks: false,
    manageEditions: false,
    viewDashboard: false,
    draftLists: false,
    reviewLists: false,
    ...overrides,
  };
}

export function makeAbilities(overrides: Partial<ListAbilities> = {}): ListAbilities {
  return {
    view: true,
    editItems: false,
    submit: false,
    startReview: false,
    decideItems: false,
    returnRound: false,
    approve: false,
    signOff: false,
    returnItems: false,
    publish: false,
    answerFeedback: false,
    comment: false,
    ...overrides,
  };
}

export function makeListDetail(
  overrides: Omit<Partial<ListDetail>, 'can'> & { can?: Partial<ListAbilities> } = {},
): ListDetail {
  const { can, ...rest } = overrides;
  return {
    id: LIST_FIXTURE_ID,
    edition: 2025,
    title: '三台镇履职事项清单（2025年）',
    stage: 'drafting',
    round: 1,
    maxRounds: 3,
    ...FIXTURE_ORGS,
    counts: { basic: 1, cooperative: 0, revoked: 0 },
    turn: { role: 'township_drafter', orgUnit: FIXTURE_ORGS.township, task: '起草并报送' },
    returnLevel: null,
    stageSince: '2025-07-01T08:00:00.000Z',
    deadline: null,
    overdue: false,
    updatedAt: '2025-07-01T08:00:00.000Z',
    explanation: { area: '', population: '', villages: '', basicInfo: '', process: '', content: '' },
    versions: [],
    ...rest,
    can: makeAbilities(can),
  };
}

export function makeUserRef(overrides: Partial<UserRef> = {}): UserRef {
  return {
    id: '44444444-4444-4444-8444-444444444444',
    displayName: '吉木萨尔县委编办 审核员',
    role: 'county_reviewer',
    orgName: '吉木萨尔县',
    ...overrides,
  };
}

export function makeVersionItem(overrides: Partial<VersionItem> & { id: string }): VersionItem {
  return {
    table: 'basic',
    seq: 1,
    category: '党的建设',
    name: '事项',
    departments: [],
    upperDuties: '',
    townshipDuties: '',
    undertaker: '',
    ...overrides,
  };
}

let decisionCounter = 0;

/** A return (with a reason) or suggestion by the county in round 1, still open, on an unchanged item. */
export function makeFeedback(
  item: VersionItem,
  decision: Partial<ItemDecision> & Pick<ItemDecision, 'decision'>,
  overrides: Partial<Omit<Feedback, 'decision'>> = {},
): Feedback {
  decisionCounter += 1;
  return {
    decision: {
      id: `55555555-5555-4555-8555-${String(decisionCounter).padStart(12, '0')}`,
      itemId: item.id,
      level: 'county',
      reason: null,
      suggestion: null,
      round: 1,
      versionNumber: 1,
      reviewer: makeUserRef(),
      carriedOver: false,
      resolution: 'open',
      response: null,
      respondedAt: null,
      createdAt: '2025-07-02T08:00:00.000Z',
      ...decision,
    },
    reviewed: item,
    current: { ...item, version: 1 },
    settled: false,
    status: 'open',
    ...overrides,
  };
}

export function makeReviewState(overrides: Partial<ReviewState> = {}): ReviewState {
  const feedback = overrides.feedback ?? [];
  return {
    stage: 'returned',
    round: 1,
    level: null,
    version: { number: 1, round: 1, label: '第1轮报送稿', createdAt: '2025-07-01T08:00:00.000Z' },
    previousVersion: null,
    items: [],
    summary: { total: 0, approved: 0, returned: 0, suggested: 0, undecided: 0, changed: 0, unresolvedThreads: 0 },
    feedback,
    openFeedback: new Set(feedback.filter((f) => !f.settled).map((f) => f.decision.itemId)).size,
    ...overrides,
  };
}
