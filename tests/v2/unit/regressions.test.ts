// Behaviours fixed after review, each pinned by the case that showed it.
import { describe, expect, it } from 'vitest';
import { resolveClientOptions, resolveVaultConfig } from '../../../src/v2/config/resolve-config.js';
import { resolveCredentials } from '../../../src/v2/credentials/resolve-credentials.js';
import { parseRetryAfter } from '../../../src/v2/transport/retry-policy.js';
import { UpdateRequest } from '../../../src/v2/vault/requests/UpdateRequest.js';
import { Skyflow } from '../../../src/v2/Skyflow.js';
import { thrownBy } from '../../helpers/outcomes.js';

const message = (fn: () => unknown) => thrownBy(fn).message;

describe('credentials', () => {
  it('checks the key fields of a credentials string even when a tokenUri option is given', () => {
    expect(message(() => resolveCredentials({ credentialsString: '{}', tokenUri: 'https://auth.example.com/token' }))).toBe(
      'Validation error. Unable to read client ID in credentials. Verify your client ID.',
    );
  });

  it('takes no option from a prototype', () => {
    const credentialsString = JSON.stringify({ clientID: 'c', keyID: 'k', tokenURI: 'https://auth.example.com/t', privateKey: 'p' });
    const inherited = Object.assign(Object.create({ tokenUri: 'https://other.example.com/token', roles: ['admin'] }), {
      credentialsString,
    });
    expect(resolveCredentials(inherited)).toEqual({ kind: 'serviceAccount', source: { json: credentialsString }, options: {} });
  });

  it('refuses a hole in roles', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the input under test.
    expect(message(() => resolveCredentials({ credentialsString: '{}', roles: [, 'r'] as string[] }))).toBe(
      'Validation error. Invalid roles. Specify roles as an array of strings.',
    );
  });

  it('refuses a context that is not a plain object', () => {
    expect(message(() => resolveCredentials({ credentialsString: '{}', context: new Map() as never }))).toBe(
      'Validation error. Invalid context. Specify context as a string or a JSON object.',
    );
  });
});

describe('configs', () => {
  it('refuses retry.limit null', () => {
    expect(message(() => resolveClientOptions({ retry: { limit: null as never } }))).toBe(
      'Initialization failed. Invalid retry.limit. Specify retry.limit as a non-negative integer.',
    );
  });

  it('keeps exactly the own keys it validated', () => {
    const withInherited = Object.assign(Object.create({ clusterId: 'abc123' }), { vaultId: 'v1' });
    expect(message(() => resolveVaultConfig(withInherited))).toBe(
      'Initialization failed. Invalid cluster ID. Specify a clusterId (or a baseUrl) for vault with vaultId v1.',
    );
  });

  it('treats keys set to undefined in an update as not given', () => {
    const client = new Skyflow({ vaultConfigs: [{ vaultId: 'v1', baseUrl: 'https://vault.example.com' }] });
    client.updateVaultConfig({ vaultId: 'v1', env: undefined as never });
    expect(client.getVaultConfig('v1')).toEqual({ vaultId: 'v1', baseUrl: 'https://vault.example.com' });
  });
});

describe('requests and answers', () => {
  it('refuses empty update tokens under tokenMode ENABLE', () => {
    expect(message(() => new UpdateRequest({ table: 't', data: { skyflowId: 'i', a: 1 }, tokenMode: 'ENABLE', tokens: {} }))).toBe(
      "Validation error. Tokens weren't specified for records while tokenMode was ENABLE or ENABLE_STRICT.",
    );
  });

  it('ignores a Retry-After date that does not exist', () => {
    expect(parseRetryAfter('Mon, 31 Feb 2025 00:00:00 GMT', Date.UTC(2025, 0, 1))).toBeUndefined();
    expect(parseRetryAfter('Wed, 01 Jan 2025 24:00:00 GMT', Date.UTC(2025, 0, 1))).toBeUndefined();
    expect(parseRetryAfter('Mon, 01 Jan 2025 00:00:10 GMT', Date.UTC(2025, 0, 1))).toBeUndefined();
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:10 GMT', Date.UTC(2025, 0, 1))).toBe(10_000);
  });
});
