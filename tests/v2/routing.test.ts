// Multi-vault routing of the v2 client: one client, several vaults on
// different servers (each with its own CA and credentials), vault configs
// changed and removed at run time, and a plain-HTTP local vault.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalVault, type LocalVault, type LocalVaultStats } from '../../src/local-vault/index.js';
import {
  LogLevel,
  RedactionType,
  Skyflow,
  SkyflowConnectionError,
  SkyflowError,
  type VaultConfig,
} from '../../src/v2/index.js';
import { UUID, card, person } from '../helpers/data.js';
import { restClient, type RestClient } from '../helpers/rest.js';
import { sharedVault } from '../helpers/shared-vault.js';
import { rejectionOf, thrownBy } from '../helpers/outcomes.js';

const shared = sharedVault();
const sharedRest = restClient(shared);
let own: LocalVault;
let ownRest: RestClient;
const clients: Skyflow[] = [];

beforeAll(async () => {
  own = await startLocalVault();
  ownRest = restClient(own);
});

afterAll(async () => {
  for (const client of clients) client.close();
  sharedRest.close();
  ownRest.close();
  await own.close();
});

/** The shared vault's config, with its own CA and (unless `false`) its own credentials. */
function sharedConfig(credentials = true): VaultConfig {
  const config: VaultConfig = { vaultId: shared.vaultId, baseUrl: shared.url, caCert: shared.caCert };
  if (credentials) config.credentials = { apiKey: shared.apiKey };
  return config;
}

function ownConfig(credentials = true): VaultConfig {
  const config: VaultConfig = { vaultId: own.vaultId, baseUrl: own.url, caCert: own.caCert! };
  if (credentials) config.credentials = { apiKey: own.apiKey };
  return config;
}

/** A client closed after the file; the client credentials are wrong, so only per-vault ones can work. */
function newClient(vaultConfigs: VaultConfig[], options: { skyflowApiKey?: string; retryLimit?: number } = {}): Skyflow {
  const client = new Skyflow({
    vaultConfigs,
    skyflowCredentials: { apiKey: options.skyflowApiKey ?? 'sky-wrong' },
    logLevel: LogLevel.OFF,
    ...(options.retryLimit === undefined ? {} : { retry: { limit: options.retryLimit } }),
  });
  clients.push(client);
  return client;
}



/** How many requests of each operation a vault answered since `before`. */
function requestsSince(vault: LocalVault, before: LocalVaultStats): Record<string, number> {
  const now = vault.stats().requests;
  const changed: Record<string, number> = {};
  for (const [operation, count] of Object.entries(now)) {
    const delta = count - before.requests[operation as keyof typeof now];
    if (delta !== 0) changed[operation] = delta;
  }
  return changed;
}

const notInConfig = (vaultId: string) => `Validation error. ${vaultId} is missing from the config. Specify a vaultId from the config.`;

