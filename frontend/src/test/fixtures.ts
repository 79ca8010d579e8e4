import type { ImportPreview, ImportRow, Item, ListTable } from '@dutylist/shared';

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
