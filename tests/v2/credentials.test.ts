// Each kind of credentials, their precedence, and the bearer token's life:
// exchange, caching, refresh after expiry, one exchange for many callers.
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { decodeJwt } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLocalVault, type LocalVault } from '../../src/local-vault/index.js';
import {
  GetRequest,
  LogLevel,
  Skyflow,
  generateBearerToken,
  generateBearerTokenFromCreds,
  isSkyflowError,
  type Credentials,
} from '../../src/v2/index.js';
import { card } from '../helpers/data.js';
import { sharedVault } from '../helpers/shared-vault.js';
import { rejection } from '../helpers/outcomes.js';

const vault = sharedVault();
const clients: Skyflow[] = [];

afterAll(() => {
  for (const client of clients) client.close();
});

function clientFor(
  target: { vaultId: string; url: string; caCert?: string | undefined },
  credentials?: Credentials,
  vaultCredentials?: Credentials,
) {
  const client = new Skyflow({
    vaultConfigs: [
      {
        vaultId: target.vaultId,
        baseUrl: target.url,
        ...(target.caCert ? { caCert: target.caCert } : {}),
        ...(vaultCredentials ? { credentials: vaultCredentials } : {}),
      },
    ],
    ...(credentials ? { skyflowCredentials: credentials } : {}),
    logLevel: LogLevel.OFF,
  });
  clients.push(client);
  return client;
}

/** A read that needs a valid bearer token: a page of one record. */
const readOne = (client: Skyflow) => client.vault().get(new GetRequest({ table: 'cards', limit: 1 }));


describe('each kind of credentials works against the vault', () => {
  it('an API key', async () => {
    await expect(readOne(clientFor(vault, { apiKey: vault.apiKey }))).resolves.toBeDefined();
  });

  it('a credentials file', async () => {
    await expect(readOne(clientFor(vault, { path: vault.credentialsPath }))).resolves.toBeDefined();
  });

  it('a credentials string', async () => {
    const credentialsString = await readFile(vault.credentialsPath, 'utf8');
    await expect(readOne(clientFor(vault, { credentialsString }))).resolves.toBeDefined();
  });

  it('a static bearer token', async () => {
    const { accessToken } = await generateBearerToken(vault.credentialsPath, { caCert: vault.caCert });
    await expect(readOne(clientFor(vault, { token: accessToken }))).resolves.toBeDefined();
  });

  describe('the SKYFLOW_CREDENTIALS environment variable', () => {
    afterEach(() => {
      delete process.env['SKYFLOW_CREDENTIALS'];
    });

    it('is used when no credentials are configured', async () => {
      process.env['SKYFLOW_CREDENTIALS'] = await readFile(vault.credentialsPath, 'utf8');
      await expect(readOne(clientFor(vault))).resolves.toBeDefined();
    });

    it('is reported when absent or not JSON', async () => {
      const client = clientFor(vault);
      expect((await rejection(readOne(client))).message).toBe(
        'Validation error. Invalid credentials. Specify credentials in the vault config, with addSkyflowCredentials, or in SKYFLOW_CREDENTIALS.',
      );
      process.env['SKYFLOW_CREDENTIALS'] = '{not json';
      expect((await rejection(readOne(client))).message).toBe(
        'Validation error. SKYFLOW_CREDENTIALS is not valid JSON. Verify the credentials.',
      );
    });

    it('comes after the client credentials, which come after the vault credentials', async () => {
      process.env['SKYFLOW_CREDENTIALS'] = '{not json';
      await expect(readOne(clientFor(vault, { apiKey: vault.apiKey }))).resolves.toBeDefined();
      const wrongClientKey = { apiKey: `sky-${'0'.repeat(48)}` };
      await expect(readOne(clientFor(vault, wrongClientKey, { apiKey: vault.apiKey }))).resolves.toBeDefined();
      expect((await rejection(readOne(clientFor(vault, wrongClientKey)))).httpCode).toBe(401);
    });
  });
});

