// Fault injection: statuses, Retry-After, latency and connection resets,
// before or after a request is processed, changeable at run time.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalVaultOptionsError, startLocalVault, type LocalVault } from '../../src/local-vault/index.js';
import { card } from '../helpers/data.js';
import { restClient, type RestClient } from '../helpers/rest.js';

let vault: LocalVault;
let rest: RestClient;

beforeAll(async () => {
  vault = await startLocalVault();
  rest = restClient(vault);
});
afterAll(async () => {
  rest.close();
  await vault.close();
});
beforeEach(() => vault.setFaults([]));

async function countCards(): Promise<number> {
  const response = await rest.post('/query', { query: 'SELECT COUNT(*) AS n FROM cards' });
  return response.body.records[0].fields.n;
}

describe('faults before processing', () => {
  it('answers the status with a Skyflow error body, and writes nothing', async () => {
    vault.setFaults([{ operation: 'insert', status: 503, times: 1 }]);
    const before = await countCards();
    const faulted = await rest.post('/cards', { records: [{ fields: card() }] });
    expect(faulted.status).toBe(503);
    expect(faulted.body.error).toEqual({
      grpc_code: 14,
      http_code: 503,
      http_status: 'Service Unavailable',
      message: 'Fault injected by the local vault (insert).',
      details: [],
    });
    expect(faulted.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(await countCards()).toBe(before);
    const next = await rest.post('/cards', { records: [{ fields: card() }] });
    expect(next.status).toBe(200);
    expect(await countCards()).toBe(before + 1);
  });

  it('sends 429 with Retry-After', async () => {
    vault.setFaults([{ operation: 'getMany', retryAfterSeconds: 2, message: 'Slow down.' }]);
    const response = await rest.get('/cards?limit=1');
    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBe('2');
    expect(response.body.error).toMatchObject({ grpc_code: 8, message: 'Slow down.' });
  });

  it('delays the answer by latencyMs', async () => {
    vault.setFaults([{ operation: 'getMany', latencyMs: 300 }]);
    const started = performance.now();
    const response = await rest.get('/cards?limit=1');
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('resets the connection, and nothing is written', async () => {
    vault.setFaults([{ operation: 'insert', reset: true, times: 1 }]);
    const before = await countCards();
    await expect(rest.post('/cards', { records: [{ fields: card() }] })).rejects.toMatchObject({
      code: expect.stringMatching(/^(ECONNRESET|EPIPE)$/),
    });
    expect(await countCards()).toBe(before);
  });

  it('applies to the token endpoint as well', async () => {
    vault.setFaults([{ operation: 'token', status: 500 }]);
    const response = await rest.call('POST', '/v1/auth/sa/oauth/token', {}, { bearer: null });
    expect(response.status).toBe(500);
    expect(response.body.error.grpc_code).toBe(13);
  });
});

describe('faults after processing', () => {
  it('replaces the answer but keeps the write: what a client sees when a reply is lost', async () => {
    vault.setFaults([{ operation: 'insert', phase: 'after', status: 502, times: 1 }]);
    const values = card();
    const response = await rest.post('/cards', { records: [{ fields: values }] });
    expect(response.status).toBe(502);
    const stored = await rest.get(`/cards?column_name=card_number&column_values=${encodeURIComponent(values.card_number)}`);
    expect(stored.status).toBe(200);
  });

  it('cuts the connection after the commit', async () => {
    vault.setFaults([{ operation: 'insert', phase: 'after', reset: true, times: 1 }]);
    const values = card();
    await expect(rest.post('/cards', { records: [{ fields: values }] })).rejects.toMatchObject({
      code: expect.stringMatching(/^(ECONNRESET|EPIPE)$/),
    });
    const stored = await rest.get(`/cards?column_name=card_number&column_values=${encodeURIComponent(values.card_number)}`);
    expect(stored.status).toBe(200);
  });

  it('leaves error answers alone', async () => {
    vault.setFaults([{ operation: 'getOne', phase: 'after', status: 500 }]);
    const response = await rest.get('/cards/no-such-id');
    expect(response.status).toBe(404);
  });
});

describe('rules', () => {
  it('apply in order, count down times, and are counted in stats', async () => {
    const before = vault.stats();
    vault.setFaults([
      { operation: 'getMany', status: 500, times: 2 },
      { operation: '*', status: 503, times: 1 },
    ]);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await rest.get('/cards?limit=1')).status);
    expect(statuses).toEqual([500, 500, 503, 200]);
    const after = vault.stats();
    expect(after.faultsInjected - before.faultsInjected).toBe(3);
    expect(after.requests.getMany - before.requests.getMany).toBe(4);
  });

  it('with rate 0 never fire', async () => {
    vault.setFaults([{ status: 500, rate: 0 }]);
    for (let i = 0; i < 5; i++) expect((await rest.get('/cards?limit=1')).status).toBe(200);
  });

  it('are checked when set; an invalid list changes nothing', () => {
    vault.setFaults([{ operation: 'insert', status: 500 }]);
    expect(() => vault.setFaults([{ operation: 'inserts' as never, status: 500 }])).toThrow(
      /^faults\[0\]: operation must be '\*' or one of token, batch, insert/,
    );
    expect(() => vault.setFaults([{ status: 200 }])).toThrow('faults[0]: status must be an HTTP error status (400-599).');
    expect(() => vault.setFaults([{ rate: 2, status: 500 }])).toThrow('faults[0]: rate must be between 0 and 1.');
    expect(() => vault.setFaults([{ operation: 'insert' }])).toThrow(
      'faults[0]: a rule needs at least one of latencyMs, status, retryAfterSeconds or reset.',
    );
    return expect(rest.post('/cards', { records: [{ fields: card() }] })).resolves.toMatchObject({ status: 500 });
  });

  it('an invalid rule is a LocalVaultOptionsError, at run time and at start (before the data folder is made)', async () => {
    expect(() => vault.setFaults([{ status: 200 }])).toThrow(LocalVaultOptionsError);
    expect(() => vault.setFaults('all' as never)).toThrow(new LocalVaultOptionsError('faults must be an array of fault rules.'));
    const parent = mkdtempSync(join(tmpdir(), 'faults-'));
    try {
      const dataDir = join(parent, 'data');
      const started = startLocalVault({ dataDir, faults: [{ operation: 'insert', latencyMs: -1 }] });
      await expect(started).rejects.toThrow(new LocalVaultOptionsError('faults[0]: latencyMs must be a non-negative number.'));
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('can be given at start', async () => {
    const faulty = await startLocalVault({ tls: false, faults: [{ operation: 'query', status: 418 }] });
    const client = restClient(faulty);
    expect((await client.post('/query', { query: 'SELECT 1 FROM cards' })).status).toBe(418);
    client.close();
    await faulty.close();
  });
});
