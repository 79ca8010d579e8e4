import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  assertSafeWebhookUrl,
  guardedLookup,
  isPublicAddress,
  parseAllowList,
  UnsafeWebhookTargetError,
  type HostResolver,
} from './webhook-target';
import { WebhookSender, WebhookSendError } from './webhook.sender';
import { maskWebhookUrl } from './webhook-format';
import type { AppConfig } from '../../../config/configuration';

const none = parseAllowList([]);

/** A resolver with fixed answers, so the rule is tested without the network. */
function dns(answers: Record<string, string[]>): HostResolver {
  return async (hostname) => {
    const found = answers[hostname.toLowerCase()];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return found;
  };
}

const publicDns = dns({
  'qyapi.weixin.qq.com': ['101.91.40.37', '240e:97c:2f:1::5c'],
  'oapi.dingtalk.com': ['203.119.169.18'],
  localhost: ['127.0.0.1', '::1'],
  'localhost.': ['127.0.0.1'],
  'metadata.evil.example': ['169.254.169.254'],
  'rebind.evil.example': ['8.8.8.8', '10.0.0.5'],
  '10.0.0.1.nip.io': ['10.0.0.1'],
  'robot.intranet': ['10.8.1.20'],
  'relay.corp.example': ['192.168.7.7'],
});

async function refused(url: string, allow = none, resolve = publicDns): Promise<string> {
  try {
    await assertSafeWebhookUrl(url, allow, resolve);
  } catch (error) {
    expect(error).toBeInstanceOf(UnsafeWebhookTargetError);
    return (error as Error).message;
  }
  throw new Error(`${url} was accepted`);
}

describe('webhook URL rule', () => {
  it.each([
    ['loopback', 'http://127.0.0.1:8080/hook'],
    ['loopback elsewhere in 127/8', 'http://127.45.6.7/'],
    ['short loopback', 'http://127.1/'],
    ['decimal IPv4', 'http://2130706433/'],
    ['hex IPv4', 'http://0x7f.1/'],
    ['hex IPv4, whole', 'http://0x7f000001/'],
    ['octal IPv4', 'http://0177.0.0.1/'],
    ['IPv6 loopback', 'http://[::1]/'],
    ['IPv4-mapped IPv6 loopback', 'http://[::ffff:127.0.0.1]/'],
    ['IPv4-mapped IPv6 metadata, hex', 'http://[::ffff:a9fe:a9fe]/latest/meta-data'],
    ['IPv4-mapped IPv6, long form', 'http://[0:0:0:0:0:ffff:10.1.2.3]/'],
    ['unspecified', 'http://0.0.0.0/'],
    ['unspecified, short', 'http://0/'],
    ['IPv6 unspecified', 'http://[::]/'],
    ['RFC 1918 10/8', 'http://10.1.2.3/'],
    ['RFC 1918 172.16/12', 'https://172.31.255.1/'],
    ['RFC 1918 192.168/16', 'http://192.168.1.1/cgi-bin/webhook/send?key=x'],
    ['CGNAT 100.64/10', 'http://100.100.100.200/'],
    ['link-local', 'http://169.254.10.10/'],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['IPv6 link-local', 'http://[fe80::1]/'],
    ['ULA fc00::/7', 'http://[fd12:3456:789a::1]/'],
    ['ULA fc00::', 'http://[fc00::1]/'],
    ['multicast', 'http://224.0.0.1/'],
    ['IPv6 multicast', 'http://[ff02::1]/'],
    ['broadcast', 'http://255.255.255.255/'],
    ['reserved 240/4', 'http://240.0.0.1/'],
    ['documentation', 'http://192.0.2.10/'],
    ['NAT64 embedding 127.0.0.1', 'http://[64:ff9b::7f00:1]/'],
    ['6to4 embedding 10.0.0.1', 'http://[2002:a00:1::]/'],
    ['localhost', 'http://localhost:3000/api'],
    ['localhost with a trailing dot', 'http://LOCALHOST./'],
    ['a name resolving to the metadata address', 'http://metadata.evil.example/'],
    ['a name with one private address among public ones', 'https://rebind.evil.example/'],
    ['a wildcard-DNS name', 'http://10.0.0.1.nip.io/'],
  ])('refuses %s (%s)', async (_what, url) => {
    expect(await refused(url)).toContain('非公网地址');
  });

  it('refuses other schemes and names that do not resolve', async () => {
    for (const url of [
      'ftp://qyapi.weixin.qq.com/',
      'file:///etc/passwd',
      'gopher://127.0.0.1/',
      'javascript:alert(1)',
    ]) {
      expect(await refused(url)).toContain('http:// 或 https://');
    }
    expect(await refused('https://no-such-host.invalid/')).toContain('无法解析');
  });

  it('accepts public robots, by name and by address', async () => {
    const wecom = await assertSafeWebhookUrl(
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx',
      none,
      publicDns,
    );
    expect(wecom.hostname).toBe('qyapi.weixin.qq.com');
    await assertSafeWebhookUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', none, publicDns);
    await assertSafeWebhookUrl('http://203.119.169.18/robot/send', none, publicDns);
    await assertSafeWebhookUrl('http://[2400:3200::1]/robot/send', none, publicDns);
    expect(isPublicAddress('8.8.8.8')).toBe(true);
    expect(isPublicAddress('::ffff:8.8.8.8')).toBe(true);
    expect(isPublicAddress('::ffff:10.0.0.1')).toBe(false);
    expect(isPublicAddress('not-an-ip')).toBe(false);
  });

  it('lets WEBHOOK_ALLOWED_HOSTS permit host names, wildcards, addresses and ranges', async () => {
    const allow = parseAllowList([
      'robot.intranet',
      '*.corp.example',
      '127.0.0.1',
      '10.20.0.0/16',
      '[::1]',
      'fd00::/16',
    ]);
    await assertSafeWebhookUrl('http://robot.intranet/send', allow, publicDns);
    await assertSafeWebhookUrl('http://ROBOT.intranet./send', allow, publicDns);
    await assertSafeWebhookUrl('http://relay.corp.example/send', allow, publicDns);
    await assertSafeWebhookUrl('http://127.0.0.1:9999/send', allow, publicDns);
    await assertSafeWebhookUrl('http://2130706433:9999/send', allow, publicDns);
    await assertSafeWebhookUrl('http://[::ffff:127.0.0.1]/send', allow, publicDns);
    await assertSafeWebhookUrl('http://10.20.3.4/send', allow, publicDns);
    await assertSafeWebhookUrl('http://[::1]/send', allow, publicDns);
    await assertSafeWebhookUrl('http://[fd00::5]/send', allow, publicDns);
    // Only what is listed: the neighbours stay refused.
    await refused('http://127.0.0.2/', allow);
    await refused('http://10.21.0.1/', allow);
    await refused('http://[fd12::1]/', allow);
    await refused('http://rebind.evil.example/', allow);
    await refused('http://corp.example.evil/', allow, dns({ 'corp.example.evil': ['10.0.0.1'] }));
    await refused('http://169.254.169.254/', allow);
  });

  it('checks the address again at connection time (DNS may change after saving)', async () => {
    let answer = ['93.184.216.34'];
    const changing: HostResolver = async () => answer;
    const lookup = guardedLookup(none, changing);
    const ask = () =>
      new Promise<{ error: Error | null; address: unknown }>((resolve) =>
        lookup('robot.example', { all: true }, (error, address) => resolve({ error, address })),
      );
    expect((await ask()).address).toEqual([{ address: '93.184.216.34', family: 4 }]);
    answer = ['127.0.0.1'];
    const later = await ask();
    expect(later.error).toBeInstanceOf(UnsafeWebhookTargetError);
  });

  it('masks the robot key in the URL shown to admins', () => {
    expect(
      maskWebhookUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7b2c-4d10-9f2e-1234abcd'),
    ).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a****abcd');
    expect(maskWebhookUrl('https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef')).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=0123****cdef',
    );
    expect(maskWebhookUrl('https://relay.example/hooks/0123456789abcdefXYZ')).toBe(
      'https://relay.example/hooks/0123****fXYZ',
    );
  });
});

