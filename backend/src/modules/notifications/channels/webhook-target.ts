import { lookup as dnsLookup } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import * as ipaddr from 'ipaddr.js';

/**
 * Where a group robot may be: only public addresses, so that an admin's webhook URL cannot make the
 * server call itself, the intranet or the cloud metadata service (SSRF). Everything that is not plain
 * public unicast is refused — loopback, RFC 1918, CGNAT, link-local (169.254.169.254), ULA, multicast,
 * unspecified, documentation and the IPv6 transition ranges that embed an IPv4 address — unless the
 * WEBHOOK_ALLOWED_HOSTS setting names the host, the address or a range around it.
 *
 * The URL parser (WHATWG) turns every spelling of an IPv4 address (2130706433, 0x7f.1, 0177.0.0.1) into
 * its dotted form, and ipaddr's `process` turns an IPv4-mapped IPv6 address back into IPv4, so one
 * range check covers all of them. Host names are resolved and every address checked; the sender checks
 * again inside the connection's own DNS lookup, so a name that changes its answer after saving is caught.
 */

type Address = ipaddr.IPv4 | ipaddr.IPv6;

export interface WebhookAllowList {
  /** Exact host names, lower case, without a trailing dot. */
  names: string[];
  /** `*.corp.example` entries, kept as `.corp.example`. */
  suffixes: string[];
  ranges: [Address, number][];
}

/** A webhook URL or address that the rule refuses; the message is for the admin (Chinese). */
export class UnsafeWebhookTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeWebhookTargetError';
  }
}

export type HostResolver = (hostname: string) => Promise<string[]>;

/** The system resolver (getaddrinfo, as the connection itself uses): every address of the name. */
export const systemResolver: HostResolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses.map((a) => a.address)),
    ),
  );

function normaliseName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

/** Parses WEBHOOK_ALLOWED_HOSTS entries (host names, `*.suffix`, IP addresses, CIDR ranges). */
export function parseAllowList(entries: readonly string[]): WebhookAllowList {
  const list: WebhookAllowList = { names: [], suffixes: [], ranges: [] };
  for (const raw of entries) {
    const entry = raw.trim().replace(/^\[(.*)\]$/, '$1');
    if (!entry) continue;
    if (entry.includes('/') && ipaddr.isValidCIDR(entry)) {
      const [address, bits] = ipaddr.parseCIDR(entry);
      list.ranges.push([address, bits]);
    } else if (isIP(entry)) {
      const address = ipaddr.process(entry);
      list.ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else if (entry.startsWith('*.')) {
      list.suffixes.push(normaliseName(entry.slice(1)));
    } else {
      list.names.push(normaliseName(entry));
    }
  }
  return list;
}

function isAllowedName(hostname: string, allow: WebhookAllowList): boolean {
  const name = normaliseName(hostname);
  return allow.names.includes(name) || allow.suffixes.some((suffix) => name.endsWith(suffix));
}

function isAllowedAddress(address: Address, allow: WebhookAllowList): boolean {
  return allow.ranges.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));
}

/** Plain public unicast: what ipaddr calls `unicast` once IPv4-mapped IPv6 is unwrapped. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/** Throws when the address is neither public nor allow-listed; `host` names it in the message. */
export function assertSafeAddress(address: string, allow: WebhookAllowList, host = address): void {
  const parsed = ipaddr.isValid(address) ? ipaddr.process(address) : null;
  if (parsed && (parsed.range() === 'unicast' || isAllowedAddress(parsed, allow))) return;
  const shown = host === address ? address : `${host} → ${address}`;
  throw new UnsafeWebhookTargetError(
    `Webhook 地址不能指向本机、内网或其他非公网地址（${shown}）；确需使用时，请在服务器设置 WEBHOOK_ALLOWED_HOSTS 中放行`,
  );
}

export interface WebhookTarget {
  url: URL;
  /** The host as the connection sees it (IPv6 without brackets). */
  hostname: string;
  /** The host is an IP address (then no DNS lookup happens). */
  literal: boolean;
  /** The host name is allow-listed as such: whatever it resolves to is accepted. */
  allowedByName: boolean;
}

/** Parses the URL and checks what needs no DNS: the scheme, and the address when the host is one. */
export function webhookTarget(raw: string, allow: WebhookAllowList): WebhookTarget {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeWebhookTargetError('请填写有效的 Webhook 地址');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UnsafeWebhookTargetError('Webhook 地址必须以 http:// 或 https:// 开头');
  }
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!hostname) throw new UnsafeWebhookTargetError('请填写有效的 Webhook 地址');
  const literal = isIP(hostname) !== 0;
  if (literal) assertSafeAddress(hostname, allow);
  return { url, hostname, literal, allowedByName: !literal && isAllowedName(hostname, allow) };
}

/** The whole rule, as checked when a robot is saved: the URL, then every address its host resolves to. */
export async function assertSafeWebhookUrl(
  raw: string,
  allow: WebhookAllowList,
  resolve: HostResolver = systemResolver,
): Promise<WebhookTarget> {
  const target = webhookTarget(raw, allow);
  if (target.literal || target.allowedByName) return target;
  let addresses: string[];
  try {
    addresses = await resolve(target.hostname);
  } catch {
    addresses = [];
  }
  if (addresses.length === 0) {
    throw new UnsafeWebhookTargetError(`无法解析 Webhook 地址的主机名 ${target.hostname}，请检查地址是否正确`);
  }
  for (const address of addresses) assertSafeAddress(address, allow, target.hostname);
  return target;
}

/**
 * A DNS lookup for http.request that resolves the name right before connecting and refuses the
 * connection when any address is not allowed: the address checked is the address connected to.
 */
export function guardedLookup(allow: WebhookAllowList, resolve: HostResolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    const done = callback as (
      error: Error | null,
      address: string | { address: string; family: number }[],
      family?: number,
    ) => void;
    resolve(hostname)
      .then((addresses) => {
        if (addresses.length === 0) throw new UnsafeWebhookTargetError(`无法解析主机名 ${hostname}`);
        if (!isAllowedName(hostname, allow)) {
          for (const address of addresses) assertSafeAddress(address, allow, hostname);
        }
        const family = typeof options.family === 'number' ? options.family : 0;
        const usable = addresses
          .map((address) => ({ address, family: isIP(address) }))
          .filter((a) => family === 0 || a.family === family);
        if (usable.length === 0) throw new UnsafeWebhookTargetError(`无法解析主机名 ${hostname}`);
        if (options.all) done(null, usable);
        else done(null, usable[0].address, usable[0].family);
      })
      .catch((error: Error) => done(error, '', 0));
  };
}
