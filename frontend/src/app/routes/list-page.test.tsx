import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ListDetail } from '@dutylist/shared';
import { LIST_FIXTURE_ID as LIST_ID, makeItem, makeListDetail, makeReviewState } from '@/test/fixtures';
import { mockFetch, renderWithProviders } from '@/test/test-utils';
import { ListPage } from './list-page';

function makeList(editItems: boolean): ListDetail {
  return makeListDetail({ stage: editItems ? 'drafting' : 'submitted', can: { editItems, submit: editItems } });
}

function renderListPage(editItems: boolean) {
  mockFetch([
    { path: `/api/lists/${LIST_ID}`, body: makeList(editItems) },
    { path: `/api/lists/${LIST_ID}/items`, body: { items: [makeItem({ table: 'basic', name: '党建工作' })] } },
    { path: `/api/lists/${LIST_ID}/review`, body: makeReviewState({ stage: editItems ? 'drafting' : 'submitted' }) },
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
    await screen.findByText('党建工作', undefined, { timeout: 5000 });
    expect(screen.getByTestId('item-create')).toBeTruthy();
    expect(screen.getByTestId('import-open').getAttribute('href')).toBe(`/lists/${LIST_ID}/import`);
    expect(screen.getByText('导入文档')).toBeTruthy();
  });

  it('has no import for a read-only list', async () => {
    renderListPage(false);
    await screen.findByText('党建工作', undefined, { timeout: 5000 });
    expect(screen.getByTestId('read-only-hint')).toBeTruthy();
    expect(screen.queryByTestId('import-open')).toBeNull();
    expect(screen.queryByText('导入文档')).toBeNull();
  });
});
