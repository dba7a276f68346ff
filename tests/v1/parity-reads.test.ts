// Parity of detokenize, get and getById: skyflow-node@1.14.3 and skyflow-bridge/v1 against the same vault.
import { RedactionType, parity, rest, type Run, type Scenario } from './parity-harness.js';

const REDACTIONS = [RedactionType.PLAIN_TEXT, RedactionType.MASKED, RedactionType.REDACTED, RedactionType.DEFAULT] as const;

/** A seeded card's tokens of a card number (masked by default), a cvv (redacted by default) and a name (plain). */
async function cardTokens(run: Run) {
  const { tokens } = await run.seedCard();
  return [tokens['card_number']!, tokens['cvv']!, tokens['cardholder_name']!];
}

const detokenize: Scenario[] = [
  ...REDACTIONS.map(
    (redaction): Scenario => ({
      name: `detokenize: redaction ${redaction}`,
      run: async (client, run) => client.detokenize({ records: (await cardTokens(run)).map((token) => ({ token, redaction })) }),
    }),
  ),
  {
    name: 'detokenize: no redaction (PLAIN_TEXT)',
    run: async (client, run) => client.detokenize({ records: (await cardTokens(run)).map((token) => ({ token })) }),
  },
  {
    name: 'detokenize: several tokens of two records, mixed redactions',
    run: async (client, run) => {
      const card = await run.seedCard();
      const person = await run.seedPerson();
      return client.detokenize({
        records: [
          { token: person.tokens['ssn'], redaction: RedactionType.DEFAULT },
          { token: card.tokens['card_number'] },
          { token: person.tokens['email'], redaction: RedactionType.MASKED },
          { token: person.tokens['date_of_birth'], redaction: RedactionType.PLAIN_TEXT },
          { token: card.tokens['cvv'], redaction: RedactionType.REDACTED },
        ],
      });
    },
  },
  {
    name: 'detokenize: the same token twice',
    run: async (client, run) => {
      const { tokens } = await run.seedCard();
      return client.detokenize({ records: [{ token: tokens['card_number'] }, { token: tokens['card_number'] }] });
    },
  },
  {
    name: 'detokenize: one unknown token among known ones (rejects {records, errors})',
    run: async (client, run) => {
      const { tokens } = await run.seedCard();
      return client.detokenize({
        records: [{ token: tokens['card_number'] }, { token: run.unique() }, { token: tokens['cvv'], redaction: RedactionType.DEFAULT }],
      });
    },
  },
  {
    name: 'detokenize: all tokens unknown (rejects {errors})',
    run: (client, run) => client.detokenize({ records: [{ token: run.unique() }, { token: run.unique() }] }),
  },
  {
    name: 'detokenize: a token of a deleted record',
    run: async (client, run) => {
      // The card number is unique: no other record holds its token.
      const { id, tokens } = await run.seedCard();
      await rest().del(`/cards/${id}`);
      return client.detokenize({ records: [{ token: tokens['card_number'] }] });
    },
  },
];

