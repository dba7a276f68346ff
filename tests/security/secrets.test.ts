// Nothing the SDK lets out may hold a secret or a stored value: not a log line
// at DEBUG, not a deprecation warning printed on every legacy call, not an
// error however a user prints it, not a migration event. One run through the
// v1 facade, the v2 core and a migration client in shadow mode, with
// successes, refusals and injected faults, everything captured.
//
// Left out on purpose: the dual view (`onV2Exchange`/`dualView`) exists to
// show a developer the v2 request and response of a call, values included.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalVault, type LocalVault } from '../../src/local-vault/index.js';
import { createMigrationClient, formatUsage, usageReport } from '../../src/migrate/index.js';
import {
  DetokenizeRequest,
  GetRequest,
  InsertRequest,
  LogLevel,
  Skyflow as V2,
  UpdateRequest,
  generateBearerTokenFromCreds as v2BearerToken,
} from '../../src/v2/index.js';
import {
  LogLevel as V1LogLevel,
  Skyflow as V1,
  generateBearerTokenFromCreds as v1BearerToken,
  isExpired,
  setDeprecationPolicy,
  setLogLevel,
} from '../../src/v1/index.js';
import { startCapture, type Capture } from '../helpers/capture.js';
import { expectNothingLeftOpen, openResources, type Resources } from '../helpers/resources.js';

let vault: LocalVault;
let capture: Capture;
let baseline: Resources;
let credentials: string;
const marker = randomUUID().replaceAll('-', '');
let sequence = 0;

/** A card whose every value is unique to this run and remembered as secret. */
function secretCard() {
  const n = String(sequence++).padStart(4, '0');
  const digits = `${marker.replace(/\D/g, '').padEnd(12, '7').slice(0, 12)}${n}`;
  const card = {
    card_number: `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8, 12)}-${digits.slice(12, 16)}`,
    cardholder_name: `Holder ${marker} ${n}`,
    expiry_date: `x${marker.slice(0, 6)}${n}`,
    cvv: `c${marker.slice(6, 12)}${n}`,
  };
  for (const value of Object.values(card)) capture.remember(value);
  return card;
}

beforeAll(async () => {
  baseline = openResources();
  capture = startCapture();
  vault = await startLocalVault();
  credentials = JSON.stringify(vault.credentials);
});

afterAll(async () => {
  setLogLevel(V1LogLevel.ERROR);
  setDeprecationPolicy('every-call');
  await vault.close();
  capture.stop();
  capture.expectClean({ apiKey: vault.apiKey, privateKey: vault.credentials.privateKey });
  await expectNothingLeftOpen(baseline);
});

describe('the v1 facade, warning on every call and logging at DEBUG', () => {
  it('lets out no secret through its logs, its warnings or its errors', async () => {
    setLogLevel(V1LogLevel.DEBUG);
    setDeprecationPolicy('every-call');
    let token = '';
    const client = V1.init({
      vaultID: vault.vaultId,
      vaultURL: vault.url,
      getBearerToken: async () => {
        // The v2 helper: it takes the local vault's CA, which skyflow-node@1's never could.
        if (isExpired(token)) token = (await v2BearerToken(credentials, { caCert: vault.caCert! })).accessToken;
        return token;
      },
      options: { caCert: vault.caCert! },
    });
    const card = secretCard();
    const inserted = (await client.insert({ records: [{ table: 'cards', fields: card }] }, { tokens: true })) as {
      records: Array<{ fields: Record<string, string> }>;
    };
    const { skyflow_id: id, cvv: cvvToken } = inserted.records[0]!.fields as Record<string, string>;
    await capture.settle(client.get({ records: [{ table: 'cards', ids: [id!], redaction: V1.RedactionType.PLAIN_TEXT }] }));
    await capture.settle(client.detokenize({ records: [{ token: cvvToken! }] }));
    await capture.settle(client.update({ records: [{ id: id!, table: 'cards', fields: { expiry_date: secretCard().expiry_date } }] }));
    // Refusals: a unique value twice, a token that does not exist, an unknown table, bad input.
    await capture.settle(client.insert({ records: [{ table: 'cards', fields: card }] }));
    await capture.settle(client.detokenize({ records: [{ token: `tok-${marker}` }] }));
    await capture.settle(client.insert({ records: [{ table: `t${marker}`, fields: secretCard() }] }));
    await capture.settle(client.insert({ records: [{ table: 'cards', fields: secretCard(), extra: secretCard() }] } as never));
    await capture.settle(client.getById({ records: [{ ids: [`id-${marker}`], table: 'cards', redaction: V1.RedactionType.PLAIN_TEXT }] }));
    // Faults: a lost answer, an error with a message, a refused token.
    vault.setFaults([{ operation: 'batch', phase: 'after', status: 500, times: 1 }]);
    await capture.settle(client.insert({ records: [{ table: 'cards', fields: secretCard() }] }));
    vault.setFaults([{ operation: 'getMany', status: 503, message: 'maintenance', times: 3 }]);
    await capture.settle(client.get({ records: [{ table: 'cards', ids: [id!], redaction: V1.RedactionType.PLAIN_TEXT }] }));
    // skyflow-node@1's helper does not trust this vault's CA: a TLS failure, another error to print.
    await capture.settle(v1BearerToken(credentials));
    vault.setFaults([]);
    const refused = V1.init({ vaultID: vault.vaultId, vaultURL: vault.url, getBearerToken: async () => `${token}x`, options: { caCert: vault.caCert! } });
    await capture.settle(refused.get({ records: [{ table: 'cards', ids: [id!], redaction: V1.RedactionType.PLAIN_TEXT }] }));
    await capture.settle(client.delete({ records: [{ id: id!, table: 'cards' }] }));
    // The usage report names call sites and shapes, never arguments.
    capture.event('usage', formatUsage(usageReport().entries, 'table'));
    expect(capture.texts.some((text) => text.includes('DeprecationWarning'))).toBe(true);
    expect(capture.texts.some((text) => text.includes('[Skyflow]'))).toBe(true);
  });
});

