import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readClaims } from '../../../src/v2/credentials/jwt.js';
import { resolveClientOptions, resolveVaultConfig } from '../../../src/v2/config/resolve-config.js';
import { clusterUrl, envOfHost, isSecureUrl, normalizeBaseUrl } from '../../../src/v2/config/vault-url.js';
import { Env, LogLevel } from '../../../src/v2/enums.js';
import type { LogEntry } from '../../../src/v2/logging/Logger.js';
import { Skyflow } from '../../../src/v2/Skyflow.js';
import { VaultClient } from '../../../src/v2/vault/VaultClient.js';
import { expectFailure } from '../../helpers/outcomes.js';

const I = (text: string): string => `Initialization failed. ${text}`;
const V = (text: string): string => `Validation error. ${text}`;
const CA = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n';


const v1 = { vaultId: 'v1', clusterId: 'abc123' };
const BAD_CLUSTER = I('Invalid cluster ID. Specify clusterId as the cluster\'s id (letters, digits and "-") for vault with vaultId v1.');

describe('resolveVaultConfig', () => {
  it.each<[Env | undefined, string]>([
    [undefined, 'https://abc123.vault.skyflowapis.com'],
    [Env.PROD, 'https://abc123.vault.skyflowapis.com'],
    [Env.SANDBOX, 'https://abc123.vault.skyflowapis-preview.com'],
    [Env.DEV, 'https://abc123.vault.skyflowapis.dev'],
    [Env.STAGE, 'https://abc123.vault.skyflowapis.tech'],
  ])('env %s → %s', (env, url) => {
    const config = env === undefined ? v1 : { ...v1, env };
    expect(resolveVaultConfig(config).url).toBe(url);
  });

  it('resolves a full config, keeping a frozen copy of it', () => {
    const config = { vaultId: 'v1', clusterId: 'abc123', env: Env.DEV, caCert: CA, credentials: { apiKey: 'sky-key' } };
    const resolved = resolveVaultConfig(config);
    expect(resolved).toStrictEqual({
      vaultId: 'v1',
      url: 'https://abc123.vault.skyflowapis.dev',
      caCert: CA,
      credentials: { kind: 'apiKey', apiKey: 'sky-key' },
      source: config,
    });
    expect(resolved.source).not.toBe(config);
    expect(Object.isFrozen(resolved.source)).toBe(true);
  });

  it('keeps a deep copy: changing the given objects later changes nothing', () => {
    const credentials = { apiKey: 'sky-key' };
    const config = { vaultId: 'v1', clusterId: 'abc123', credentials };
    const resolved = resolveVaultConfig(config);
    credentials.apiKey = 'sky-changed';
    config.clusterId = 'other';
    expect(resolved.source).toStrictEqual({ vaultId: 'v1', clusterId: 'abc123', credentials: { apiKey: 'sky-key' } });
    expect(resolved.source.credentials).not.toBe(credentials);
    expect(resolved.credentials).toStrictEqual({ kind: 'apiKey', apiKey: 'sky-key' });
  });

  it.each<[string, string]>([
    ['https://vault.example.com', 'https://vault.example.com'],
    ['https://vault.example.com/', 'https://vault.example.com'],
    ['https://vault.example.com:8443', 'https://vault.example.com:8443'],
    ['http://localhost:8080', 'http://localhost:8080'],
    ['http://127.0.0.1:9000/', 'http://127.0.0.1:9000'],
    ['http://[::1]:8443', 'http://[::1]:8443'],
  ])('accepts baseUrl %s as %s, without a clusterId', (baseUrl, url) => {
    expect(resolveVaultConfig({ vaultId: 'v1', baseUrl }).url).toBe(url);
  });

  it('refuses baseUrl with clusterId', () => {
    expectFailure(
      () => resolveVaultConfig({ ...v1, env: Env.SANDBOX, baseUrl: 'https://local.test' }),
      I('Both baseUrl and clusterId are given. Specify one of them for vault with vaultId v1.'),
    );
  });

  it('accepts baseUrl with env (env is not used then)', () => {
    expect(resolveVaultConfig({ vaultId: 'v1', env: Env.SANDBOX, baseUrl: 'https://local.test' }).url).toBe('https://local.test');
  });

  const badBaseUrl = I('Invalid baseUrl. Specify an https URL (http only for localhost) without query or credentials for vault with vaultId v1.');
  it.each<[string, unknown]>([
    ['http off this machine', 'http://example.com'],
    ['http to a host named like localhost', 'http://localhost.example.com'],
    ['user and password', 'https://user:pass@example.com'],
    ['a user only', 'https://user@example.com'],
    ['a query', 'https://example.com?x=1'],
    ['a fragment', 'https://example.com#top'],
    ['another scheme', 'ftp://example.com'],
    ['not a URL', 'example.com'],
    ['an empty string', ''],
    ['a number', 8080],
  ])('refuses a baseUrl with %s', (_, baseUrl) => {
    expectFailure(() => resolveVaultConfig({ vaultId: 'v1', baseUrl }), badBaseUrl);
  });

  it.each<[string, unknown, string]>([
    ['a config that is null', null, I('Vault config cannot be empty. Specify a vault config object.')],
    ['a config that is an array', [v1], I('Vault config cannot be empty. Specify a vault config object.')],
    ['a config that is a string', 'v1', I('Vault config cannot be empty. Specify a vault config object.')],
    ['no vaultId', { clusterId: 'c' }, I('Invalid vault ID. Specify a non-empty vaultId.')],
    ['an empty vaultId', { vaultId: '', clusterId: 'c' }, I('Invalid vault ID. Specify a non-empty vaultId.')],
    ['a null vaultId', { vaultId: null, clusterId: 'c' }, I('Invalid vault ID. Specify a non-empty vaultId.')],
    ['a numeric vaultId', { vaultId: 7, clusterId: 'c' }, I('Invalid vault ID. Specify vaultId as a string.')],
    // A path segment of every call: encodeURIComponent would throw a URIError on it.
    ['a vaultId with a lone surrogate', { vaultId: 'v\uD800', clusterId: 'c' }, I('Invalid vault ID. Specify vaultId as a string.')],
    ['a blank vaultId', { vaultId: '  ', clusterId: 'c' }, I('Invalid vault ID. Specify a non-empty vaultId.')],
    ['a vaultId of tabs and newlines', { vaultId: '\t\n', clusterId: 'c' }, I('Invalid vault ID. Specify a non-empty vaultId.')],
    ['a misspelt key', { ...v1, vaultID: 'v1' }, I('Unknown key vaultID in vault config v1. Remove it or check its spelling.')],
    ['a misspelt vaultId (before the missing vaultId)', { vaultID: 'x' }, I('Unknown key vaultID in vault config. Remove it or check its spelling.')],
    ['an unknown key with a numeric vaultId', { vaultId: 7, region: 'eu' }, I('Unknown key region in vault config. Remove it or check its spelling.')],
    ['an unknown key before a bad clusterId', { vaultId: 'v1', clusterId: 'a.b', extra: 1 }, I('Unknown key extra in vault config v1. Remove it or check its spelling.')],
    ['baseUrl with a null clusterId', { vaultId: 'v1', baseUrl: 'https://local.test', clusterId: null }, I('Both baseUrl and clusterId are given. Specify one of them for vault with vaultId v1.')],
    ['a misspelt credentials key', { ...v1, crendentials: {} }, I('Unknown key crendentials in vault config v1. Remove it or check its spelling.')],
    ['an unknown env', { ...v1, env: 'prod' }, I('Invalid env. Specify env as one of Env.PROD, SANDBOX, DEV, STAGE for vault with vaultId v1.')],
    ['a null env', { ...v1, env: null }, I('Invalid env. Specify env as one of Env.PROD, SANDBOX, DEV, STAGE for vault with vaultId v1.')],
    ['a null env, before the missing clusterId', { vaultId: 'v1', env: null }, I('Invalid env. Specify env as one of Env.PROD, SANDBOX, DEV, STAGE for vault with vaultId v1.')],
    ['no clusterId', { vaultId: 'v1' }, I('Invalid cluster ID. Specify a clusterId (or a baseUrl) for vault with vaultId v1.')],
    ['an empty clusterId', { vaultId: 'v1', clusterId: '' }, I('Invalid cluster ID. Specify a clusterId (or a baseUrl) for vault with vaultId v1.')],
    ['a numeric clusterId', { vaultId: 'v1', clusterId: 123 }, BAD_CLUSTER],
    ['a clusterId with a dot', { vaultId: 'v1', clusterId: 'evil.com/x' }, BAD_CLUSTER],
    ['a clusterId with a space', { vaultId: 'v1', clusterId: 'abc 123' }, BAD_CLUSTER],
    ['a caCert that is not PEM', { ...v1, caCert: 'MIIBszCCAVmgAwIBAgIU' }, I('Invalid caCert. Specify the PEM text of a CA certificate for vault with vaultId v1.')],
    ['a caCert that is a Buffer', { ...v1, caCert: Buffer.from(CA) }, I('Invalid caCert. Specify the PEM text of a CA certificate for vault with vaultId v1.')],
    ['bad credentials', { ...v1, credentials: { apiKey: 'key' } }, I('Invalid credentials. Specify a valid API key (it starts with "sky-") for vault with vaultId v1.')],
    ['empty credentials', { ...v1, credentials: null }, V('Invalid credentials. Credentials must not be empty for vault with vaultId v1.')],
  ])('refuses %s', (_, config, message) => {
    expectFailure(() => resolveVaultConfig(config), message);
  });
});

