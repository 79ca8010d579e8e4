import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeImportPreview as makePreview } from '@/test/fixtures';
import { renderWithProviders } from '@/test/test-utils';
import { ImportPreviewPanel } from './import-preview-panel';

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

    // The keyboard works too.
    fireEvent.keyDown(within(issues).getByText('配合履职事项第 25 项缺少乡镇配合职责'), { key: 'Enter' });
    await waitFor(() => expect(selectedRows()[0]?.getAttribute('data-row-key')).toBe('cooperative-25-425'));
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