describe('WebhookSender', () => {
  let server: Server;
  let port: number;
  const answers: { status: number; headers?: Record<string, string>; body: string }[] = [];
  let received = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        received += 1;
        const answer = answers.shift() ?? { status: 200, body: '{"errcode":0}' };
        res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
        res.end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sender = (allowed: string[]) => new WebhookSender({ WEBHOOK_ALLOWED_HOSTS: allowed } as AppConfig);
  const message = { title: '测试消息', body: '正文', url: 'http://app.test/', listTitle: '' };
  const hook = (url: string) => ({ provider: 'wecom' as const, url, secret: null });

  async function failure(promise: Promise<void>): Promise<WebhookSendError> {
    try {
      await promise;
    } catch (error) {
      expect(error).toBeInstanceOf(WebhookSendError);
      return error as WebhookSendError;
    }
    throw new Error('the message was sent');
  }

  it('refuses a loopback robot unless allow-listed, without connecting', async () => {
    const before = received;
    const error = await failure(sender([]).send(hook(`http://127.0.0.1:${port}/send`), message));
    expect(error.message).toContain('非公网地址');
    expect(error.httpStatus).toBeNull();
    expect(error.refused).toBe(true); // not retried by the deliveries queue
    expect((await failure(sender([]).send(hook(`http://localhost:${port}/send`), message))).message).toContain(
      '非公网地址',
    );
    expect(received).toBe(before);
    await sender(['127.0.0.1']).send(hook(`http://127.0.0.1:${port}/send`), message);
    expect(received).toBe(before + 1);
  });

  it('does not follow redirects, and reports the robot status and error text', async () => {
    const allowed = sender(['127.0.0.1']);
    answers.push({ status: 302, headers: { Location: 'http://169.254.169.254/' }, body: '' });
    const redirect = await failure(allowed.send(hook(`http://127.0.0.1:${port}/send`), message));
    expect(redirect.httpStatus).toBe(302);
    expect(redirect.message).toContain('重定向');
    answers.push({ status: 500, body: 'upstream broke' });
    const broken = await failure(allowed.send(hook(`http://127.0.0.1:${port}/send`), message));
    expect(broken).toMatchObject({
      httpStatus: 500,
      refused: false,
      message: expect.stringContaining('upstream broke'),
    });
    answers.push({ status: 200, body: '{"errcode":93000,"errmsg":"invalid webhook url"}' });
    const refusedByRobot = await failure(allowed.send(hook(`http://127.0.0.1:${port}/send`), message));
    expect(refusedByRobot.message).toContain('errcode 93000 invalid webhook url');
  });
});
