// Parity of what the client does with the tokens its getBearerToken gives:
// skyflow-node@1.14.3 and skyflow-bridge/v1 against the same vault.
import { SignJWT } from 'jose';
import { RedactionType, RequestMethod, echoUrl, parity, vaultToken, type Run, type Scenario, type TokenProvider, type V1Client } from './parity-harness.js';

const secret = new TextEncoder().encode('not-the-vault-key-not-the-vault-key');
const now = () => Math.floor(Date.now() / 1000);

/** An HS256 JWT the vault did not issue. */
function forgedJwt(claims: Record<string, unknown>, exp?: number): Promise<string> {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' });
  if (exp !== undefined) jwt.setExpirationTime(exp);
  return jwt.sign(secret);
}

interface Provider {
  name: string;
  getBearerToken: (run: Run) => TokenProvider;
}

const providers: Provider[] = [
  { name: 'an expired JWT', getBearerToken: () => () => forgedJwt({}, now() - 60) },
  { name: "a non-JWT string ('opaque-token')", getBearerToken: () => async () => 'opaque-token' },
  { name: 'an empty string', getBearerToken: () => async () => '' },
  { name: 'a provider that rejects with an Error', getBearerToken: () => () => Promise.reject(new Error('no token for you')) },
  { name: 'a forged JWT with a future exp (the vault answers 401)', getBearerToken: () => () => forgedJwt({ sub: 'intruder' }, now() + 600) },
];

// Rarer provider answers, checked on a few methods.
const moreProviders: Provider[] = [
  { name: 'a forged JWT without exp (the vault answers 401)', getBearerToken: () => () => forgedJwt({ sub: 'intruder' }) },
  { name: 'a forged JWT with exp: 0', getBearerToken: () => () => forgedJwt({ sub: 'intruder', exp: 0 }) },
  { name: 'a JWT whose payload is not JSON', getBearerToken: () => async () => 'aGVhZGVy.bm90IGpzb24.c2ln' },
  { name: "three dots of nothing ('..')", getBearerToken: () => async () => '..' },
  { name: 'a payload of bad base64', getBearerToken: () => async () => 'a.%%%%%.c' },
  { name: 'a provider that resolves undefined', getBearerToken: () => async () => undefined },
  { name: 'a provider that resolves a number', getBearerToken: () => async () => 42 },
  { name: 'a provider that rejects with a string', getBearerToken: () => () => Promise.reject('denied') },
  { name: 'a provider that rejects with a plain object', getBearerToken: () => () => Promise.reject({ status: 403, reason: 'denied' }) },
];

/** One valid call of each method (the vault is reached only when the token is accepted). */
const calls: Record<keyof V1Client, (client: V1Client, run: Run) => Promise<unknown>> = {
  insert: (client, run) => client.insert({ records: [{ table: 'cards', fields: run.card() }] }),
  detokenize: (client, run) => client.detokenize({ records: [{ token: run.unique() }, { token: run.unique() }] }),
  getById: (client, run) => client.getById({ records: [{ ids: [run.unique()], table: 'cards', redaction: RedactionType.PLAIN_TEXT }] }),
  get: (client, run) =>
    client.get({
      records: [
        { ids: [run.unique()], table: 'cards', redaction: RedactionType.PLAIN_TEXT },
        { ids: [run.unique()], table: 'persons', redaction: RedactionType.PLAIN_TEXT },
      ],
    }),
  update: (client, run) => client.update({ records: [{ id: run.unique(), table: 'cards', fields: { cvv: '111' } }] }),
  delete: (client, run) => client.delete({ records: [{ id: run.unique(), table: 'cards' }] }),
  invokeConnection: (client) =>
    client.invokeConnection({ connectionURL: echoUrl('token'), methodName: RequestMethod.POST, requestBody: { a: 1 } }),
};
const methods = Object.keys(calls) as Array<keyof V1Client>;

const scenarios: Scenario[] = [
  ...providers.flatMap((provider) =>
    methods.map((method): Scenario => ({ name: `${method}: ${provider.name}`, getBearerToken: provider.getBearerToken, run: calls[method] })),
  ),
  ...moreProviders.flatMap((provider) =>
    (['insert', 'get', 'invokeConnection'] as const).map(
      (method): Scenario => ({ name: `${method}: ${provider.name}`, getBearerToken: provider.getBearerToken, run: calls[method] }),
    ),
  ),
  {
    name: 'getBearerToken is called once per method call, not per request',
    run: async (client, run) => {
      const { tokens } = await run.seedCard();
      const results = [];
      results.push(await client.detokenize({ records: [{ token: tokens['card_number'] }, { token: tokens['cvv'] }, { token: tokens['expiry_date'] }] }));
      const afterDetokenize = run.tokenCalls;
      results.push(
        await client.get({
          records: [
            { ids: [run.unique()], table: 'cards', redaction: RedactionType.PLAIN_TEXT },
            { ids: [run.unique()], table: 'persons', redaction: RedactionType.PLAIN_TEXT },
          ],
        }).catch((error: unknown) => error),
      );
      results.push(await client.insert({ records: [{ table: 'cards', fields: run.card() }, { table: 'persons', fields: run.person() }] }));
      results.push(await client.invokeConnection({ connectionURL: echoUrl('count'), methodName: RequestMethod.GET }));
      return { afterDetokenize, total: run.tokenCalls, results };
    },
  },
  {
    name: 'getBearerToken is called for every call (no caching across calls)',
    run: async (client, run) => {
      for (let i = 0; i < 3; i += 1) await client.insert({ records: [{ table: 'persons', fields: run.person() }] });
      return run.tokenCalls;
    },
  },
  {
    name: 'invalid input never calls getBearerToken',
    run: async (client, run) => {
      const errors = await Promise.all([
        client.insert({ records: [] }).catch((error: unknown) => error),
        client.detokenize({ records: [{}] }).catch((error: unknown) => error),
        client.get({ records: [{ table: 'cards' }] }).catch((error: unknown) => error),
        client.invokeConnection({ connectionURL: 'http://insecure.example' }).catch((error: unknown) => error),
      ]);
      return { errors, calls: run.tokenCalls };
    },
  },
  {
    name: 'a provider whose token changes between calls (each call uses its own)',
    getBearerToken: () => {
      let call = 0;
      return async () => (++call === 2 ? 'opaque-token' : vaultToken());
    },
    run: async (client, run) => {
      const outcomes = [];
      for (let i = 0; i < 3; i += 1) {
        outcomes.push(await client.insert({ records: [{ table: 'persons', fields: run.person() }] }, { tokens: false }).catch((error: unknown) => error));
      }
      return outcomes;
    },
  },
];

parity('bearer token parity: skyflow-node@1.14.3 vs skyflow-bridge/v1', scenarios);
