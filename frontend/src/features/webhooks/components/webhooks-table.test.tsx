import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OrgUnit, WebhookSetting } from '@dutylist/shared';
import { mockFetch, renderWithProviders } from '@/test/test-utils';
import { WebhookFormModal } from './webhook-form-modal';
import { buildWebhookRows, WebhooksTable } from './webhooks-table';

const county: OrgUnit = { id: '00000000-0000-4000-8000-000000000001', name: '奇台县', level: 'county', parentId: null };
const town: OrgUnit = {
  id: '00000000-0000-4000-8000-000000000002',
  name: '碧流河镇',
  level: 'township',
  parentId: county.id,
};
const hook: WebhookSetting = {
  orgUnit: { id: county.id, name: county.name },
  provider: 'dingtalk',
  url: 'https://oapi.dingtalk.com/robot/send?access_token=8f2b****0d1e',
  hasSecret: true,
  enabled: true,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('通知机器人', { timeout: 60_000 }, () => {
  it('lists every unit with its robot, and shows a failing test message with the robot answer', async () => {
    mockFetch([
      {
        method: 'POST',
        path: `/api/notifications/webhooks/${county.id}/test`,
        body: { ok: false, httpStatus: 500, message: '机器人返回 HTTP 500：robot exploded' },
      },
    ]);
    renderWithProviders(<WebhooksTable rows={buildWebhookRows([town, county], [hook])} />);
    const countyRow = screen.getByTestId('webhook-row-奇台县');
    expect(countyRow.textContent).toContain('钉钉群机器人');
    expect(countyRow.textContent).toContain('access_token=8f2b****0d1e');
    expect(countyRow.textContent).toContain('已设置');
    expect(screen.getByTestId('webhook-row-碧流河镇').textContent).toContain('未配置');
    expect(screen.getByTestId('webhook-row-碧流河镇').textContent).toContain('奇台县');

    fireEvent.click(within(countyRow).getByTestId('webhook-test'));
    expect(await screen.findByText('机器人返回 HTTP 500：robot exploded')).toBeTruthy();
    expect(await within(screen.getByTestId('webhook-row-奇台县')).findByText(/测试失败/)).toBeTruthy();
  });

  it('shows the server refusal of an unsafe address on the URL field and sends the form as the contract says', async () => {
    const fetchMock = mockFetch([
      {
        method: 'PUT',
        path: `/api/notifications/webhooks/${town.id}`,
        status: 400,
        body: {
          statusCode: 400,
          code: 'WEBHOOK_URL_UNSAFE',
          message: 'Webhook 地址不能指向本机、内网或其他非公网地址（10.0.0.1）',
        },
      },
    ]);
    renderWithProviders(<WebhookFormModal orgUnit={town} current={null} onClose={() => undefined} />);
    const url = screen.getByTestId('webhook-url');
    const urlItem = () => url.closest('.ant-form-item') as HTMLElement;
    fireEvent.change(url, { target: { value: 'ftp://example.com/x' } });
    fireEvent.click(screen.getByTestId('webhook-form-submit'));
    // (antd's error list does not render in jsdom; the browser spec reads the messages themselves.)
    await waitFor(() => expect(urlItem().className).toContain('ant-form-item-has-error'));
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(false);

    fireEvent.change(url, { target: { value: 'http://10.0.0.1/send' } });
    fireEvent.click(screen.getByTestId('webhook-form-submit'));
    await waitFor(() => expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(true));
    await waitFor(() => expect(urlItem().className).toContain('ant-form-item-has-error'));
    expect(screen.getByTestId('webhook-form-modal')).toBeTruthy();
    const put = fetchMock.mock.calls.find(([, init]) => init?.method === 'PUT');
    expect(JSON.parse(String(put?.[1]?.body))).toEqual({
      provider: 'wecom',
      enabled: true,
      url: 'http://10.0.0.1/send',
    });
  });
});
