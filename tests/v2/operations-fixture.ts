// Shared by the v2 operation tests: one client of the run's shared local
// vault over HTTPS (trusted through the vault config's caCert), a REST client
// to check what the vault stored, and small helpers.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { LogLevel, Skyflow, type InsertedRecord } from '../../src/v2/index.js';
import { card, person } from '../helpers/data.js';
import { restClient } from '../helpers/rest.js';
import { sharedVault } from '../helpers/shared-vault.js';
export { rejectionOf, thrownBy } from '../helpers/outcomes.js';

export const shared = sharedVault();
export const rest = restClient(shared);
export const client = Skyflow.builder()
  .addVaultConfig({ vaultId: shared.vaultId, baseUrl: shared.url, caCert: shared.caCert })
  .addSkyflowCredentials({ apiKey: shared.apiKey })
  .setLogLevel(LogLevel.OFF)
  .build();
export const vault = client.vault();

/** Closes the client and the REST client; call from afterAll. */
export function closeFixture(): void {
  client.close();
  rest.close();
}

export const FORMAT_PRESERVING_CARD = /^\d{4}-\d{4}-\d{4}-\d{4}$/;
export const SSN_SHAPE = /^\d{3}-\d{2}-\d{4}$/;

export type Card = ReturnType<typeof card>;
export type Person = ReturnType<typeof person>;

/** A card whose every value is held by no other record (for bring-your-own-token writes). */
export function freshCard(): Card {
  return card({ cardholder_name: `Name ${randomUUID()}`, expiry_date: `exp-${randomUUID()}`, cvv: `cvv-${randomUUID()}` });
}



/** What the vault stores for a record, read over REST (null when there is no such record). */
export async function storedOver(table: string, id: string): Promise<Record<string, unknown> | null> {
  const response = await rest.get(`/${table}/${id}?redaction=PLAIN_TEXT`);
  if (response.status === 404) return null;
  expect(response.status).toBe(200);
  return response.body.fields as Record<string, unknown>;
}

/** Whether a record holds `value` in a unique column, looked up over REST. */
export async function existsOver(table: string, column: string, value: string): Promise<boolean> {
  const response = await rest.get(`/${table}?column_name=${column}&column_values=${encodeURIComponent(value)}`);
  if (response.status === 404) return false;
  expect(response.status).toBe(200);
  return true;
}

export async function insertCards(values: Card[]): Promise<InsertedRecord[]> {
  const { insertedFields, errors } = await vault.insert({ table: 'cards', values, returnTokens: true });
  expect(errors).toEqual([]);
  return [...insertedFields];
}

export async function insertPerson(values: Person = person()): Promise<InsertedRecord> {
  const { insertedFields } = await vault.insert({ table: 'persons', values: [values], returnTokens: true });
  return insertedFields[0]!;
}

export function masked(cardNumber: string): string {
  return `XXXX-XXXX-XXXX-${cardNumber.slice(-4)}`;
}
