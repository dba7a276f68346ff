// Raw HTTP: the requests the SDKs send, written by hand on one keep-alive
// agent, with no SDK in between — the limit of what this server can do for a
// client. Authentication is the same JWT-bearer exchange, cached until shortly
// before the token expires, one exchange at a time.
import { Agent, request } from 'node:https';
import { SignJWT, decodeJwt, importPKCS8 } from 'jose';

const GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** @param {{ vault: { url: string, vaultId: string, credentials: any } }} options */
export function createRawDriver({ vault }) {
  const agent = new Agent({ keepAlive: true });
  const base = `/v1/vaults/${encodeURIComponent(vault.vaultId)}`;
  const { clientID, keyID, tokenURI, privateKey } = vault.credentials;
  const signingKey = importPKCS8(privateKey, 'RS256');

  let token = { value: '', refreshAt: 0 };
  let exchange;
  const bearer = () => {
    if (Date.now() < token.refreshAt) return Promise.resolve(token.value);
    exchange ??= (async () => {
      const now = Math.floor(Date.now() / 1000);
      const assertion = await new SignJWT({ key: keyID })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
        .setIssuer(clientID)
        .setSubject(clientID)
        .setAudience(tokenURI)
        .setIssuedAt(now)
        .setExpirationTime(now + 3600)
        .sign(await signingKey);
      const { accessToken } = await send('POST', tokenURI, { grant_type: GRANT, assertion });
      const { exp = now } = decodeJwt(accessToken);
      // Renew a little before expiry, so that no request leaves with a dying token.
      token = { value: accessToken, refreshAt: exp * 1000 - Math.min(30_000, (exp - now) * 100) };
      return accessToken;
    })().finally(() => (exchange = undefined));
    return exchange;
  };

  function send(method, url, body, authorization) {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = { accept: 'application/json' };
    if (payload !== undefined) headers['content-type'] = 'application/json';
    if (authorization !== undefined) headers.authorization = `Bearer ${authorization}`;
    return new Promise((resolve, reject) => {
      const req = request(url, { method, agent, headers }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          if (res.statusCode < 200 || res.statusCode >= 300) {
            reject(new Error(`HTTP ${res.statusCode} from ${method} ${new URL(url).pathname}`));
            return;
          }
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch {
            reject(new Error(`${method} ${new URL(url).pathname} answered with a body that is not JSON`));
          }
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  const call = async (method, path, body) => send(method, `${vault.url}${path}`, body, await bearer());

  return {
    providerCalls: () => null,
    async insert(records) {
      const answer = await call('POST', `${base}/cards`, {
        records: records.map((fields) => ({ fields })),
        tokenization: true,
        byot: 'DISABLE',
      });
      return answer.records.map(({ skyflow_id, tokens }) => ({ skyflowId: skyflow_id, token: tokens.card_number }));
    },
    async detokenize(tokens) {
      const answer = await call('POST', `${base}/detokenize`, {
        detokenizationParameters: tokens.map((token) => ({ token, redaction: 'PLAIN_TEXT' })),
        continueOnError: true,
      });
      return answer.records.filter((record) => record.error === undefined).length;
    },
    async get(ids) {
      const query = new URLSearchParams(ids.map((id) => ['skyflow_ids', id]));
      query.append('redaction', 'PLAIN_TEXT');
      const answer = await call('GET', `${base}/cards?${query}`);
      return answer.records.length;
    },
    async update(id, fields) {
      const answer = await call('PUT', `${base}/cards/${encodeURIComponent(id)}`, { record: { fields }, tokenization: true, byot: 'DISABLE' });
      return answer.skyflow_id === id ? 1 : 0;
    },
    close: () => agent.destroy(),
  };
}
