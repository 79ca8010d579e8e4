import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  IMPORT_FIXTURE_ID as IMPORT_ID,
  LIST_FIXTURE_ID as LIST_ID,
  makeImportPreview as makePreview,
} from '@/test/fixtures';
import { mockFetch, renderWithProviders } from '@/test/test-utils';
import { ImportWorkflow } from './import-workflow';

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

  it('uploads the chosen file as multipart, shows a refusal in Chinese, then the preview of a good file', async () => {
    const preview = makePreview();
    let uploads = 0;
    const fetchMock = mockFetch([{ path: `/api/lists/${LIST_ID}/imports/${IMPORT_ID}`, body: preview }]);
    const routed = fetchMock.getMockImplementation();
    fetchMock.mockImplementation(async (input, init) => {
      if (init?.method === 'POST') {
        uploads += 1;
        expect(init.body).toBeInstanceOf(FormData);
        const body =
          uploads === 1
            ? { statusCode: 422, code: 'NOT_A_DUTY_LIST', message: '未在文件中找到履职事项清单表格' }
            : preview;
        return new Response(JSON.stringify(body), { status: uploads === 1 ? 422 : 201 });
      }
      return routed!(input, init);
    });
    renderWithProviders(
      <ImportWorkflow listId={LIST_ID} township="三台镇" onDone={() => undefined} onCancel={() => undefined} />,
      { route: `/lists/${LIST_ID}/import` },
    );

    // rc-upload renders a fresh input after each pick.
    const input = () => screen.getByTestId('import-upload').querySelector('input[type="file"]') as HTMLInputElement;
    expect(input().accept).toBe('.txt,.docx,.xlsx');
    fireEvent.change(input(), { target: { files: [new File(['会议纪要'], 'notes.txt', { type: 'text/plain' })] } });
    expect((await screen.findByTestId('import-upload-error')).textContent).toContain('未在文件中找到履职事项清单表格');

    fireEvent.change(input(), { target: { files: [new File(['序号'], 'santai.txt', { type: 'text/plain' })] } });
    await screen.findByTestId('import-preview');
    expect(uploads).toBe(2);
    const form = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')?.[1]?.body as FormData;
    expect((form.get('file') as File).name).toBe('notes.txt');
  });
});