describe('one client, two vaults on two servers', () => {
  let client: Skyflow;
  beforeAll(() => {
    client = newClient([sharedConfig(), ownConfig()]);
  });

  it('vault() is the first vault added, vault(id) the one named', () => {
    expect(client.vault().vaultId).toBe(shared.vaultId);
    expect(client.vault(shared.vaultId)).toBe(client.vault());
    expect(client.vault(own.vaultId).vaultId).toBe(own.vaultId);
    expect(client.vault(own.vaultId)).not.toBe(client.vault());
  });

  it('vault(id) with an id not in the config throws', () => {
    const error = thrownBy(() => client.vault('not-configured'));
    expect(error).toMatchObject({ httpCode: 400, requestId: null, message: notInConfig('not-configured') });
  });

  it('each vault client sends to its own server, trusting its own CA', async () => {
    const before = own.stats();
    const ownCard = card();
    const toOwn = await client.vault(own.vaultId).insert({ table: 'cards', values: [ownCard], returnTokens: true });
    expect(requestsSince(own, before)).toEqual({ insert: 1 });

    const afterOwn = own.stats();
    const sharedCard = card();
    const toShared = await client.vault().insert({ table: 'cards', values: [sharedCard], returnTokens: true });
    expect(requestsSince(own, afterOwn)).toEqual({});

    const ownId = toOwn.insertedFields[0]!.skyflowId;
    const sharedId = toShared.insertedFields[0]!.skyflowId;
    expect((await ownRest.get(`/cards/${ownId}?redaction=PLAIN_TEXT`)).body.fields).toEqual({ skyflow_id: ownId, ...ownCard });
    expect((await sharedRest.get(`/cards/${sharedId}?redaction=PLAIN_TEXT`)).body.fields).toEqual({
      skyflow_id: sharedId,
      ...sharedCard,
    });
    expect((await sharedRest.get(`/cards/${ownId}`)).status).toBe(404);
    expect((await ownRest.get(`/cards/${sharedId}`)).status).toBe(404);
  });

  it('a record written through one vault is not in the other', async () => {
    const values = person();
    const { insertedFields } = await client.vault(own.vaultId).insert({ table: 'persons', values: [values], returnTokens: true });
    const record = insertedFields[0]!;

    const here = await client.vault(own.vaultId).get({ table: 'persons', ids: [record.skyflowId], redactionType: RedactionType.PLAIN_TEXT });
    expect(here.data).toEqual([{ skyflowId: record.skyflowId, ...values }]);

    const elsewhere = await rejectionOf(client.vault(shared.vaultId).get({ table: 'persons', ids: [record.skyflowId] }));
    expect(elsewhere).toMatchObject({ httpCode: 404, message: 'No records found.' });
    const byColumn = await rejectionOf(client.vault().get({ table: 'persons', columnName: 'email', columnValues: [values.email] }));
    expect(byColumn.httpCode).toBe(404);
    const token = await rejectionOf(client.vault().detokenize({ tokens: [{ token: record.email as string }] }));
    expect(token.httpCode).toBe(404);
  });

  it('concurrent calls to both vaults each land on their own server', async () => {
    const before = own.stats();
    const ownCards = [card(), card(), card()];
    const sharedCards = [card(), card(), card()];
    const results = await Promise.all([
      ...ownCards.map((values) => client.vault(own.vaultId).insert({ table: 'cards', values: [values] })),
      ...sharedCards.map((values) => client.vault().insert({ table: 'cards', values: [values] })),
    ]);
    expect(requestsSince(own, before)).toEqual({ insert: 3 });
    for (const [index, result] of results.entries()) {
      const id = result.insertedFields[0]!.skyflowId;
      const [home, other] = index < 3 ? [ownRest, sharedRest] : [sharedRest, ownRest];
      expect((await home.get(`/cards/${id}`)).status).toBe(200);
      expect((await other.get(`/cards/${id}`)).status).toBe(404);
    }
  });
});

describe('credentials', () => {
  it('per-vault credentials take precedence over the client credentials', async () => {
    const client = newClient([sharedConfig(), ownConfig()], { skyflowApiKey: 'sky-wrong' });
    const values = card();
    const response = await client.vault(own.vaultId).insert({ table: 'cards', values: [values] });
    const id = response.insertedFields[0]!.skyflowId;
    expect((await ownRest.get(`/cards/${id}?redaction=PLAIN_TEXT`)).body.fields).toEqual({ skyflow_id: id, ...values });
    await expect(client.vault().insert({ table: 'cards', values: [card()] })).resolves.toBeDefined();
  });

  it('without per-vault credentials the client credentials are used: a wrong key is a 401', async () => {
    const client = newClient([ownConfig(false), sharedConfig()], { skyflowApiKey: 'sky-wrong' });
    const before = own.stats();
    const values = card();
    const error = await rejectionOf(client.vault(own.vaultId).insert({ table: 'cards', values: [values] }));
    expect(error).toBeInstanceOf(SkyflowError);
    expect(error).toMatchObject({
      httpCode: 401,
      httpStatus: 'Unauthorized',
      grpcCode: 16,
      requestId: expect.stringMatching(UUID),
      message: 'Authentication failed. The API key is not valid.',
    });
    expect(JSON.stringify(error)).not.toContain('sky-wrong');
    // the vault turned it away (an API key is never refreshed, so no second attempt) and wrote nothing
    expect(requestsSince(own, before)).toEqual({ insert: 1 });
    expect((await ownRest.get(`/cards?column_name=card_number&column_values=${encodeURIComponent(values.card_number)}`)).status).toBe(404);
    // the other vault of the same client has its own credentials and works
    await expect(client.vault(shared.vaultId).insert({ table: 'cards', values: [card()] })).resolves.toBeDefined();
  });

  it('updateSkyflowCredentials reaches the vaults without their own credentials on the next call', async () => {
    const client = newClient([ownConfig(false)], { skyflowApiKey: 'sky-wrong' });
    const vault = client.vault();
    expect((await rejectionOf(vault.get({ table: 'cards', limit: 1 }))).httpCode).toBe(401);
    client.updateSkyflowCredentials({ apiKey: own.apiKey });
    await expect(vault.get({ table: 'cards', limit: 1 })).resolves.toBeDefined();
  });
});

