// Shared pieces of the migration client tests: the two real clients on the
// run's shared vault (skyflow-node@1.14.3 as legacy, skyflow-bridge/v1 as the
// bridge), wrappers and spies around them, event recorders, and records
// seeded over REST.
import { randomUUID } from 'node:crypto';
import { Skyflow as Legacy, generateBearerToken } from 'skyflow-node';
import { expect, vi, type MockInstance } from 'vitest';
import { OPERATIONS, type DemotionEvent, type LegacyClientLike, type MigrationClient, type MismatchEvent, type Operation, type ProblemEvent, type ResultEvent, type ShadowEvent } from '../../src/migrate/index.js';
import { Skyflow as Bridge } from '../../src/v1/index.js';
import { card } from '../helpers/data.js';
import { restClient, type RestClient } from '../helpers/rest.js';
import { sharedVault } from '../helpers/shared-vault.js';

export const vault = sharedVault();
/** REST access to the shared vault, to seed and inspect records without either SDK. */
export const rest = restClient(vault);

export type AnyMethod = (...args: any[]) => Promise<any>;
export type V1Client = Record<Operation, AnyMethod>;

let token: Promise<string> | undefined;
/** skyflow-node's own token exchange, once per file (a token lives an hour). */
export const getBearerToken = () => (token ??= generateBearerToken(vault.credentialsPath).then(({ accessToken }) => accessToken as string));

export const legacyClient = (): V1Client => Legacy.init({ vaultID: vault.vaultId, vaultURL: vault.url, getBearerToken }) as unknown as V1Client;
export const bridgeClient = (): Bridge =>
  Bridge.init({ vaultID: vault.vaultId, vaultURL: vault.url, getBearerToken, options: { deprecationWarnings: 'silent' } });

/** `client` with some methods replaced; the others call through. */
export function wrap(client: LegacyClientLike, overrides: Partial<Record<Operation, AnyMethod>>): V1Client {
  return Object.fromEntries(OPERATIONS.map((operation) => [operation, overrides[operation] ?? ((...args: unknown[]) => client[operation](...args))])) as V1Client;
}

/** Spies on every method of `client` that call through and keep what each call settled with. */
export function observe<T extends object>(client: T) {
  const settled: Array<{ operation: Operation; value?: unknown; error?: unknown }> = [];
  const spies = {} as Record<Operation, MockInstance<AnyMethod>>;
  const target = client as unknown as V1Client;
  for (const operation of OPERATIONS) {
    const original = target[operation].bind(client);
    spies[operation] = vi.spyOn(target, operation).mockImplementation((...args: unknown[]) => {
      const promise = original(...args);
      promise.then(
        (value: unknown) => settled.push({ operation, value }),
        (error: unknown) => settled.push({ operation, error }),
      );
      return promise;
    });
  }
  const calls = () => OPERATIONS.reduce((sum, operation) => sum + spies[operation].mock.calls.length, 0);
  return { spies, settled, calls };
}

/** Every event of `client`, by name. */
export function listen(client: MigrationClient) {
  const events = {
    result: [] as ResultEvent[],
    shadow: [] as ShadowEvent[],
    mismatch: [] as MismatchEvent[],
    demotion: [] as DemotionEvent[],
    problem: [] as ProblemEvent[],
  };
  client.on('result', (event) => events.result.push(event));
  client.on('shadow', (event) => events.shadow.push(event));
  client.on('mismatch', (event) => events.mismatch.push(event));
  client.on('demotion', (event) => events.demotion.push(event));
  client.on('problem', (event) => events.problem.push(event));
  return events;
}

/** A card holder's name no other test uses (not UUID-shaped: the comparison would normalise that). */
export const uniqueName = () => `Holder ${randomUUID()}`;

/** A card stored over REST (not through either SDK), with its id and tokens. */
export async function seedCard(overrides: Record<string, unknown> = {}) {
  const fields = card({ cardholder_name: uniqueName(), ...overrides });
  const response = await rest.post('/cards', { records: [{ fields }], tokenization: true });
  expect(response.status).toBe(200);
  const record = response.body.records[0] as { skyflow_id: string; tokens: Record<string, string> };
  return { fields, id: record.skyflow_id, tokens: record.tokens };
}

/** The cards of `name` in a vault, read over REST. */
export async function cardsNamed(client: RestClient, name: string): Promise<Array<Record<string, unknown>>> {
  const response = await client.post('/query', { query: `SELECT skyflow_id, cardholder_name, expiry_date FROM cards WHERE cardholder_name = '${name}'` });
  expect(response.status).toBe(200);
  return (response.body.records as Array<{ fields: Record<string, unknown> }>).map((record) => record.fields);
}

export const getInput = (id: string) => ({ records: [{ table: 'cards', ids: [id], redaction: 'PLAIN_TEXT' }] });

/** A promise and the function that resolves it: holds a candidate until the test lets it go. */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}
