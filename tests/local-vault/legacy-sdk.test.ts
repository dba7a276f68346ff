// The real skyflow-node@1.14.3, unmodified, against the local vault over HTTPS.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SignJWT } from 'jose';
import { LogLevel, Skyflow, generateBearerToken, setLogLevel } from 'skyflow-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalVault, type LocalVault } from '../../src/local-vault/index.js';
import { UUID, card, person } from '../helpers/data.js';
import { restClient } from '../helpers/rest.js';
import { sharedVault } from '../helpers/shared-vault.js';
import { rejection } from '../helpers/outcomes.js';

const vault = sharedVault();
const REQUEST_ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const withRequestId = (message: string) => new RegExp(`^${escapeRegExp(message)} - requestId: ${REQUEST_ID}$`);
const { RedactionType } = Skyflow;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// skyflow-node types most results as `unknown`; the assertions check the shapes.
type LegacyMethod = (input: any, options?: any) => Promise<any>;
type LegacyClient = Record<'insert' | 'detokenize' | 'get' | 'getById' | 'update' | 'delete', LegacyMethod>;

/** A legacy client whose token provider uses skyflow-node's own token exchange. */
function legacyClient(
  getBearerToken = async () => (await generateBearerToken(vault.credentialsPath)).accessToken,
): LegacyClient {
  return Skyflow.init({ vaultID: vault.vaultId, vaultURL: vault.url, getBearerToken }) as unknown as LegacyClient;
}


const client = legacyClient();

beforeAll(() => {
  setLogLevel(LogLevel.OFF);
});