describe('resolveClientOptions', () => {
  it('has its defaults', () => {
    const options = resolveClientOptions({});
    expect(options.logLevel).toBe(LogLevel.ERROR);
    expect(options.logger).toBeUndefined();
    expect(options.transport.timeoutMs).toBe(60_000);
    expect(options.transport.retry).toStrictEqual({ limit: 2, baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 30_000 });
    expect(options.transport.random).toBe(Math.random);
    expect(options.transport.sleep).toBeTypeOf('function');
  });

  it('keeps what is given', () => {
    const sleep = async (): Promise<void> => undefined;
    const random = (): number => 0.5;
    const logger = (): void => undefined;
    const options = resolveClientOptions({
      logLevel: LogLevel.WARN,
      logger,
      timeoutMs: 1_500,
      retry: { limit: 0, baseDelayMs: 10, maxDelayMs: 20, maxRetryAfterMs: 30, sleep, random },
    });
    expect(options).toStrictEqual({
      logLevel: 'WARN',
      logger,
      transport: { timeoutMs: 1_500, retry: { limit: 0, baseDelayMs: 10, maxDelayMs: 20, maxRetryAfterMs: 30 }, sleep, random },
    });
  });
});

describe('Skyflow constructor', () => {
  const positive = (name: string) => I(`Invalid ${name}. Specify ${name} as a positive number of milliseconds.`);
  it.each<[string, unknown, string]>([
    ['null', null, I('Skyflow config cannot be empty. Specify a valid skyflow config object.')],
    ['an array', [], I('Skyflow config cannot be empty. Specify a valid skyflow config object.')],
    ['a string', 'config', I('Skyflow config cannot be empty. Specify a valid skyflow config object.')],
    ['a misspelt key', { vaultConfig: [v1] }, I('Unknown key vaultConfig in skyflow config. Remove it or check its spelling.')],
    ['an unknown log level', { logLevel: 'VERBOSE' }, I('Invalid log level. Specify one of LogLevel.DEBUG, INFO, WARN, ERROR, OFF.')],
    ['a lower-case log level', { logLevel: 'debug' }, I('Invalid log level. Specify one of LogLevel.DEBUG, INFO, WARN, ERROR, OFF.')],
    ['a logger that is not a function', { logger: console }, I('Invalid logger. Specify logger as a function that receives log entries.')],
    ['a null log level', { logLevel: null }, I('Invalid log level. Specify one of LogLevel.DEBUG, INFO, WARN, ERROR, OFF.')],
    ['a null logger', { logger: null }, I('Invalid logger. Specify logger as a function that receives log entries.')],
    ['timeoutMs 0', { timeoutMs: 0 }, positive('timeoutMs')],
    ['timeoutMs negative', { timeoutMs: -1 }, positive('timeoutMs')],
    ['timeoutMs NaN', { timeoutMs: Number.NaN }, positive('timeoutMs')],
    ['timeoutMs a string', { timeoutMs: '100' }, positive('timeoutMs')],
    ['timeoutMs null', { timeoutMs: null }, positive('timeoutMs')],
    ['retry a number', { retry: 3 }, I('Invalid retry. Specify retry as an object.')],
    ['retry null', { retry: null }, I('Invalid retry. Specify retry as an object.')],
    ['retry an array', { retry: [] }, I('Invalid retry. Specify retry as an object.')],
    ['a misspelt retry key', { retry: { retries: 3 } }, I('Unknown key retries in retry options. Remove it or check its spelling.')],
    ['retry.limit negative', { retry: { limit: -1 } }, I('Invalid retry.limit. Specify retry.limit as a non-negative integer.')],
    ['retry.limit fractional', { retry: { limit: 1.5 } }, I('Invalid retry.limit. Specify retry.limit as a non-negative integer.')],
    ['retry.sleep not a function', { retry: { sleep: 100 } }, I('Invalid retry.sleep. Specify retry.sleep as a function.')],
    ['retry.random not a function', { retry: { random: 0.5 } }, I('Invalid retry.random. Specify retry.random as a function.')],
    ['retry.baseDelayMs 0', { retry: { baseDelayMs: 0 } }, positive('retry.baseDelayMs')],
    ['retry.maxDelayMs Infinity', { retry: { maxDelayMs: Infinity } }, positive('retry.maxDelayMs')],
    ['retry.maxRetryAfterMs null', { retry: { maxRetryAfterMs: null } }, positive('retry.maxRetryAfterMs')],
    ['retry.sleep null', { retry: { sleep: null } }, I('Invalid retry.sleep. Specify retry.sleep as a function.')],
    ['vaultConfigs not an array', { vaultConfigs: v1 }, I('Invalid vault config. Specify vaultConfigs as an array.')],
    ['vaultConfigs null', { vaultConfigs: null }, I('Invalid vault config. Specify vaultConfigs as an array.')],
    ['a null vault config', { vaultConfigs: [v1, null] }, I('Vault config cannot be empty. Specify a vault config object.')],
    ['null client credentials', { skyflowCredentials: null }, V('Invalid credentials. Credentials must not be empty.')],
    ['a bad vault config', { vaultConfigs: [v1, { vaultId: 'v2' }] }, I('Invalid cluster ID. Specify a clusterId (or a baseUrl) for vault with vaultId v2.')],
    ['a duplicate vault id', { vaultConfigs: [v1, { ...v1, env: Env.DEV }] }, V('v1 already exists in the config list. Specify a new vaultId.')],
    ['bad client credentials', { skyflowCredentials: { apiKey: 'nope' } }, I('Invalid credentials. Specify a valid API key (it starts with "sky-").')],
  ])('refuses %s', (_, config, message) => {
    expectFailure(() => new Skyflow(config as never), message);
  });

  it('builds a client without any config, and logs that to the given logger', () => {
    expect(new Skyflow().getLogLevel()).toBe(LogLevel.ERROR);
    expect(new Skyflow({ logLevel: undefined, retry: undefined, vaultConfigs: undefined, timeoutMs: undefined } as never).getLogLevel()).toBe(LogLevel.ERROR);
    const entries: LogEntry[] = [];
    new Skyflow({ vaultConfigs: [v1], logLevel: LogLevel.INFO, logger: (entry) => entries.push(entry) });
    expect(entries).toStrictEqual([{ level: 'INFO', message: 'Skyflow client initialized with 1 vault(s) and 0 connection(s).' }]);
  });

  it('keeps the client credentials as given', () => {
    const credentials = { apiKey: 'sky-abc' };
    expect(new Skyflow({ skyflowCredentials: credentials }).getSkyflowCredentials()).toBe(credentials);
    expect(new Skyflow().getSkyflowCredentials()).toBeUndefined();
  });
});

