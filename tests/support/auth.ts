import type { TestApp } from './test-app';
import { TEST_PASSWORD } from './factories';

/** Logs in over HTTP and returns the Authorization header value. */
export async function bearer(app: TestApp, username: string, password = TEST_PASSWORD): Promise<string> {
  const res = await app.http.post('/api/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return `Bearer ${res.body.accessToken as string}`;
}
