// Parity of insert: skyflow-node@1.14.3 and skyflow-bridge/v1 against the same vault.
import { existsWith, parity, settle, stored, type Scenario } from './parity-harness.js';

const UPSERT_CARDS = [{ table: 'cards', column: 'card_number' }];

const scenarios: Scenario[] = [
  {
    name: 'one record with default options (tokens: true)',
    run: (client, run) => client.insert({ records: [{ table: 'cards', fields: run.card() }] }),
  },
  {
    name: 'one record with tokens: false',
    run: (client, run) => client.insert({ records: [{ table: 'cards', fields: run.card() }] }, { tokens: false }),
  },
  {
    name: 'one record with options {} (defaults apply)',
    run: (client, run) => client.insert({ records: [{ table: 'cards', fields: run.card() }] }, {}),
  },
  {
    name: 'tokens: 0 (falsy, not boolean) is accepted and acts as false',
    run: (client, run) => client.insert({ records: [{ table: 'cards', fields: run.card() }] }, { tokens: 0 }),
  },
  {
    name: 'three records of one table keep their order and request_index',
    run: (client, run) =>
      client.insert({
        records: [
          { table: 'cards', fields: run.card() },
          { table: 'cards', fields: run.card({ cardholder_name: 'Grace Hopper' }) },
          { table: 'cards', fields: run.card({ expiry_date: '01/31' }) },
        ],
      }),
  },
  {
    name: 'records of two tables in one call',
    run: (client, run) =>
      client.insert({
        records: [
          { table: 'cards', fields: run.card() },
          { table: 'persons', fields: run.person() },
        ],
      }),
  },
  {
    name: 'records of two tables with tokens: false, and the values are stored',
    run: async (client, run) => {
      const cardFields = run.card();
      const personFields = run.person();
      const result = await client.insert(
        {
          records: [
            { table: 'persons', fields: personFields },
            { table: 'cards', fields: cardFields },
          ],
        },
        { tokens: false },
      );
      return {
        result,
        person: await stored('persons', result.records[0].skyflow_id),
        card: await stored('cards', result.records[1].skyflow_id),
      };
    },
  },
  {
    name: 'a record with only some columns',
    run: (client, run) => client.insert({ records: [{ table: 'persons', fields: { email: `${run.unique()}@example.test` } }] }),
  },
  {
    name: 'upsert: inserting the same card_number again updates the record (same skyflow_id)',
    run: async (client, run) => {
      const fields = run.card();
      const first = await client.insert({ records: [{ table: 'cards', fields }] }, { upsert: UPSERT_CARDS });
      const second = await client.insert(
        { records: [{ table: 'cards', fields: { ...fields, cardholder_name: 'Grace Hopper', expiry_date: '02/32' } }] },
        { upsert: UPSERT_CARDS },
      );
      return { first, second, stored: await stored('cards', second.records[0].fields.skyflow_id) };
    },
  },
  {
    name: 'upsert with tokens: false',
    run: async (client, run) => {
      const fields = run.card();
      const first = await client.insert({ records: [{ table: 'cards', fields }] }, { tokens: false, upsert: UPSERT_CARDS });
      const second = await client.insert(
        { records: [{ table: 'cards', fields: { ...fields, cvv: '999' } }] },
        { tokens: false, upsert: UPSERT_CARDS },
      );
      return { first, second };
    },
  },
  {
    name: 'upsert naming only cards: a persons record in the same call is a plain insert',
    run: (client, run) =>
      client.insert(
        {
          records: [
            { table: 'persons', fields: run.person() },
            { table: 'cards', fields: run.card() },
          ],
        },
        { upsert: UPSERT_CARDS },
      ),
  },
  {
    name: 'upsert on a column that is not unique',
    run: (client, run) =>
      client.insert({ records: [{ table: 'cards', fields: run.card() }] }, { upsert: [{ table: 'cards', column: 'cvv' }] }),
  },
  {
    name: 'continueOnError: true, all records good',
    run: (client, run) =>
      client.insert(
        {
          records: [
            { table: 'cards', fields: run.card() },
            { table: 'persons', fields: run.person() },
          ],
        },
        { continueOnError: true },
      ),
  },
  {
    name: 'continueOnError: true, one good and one bad record (unknown column)',
    run: (client, run) =>
      client.insert(
        {
          records: [
            { table: 'cards', fields: { ...run.card(), nickname: 'x' } },
            { table: 'cards', fields: run.card() },
          ],
        },
        { continueOnError: true },
      ),
  },
  {
    name: 'continueOnError: true with tokens: false, one good and one bad record',
    run: (client, run) =>
      client.insert(
        {
          records: [
            { table: 'cards', fields: run.card() },
            { table: 'cards', fields: { ...run.card(), nickname: 'x' } },
          ],
        },
        { continueOnError: true, tokens: false },
      ),
  },
  {
    name: 'continueOnError: true, all records bad (unknown column, unknown table)',
    run: (client, run) =>
      client.insert(
        {
          records: [
            { table: 'cards', fields: { ...run.card(), nickname: 'x' } },
            { table: 'no_such_table', fields: { name: 'x' } },
          ],
        },
        { continueOnError: true },
      ),
  },
  {
    name: 'continueOnError: true, a duplicate card_number among good records',
    run: async (client, run) => {
      const existing = await run.seedCard();
      return client.insert(
        {
          records: [
            { table: 'cards', fields: run.card() },
            { table: 'cards', fields: run.card({ card_number: existing.fields['card_number'] }) },
          ],
        },
        { continueOnError: true },
      );
    },
  },
  {
    name: 'without continueOnError, one bad record rejects the call (singular error) and stores nothing',
    run: async (client, run) => {
      const good = run.card();
      const result = await settle(
        client.insert({
          records: [
            { table: 'cards', fields: good },
            { table: 'cards', fields: { ...run.card(), nickname: 'x' } },
          ],
        }),
      );
      return { result, goodStored: await existsWith('cards', 'card_number', good['card_number'] as string) };
    },
  },
  {
    name: 'continueOnError: false explicitly, one bad record rejects',
    run: (client, run) =>
      client.insert(
        { records: [{ table: 'persons', fields: { ...run.person(), nickname: 'x' } }] },
        { continueOnError: false },
      ),
  },
  {
    name: 'unknown table',
    run: (client) => client.insert({ records: [{ table: 'no_such_table', fields: { name: 'x' } }] }),
  },
  {
    name: 'a value of the wrong type for a date column',
    run: (client, run) => client.insert({ records: [{ table: 'persons', fields: run.person({ date_of_birth: 'not a date' }) }] }),
  },
  {
    name: 'duplicate unique value (409)',
    run: async (client, run) => {
      const existing = await run.seedCard();
      return client.insert({ records: [{ table: 'cards', fields: run.card({ card_number: existing.fields['card_number'] }) }] });
    },
  },
  {
    name: 'duplicate unique value within one call',
    run: (client, run) => {
      const fields = run.card();
      return client.insert({
        records: [
          { table: 'cards', fields },
          { table: 'cards', fields },
        ],
      });
    },
  },
  {
    name: 'a trailing slash in vaultURL is dropped',
    config: (base) => ({ ...base, vaultURL: `${base['vaultURL'] as string}/` }),
    run: (client, run) => client.insert({ records: [{ table: 'cards', fields: run.card() }] }),
  },
];

parity('insert parity: skyflow-node@1.14.3 vs skyflow-bridge/v1', scenarios);