describe('Skyflow vaults', () => {
  const v2 = { vaultId: 'v2', baseUrl: 'http://localhost:8080', credentials: { apiKey: 'sky-2' } };

  it('returns the first vault without an id, and each vault by its id', () => {
    const client = new Skyflow({ vaultConfigs: [v1, v2] });
    expect(client.vault()).toBeInstanceOf(VaultClient);
    expect(client.vault().vaultId).toBe('v1');
    expect(client.vault('v2').vaultId).toBe('v2');
    expect(client.vault('v1')).toBe(client.vault());
  });

  it.each<[string, (client: Skyflow) => unknown, string]>([
    ['vault() with no vaults', () => new Skyflow().vault(), V('No vault config found. Add a vault config first.')],
    ['an unknown vault', (client) => client.vault('unknown'), V('unknown is missing from the config. Specify a vaultId from the config.')],
    ['an empty vault id', (client) => client.vault(''), V('Invalid vault ID. Specify a non-empty vaultId.')],
    ['adding a vault twice', (client) => client.addVaultConfig({ ...v1 }), V('v1 already exists in the config list. Specify a new vaultId.')],
    ['getting an unknown config', (client) => client.getVaultConfig('v9'), V('v9 is missing from the config. Specify a vaultId from the config.')],
    ['updating an unknown config', (client) => client.updateVaultConfig({ vaultId: 'v9', env: Env.DEV }), V('v9 is missing from the config. Specify a vaultId from the config.')],
    ['updating without a vault id', (client) => client.updateVaultConfig({ env: Env.DEV } as never), V('Invalid vault ID. Specify a non-empty vaultId.')],
    ['removing an unknown config', (client) => client.removeVaultConfig('v9'), V('v9 is missing from the config. Specify a vaultId from the config.')],
    ['removing with an empty id', (client) => client.removeVaultConfig(''), V('Invalid vault ID. Specify a non-empty vaultId.')],
  ])('refuses %s', (_, act, message) => {
    expectFailure(() => act(new Skyflow({ vaultConfigs: [v1] })), message);
  });

  it('adds vaults after construction, chaining', () => {
    const client = new Skyflow();
    expect(client.addVaultConfig(v1).addVaultConfig(v2)).toBe(client);
    expect(client.vault('v2').vaultId).toBe('v2');
  });

  it('gives the config as given, as a copy', () => {
    const client = new Skyflow({ vaultConfigs: [v2] });
    const config = client.getVaultConfig('v2');
    expect(config).toStrictEqual(v2);
    expect(config).not.toBe(v2);
    config.baseUrl = 'https://changed.example.com';
    expect(client.getVaultConfig('v2')).toStrictEqual(v2);
  });

  it('gives a deep copy, and keeps one: nested objects changed on either side change nothing', () => {
    const given = { vaultId: 'v3', baseUrl: 'http://localhost:8080', credentials: { apiKey: 'sky-3' } };
    const client = new Skyflow({ vaultConfigs: [given] });
    given.credentials.apiKey = 'sky-changed';
    const config = client.getVaultConfig('v3');
    expect(config).toStrictEqual({ vaultId: 'v3', baseUrl: 'http://localhost:8080', credentials: { apiKey: 'sky-3' } });
    expect(config.credentials).not.toBe(given.credentials);
    (config.credentials as { apiKey: string }).apiKey = 'sky-mutated';
    expect(client.getVaultConfig('v3').credentials).toStrictEqual({ apiKey: 'sky-3' });
    expect(client.getVaultConfig('v3')).not.toBe(client.getVaultConfig('v3'));
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>, Record<string, unknown>]>([
    ['baseUrl replaces clusterId and env', { ...v1, env: Env.SANDBOX }, { baseUrl: 'https://local.test' }, { vaultId: 'v1', baseUrl: 'https://local.test' }],
    ['clusterId replaces baseUrl', { vaultId: 'v1', baseUrl: 'https://local.test' }, { clusterId: 'c2' }, { vaultId: 'v1', clusterId: 'c2' }],
    ['clusterId and env replace baseUrl', { vaultId: 'v1', baseUrl: 'https://local.test' }, { clusterId: 'c2', env: Env.DEV }, { vaultId: 'v1', clusterId: 'c2', env: 'DEV' }],
    ['env keeps clusterId', { ...v1, env: Env.DEV }, { env: Env.STAGE }, { ...v1, env: 'STAGE' }],
    ['baseUrl keeps credentials and caCert', { ...v1, credentials: { apiKey: 'sky-1' }, caCert: CA }, { baseUrl: 'https://local.test' }, { vaultId: 'v1', credentials: { apiKey: 'sky-1' }, caCert: CA, baseUrl: 'https://local.test' }],
  ])('on update, %s', (_, initial, update, expected) => {
    const client = new Skyflow({ vaultConfigs: [initial as never] });
    client.updateVaultConfig({ vaultId: 'v1', ...update });
    expect(client.getVaultConfig('v1')).toStrictEqual(expected);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>, string]>([
    ['env alone drops baseUrl, leaving no clusterId', { vaultId: 'v1', baseUrl: 'https://local.test' }, { env: Env.DEV }, I('Invalid cluster ID. Specify a clusterId (or a baseUrl) for vault with vaultId v1.')],
    ['baseUrl with clusterId', v1, { baseUrl: 'https://local.test', clusterId: 'c2' }, I('Both baseUrl and clusterId are given. Specify one of them for vault with vaultId v1.')],
    ['a null env', v1, { env: null }, I('Invalid env. Specify env as one of Env.PROD, SANDBOX, DEV, STAGE for vault with vaultId v1.')],
    ['an unknown key', v1, { region: 'eu' }, I('Unknown key region in vault config v1. Remove it or check its spelling.')],
  ])('refuses an update where %s, and keeps the config', (_, initial, update, message) => {
    const client = new Skyflow({ vaultConfigs: [initial as never] });
    expectFailure(() => client.updateVaultConfig({ vaultId: 'v1', ...update } as never), message);
    expect(client.getVaultConfig('v1')).toStrictEqual(initial);
  });

  it('updates some settings and keeps the others', () => {
    const client = new Skyflow({ vaultConfigs: [{ ...v1, credentials: { apiKey: 'sky-1' } }] });
    const vault = client.vault('v1');
    expect(client.updateVaultConfig({ vaultId: 'v1', env: Env.SANDBOX })).toBe(client);
    expect(client.getVaultConfig('v1')).toStrictEqual({ ...v1, credentials: { apiKey: 'sky-1' }, env: 'SANDBOX' });
    expect(client.vault('v1')).toBe(vault);
  });

  it('leaves a config unchanged when an update is refused', () => {
    const client = new Skyflow({ vaultConfigs: [v1] });
    expectFailure(
      () => client.updateVaultConfig({ vaultId: 'v1', clusterId: 'not a cluster' }),
      BAD_CLUSTER,
    );
    expect(client.getVaultConfig('v1')).toStrictEqual(v1);
  });

  it('removes a vault; the next one becomes the default', () => {
    const client = new Skyflow({ vaultConfigs: [v1, v2] });
    expect(client.removeVaultConfig('v1')).toBe(client);
    expect(client.vault().vaultId).toBe('v2');
    expectFailure(() => client.vault('v1'), V('v1 is missing from the config. Specify a vaultId from the config.'));
    client.addVaultConfig(v1);
    expect(client.vault().vaultId).toBe('v2');
  });
});

describe('a VaultClient handed out before its config changed', () => {
  // Two local servers, each both a token endpoint (/token) and a vault; what they see is logged in order.
  type Seen = { server: string; path: string; issuer?: unknown; bearer?: string };
  const seen: Seen[] = [];
  const servers: Array<ReturnType<typeof createServer>> = [];
  const clients: Skyflow[] = [];
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

  async function server(name: string): Promise<string> {
    let exchanges = 0;
    const http = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        response.setHeader('content-type', 'application/json');
        if (request.url === '/token') {
          const assertion = (JSON.parse(body) as { assertion: string }).assertion;
          seen.push({ server: name, path: '/token', issuer: readClaims(assertion)?.iss });
          // A JWT without exp: the token source keeps it until it is dropped.
          response.end(JSON.stringify({ accessToken: `${b64({ alg: 'none' })}.${b64({ sub: `${name}-${++exchanges}` })}.`, tokenType: 'Bearer' }));
          return;
        }
        const bearer = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
        seen.push({ server: name, path: request.url ?? '', bearer: bearer.startsWith('sky-') ? bearer : readClaims(bearer)?.sub as string });
        response.end(JSON.stringify({ records: [] }));
      });
    });
    servers.push(http);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  }

  const account = (clientID: string, url: string) => ({
    credentialsString: JSON.stringify({ clientID, keyID: 'k', tokenURI: `${url}/token`, privateKey }),
  });
  const client = (config: ConstructorParameters<typeof Skyflow>[0]): Skyflow => {
    const made = new Skyflow({ ...config, logger: () => undefined, retry: { limit: 0 } });
    clients.push(made);
    return made;
  };
  const query = { query: 'select 1' };

  afterEach(async () => {
    seen.length = 0;
    for (const made of clients.splice(0)) made.close();
    await Promise.all(
      servers.splice(0).map((http) => {
        http.closeAllConnections();
        return new Promise((resolve) => http.close(resolve));
      }),
    );
  });

  it('uses the config, credentials and token source of a vault removed and added again', async () => {
    const [a, b] = [await server('A'), await server('B')];
    const skyflow = client({ vaultConfigs: [{ vaultId: 'v1', baseUrl: a, credentials: account('client-old', a) }] });
    const vault = skyflow.vault('v1');
    await vault.query(query);
    await vault.query(query);
    expect(seen).toStrictEqual([
      { server: 'A', path: '/token', issuer: 'client-old' },
      { server: 'A', path: '/v1/vaults/v1/query', bearer: 'A-1' },
      { server: 'A', path: '/v1/vaults/v1/query', bearer: 'A-1' },
    ]);

    seen.length = 0;
    skyflow.removeVaultConfig('v1');
    await expect(vault.query(query)).rejects.toMatchObject({ message: V('v1 is missing from the config. Specify a vaultId from the config.') });
    skyflow.addVaultConfig({ vaultId: 'v1', baseUrl: b, credentials: account('client-new', b) });
    await vault.query(query);
    expect(seen).toStrictEqual([
      { server: 'B', path: '/token', issuer: 'client-new' },
      { server: 'B', path: '/v1/vaults/v1/query', bearer: 'B-1' },
    ]);
  });

  it('drops the cached token when the vault is added again with the same client credentials', async () => {
    const a = await server('A');
    const skyflow = client({ vaultConfigs: [{ vaultId: 'v1', baseUrl: a }], skyflowCredentials: account('client-1', a) });
    const vault = skyflow.vault('v1');
    await vault.query(query);
    await vault.query(query);
    skyflow.removeVaultConfig('v1').addVaultConfig({ vaultId: 'v1', baseUrl: a });
    await vault.query(query);
    expect(seen).toStrictEqual([
      { server: 'A', path: '/token', issuer: 'client-1' },
      { server: 'A', path: '/v1/vaults/v1/query', bearer: 'A-1' },
      { server: 'A', path: '/v1/vaults/v1/query', bearer: 'A-1' },
      { server: 'A', path: '/token', issuer: 'client-1' },
      { server: 'A', path: '/v1/vaults/v1/query', bearer: 'A-2' },
    ]);
  });

  it('follows an update of baseUrl and credentials', async () => {
    const [a, b] = [await server('A'), await server('B')];
    const skyflow = client({ vaultConfigs: [{ vaultId: 'v1', baseUrl: a, credentials: { apiKey: 'sky-a' } }] });
    const vault = skyflow.vault('v1');
    await vault.query(query);
    skyflow.updateVaultConfig({ vaultId: 'v1', baseUrl: b, credentials: { apiKey: 'sky-b' } });
    await vault.query(query);
    expect(seen).toStrictEqual([
      { server: 'A', path: '/v1/vaults/v1/query', bearer: 'sky-a' },
      { server: 'B', path: '/v1/vaults/v1/query', bearer: 'sky-b' },
    ]);
  });
});