describe('skyflow-node@1.14.3 against the local vault', () => {
  it('obtains a bearer token with its own generateBearerToken from the credentials file', async () => {
    const { accessToken, tokenType } = await generateBearerToken(vault.credentialsPath);
    expect(tokenType).toBe('Bearer');
    const payload = JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString());
    expect(payload.sub).toBe(vault.credentials.clientID);
    expect(payload.exp - Math.floor(Date.now() / 1000)).toBeGreaterThan(3500);
  });

  describe('insert', () => {
    it('returns tokens by default, and they detokenize to the inserted values', async () => {
      const values = card();
      const result = await client.insert({ records: [{ table: 'cards', fields: values }] });
      expect(result.records).toHaveLength(1);
      const [record] = result.records;
      expect(record).toMatchObject({ table: 'cards', request_index: 0 });
      expect(record.fields.skyflow_id).toMatch(UUID);
      expect(record.fields.card_number).toMatch(/^\d{4}-\d{4}-\d{4}-\d{4}$/);
      expect(record.fields.card_number).not.toBe(values.card_number);
      for (const column of ['cardholder_name', 'expiry_date', 'cvv']) expect(record.fields[column]).toMatch(UUID);

      const revealed = await client.detokenize({
        records: [{ token: record.fields.card_number }, { token: record.fields.cvv }],
      });
      expect(revealed).toEqual({
        records: [
          { token: record.fields.card_number, value: values.card_number },
          { token: record.fields.cvv, value: values.cvv },
        ],
      });
    });

    it('returns only ids with tokens: false, and the values are stored', async () => {
      const values = card();
      const result = await client.insert({ records: [{ table: 'cards', fields: values }] }, { tokens: false });
      expect(result).toEqual({ records: [{ table: 'cards', skyflow_id: expect.stringMatching(UUID), request_index: 0 }] });
      const stored = await client.getById({
        records: [{ ids: [result.records[0].skyflow_id], table: 'cards', redaction: RedactionType.PLAIN_TEXT }],
      });
      expect(stored.records[0].fields).toEqual({ id: result.records[0].skyflow_id, ...values });
    });

    it('inserts into several tables in one call, keeping request order', async () => {
      const result = await client.insert({
        records: [
          { table: 'persons', fields: person() },
          { table: 'cards', fields: card() },
          { table: 'persons', fields: person() },
        ],
      });
      expect(result.records.map((r: any) => [r.table, r.request_index])).toEqual([
        ['persons', 0],
        ['cards', 1],
        ['persons', 2],
      ]);
      expect(new Set(result.records.map((r: any) => r.fields.skyflow_id)).size).toBe(3);
    });

    it('upserts on a unique column: the second insert updates the first record', async () => {
      const values = card();
      const upsert = [{ table: 'cards', column: 'card_number' }];
      const first = await client.insert({ records: [{ table: 'cards', fields: values }] }, { upsert });
      const second = await client.insert(
        { records: [{ table: 'cards', fields: { ...values, cardholder_name: 'Ada King' } }] },
        { upsert },
      );
      const id = first.records[0].fields.skyflow_id;
      expect(second.records[0].fields.skyflow_id).toBe(id);
      const stored = await client.getById({ records: [{ ids: [id], table: 'cards', redaction: RedactionType.PLAIN_TEXT }] });
      expect(stored.records[0].fields.cardholder_name).toBe('Ada King');
    });

    it('rejects a duplicate of a unique value without upsert', async () => {
      const values = card();
      await client.insert({ records: [{ table: 'cards', fields: values }] });
      const error = await rejection(client.insert({ records: [{ table: 'cards', fields: values }] }));
      expect(error.error).toEqual({
        code: 409,
        description: expect.stringMatching(
          withRequestId('Unique constraint violation: column card_number of table cards already holds this value.'),
        ),
      });
    });

    it('with continueOnError, resolves the good record and reports the bad one by index', async () => {
      const good = card();
      const result = await client.insert(
        {
          records: [
            { table: 'cards', fields: good },
            { table: 'cards', fields: { ...card(), no_such_column: 'x' } },
          ],
        },
        { continueOnError: true },
      );
      expect(result.records).toEqual([
        { table: 'cards', fields: expect.objectContaining({ skyflow_id: expect.stringMatching(UUID) }), request_index: 0 },
      ]);
      expect(result.errors).toEqual([
        {
          error: {
            code: 400,
            description: expect.stringMatching(withRequestId('Column no_such_column does not exist in table cards.')),
            request_index: 1,
          },
        },
      ]);
    });

    it('without continueOnError, one bad record fails the call and nothing is written', async () => {
      const good = card();
      const error = await rejection(
        client.insert({
          records: [
            { table: 'cards', fields: good },
            { table: 'cards', fields: { ...card(), no_such_column: 'x' } },
          ],
        }),
      );
      expect(error.error).toEqual({
        code: 400,
        description: expect.stringMatching(withRequestId('records[1]: Column no_such_column does not exist in table cards.')),
      });
      const lookup = await rejection(
        client.get({
          records: [
            { table: 'cards', columnName: 'card_number', columnValues: [good.card_number], redaction: RedactionType.PLAIN_TEXT },
          ],
        }),
      );
      expect(lookup.errors[0].error.code).toBe(404);
    });
  });

  describe('detokenize', () => {
    it('applies each redaction type, and PLAIN_TEXT when none is given', async () => {
      const values = card({ card_number: '5479-4229-4622-1393' });
      const {
        records: [{ fields }],
      } = await client.insert({ records: [{ table: 'cards', fields: values }] }, { upsert: [{ table: 'cards', column: 'card_number' }] });
      const result = await client.detokenize({
        records: [
          { token: fields.card_number },
          { token: fields.card_number, redaction: RedactionType.PLAIN_TEXT },
          { token: fields.card_number, redaction: RedactionType.MASKED },
          { token: fields.card_number, redaction: RedactionType.REDACTED },
          { token: fields.card_number, redaction: RedactionType.DEFAULT },
          { token: fields.cvv, redaction: RedactionType.DEFAULT },
        ],
      });
      expect(result.records.map((r: any) => r.value)).toEqual([
        '5479-4229-4622-1393',
        '5479-4229-4622-1393',
        'XXXX-XXXX-XXXX-1393',
        '*REDACTED*',
        'XXXX-XXXX-XXXX-1393',
        '*REDACTED*',
      ]);
    });

    it('rejects with the good records and the errors when a token is unknown', async () => {
      const { records } = await client.insert({ records: [{ table: 'persons', fields: person() }] });
      const known = records[0].fields.email;
      const error = await rejection(client.detokenize({ records: [{ token: known }, { token: 'no-such-token' }] }));
      expect(error.records).toEqual([{ token: known, value: expect.stringContaining('@example.test') }]);
      expect(error.errors).toEqual([
        {
          token: 'no-such-token',
          error: { code: 404, description: expect.stringMatching(withRequestId('Token not found.')) },
        },
      ]);
    });
  });

  describe('get and getById', () => {
    let ids: string[];
    let inserted: Array<Record<string, string>>;
    let tokens: Array<Record<string, string>>;

    beforeAll(async () => {
      inserted = [card(), card()];
      const result = await client.insert({ records: inserted.map((fields) => ({ table: 'cards', fields })) });
      tokens = result.records.map((r: any) => r.fields);
      ids = tokens.map((t) => t.skyflow_id!);
    });

    it('gets records by ids with the requested redaction, as { fields: { id, ... }, table }', async () => {
      const plain = await client.get({ records: [{ table: 'cards', ids, redaction: RedactionType.PLAIN_TEXT }] });
      expect(plain).toEqual({
        records: inserted.map((values, i) => ({ fields: { id: ids[i], ...values }, table: 'cards' })),
      });
      const redacted = await client.get({ records: [{ table: 'cards', ids: [ids[0]], redaction: RedactionType.REDACTED }] });
      expect(redacted.records[0].fields).toEqual({
        id: ids[0],
        card_number: '*REDACTED*',
        cardholder_name: '*REDACTED*',
        expiry_date: '*REDACTED*',
        cvv: '*REDACTED*',
      });
    });

    it('gets records by the values of a unique column', async () => {
      const result = await client.get({
        records: [
          { table: 'cards', columnName: 'card_number', columnValues: [inserted[1]!.card_number], redaction: RedactionType.MASKED },
        ],
      });
      expect(result.records).toEqual([
        {
          fields: {
            id: ids[1],
            card_number: `XXXX-XXXX-XXXX-${inserted[1]!.card_number!.slice(-4)}`,
            cardholder_name: 'XXX XXXXXXXX',
            expiry_date: 'XX/XX',
            cvv: 'XXX',
          },
          table: 'cards',
        },
      ]);
    });

    it('gets tokens instead of values with tokens: true', async () => {
      const result = await client.get({ records: [{ table: 'cards', ids }] }, { tokens: true });
      expect(result.records.map((r: any) => r.fields)).toEqual(
        tokens.map(({ skyflow_id, ...rest }) => ({ id: skyflow_id, ...rest })),
      );
    });

    it('getById returns the same records as get', async () => {
      const result = await client.getById({ records: [{ ids, table: 'cards', redaction: RedactionType.PLAIN_TEXT }] });
      expect(result.records.map((r: any) => r.fields.id)).toEqual(ids);
      expect(result.records[0].fields.cvv).toBe(inserted[0]!.cvv);
    });
  });

  describe('update and delete', () => {
    it('updates fields, returns their tokens, and forgets the token of the old value', async () => {
      const oldName = `Name ${randomUUID()}`;
      const { records } = await client.insert({ records: [{ table: 'cards', fields: card({ cardholder_name: oldName }) }] });
      const { skyflow_id: id, cardholder_name: oldToken } = records[0].fields;

      const updated = await client.update({ records: [{ id, table: 'cards', fields: { cardholder_name: 'Mary Somerville' } }] });
      expect(updated).toEqual({ records: [{ id, fields: { cardholder_name: expect.stringMatching(UUID) } }] });

      const stored = await client.getById({ records: [{ ids: [id], table: 'cards', redaction: RedactionType.PLAIN_TEXT }] });
      expect(stored.records[0].fields.cardholder_name).toBe('Mary Somerville');
      const stale = await rejection(client.detokenize({ records: [{ token: oldToken }] }));
      expect(stale.errors[0].error.code).toBe(404);
    });

    it('deletes a record; reading it afterwards is a 404', async () => {
      const { records } = await client.insert({ records: [{ table: 'cards', fields: card() }] });
      const id = records[0].fields.skyflow_id;
      expect(await client.delete({ records: [{ id, table: 'cards' }] })).toEqual({
        records: [{ skyflow_id: id, deleted: true }],
      });
      const error = await rejection(
        client.getById({ records: [{ ids: [id], table: 'cards', redaction: RedactionType.PLAIN_TEXT }] }),
      );
      expect(error).toEqual({
        errors: [{ error: { code: 404, description: expect.stringMatching(withRequestId('No records found.')) }, ids: [id] }],
      });
    });
  });

  describe('errors', () => {
    it('unknown table: 404 with the request id', async () => {
      const error = await rejection(client.insert({ records: [{ table: 'no_such_table', fields: { a: 1 } }] }));
      expect(error.error).toEqual({
        code: 404,
        description: expect.stringMatching(withRequestId('Table no_such_table does not exist in this vault.')),
      });
    });

    it('unknown column in an update: 400 for that record', async () => {
      const { records } = await client.insert({ records: [{ table: 'cards', fields: card() }] });
      const id = records[0].fields.skyflow_id;
      const error = await rejection(client.update({ records: [{ id, table: 'cards', fields: { colour: 'red' } }] }));
      expect(error).toEqual({
        errors: [
          {
            id,
            error: { code: 400, description: expect.stringMatching(withRequestId('Column colour does not exist in table cards.')) },
          },
        ],
      });
    });

    it('missing record: update and delete of an unknown id are 404', async () => {
      const id = randomUUID();
      const update = await rejection(client.update({ records: [{ id, table: 'cards', fields: { cvv: '999' } }] }));
      expect(update.errors[0]).toEqual({
        id,
        error: { code: 404, description: expect.stringMatching(withRequestId(`No record found with skyflow_id ${id}.`)) },
      });
      const remove = await rejection(client.delete({ records: [{ id, table: 'cards' }] }));
      expect(remove.errors[0].error.code).toBe(404);
    });

    it('a forged bearer token is refused by the vault with 401', async () => {
      const forged = await new SignJWT({ roles: [] })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(vault.credentials.clientID)
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode('not the vault secret, not the vault secret'));
      const error = await rejection(legacyClient(async () => forged).insert({ records: [{ table: 'cards', fields: card() }] }));
      expect(error.error).toEqual({
        code: 401,
        description: expect.stringMatching(withRequestId('Authentication failed. Bearer token is not valid.')),
      });
    });

    describe('an expired token', () => {
      let shortLived: LocalVault;
      let dataDir: string;

      beforeAll(async () => {
        dataDir = await mkdtemp(join(tmpdir(), 'skyflow-bridge-short-ttl-'));
        // Plain HTTP is enough here: skyflow-node posts to tokenURI as written.
        shortLived = await startLocalVault({ dataDir, tls: false, tokenTtlSeconds: 1 });
      });
      afterAll(async () => {
        await shortLived.close();
        await rm(dataDir, { recursive: true, force: true });
      });

      it('is refused by skyflow-node before any request, and by the vault with 401', async () => {
        const { accessToken } = await generateBearerToken(shortLived.credentialsPath!);
        await sleep(2100);
        const error = await rejection(
          legacyClient(async () => accessToken).insert({ records: [{ table: 'cards', fields: card() }] }),
        );
        expect(error.errors).toEqual([{ code: 400, description: 'Bearer token is invalid or expired.' }]);

        const rest = restClient(shortLived);
        const response = await rest.get('/cards', { bearer: accessToken });
        rest.close();
        expect(response.status).toBe(401);
        expect(response.body.error).toMatchObject({
          http_code: 401,
          grpc_code: 16,
          message: 'Authentication failed. Bearer token is expired. Request a new token from the token endpoint.',
        });
        expect(response.headers['x-request-id']).toMatch(new RegExp(`^${REQUEST_ID}$`));
      });
    });
  });
});