const get: Scenario[] = [
  ...REDACTIONS.map(
    (redaction): Scenario => ({
      name: `get: by ids with redaction ${redaction}`,
      run: async (client, run) => {
        const { id } = await run.seedCard();
        return client.get({ records: [{ ids: [id], table: 'cards', redaction }] });
      },
    }),
  ),
  {
    name: 'get: by three ids of one table',
    run: async (client, run) => {
      const ids = [(await run.seedPerson()).id, (await run.seedPerson()).id, (await run.seedPerson()).id];
      return client.get({ records: [{ ids, table: 'persons', redaction: RedactionType.MASKED }] });
    },
  },
  {
    name: 'get: by column values of card_number',
    run: async (client, run) => {
      const { fields } = await run.seedCard();
      return client.get({
        records: [{ table: 'cards', columnName: 'card_number', columnValues: [fields['card_number']], redaction: RedactionType.PLAIN_TEXT }],
      });
    },
  },
  {
    name: 'get: by column values of email (two values)',
    run: async (client, run) => {
      const first = await run.seedPerson();
      const second = await run.seedPerson();
      return client.get({
        records: [
          {
            table: 'persons',
            columnName: 'email',
            columnValues: [first.fields['email'], second.fields['email']],
            redaction: RedactionType.DEFAULT,
          },
        ],
      });
    },
  },
  {
    name: 'get: by column values that need URL encoding',
    run: async (client, run) => {
      const { fields } = await run.seedPerson({ email: `a+b&c=${run.unique()}@example.test` });
      return client.get({
        records: [{ table: 'persons', columnName: 'email', columnValues: [fields['email']], redaction: RedactionType.PLAIN_TEXT }],
      });
    },
  },
  {
    name: 'get: by column values with encodeURI: false',
    run: async (client, run) => {
      const { fields } = await run.seedPerson();
      return client.get(
        { records: [{ table: 'persons', columnName: 'email', columnValues: [fields['email']], redaction: RedactionType.PLAIN_TEXT }] },
        { encodeURI: false },
      );
    },
  },
  {
    name: 'get: a column value no record holds',
    run: (client, run) =>
      client.get({
        records: [{ table: 'persons', columnName: 'email', columnValues: [`${run.unique()}@example.test`], redaction: RedactionType.PLAIN_TEXT }],
      }),
  },
  {
    name: 'get: an unknown column name',
    run: (client) =>
      client.get({ records: [{ table: 'persons', columnName: 'nickname', columnValues: ['x'], redaction: RedactionType.PLAIN_TEXT }] }),
  },
  {
    name: 'get: a column that is not unique',
    run: (client) =>
      client.get({ records: [{ table: 'cards', columnName: 'cvv', columnValues: ['321'], redaction: RedactionType.PLAIN_TEXT }] }),
  },
  {
    name: 'get: options { tokens: true }',
    run: async (client, run) => {
      const { id } = await run.seedCard();
      return client.get({ records: [{ ids: [id], table: 'cards' }] }, { tokens: true });
    },
  },
  {
    name: 'get: options { tokens: false } with a redaction',
    run: async (client, run) => {
      const { id } = await run.seedPerson();
      return client.get({ records: [{ ids: [id], table: 'persons', redaction: RedactionType.PLAIN_TEXT }] }, { tokens: false });
    },
  },
  {
    name: 'get: options { tokens: true } with two entries',
    run: async (client, run) => {
      const card = await run.seedCard();
      const person = await run.seedPerson();
      return client.get(
        {
          records: [
            { ids: [person.id], table: 'persons' },
            { ids: [card.id], table: 'cards' },
          ],
        },
        { tokens: true },
      );
    },
  },
  {
    name: 'get: two record entries of two tables',
    run: async (client, run) => {
      const card = await run.seedCard();
      const person = await run.seedPerson();
      return client.get({
        records: [
          { ids: [card.id], table: 'cards', redaction: RedactionType.PLAIN_TEXT },
          { table: 'persons', columnName: 'email', columnValues: [person.fields['email']], redaction: RedactionType.MASKED },
        ],
      });
    },
  },
  {
    name: 'get: a missing id (rejects)',
    run: (client, run) => client.get({ records: [{ ids: [run.unique()], table: 'cards', redaction: RedactionType.PLAIN_TEXT }] }),
  },
  {
    name: 'get: a found and a missing id in one entry',
    run: async (client, run) => {
      const { id } = await run.seedCard();
      return client.get({ records: [{ ids: [id, run.unique()], table: 'cards', redaction: RedactionType.PLAIN_TEXT }] });
    },
  },
  {
    name: 'get: one good and one failing entry (rejects {records, errors})',
    run: async (client, run) => {
      const { id } = await run.seedCard();
      return client.get({
        records: [
          { ids: [run.unique()], table: 'cards', redaction: RedactionType.PLAIN_TEXT },
          { ids: [id], table: 'cards', redaction: RedactionType.MASKED },
          { table: 'persons', columnName: 'email', columnValues: [`${run.unique()}@example.test`], redaction: RedactionType.PLAIN_TEXT },
        ],
      });
    },
  },
  {
    name: 'get: unknown table',
    run: (client, run) => client.get({ records: [{ ids: [run.unique()], table: 'no_such_table', redaction: RedactionType.PLAIN_TEXT }] }),
  },
];

const getById: Scenario[] = [
  {
    name: 'getById: by ids',
    run: async (client, run) => {
      const ids = [(await run.seedCard()).id, (await run.seedCard()).id];
      return client.getById({ records: [{ ids, table: 'cards', redaction: RedactionType.PLAIN_TEXT }] });
    },
  },
  {
    name: 'getById: two entries with different redactions',
    run: async (client, run) => {
      const card = await run.seedCard();
      const person = await run.seedPerson();
      return client.getById({
        records: [
          { ids: [person.id], table: 'persons', redaction: RedactionType.DEFAULT },
          { ids: [card.id], table: 'cards', redaction: RedactionType.REDACTED },
        ],
      });
    },
  },
  {
    name: 'getById: a missing id (rejects)',
    run: (client, run) => client.getById({ records: [{ ids: [run.unique()], table: 'persons', redaction: RedactionType.PLAIN_TEXT }] }),
  },
  {
    name: 'getById: one good and one failing entry',
    run: async (client, run) => {
      const { id } = await run.seedPerson();
      return client.getById({
        records: [
          { ids: [id], table: 'persons', redaction: RedactionType.MASKED },
          { ids: [run.unique()], table: 'no_such_table', redaction: RedactionType.PLAIN_TEXT },
        ],
      });
    },
  },
];

parity('detokenize, get and getById parity: skyflow-node@1.14.3 vs skyflow-bridge/v1', [...detokenize, ...get, ...getById]);