describe('the v2 core at DEBUG', () => {
  it('lets out no secret through its log lines or its errors', async () => {
    const client = new V2({
      vaultConfigs: [{ vaultId: vault.vaultId, baseUrl: vault.url, caCert: vault.caCert! }],
      skyflowCredentials: { credentialsString: credentials },
      logLevel: LogLevel.DEBUG,
      logger: capture.logger,
      retry: { limit: 1, sleep: async () => {} },
      timeoutMs: 300,
    });
    const records = client.vault();
    const card = secretCard();
    const { insertedFields } = await records.insert(new InsertRequest({ table: 'cards', values: [card], returnTokens: true }));
    const { skyflowId, cvv } = insertedFields[0]! as Record<string, string>;
    await capture.settle(records.get(new GetRequest({ table: 'cards', ids: [skyflowId!], redactionType: 'PLAIN_TEXT' })));
    await capture.settle(records.get(new GetRequest({ table: 'cards', columnName: 'card_number', columnValues: [card.card_number] })));
    await capture.settle(records.detokenize(new DetokenizeRequest({ tokens: [{ token: cvv! }, { token: `tok-${marker}` }], continueOnError: true })));
    await capture.settle(records.update(new UpdateRequest({ table: 'cards', data: { skyflowId: skyflowId!, cvv: secretCard().cvv } })));
    await capture.settle(records.query({ query: `SELECT * FROM cards WHERE cardholder_name = '${card.cardholder_name}'` }));
    await capture.settle(records.query({ query: `DELETE FROM cards WHERE cvv = '${card.cvv}'` }));
    await capture.settle(records.insert(new InsertRequest({ table: 'cards', values: [card] })));
    vault.setFaults([{ operation: 'getMany', latencyMs: 1_000, times: 2 }]);
    await capture.settle(records.get(new GetRequest({ table: 'cards', ids: [skyflowId!] })));
    vault.setFaults([{ operation: 'insert', reset: true, times: 2 }]);
    await capture.settle(records.insert(new InsertRequest({ table: 'cards', values: [secretCard()] })));
    vault.setFaults([{ operation: 'token', status: 503, times: 2 }]);
    await capture.settle(v2BearerToken(credentials, { caCert: vault.caCert! }));
    vault.setFaults([]);
    await capture.settle(records.get(new GetRequest({ table: 'cards', ids: [skyflowId!] }), { bearerToken: `${vault.apiKey}x` }));
    client.close();
    expect(capture.texts.some((text) => text.startsWith('DEBUG '))).toBe(true);
  });
});

describe('a migration client in shadow mode', () => {
  it('publishes results, mismatches and statistics without a value', async () => {
    setLogLevel(V1LogLevel.ERROR);
    setDeprecationPolicy('silent');
    const token = (await v2BearerToken(credentials, { caCert: vault.caCert! })).accessToken;
    const options = { deprecationWarnings: 'silent' as const, caCert: vault.caCert! };
    const config = { vaultID: vault.vaultId, vaultURL: vault.url, getBearerToken: async () => token, options };
    const legacy = V1.init(config);
    const bridge = V1.init(config);
    // The bridge answers one field differently: a mismatch whose values must be published as hashes.
    const altered = {
      ...Object.fromEntries(['insert', 'detokenize', 'getById', 'update', 'delete', 'invokeConnection'].map((name) => [name, (...args: never[]) => (bridge as never as Record<string, (...a: never[]) => unknown>)[name]!(...args)])),
      get: async (...args: Parameters<typeof bridge.get>) => {
        const result = (await bridge.get(...args)) as { records: Array<{ fields: Record<string, unknown> }> };
        for (const record of result.records) record.fields['cvv'] = secretCard().cvv;
        return result;
      },
    };
    const client = createMigrationClient({ legacy, bridge: altered as never, route: 'shadow', shadow: { timeoutMs: 2_000 } });
    for (const name of ['result', 'shadow', 'mismatch', 'demotion', 'problem'] as const) client.on(name, (event: unknown) => capture.event(name, event));
    const card = secretCard();
    const inserted = (await client.insert({ records: [{ table: 'cards', fields: card }] }, { tokens: true })) as {
      records: Array<{ fields: Record<string, string> }>;
    };
    const id = inserted.records[0]!.fields['skyflow_id']!;
    for (let i = 0; i < 3; i++) await capture.settle(client.get({ records: [{ table: 'cards', ids: [id], redaction: V1.RedactionType.PLAIN_TEXT }] }));
    await capture.settle(client.detokenize({ records: [{ token: `tok-${marker}` }] }));
    await client.drain();
    capture.event('stats', client.stats());
    expect(capture.texts.some((text) => text.startsWith('mismatch '))).toBe(true);
  });
});
