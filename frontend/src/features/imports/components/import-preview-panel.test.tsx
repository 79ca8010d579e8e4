import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportPreview, ImportRow, ListTable } from '@dutylist/shared';
import { mockFetch, renderWithProviders } from '@/test/test-utils';
import { ImportPreviewPanel } from './import-preview-panel';
import { ImportWorkflow } from './import-workflow';

const LIST_ID = '11111111-1111-4111-8111-111111111111';
const IMPORT_ID = '22222222-2222-4222-8222-222222222222';

function row(table: ListTable, seq: number, overrides: Partial<ImportRow> = {}): ImportRow {
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
function makePreview(): ImportPreview {
  const rows = [
    ...Array.from({ length: 45 }, (_, i) =>
      row('basic', i + 1, i === 1 ? { status: 'changed', confidence: 0.87, name: '改写后的事项名称' } : {}),
    ),
    ...Array.from({ length: 30 }, (_, i) =>
      row(
        'cooperative',
        i + 1,
        i === 24 ? { status: 'added', itemId: null, confidence: null, name: '新加的配合事项' } : {},
      ),
    ),
    row('revoked', 1, { moved: true }),
    row('revoked', 2),
  ];
  return {
    id: IMPORT_ID,
    listId: LIST_ID,
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

const selectedRows = () => document.querySelectorAll('tr.import-row-selected');

describe('ImportPreviewPanel', () => {
  it('renders the title, the counts against the 说明 and the summary', () => {
    renderWithProviders(<ImportPreviewPanel preview={makePreview()} expectedTownship="三台镇" />);

    expect(screen.getByTestId('import-title-township').textContent).toBe('三台镇');
    expect(screen.queryByTestId('import-township-mismatch')).toBeNull();
    expect(within(screen.getByTestId('import-summary-unchanged')).getByText('75')).toBeTruthy();
    expect(within(screen.getByTestId('import-summary-changed')).getByText('修改')).toBeTruthy();
    expect(within(screen.getByTestId('import-summary-changed')).getByText('1')).toBeTruthy();
    expect(within(screen.getByTestId('import-summary-removed')).getByText('删除')).toBeTruthy();
    // Only the cooperative count (and so the total) disagrees with the 说明.
    expect(screen.getByTestId('import-count-mismatch-cooperative').textContent).toContain('31 项');
    expect(screen.getByTestId('import-count-mismatch-total')).toBeTruthy();
    expect(screen.queryByTestId('import-count-mismatch-basic')).toBeNull();
    expect(screen.getByTestId('import-tab-basic').textContent).toBe('基本履职事项 (45)');
    expect(within(screen.getByTestId('import-removed')).getByText('被删掉的事项')).toBeTruthy();
    // The reworded row shows its status and similarity.
    const changed = screen.getByText('改写后的事项名称').closest('tr') as HTMLElement;
    expect(within(changed).getByText('修改')).toBeTruthy();
    expect(within(changed).getByText(/相似度 87%/)).toBeTruthy();
  });

  it('flags a document titled for another township', () => {
    renderWithProviders(<ImportPreviewPanel preview={makePreview()} expectedTownship="碧流河镇" />);
    expect(screen.getByTestId('import-township-mismatch').textContent).toContain('碧流河镇');
  });

  it('clicking an issue switches to its table and page and highlights its row', async () => {
    renderWithProviders(<ImportPreviewPanel preview={makePreview()} />);
    const issues = screen.getByTestId('import-issues');
    expect(within(issues).getByText('错误')).toBeTruthy();
    expect(within(issues).getByText('警告')).toBeTruthy();
    expect(within(issues).getByText('提示')).toBeTruthy();
    expect(selectedRows()).toHaveLength(0);

    // Cooperative row 25 is on the second page of its tab.
    fireEvent.click(within(issues).getByText('配合履职事项第 25 项缺少乡镇配合职责'));
    await waitFor(() => expect(selectedRows()).toHaveLength(1));
    const selected = selectedRows()[0] as HTMLElement;
    expect(selected.getAttribute('data-row-key')).toBe('cooperative-25-425');
    expect(within(selected).getByText('新加的配合事项')).toBeTruthy();
    expect(screen.getByTestId('import-tab-cooperative').closest('[role="tab"]')?.getAttribute('aria-selected')).toBe(
      'true',
    );

    // An issue without a 序号 is found by its line: basic row 2.
    fireEvent.click(within(issues).getByText('第 102 行序号已重排'));
    await waitFor(() => expect(selectedRows()[0]?.getAttribute('data-row-key')).toBe('basic-2-102'));
    expect(screen.getByTestId('import-tab-basic').closest('[role="tab"]')?.getAttribute('aria-selected')).toBe('true');
  });

  it('只看有变化 keeps only the changed and added rows', () => {
    renderWithProviders(<ImportPreviewPanel preview={makePreview()} />);
    fireEvent.click(screen.getByTestId('import-only-changed'));
    expect(screen.getByTestId('import-tab-basic').textContent).toBe('基本履职事项 (1/45)');
    expect(screen.getByTestId('import-tab-cooperative').textContent).toBe('配合履职事项 (1/30)');
    const basicRows = screen.getByTestId('import-rows-basic').querySelectorAll('tbody tr.ant-table-row');
    expect(basicRows).toHaveLength(1);
  });
});

describe('ImportWorkflow', () => {
  it('loads the preview named in the URL and confirms it after the summary popconfirm', async () => {
    const preview = makePreview();
    const fetchMock = mockFetch([
      { path: `/api/lists/${LIST_ID}/imports/${IMPORT_ID}`, body: preview },
      {
        method: 'POST',
        path: `/api/lists/${LIST_ID}/imports/${IMPORT_ID}/confirm`,
        body: { ...preview, status: 'confirmed' },
      },
    ]);
    let done = 0;
    renderWithProviders(
      <ImportWorkflow listId={LIST_ID} township="三台镇" onDone={() => (done += 1)} onCancel={() => undefined} />,
      { route: `/lists/${LIST_ID}/import?import=${IMPORT_ID}` },
    );

    await screen.findByTestId('import-preview');
    fireEvent.click(screen.getByTestId('import-confirm'));
    expect((await screen.findByTestId('import-confirm-summary')).textContent).toContain(
      '修改 1 项、新增 1 项、删除 1 项',
    );
    fireEvent.click(screen.getByTestId('import-confirm-ok'));
    await waitFor(() => expect(done).toBe(1));
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(true);
  });

  it('shows the stale message and offers to upload again', async () => {
    const preview = makePreview();
    mockFetch([
      { path: `/api/lists/${LIST_ID}/imports/${IMPORT_ID}`, body: preview },
      {
        method: 'POST',
        path: `/api/lists/${LIST_ID}/imports/${IMPORT_ID}/confirm`,
        status: 409,
        body: {
          statusCode: 409,
          code: 'IMPORT_STALE',
          message: '预览之后清单草稿已被修改，请重新上传文件预览后再确认',
        },
      },
    ]);
    renderWithProviders(
      <ImportWorkflow listId={LIST_ID} township="三台镇" onDone={() => undefined} onCancel={() => undefined} />,
      { route: `/lists/${LIST_ID}/import?import=${IMPORT_ID}` },
    );
    await screen.findByTestId('import-preview');
    fireEvent.click(screen.getByTestId('import-confirm'));
    fireEvent.click(await screen.findByTestId('import-confirm-ok'));
    expect((await screen.findByTestId('import-stale')).textContent).toContain('预览之后清单草稿已被修改');
    fireEvent.click(screen.getByTestId('import-stale-restart'));
    expect(await screen.findByTestId('import-upload')).toBeTruthy();
    expect(screen.getByText('支持 Word 导出的文本、.docx、.xlsx，最大 50 MB')).toBeTruthy();
  });
});