describe('a vault with another CA', () => {
  it('needs that CA in its own vault config: without it the TLS handshake fails and nothing is sent', async () => {
    const { caCert: _omitted, ...withoutCa } = ownConfig();
    const client = newClient([withoutCa], { retryLimit: 0 });
    const before = own.stats();
    const error = await rejectionOf(client.vault().insert({ table: 'cards', values: [card()] }));
    expect(error).toBeInstanceOf(SkyflowConnectionError);
    expect(error).toMatchObject({ name: 'SkyflowConnectionError', httpCode: 0, httpStatus: 'Network Error', requestId: null });
    expect(requestsSince(own, before)).toEqual({});
  });
});

describe('updateVaultConfig', () => {
  let twin: LocalVault;
  let twinRest: RestClient;

  beforeAll(async () => {
    // A second server for the same vault id: a vault config can be pointed at it.
    twin = await startLocalVault({ vaultId: own.vaultId });
    twinRest = restClient(twin);
  });

  afterAll(async () => {
    twinRest.close();
    await twin.close();
  });

  it('points a vault id at another server, its CA and credentials, from the next call on', async () => {
    const client = newClient([sharedConfig(), ownConfig()]);
    const vault = client.vault(own.vaultId); // taken before the update
    const values = card();
    const first = await vault.insert({ table: 'cards', values: [values] });
    const id = first.insertedFields[0]!.skyflowId;

    const ownBefore = own.stats();
    const twinBefore = twin.stats();
    client.updateVaultConfig({ vaultId: own.vaultId, baseUrl: twin.url, caCert: twin.caCert!, credentials: { apiKey: twin.apiKey } });
    expect(client.getVaultConfig(own.vaultId)).toEqual({
      vaultId: own.vaultId,
      baseUrl: twin.url,
      caCert: twin.caCert,
      credentials: { apiKey: twin.apiKey },
    });

    // the record written before is on the old server only
    expect((await rejectionOf(vault.get({ table: 'cards', ids: [id] }))).httpCode).toBe(404);
    const twinValues = card();
    const second = await vault.insert({ table: 'cards', values: [twinValues] });
    const twinId = second.insertedFields[0]!.skyflowId;
    expect(requestsSince(twin, twinBefore)).toEqual({ getMany: 1, insert: 1 });
    expect(requestsSince(own, ownBefore)).toEqual({});
    expect((await twinRest.get(`/cards/${twinId}?redaction=PLAIN_TEXT`)).body.fields).toEqual({ skyflow_id: twinId, ...twinValues });
    expect((await ownRest.get(`/cards/${twinId}`)).status).toBe(404);

    // and back
    client.updateVaultConfig(ownConfig());
    const back = await vault.get({ table: 'cards', ids: [id], redactionType: RedactionType.PLAIN_TEXT });
    expect(back.data).toEqual([{ skyflowId: id, ...values }]);
    // the other vault was never touched
    expect(client.vault().vaultId).toBe(shared.vaultId);
    expect(client.getVaultConfig(shared.vaultId)).toEqual(sharedConfig());
  });

  it("points the shared vault's id at the other server: the request reaches that server, which has no such vault", async () => {
    const client = newClient([sharedConfig()]);
    const vault = client.vault();
    await expect(vault.get({ table: 'cards', limit: 1 })).resolves.toBeDefined();
    const before = own.stats();
    client.updateVaultConfig({ vaultId: shared.vaultId, baseUrl: own.url, caCert: own.caCert!, credentials: { apiKey: own.apiKey } });
    const error = await rejectionOf(vault.get({ table: 'cards', limit: 1 }));
    expect(error).toMatchObject({ httpCode: 404, grpcCode: 5, message: 'No vault exists with this ID.' });
    expect(requestsSince(own, before)).toEqual({ getMany: 1 });
  });

  it('changes only what it is given: new credentials alone take effect on the next call', async () => {
    const client = newClient([ownConfig()]);
    const vault = client.vault();
    await expect(vault.get({ table: 'cards', limit: 1 })).resolves.toBeDefined();
    client.updateVaultConfig({ vaultId: own.vaultId, credentials: { apiKey: `sky-${randomUUID()}` } });
    expect(client.getVaultConfig(own.vaultId)).toMatchObject({ baseUrl: own.url, caCert: own.caCert });
    expect((await rejectionOf(vault.get({ table: 'cards', limit: 1 }))).httpCode).toBe(401);
    client.updateVaultConfig({ vaultId: own.vaultId, credentials: { apiKey: own.apiKey } });
    await expect(vault.get({ table: 'cards', limit: 1 })).resolves.toBeDefined();
  });

  it('throws for a vault id not in the config', () => {
    const client = newClient([ownConfig()]);
    const error = thrownBy(() => client.updateVaultConfig({ vaultId: 'not-configured', baseUrl: twin.url }));
    expect(error.message).toBe(notInConfig('not-configured'));
  });
});