describe('generateBearerToken', () => {
  it('exchanges a credentials file, object or string, carrying roles and context', async () => {
    const fromFile = await generateBearerToken(vault.credentialsPath, {
      caCert: vault.caCert,
      roles: ['reader', 'auditor'],
      context: 'user-7',
    });
    expect(fromFile.tokenType).toBe('Bearer');
    expect(decodeJwt(fromFile.accessToken)).toMatchObject({ sub: vault.credentials.clientID, roles: ['reader', 'auditor'], ctx: 'user-7' });

    const fromObject = await generateBearerToken({ ...vault.credentials }, { caCert: vault.caCert, context: { tenant: 't1' } });
    expect(decodeJwt(fromObject.accessToken)['ctx']).toEqual({ tenant: 't1' });

    const fromString = await generateBearerTokenFromCreds(JSON.stringify(vault.credentials), { caCert: vault.caCert });
    expect(decodeJwt(fromString.accessToken).sub).toBe(vault.credentials.clientID);
  });

  it('reports the token endpoint refusing the assertion, with the request id', async () => {
    const other = await startLocalVault({ tls: false });
    try {
      // the other vault's key, sent to this vault's token endpoint
      const error = await rejection(
        generateBearerToken({ ...other.credentials, tokenURI: vault.credentials.tokenURI }, { caCert: vault.caCert }),
      );
      expect(isSkyflowError(error)).toBe(true);
      expect(error).toMatchObject({
        httpCode: 401,
        grpcCode: 16,
        message: 'Invalid assertion: it is not a JWT signed by the registered service account.',
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
    } finally {
      await other.close();
    }
  });

  it('refuses bad input with a SkyflowError before any request', async () => {
    await expect(generateBearerToken('/no/such/credentials.json')).rejects.toThrow(
      'Validation error. Credential file not found at /no/such/credentials.json. Verify the file path.',
    );
    await expect(generateBearerToken({ clientID: 'a', keyID: 'b', tokenURI: 'https://x.example' })).rejects.toThrow(
      'Validation error. Unable to read private key in credentials. Verify your private key.',
    );
    await expect(generateBearerToken({ ...vault.credentials, privateKey: 'not a key' })).rejects.toThrow(
      'Validation error. The private key in credentials is not a PEM RSA private key. Verify your private key.',
    );
    await expect(generateBearerToken({ ...vault.credentials, tokenURI: 'http://example.com/token' })).rejects.toThrow(
      'Initialization failed. Invalid credentials. The token URI must be an https URL (http only for localhost).',
    );
    await expect(generateBearerTokenFromCreds('{')).rejects.toMatchObject({ httpCode: 400 });
    await expect(generateBearerToken(vault.credentialsPath, { roles: 'admin' } as never)).rejects.toThrow(
      'Validation error. Invalid roles. Specify roles as an array of strings.',
    );
  });
});

describe('the bearer token of service-account credentials', () => {
  let own: LocalVault;
  let credentialsString: string;

  beforeAll(async () => {
    own = await startLocalVault({ tokenTtlSeconds: 3 }); // seconds: a token lives 2 to 3 s
    credentialsString = JSON.stringify(own.credentials);
  });
  afterAll(() => own.close());

  const issued = () => own.stats().tokensIssued;

  it('is exchanged once and reused while it is valid', async () => {
    const client = clientFor(own, { credentialsString });
    const before = issued();
    for (let i = 0; i < 5; i++) await readOne(client);
    expect(issued() - before).toBe(1);
  });

  it('is exchanged once for 50 concurrent calls', async () => {
    const stable = await startLocalVault();
    try {
      const client = clientFor(stable, { credentialsString: JSON.stringify(stable.credentials) });
      const results = await Promise.all(Array.from({ length: 50 }, () => readOne(client)));
      expect(results).toHaveLength(50);
      expect(stable.stats().tokensIssued).toBe(1);
    } finally {
      await stable.close();
    }
  });

  it('is exchanged again once for 50 concurrent calls after it expired', async () => {
    const client = clientFor(own, { credentialsString });
    await Promise.all(Array.from({ length: 50 }, () => readOne(client))); // opens the connections
    await sleep(3100); // the 3-second token is now expired
    const before = issued();
    const results = await Promise.all(Array.from({ length: 50 }, () => readOne(client)));
    expect(results).toHaveLength(50);
    expect(issued() - before).toBe(1);
  });

  it('is replaced once when the vault refuses it, and the call succeeds', async () => {
    const client = clientFor(own, { credentialsString });
    await readOne(client);
    const before = issued();
    own.setFaults([{ operation: 'getMany', status: 401, times: 1, message: 'Authentication failed. Bearer token is expired.' }]);
    await expect(readOne(client)).resolves.toBeDefined();
    expect(issued() - before).toBe(1);
  });

  it('is not replaced for an API key: a 401 is the answer', async () => {
    own.setFaults([{ operation: 'getMany', status: 401, times: 1 }]);
    const error = await rejection(readOne(clientFor(own, { apiKey: own.apiKey })));
    expect(error.httpCode).toBe(401);
    own.setFaults([]);
  });

  it('is dropped when the vault config changes', async () => {
    const client = clientFor(own, { credentialsString });
    await readOne(client);
    const before = issued();
    client.updateVaultConfig({ vaultId: own.vaultId, credentials: { credentialsString } });
    await readOne(client);
    expect(issued() - before).toBe(1);
  });

  it('as a static token, is refused once expired without a request', async () => {
    const { accessToken } = await generateBearerToken(own.credentials, { caCert: own.caCert! });
    const client = clientFor(own, { token: accessToken });
    await sleep(3100);
    const requests = own.stats().requests.getMany;
    expect((await rejection(readOne(client))).message).toBe(
      'Validation error. Token provided is either invalid or has expired. Specify a valid token.',
    );
    expect(own.stats().requests.getMany).toBe(requests);
  });
});

describe('credentials that fail at call time', () => {
  it('report the missing file, without a request', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'skyflow-bridge-creds-'));
    const path = join(dir, 'credentials.json');
    await writeFile(path, JSON.stringify(vault.credentials));
    const client = clientFor(vault, { path });
    await rm(dir, { recursive: true });
    expect((await rejection(readOne(client))).message).toBe(
      `Validation error. Credential file not found at ${path}. Verify the file path.`,
    );
  });

  it('report a token endpoint that is down as a connection error', async () => {
    const down = await startLocalVault({ tls: false });
    const credentials = { ...down.credentials };
    await down.close();
    const client = new Skyflow({
      vaultConfigs: [{ vaultId: vault.vaultId, baseUrl: vault.url, caCert: vault.caCert }],
      skyflowCredentials: { credentialsString: JSON.stringify(credentials) },
      logLevel: LogLevel.OFF,
      retry: { sleep: async () => {} },
    });
    clients.push(client);
    const error = await rejection(readOne(client));
    expect(error).toMatchObject({ name: 'SkyflowConnectionError', httpCode: 0, details: [{ code: 'ECONNREFUSED' }] });
  });
});

it('inserted data is readable with every kind of credentials', async () => {
  const values = card();
  const writer = clientFor(vault, { apiKey: vault.apiKey });
  const { insertedFields } = await writer.vault().insert({ table: 'cards', values: [values] });
  const reader = clientFor(vault, { path: vault.credentialsPath });
  const { data } = await reader.vault().get({ table: 'cards', ids: [insertedFields[0]!.skyflowId], redactionType: 'PLAIN_TEXT' });
  expect(data[0]).toEqual({ skyflowId: insertedFields[0]!.skyflowId, ...values });
});
