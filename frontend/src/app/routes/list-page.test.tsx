import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ListDetail } from '@dutylist/shared';
import { LIST_FIXTURE_ID as LIST_ID, makeItem } from '@/test/fixtures';
import { mockFetch, renderWithProviders } from '@/test/test-utils';
import { ListPage } from './list-page';

function makeList(editItems: boolean): ListDetail {
  const org = (id: number, name: string) => ({ id: `00000000-0000-4000-8000-00000000000${id}`, name });
  return {
    id: LIST_ID,
    edition: 2025,
    title: '三台镇履职事项清单（2025年）',
    stage: editItems ? 'drafting' : 'submitted',
    round: 1,
    maxRounds: 3,
    township: org(1, '三台镇'),
    county: org(2, '吉木萨尔县'),
    prefecture: org(3, '昌吉回族自治州'),
    counts: { basic: 1, cooperative: 0, revoked: 0 },
    updatedAt: '2025-07-01T08:00:00.000Z',
    can: { view: true, editItems },
    explanation: { area: '', population: '', villages: '', basicInfo: '', process: '', content: '' },
    versions: [],
  };
}

function renderListPage(editItems: boolean) {
  mockFetch([
    { path: `/api/lists/${LIST_ID}`, body: makeList(editItems) },
    { path: `/api/lists/${LIST_ID}/items`, body: { items: [makeItem({ table: 'basic', name: '党建工作' })] } },
  ]);
  renderWithProviders(
    <Routes>
      <Route path="/lists/:listId" element={<ListPage />} />
    </Routes>,
    { route: `/lists/${LIST_ID}` },
  );
}

describe('ListPage', () => {
  it('offers 导入文档 beside 新增事项 when the items may be edited', async () => {
    renderListPage(true);
    await screen.findByText('党建工作');
    expect(screen.getByTestId('item-create')).toBeTruthy();
    expect(screen.getByTestId('import-open').getAttribute('href')).toBe(`/lists/${LIST_ID}/import`);
    expect(screen.getByText('导入文档')).toBeTruthy();
  });

  it('has no import for a read-only list', async () => {
    renderListPage(false);
    await screen.findByText('党建工作');
    expect(screen.getByTestId('read-only-hint')).toBeTruthy();
    expect(screen.queryByTestId('import-open')).toBeNull();
    expect(screen.queryByText('导入文档')).toBeNull();
  });
});
