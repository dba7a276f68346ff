// Everything the v2 core logs, and every error it produces (message, stack,
// util.inspect, JSON), across a run of every operation with every kind of
// credentials, success and failure: none may hold an API key, a bearer token,
// the private key, or a stored value.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inspect } from 'node:util';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startLocalVault, type LocalVault } from '../../src/local-vault/index.js';
import {
  LogLevel,
  Skyflow,
  generateBearerToken,
  type Credentials,
  type LogEntry,
} from '../../src/v2/index.js';
import { sharedVault } from '../helpers/shared-vault.js';

const vault = sharedVault();
const lines: string[] = [];
const errors: unknown[] = [];
let own: LocalVault;
let staticToken: string;
const marker = randomUUID().slice(0, 8);
const values = {
  card_number: `4000-${marker.slice(0, 4)}-${marker.slice(4, 8)}-9999`.replace(/[a-f]/g, '7'),
  cardholder_name: `Secret Holder ${marker}`,
  expiry_date: `exp-${marker}`,
  cvv: `cvv-${marker}`,
};

beforeAll(async () => {
  own = await startLocalVault({ faults: [] });
  staticToken = (await generateBearerToken(vault.credentialsPath, { caCert: vault.caCert })).accessToken;
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { depth: 10 }))).join(' '));
    });
  }
});
afterAll(async () => {
  vi.restoreAllMocks();
  await own.close();
});

async function capture(promise: Promise<unknown>): Promise<void> {
  try {
    await promise;
  } catch (error) {
    errors.push(error);
  }
}

function client(credentials: Credentials, useConsole: boolean, extra: { baseUrl?: string; timeoutMs?: number } = {}) {
  return new Skyflow({
    vaultConfigs: [{ vaultId: vault.vaultId, baseUrl: extra.baseUrl ?? vault.url, caCert: vault.caCert }],
    skyflowCredentials: credentials,
    logLevel: LogLevel.DEBUG,
    ...(useConsole ? {} : { logger: (entry: LogEntry) => lines.push(`${entry.level} ${entry.message}`) }),
    ...(extra.timeoutMs ? { timeoutMs: extra.timeoutMs } : {}),
    retry: { limit: 1, sleep: async () => {} },
  });
}

it('no log line or error holds a secret or a stored value', async () => {
  const credentialsString = await readFile(vault.credentialsPath, 'utf8');
  const kinds: Credentials[] = [
    { apiKey: vault.apiKey },
    { path: vault.credentialsPath },
    { credentialsString },
    { token: staticToken },
    { bearerTokenSource: async () => staticToken },
  ];
  for (const [index, credentials] of kinds.entries()) {
    const sky = client(credentials, index % 2 === 0);
    const v = sky.vault();
    const inserted = await v.insert({ table: 'cards', values: [values], returnTokens: true, upsert: 'card_number' });
    const id = inserted.insertedFields[0]!.skyflowId;
    const token = inserted.insertedFields[0]!['cvv'] as string;
    await v.get({ table: 'cards', ids: [id], redactionType: 'PLAIN_TEXT' });
    await v.get({ table: 'cards', columnName: 'card_number', columnValues: [values.card_number] });
    await v.detokenize({ tokens: [{ token, redactionType: 'PLAIN_TEXT' }, { token: 'missing' }], continueOnError: true });
    await v.tokenize({ values: [{ value: values.cardholder_name, columnGroup: 'name' }] });
    await v.query({ query: `SELECT * FROM cards WHERE cvv = '${values.cvv}'` });
    await v.update({ table: 'cards', data: { skyflowId: id, expiry_date: values.expiry_date }, returnTokens: true });
    await v.insert({ table: 'cards', values: [values, { ...values, colour: values.cvv }], continueOnError: true });

    await capture(v.insert({ table: 'cards', values: [values] })); // unique violation
    await capture(v.insert({ table: 'no_table', values: [values] }));
    await capture(v.get({ table: 'cards', columnName: 'card_number', columnValues: [`${values.card_number}0`] }));
    await capture(v.detokenize({ tokens: [{ token: values.cvv }] }));
    await capture(v.tokenize({ values: [{ value: `${values.cvv}-x`, columnGroup: 'name' }] }));
    await capture(v.query({ query: `SELECT * FROM cards WHERE cvv = "${values.cvv}"` }));
    await capture(v.update({ table: 'cards', data: { skyflowId: randomUUID(), cvv: values.cvv } }));
    await capture(v.insert({ table: 'cards', values: [{ ...values, cvv: { nested: values.cvv } }] }));
    await capture(Promise.resolve().then(() => v.insert({ table: '', values: [values] })));
    sky.close();
  }

  // failures without an answer, and refused credentials
  const closed = await startLocalVault({ tls: false });
  const closedUrl = closed.url;
  await closed.close();
  await capture(client({ apiKey: vault.apiKey }, true, { baseUrl: closedUrl }).vault().insert({ table: 'cards', values: [values] }));
  own.setFaults([{ operation: 'detokenize', latencyMs: 500 }]);
  const slow = new Skyflow({
    vaultConfigs: [{ vaultId: own.vaultId, baseUrl: own.url, caCert: own.caCert!, credentials: { apiKey: own.apiKey } }],
    logLevel: LogLevel.DEBUG,
    timeoutMs: 100,
    retry: { limit: 0 },
  });
  await capture(slow.vault().detokenize({ tokens: [{ token: values.cvv }] }));
  slow.close();
  await capture(client({ apiKey: `sky-${'1'.repeat(48)}` }, true).vault().get({ table: 'cards', ids: ['x'] }));
  await capture(client({ credentialsString: JSON.stringify({ ...own.credentials }) }, false).vault().get({ table: 'cards', ids: ['x'] }));
  // a bearer token source answering with a token that cannot be sent
  await capture(client({ bearerTokenSource: () => `${vault.apiKey}\n` }, true).vault().get({ table: 'cards', ids: ['x'] }));
  await capture(client({ bearerTokenSource: () => ` ${staticToken}` }, false).vault().get({ table: 'cards', ids: ['x'] }));
  await capture(Promise.resolve().then(() => client({ apiKey: 'not-a-key' }, true)));
  await capture(Promise.resolve().then(() => client({ credentialsString: '{"privateKey": 1' }, true)));

  expect(errors.length).toBeGreaterThanOrEqual(40);
  expect(lines.length).toBeGreaterThan(100);

  const privateKeyBody = vault.credentials.privateKey.split('\n').filter((line) => line && !line.startsWith('-----'));
  const secrets = [
    vault.apiKey,
    own.apiKey,
    staticToken,
    ...privateKeyBody.slice(1, 4),
    ...Object.values(values),
  ];
  const rendered = [
    ...lines,
    ...errors.flatMap((error) => [
      String(error),
      (error as Error).stack ?? '',
      inspect(error, { depth: 10, showHidden: true }),
      JSON.stringify(error),
    ]),
  ];
  for (const text of rendered) {
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/eyJ[\w-]{10,}\.eyJ[\w-]{10,}/); // any JWT
    expect(text).not.toContain('PRIVATE KEY');
  }
});