describe('Skyflow log level', () => {
  it('sets and gets it', () => {
    const client = new Skyflow({ logLevel: LogLevel.WARN });
    expect(client.getLogLevel()).toBe('WARN');
    expect(client.setLogLevel(LogLevel.OFF)).toBe(client);
    expect(client.getLogLevel()).toBe('OFF');
  });

  it('keeps the level when a bad one is set', () => {
    const client = new Skyflow({ logLevel: LogLevel.INFO, logger: () => undefined });
    expectFailure(() => client.setLogLevel('TRACE' as never), I('Invalid log level. Specify one of LogLevel.DEBUG, INFO, WARN, ERROR, OFF.'));
    expect(client.getLogLevel()).toBe('INFO');
  });
});

describe('Skyflow.builder', () => {
  it('builds what the constructor builds', () => {
    const credentials = { apiKey: 'sky-abc' };
    const built = Skyflow.builder()
      .addVaultConfig(v1)
      .addVaultConfig({ vaultId: 'v2', baseUrl: 'https://local.test' })
      .addSkyflowCredentials(credentials)
      .setLogLevel(LogLevel.WARN)
      .setTimeout(5_000)
      .setRetry({ limit: 1 })
      .build();
    const constructed = new Skyflow({
      vaultConfigs: [v1, { vaultId: 'v2', baseUrl: 'https://local.test' }],
      skyflowCredentials: credentials,
      logLevel: LogLevel.WARN,
      timeoutMs: 5_000,
      retry: { limit: 1 },
    });
    for (const client of [built, constructed]) {
      expect(client).toBeInstanceOf(Skyflow);
      expect(client.vault().vaultId).toBe('v1');
      expect(client.getVaultConfig('v2')).toStrictEqual({ vaultId: 'v2', baseUrl: 'https://local.test' });
      expect(client.getSkyflowCredentials()).toBe(credentials);
      expect(client.getLogLevel()).toBe('WARN');
    }
  });

  it('checks at build() with the constructor messages', () => {
    const builder = Skyflow.builder().addVaultConfig({ vaultId: 'v1' } as never);
    expectFailure(() => builder.build(), I('Invalid cluster ID. Specify a clusterId (or a baseUrl) for vault with vaultId v1.'));
    expectFailure(() => Skyflow.builder().setTimeout(0).build(), I('Invalid timeoutMs. Specify timeoutMs as a positive number of milliseconds.'));
  });

  it('builds independent clients', () => {
    const builder = Skyflow.builder().addVaultConfig(v1);
    const first = builder.build();
    const second = builder.build();
    first.removeVaultConfig('v1');
    expect(second.vault().vaultId).toBe('v1');
  });
});