describe('removeVaultConfig', () => {
  it('makes vault(id) throw, and the first remaining vault the default', async () => {
    const client = newClient([sharedConfig(), ownConfig()]);
    const removed = client.vault(shared.vaultId);
    client.removeVaultConfig(shared.vaultId);

    expect(thrownBy(() => client.vault(shared.vaultId)).message).toBe(notInConfig(shared.vaultId));
    expect(thrownBy(() => client.getVaultConfig(shared.vaultId)).message).toBe(notInConfig(shared.vaultId));
    expect(thrownBy(() => client.removeVaultConfig(shared.vaultId)).message).toBe(notInConfig(shared.vaultId));
    expect(client.vault().vaultId).toBe(own.vaultId);

    // a vault client taken before the removal fails too, without sending anything
    const error = await rejectionOf(removed.insert({ table: 'cards', values: [card()] }));
    expect(error.message).toBe(notInConfig(shared.vaultId));

    client.removeVaultConfig(own.vaultId);
    expect(thrownBy(() => client.vault()).message).toBe('Validation error. No vault config found. Add a vault config first.');

    // and it can be added again
    client.addVaultConfig(sharedConfig());
    await expect(client.vault().get({ table: 'cards', limit: 1 })).resolves.toBeDefined();
  });

  it('addVaultConfig refuses an id that is already configured', () => {
    const client = newClient([sharedConfig()]);
    expect(thrownBy(() => client.addVaultConfig({ ...ownConfig(), vaultId: shared.vaultId })).message).toBe(
      `Validation error. ${shared.vaultId} already exists in the config list. Specify a new vaultId.`,
    );
    expect(client.getVaultConfig(shared.vaultId)).toEqual(sharedConfig());
  });
});

describe('a plain-HTTP local vault', () => {
  let plain: LocalVault;

  beforeAll(async () => {
    plain = await startLocalVault({ tls: false });
  });

  afterAll(async () => {
    await plain.close();
  });

  it('works with an http://127.0.0.1 baseUrl', async () => {
    expect(plain.url).toBe(`http://127.0.0.1:${plain.port}`);
    expect(plain.caCert).toBeUndefined();
    const client = newClient([{ vaultId: plain.vaultId, baseUrl: `http://127.0.0.1:${plain.port}`, credentials: { apiKey: plain.apiKey } }]);
    const vault = client.vault();
    const values = person();
    const inserted = await vault.insert({ table: 'persons', values: [values], returnTokens: true });
    const record = inserted.insertedFields[0]!;
    const read = await vault.get({ table: 'persons', ids: [record.skyflowId], redactionType: RedactionType.PLAIN_TEXT });
    expect(read.data).toEqual([{ skyflowId: record.skyflowId, ...values }]);
    const revealed = await vault.detokenize({ tokens: [{ token: record.email as string, redactionType: RedactionType.PLAIN_TEXT }] });
    expect(revealed.detokenizedFields).toEqual([{ token: record.email, value: values.email, type: 'STRING' }]);
    const rows = await vault.query({ query: `SELECT skyflow_id, email FROM persons WHERE email = '${values.email}'` });
    expect(rows.fields).toEqual([{ skyflowId: record.skyflowId, email: values.email }]);
    expect((await vault.delete({ table: 'persons', ids: [record.skyflowId] })).deletedIds).toEqual([record.skyflowId]);
    expect(plain.stats().requests).toMatchObject({ insert: 1, getMany: 1, detokenize: 1, query: 1, deleteMany: 1 });
  });

  it('works as localhost too, next to an HTTPS vault in the same client', async () => {
    const client = newClient([
      sharedConfig(),
      { vaultId: plain.vaultId, baseUrl: `http://localhost:${plain.port}`, credentials: { apiKey: plain.apiKey } },
    ]);
    const before = plain.stats();
    const [overHttp, overHttps] = await Promise.all([
      client.vault(plain.vaultId).insert({ table: 'cards', values: [card()] }),
      client.vault(shared.vaultId).insert({ table: 'cards', values: [card()] }),
    ]);
    expect(requestsSince(plain, before)).toEqual({ insert: 1 });
    expect(overHttp.insertedFields[0]!.skyflowId).toMatch(UUID);
    expect((await sharedRest.get(`/cards/${overHttps.insertedFields[0]!.skyflowId}`)).status).toBe(200);
  });

  it('is refused for a host that is not loopback: credentials must not cross a network in clear text', () => {
    const remote: VaultConfig = { vaultId: 'remote', baseUrl: 'http://vault.example.com', credentials: { apiKey: plain.apiKey } };
    const error = thrownBy(() => newClient([remote]));
    expect(error.message).toBe(
      'Initialization failed. Invalid baseUrl. Specify an https URL (http only for localhost) ' +
        'without query or credentials for vault with vaultId remote.',
    );
  });
});
