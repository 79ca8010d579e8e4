import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeItem } from '@/test/fixtures';
import { mockFetch, renderWithProviders } from '@/test/test-utils';
import { CONFLICT_RELOADED_MESSAGE, ItemFormModal } from './item-form-modal';

describe('ItemFormModal', () => {
  it('reloads the form with the current item when the save hits a version conflict', async () => {
    const item = makeItem({ table: 'basic', name: '旧的事项名称', version: 2 });
    const current = { ...item, name: '他人修改后的名称', version: 3 };
    const fetchMock = mockFetch([
      {
        method: 'PATCH',
        path: `/api/lists/${item.listId}/items/${item.id}`,
        status: 409,
        body: { statusCode: 409, code: 'ITEM_VERSION_CONFLICT', message: '事项已被修改', details: { current } },
      },
      { path: `/api/lists/${item.listId}/items`, body: { items: [current] } },
    ]);
    renderWithProviders(
      <ItemFormModal listId={item.listId} target={{ mode: 'edit', item }} onClose={() => undefined} />,
    );

    const nameInput = screen.getByTestId('item-name') as HTMLTextAreaElement;
    expect(nameInput.value).toBe('旧的事项名称');
    fireEvent.change(nameInput, { target: { value: '我的修改' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));

    expect(await screen.findByText(CONFLICT_RELOADED_MESSAGE)).toBeTruthy();
    await waitFor(() =>
      expect((screen.getByTestId('item-name') as HTMLTextAreaElement).value).toBe('他人修改后的名称'),
    );

    const patch = fetchMock.mock.calls.find(([, init]) => init?.method === 'PATCH');
    expect(JSON.parse(String(patch?.[1]?.body))).toMatchObject({ version: 2, name: '我的修改', category: '党的建设' });
  });
});