describe('vault URLs', () => {
  it.each<[string, { clusterId: string; env: Env } | undefined]>([
    ['abc123.vault.skyflowapis.com', { clusterId: 'abc123', env: Env.PROD }],
    ['abc123.vault.skyflowapis-preview.com', { clusterId: 'abc123', env: Env.SANDBOX }],
    ['abc123.vault.skyflowapis.dev', { clusterId: 'abc123', env: Env.DEV }],
    ['abc123.vault.skyflowapis.tech', { clusterId: 'abc123', env: Env.STAGE }],
    ['vault.skyflowapis.com', undefined],
    ['.vault.skyflowapis.com', undefined],
    ['a.b.vault.skyflowapis.com', undefined],
    ['abc123.vault.skyflowapis.com.evil.com', undefined],
    ['abc123.skyflowapis.com', undefined],
    ['abc123-vault.skyflowapis.com', undefined],
    ['localhost', undefined],
    ['example.com', undefined],
  ])('envOfHost(%j) is %o', (host, expected) => {
    expect(envOfHost(host)).toStrictEqual(expected);
  });

  it.each(Object.values(Env))('clusterUrl and envOfHost agree for %s', (env) => {
    expect(envOfHost(new URL(clusterUrl('c-1', env)).host)).toStrictEqual({ clusterId: 'c-1', env });
  });

  it.each<[unknown, boolean]>([
    ['https://example.com/token', true],
    ['http://localhost/x', true],
    ['http://127.0.0.1:1/x', true],
    ['http://[::1]/x', true],
    ['http://127.0.0.2/x', false],
    ['http://example.com', false],
    ['ws://localhost', false],
    ['not a url', false],
    [undefined, false],
  ])('isSecureUrl(%j) is %s', (url, expected) => {
    expect(isSecureUrl(url)).toBe(expected);
  });

  it('normalizes a base URL to its origin', () => {
    expect(normalizeBaseUrl('HTTPS://Vault.Example.COM:443/')).toBe('https://vault.example.com');
    expect(normalizeBaseUrl('https://vault.example.com/api/')).toBe('https://vault.example.com/api');
  });
});
