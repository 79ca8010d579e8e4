import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch } from '@/test/test-utils';
import { ApiError, apiClient, setUnauthorizedHandler } from './api-client';
import { TOKEN_STORAGE_KEY } from './auth-token';

describe('apiClient', () => {
  afterEach(() => setUnauthorizedHandler(() => undefined));

  it('sends the bearer token and parses JSON', async () => {
    window.localStorage.setItem(TOKEN_STORAGE_KEY, 'tok-1');
    const fetchMock = mockFetch([{ path: '/api/lists', body: [] }]);
    await expect(apiClient.get('/lists')).resolves.toEqual([]);
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.headers).toMatchObject({ Authorization: 'Bearer tok-1' });
  });

  it('sends JSON bodies as JSON and FormData as multipart without a Content-Type of its own', async () => {
    const fetchMock = mockFetch([
      { method: 'POST', path: '/api/lists/l1/items', status: 201, body: { id: 'i1' } },
      { method: 'POST', path: '/api/lists/l1/imports', status: 201, body: { id: 'imp1' } },
    ]);
    await apiClient.post('/lists/l1/items', { name: '事项' });
    const jsonInit = fetchMock.mock.calls[0]?.[1];
    expect(jsonInit?.headers).toMatchObject({ 'Content-Type': 'application/json' });
    expect(jsonInit?.body).toBe('{"name":"事项"}');

    const form = new FormData();
    form.append('file', new Blob(['序号\t事项类别\t事项名称'], { type: 'text/plain' }), 'list.txt');
    await expect(apiClient.post('/lists/l1/imports', form)).resolves.toEqual({ id: 'imp1' });
    const formInit = fetchMock.mock.calls[1]?.[1];
    expect(formInit?.body).toBe(form);
    expect(formInit?.headers).not.toHaveProperty('Content-Type');
  });

  it('turns an error body into an ApiError with its code, message and details', async () => {
    mockFetch([
      {
        method: 'DELETE',
        path: /\/api\/lists\/l1\/items\/i1/,
        status: 409,
        body: {
          statusCode: 409,
          code: 'ITEM_VERSION_CONFLICT',
          message: '该事项已被修改',
          details: { current: { id: 'i1' } },
        },
      },
    ]);
    const error = await apiClient.delete('/lists/l1/items/i1', { query: { version: 3 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: 'ITEM_VERSION_CONFLICT',
      message: '该事项已被修改',
      details: { current: { id: 'i1' } },
    });
  });

  it('clears the token and calls the unauthorized handler on 401, except for login', async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    const unauthorized = { statusCode: 401, code: 'UNAUTHENTICATED', message: '请先登录' };
    mockFetch([
      { path: '/api/auth/me', status: 401, body: unauthorized },
      { method: 'POST', path: '/api/auth/login', status: 401, body: { ...unauthorized, code: 'INVALID_CREDENTIALS' } },
    ]);

    window.localStorage.setItem(TOKEN_STORAGE_KEY, 'tok-2');
    await expect(apiClient.post('/auth/login', {}, { skipAuthRedirect: true })).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    expect(handler).not.toHaveBeenCalled();
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBe('tok-2');

    await expect(apiClient.get('/auth/me')).rejects.toMatchObject({ status: 401 });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('gives a Chinese message when the server is unreachable or answers without a JSON body', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(apiClient.get('/lists')).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
      message: '无法连接服务器，请检查网络后重试',
    });

    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response('<html>Bad Gateway</html>', { status: 502 }))),
    );
    await expect(apiClient.get('/lists')).rejects.toMatchObject({ status: 502, message: '服务器错误，请稍后重试' });
  });
});

describe('fileNameOf', () => {
  it('reads the UTF-8 file name of a download, then the plain one, then the fallback', async () => {
    const { fileNameOf } = await import('./api-client');
    const utf8 = `attachment; filename="duty-list.docx"; filename*=UTF-8''${encodeURIComponent('碧流河镇履职事项清单（2025年）.docx')}`;
    expect(fileNameOf(utf8, 'x')).toBe('碧流河镇履职事项清单（2025年）.docx');
    expect(fileNameOf('attachment; filename="duty-list.xlsx"', 'x')).toBe('duty-list.xlsx');
    expect(fileNameOf(null, '清单.txt')).toBe('清单.txt');
  });
});
