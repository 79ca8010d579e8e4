/**
 * A minimal browser over fetch for redirect-driven flows (single sign-on): one cookie jar for
 * 127.0.0.1 (cookies ignore the port, as in a browser), cookie paths honoured, redirects followed by
 * hand so each hop can be looked at.
 */
export class CookieBrowser {
  private readonly jar = new Map<string, { value: string; path: string }>();

  cookie(name: string): string | undefined {
    return this.jar.get(name)?.value;
  }

  async request(
    url: string,
    init: { method?: string; form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; location: string | null; body: string; url: string }> {
    const target = new URL(url);
    const headers: Record<string, string> = { ...init.headers };
    const cookies = [...this.jar]
      .filter(([, c]) => target.pathname === c.path || target.pathname.startsWith(c.path.replace(/\/?$/, '/')))
      .map(([name, c]) => `${name}=${c.value}`);
    if (cookies.length) headers.Cookie = cookies.join('; ');
    let body: string | undefined;
    if (init.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    } else if (init.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    const response = await fetch(target, { method: init.method ?? 'GET', headers, body, redirect: 'manual' });
    for (const header of response.headers.getSetCookie()) this.store(header);
    const location = response.headers.get('location');
    return {
      status: response.status,
      location: location ? new URL(location, target).href : null,
      body: await response.text(),
      url: target.href,
    };
  }

  /** GETs and follows redirects while `until` does not match the next location; the stopping location. */
  async follow(url: string, until: (location: URL) => boolean, maxHops = 15): Promise<URL> {
    let next = url;
    for (let hop = 0; hop < maxHops; hop += 1) {
      const res = await this.request(next);
      if (!res.location) throw new Error(`${res.url} answered ${res.status} without a redirect: ${res.body}`);
      const location = new URL(res.location);
      if (until(location)) return location;
      next = location.href;
    }
    throw new Error(`more than ${maxHops} redirects from ${url}`);
  }

  private store(header: string): void {
    const [pair, ...attributes] = header.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    let path = '/';
    let expired = value === '';
    for (const attribute of attributes) {
      const [key, val = ''] = attribute.split('=');
      if (key.toLowerCase() === 'path') path = val || '/';
      if (key.toLowerCase() === 'max-age' && Number(val) <= 0) expired = true;
      if (key.toLowerCase() === 'expires' && Date.parse(val) <= Date.now()) expired = true;
    }
    if (expired) this.jar.delete(name);
    else this.jar.set(name, { value, path });
  }
}
