// A local OpenID Connect provider (oidc-provider, a Koa app) for the single sign-on tests: it stands in
// for the region's unified identity service. ES module, so it runs as a child process (jest cannot
// import ES modules in-process). Configuration in OIDC_TEST_PROVIDER as JSON:
//   { "port": 0, "clientId": "…", "clientSecret": "…", "redirectUri": "http://127.0.0.1:…/api/auth/oidc/callback" }
// Prints `READY <issuer>` once it listens.
//
// Every account exists: the account id is the user name typed at the login step, and it is sent back
// as `preferred_username` (in userinfo, as OIDC Core wants for `profile` claims). The interaction is
// driven over HTTP: GET /interaction/:uid shows a form; POST /interaction/:uid/login (username=…)
// logs in and consents in one step; POST /interaction/:uid/abort answers access_denied.
import { createServer } from 'node:http';
import { Provider } from 'oidc-provider';

const settings = JSON.parse(process.env.OIDC_TEST_PROVIDER ?? '{}');

const server = createServer();
await new Promise((resolve) => server.listen(settings.port ?? 0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: settings.clientId,
      client_secret: settings.clientSecret,
      redirect_uris: [settings.redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  claims: { openid: ['sub'], profile: ['preferred_username', 'name'] },
  cookies: { keys: ['oidc-test-provider-cookie-key'] },
  features: { devInteractions: { enabled: false } },
  pkce: { required: () => true },
  findAccount: (_ctx, id) => ({
    accountId: id,
    claims: () => ({ sub: id, preferred_username: id, name: `统一身份 ${id}` }),
  }),
});

async function readForm(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const handle = provider.callback();
server.on('request', async (req, res) => {
  const url = new URL(req.url ?? '/', issuer);
  const match = /^\/interaction\/([^/]+)(?:\/(login|abort))?$/.exec(url.pathname);
  if (!match) return handle(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (!match[2] && req.method === 'GET') {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(
        `<!doctype html><form method="post" action="/interaction/${details.uid}/login">` +
          `<input name="username"><button>登录</button></form>`,
      );
      return;
    }
    if (match[2] === 'abort' && req.method === 'POST') {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'user aborted' });
      return;
    }
    if (match[2] === 'login' && req.method === 'POST') {
      const accountId = (await readForm(req)).get('username') ?? '';
      const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    res.statusCode = 405;
    res.end();
  } catch (error) {
    res.statusCode = 400;
    res.end(String(error));
  }
});

process.stdout.write(`READY ${issuer}\n`);
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
