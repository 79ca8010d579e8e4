import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeItem } from '@/test/fixtures';
import { renderWithProviders } from '@/test/test-utils';
import { ItemsTable, type ItemsTableActions } from './items-table';

const actions: ItemsTableActions = {
  onView: vi.fn(),
  onEdit: vi.fn(),
  onMove: vi.fn(),
  onDelete: vi.fn(() => Promise.resolve()),
  onShift: vi.fn(),
};

function headers(): string[] {
  return screen.getAllByRole('columnheader').map((cell) => cell.textContent ?? '');
}

describe('ItemsTable', () => {
  it('renders the document columns of the cooperative table, with Chinese pagination', () => {
    const items = [
      makeItem({
        table: 'cooperative',
        seq: 1,
        category: '民生服务',
        name: '城乡居民医疗保险参保登记',
        departments: ['县医保局', '县财政局'],
        upperDuties: '负责统筹全县城乡居民医疗保险工作。',
        townshipDuties: '配合做好参保宣传和登记。',
      }),
    ];
    renderWithProviders(<ItemsTable table="cooperative" items={items} allItems={items} canEdit actions={actions} />);

    expect(headers()).toEqual(
      expect.arrayContaining(['序号', '事项类别', '事项名称', '对应上级部门', '上级部门职责', '乡镇配合职责', '操作']),
    );
    expect(screen.getByText('县医保局、县财政局')).toBeTruthy();
    expect(screen.getByText('配合做好参保宣传和登记。')).toBeTruthy();
    expect(screen.getByTestId('item-edit')).toBeTruthy();
    expect(screen.getByTestId('item-move')).toBeTruthy();
    expect(screen.getByTestId('item-delete')).toBeTruthy();
    // The zh-CN antd locale is in effect.
    expect(screen.getAllByText(/条\/页/).length).toBeGreaterThan(0);
  });

  it('is read-only without the edit ability, and shows the revoked columns', () => {
    const items = [makeItem({ table: 'revoked', seq: 1, name: '农村危房改造鉴定', undertaker: '县住建局直接承担' })];
    renderWithProviders(
      <ItemsTable table="revoked" items={items} allItems={items} canEdit={false} actions={actions} />,
    );

    expect(headers()).toEqual(expect.arrayContaining(['序号', '事项类别', '事项名称', '承接部门及工作方式']));
    expect(headers()).not.toContain('上级部门职责');
    const row = screen.getByText('农村危房改造鉴定').closest('tr');
    expect(row).toBeTruthy();
    expect(within(row as HTMLElement).getByText('县住建局直接承担')).toBeTruthy();
    expect(screen.queryByTestId('item-edit')).toBeNull();
    expect(screen.queryByTestId('item-delete')).toBeNull();
    expect(screen.getByTestId('item-view')).toBeTruthy();
  });
});
