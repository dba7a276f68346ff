// A vault with a data folder keeps its data and its identity across restarts.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, importPKCS8 } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  LocalVaultOptionsError,
  SchemaError,
  startLocalVault,
  type LocalVault,
  type VaultSchema,
} from '../../src/local-vault/index.js';
import { card } from '../helpers/data.js';
import { restClient } from '../helpers/rest.js';

let dataDir: string;
const running: LocalVault[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'skyflow-bridge-persist-'));
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((vault) => vault.close()));
  await rm(dataDir, { recursive: true, force: true });
});

async function requestAccessToken(client: ReturnType<typeof restClient>, vault: LocalVault): Promise<string> {
  const { clientID, keyID, tokenURI, privateKey } = vault.credentials;
  const assertion = await new SignJWT({ key: keyID })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuer(clientID)
    .setSubject(clientID)
    .setAudience(tokenURI)
    .setExpirationTime('1h')
    .sign(await importPKCS8(privateKey, 'RS256'));
  const response = await client.call(
    'POST',
    '/v1/auth/sa/oauth/token',
    { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion },
    { bearer: null },
  );
  expect(response.status).toBe(200);
  return response.body.accessToken;
}

async function start(options: Parameters<typeof startLocalVault>[0] = {}) {
  const vault = await startLocalVault({ dataDir, ...options });
  running.push(vault);
  return vault;
}

describe('a data folder', () => {
  it('keeps records, tokens, keys, API key, access tokens and the CA across a restart', async () => {
    const first = await start();
    const values = card();
    const before = restClient(first);
    const inserted = (await before.post('/cards', { records: [{ fields: values }], tokenization: true })).body.records[0];
    const accessToken = await requestAccessToken(before, first);
    before.close();
    await first.close();

    const second = await start();
    expect(second.vaultId).toBe(first.vaultId);
    expect(second.apiKey).toBe(first.apiKey);
    expect(second.caCert).toBe(first.caCert);
    expect({ ...second.credentials, tokenURI: '' }).toEqual({ ...first.credentials, tokenURI: '' });

    const after = restClient(second);
    const stored = await after.get(`/cards/${inserted.skyflow_id}?redaction=PLAIN_TEXT`);
    expect(stored.body.fields).toEqual({ skyflow_id: inserted.skyflow_id, ...values });
    const revealed = await after.post('/detokenize', {
      detokenizationParameters: [{ token: inserted.tokens.card_number, redaction: 'PLAIN_TEXT' }],
    });
    expect(revealed.body.records[0].value).toBe(values.card_number);
    expect((await after.get('/cards?limit=1', { bearer: accessToken })).status).toBe(200);
    after.close();
  });

  it('writes credentials.json and ca.pem for users, readable by the owner only', async () => {
    const vault = await start();
    expect(vault.credentialsPath).toBe(join(dataDir, 'credentials.json'));
    expect(vault.caCertPath).toBe(join(dataDir, 'ca.pem'));
    expect(JSON.parse(await readFile(vault.credentialsPath!, 'utf8'))).toEqual(vault.credentials);
    expect(await readFile(vault.caCertPath!, 'utf8')).toBe(vault.caCert);
    expect(vault.credentials.tokenURI).toBe(`${vault.url}/v1/auth/sa/oauth/token`);
    for (const file of ['credentials.json', 'state.json']) {
      expect((await stat(join(dataDir, file))).mode & 0o077).toBe(0);
    }
  });

  it('takes a vault ID from the options and keeps it', async () => {
    const first = await start({ vaultId: 'my-vault' });
    expect(first.vaultId).toBe('my-vault');
    await first.close();
    expect((await start()).vaultId).toBe('my-vault');
  });

  it('adds the columns a newer schema declares and keeps the old data', async () => {
    const v1: VaultSchema = { tables: { notes: { columns: { title: {} } } } };
    const first = await start({ schema: v1 });
    const before = restClient(first);
    const id = (await before.post('/notes', { records: [{ fields: { title: 'a' } }] })).body.records[0].skyflow_id;
    before.close();
    await first.close();

    const v2: VaultSchema = { tables: { notes: { columns: { title: {}, pages: { type: 'integer' } } } } };
    const schemaFile = join(dataDir, 'schema.json');
    await writeFile(schemaFile, JSON.stringify(v2));
    const second = await start({ schema: schemaFile });
    const after = restClient(second);
    expect((await after.get(`/notes/${id}`)).body.fields).toEqual({ skyflow_id: id, title: 'a', pages: null });
    expect((await after.put(`/notes/${id}`, { record: { fields: { pages: '12' } } })).status).toBe(200);
    expect((await after.get(`/notes/${id}`)).body.fields.pages).toBe(12);
    after.close();
  });
});

describe('startLocalVault options', () => {
  it.each([
    [{ port: -1 }, 'port must be an integer from 0 to 65535.'],
    [{ port: 1.5 }, 'port must be an integer from 0 to 65535.'],
    [{ host: '' }, 'host must be a non-empty string.'],
    [{ tokenTtlSeconds: 0 }, 'tokenTtlSeconds must be a positive integer.'],
    [{ vaultId: 'has spaces' }, 'vaultId must be 1 to 64 letters, digits, "_" or "-".'],
    [{ tls: 'yes' }, 'tls must be true or false.'],
    [{ faults: {} }, 'faults must be an array of fault rules.'],
  ])('refuses %j with a LocalVaultOptionsError', async (options, message) => {
    const attempt = startLocalVault(options as never);
    await expect(attempt).rejects.toThrow(LocalVaultOptionsError);
    await expect(attempt).rejects.toThrow(message);
  });

  it('refuses a schema file that is missing or not a schema', async () => {
    await expect(startLocalVault({ schema: join(dataDir, 'none.json') })).rejects.toThrow(
      new SchemaError(`Cannot read schema file ${join(dataDir, 'none.json')}: ENOENT`),
    );
    const file = join(dataDir, 'bad.json');
    await writeFile(file, '{"tables": {"cards": {"columns": {"n": {"type": "money"}}}}}');
    await expect(startLocalVault({ schema: file })).rejects.toThrow(SchemaError);
  });

  it('serves plain HTTP on request, and reports a port that is taken', async () => {
    const plain = await startLocalVault({ tls: false });
    running.push(plain);
    expect(plain.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(plain.caCert).toBeUndefined();
    await expect(startLocalVault({ port: plain.port })).rejects.toThrow(/EADDRINUSE/);
  });
});
