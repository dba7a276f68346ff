// Parity of update and delete: skyflow-node@1.14.3 and skyflow-bridge/v1 against the same vault.
import { parity, settle, stored, type Scenario } from './parity-harness.js';

const update: Scenario[] = [
  {
    name: 'update: default options (tokens: true) give the tokens of the updated fields',
    run: async (client, run) => {
      const { id } = await run.seedCard();
      const result = await client.update({ records: [{ id, table: 'cards', fields: { cardholder_name: 'Grace Hopper', cvv: '654' } }] });
      return { result, stored: await stored('cards', id) };
    },
  },
  {
    name: 'update: options {} (tokens default to true)',
    run: async (client, run) => {
      const { id } = await run.seedPerson();
      return client.update({ records: [{ id, table: 'persons', fields: { ssn: '987-65-4321' } }] }, {});
    },
  },
  {
    name: 'update: tokens: false gives the ids only',
    run: async (client, run) => {
      const { id } = await run.seedPerson();
      const result = await client.update(
        { records: [{ id, table: 'persons', fields: { name: 'Ada Lovelace', date_of_birth: '1815-12-10' } }] },
        { tokens: false },
      );
      return { result, stored: await stored('persons', id) };
    },
  },
  {
    name: 'update: a unique column to a new value',
    run: async (client, run) => {
      const { id } = await run.seedCard();
      return client.update({ records: [{ id, table: 'cards', fields: { card_number: run.card()['card_number'] } }] });
    },
  },
  {
    name: 'update: two records of two tables',
    run: async (client, run) => {
      const card = await run.seedCard();
      const person = await run.seedPerson();
      return client.update({
        records: [
          { id: person.id, table: 'persons', fields: { name: 'Ada Lovelace' } },
          { id: card.id, table: 'cards', fields: { expiry_date: '03/33' } },
        ],
      });
    },
  },
  {
    name: 'update: unknown column',
    run: async (client, run) => {
      const { id } = await run.seedCard();
      return client.update({ records: [{ id, table: 'cards', fields: { nickname: 'x' } }] });
    },
  },
  {
    name: 'update: unknown id (404)',
    run: (client, run) => client.update({ records: [{ id: run.unique(), table: 'cards', fields: { cvv: '111' } }] }),
  },
  {
    name: 'update: unknown table',
    run: (client, run) => client.update({ records: [{ id: run.unique(), table: 'no_such_table', fields: { cvv: '111' } }] }),
  },
  {
    name: 'update: a value of the wrong type for a date column',
    run: async (client, run) => {
      const { id } = await run.seedPerson();
      return client.update({ records: [{ id, table: 'persons', fields: { date_of_birth: '31/12/1999' } }] });
    },
  },
  {
    name: 'update: a unique value another record holds (409)',
    run: async (client, run) => {
      const first = await run.seedCard();
      const second = await run.seedCard();
      return client.update({ records: [{ id: second.id, table: 'cards', fields: { card_number: first.fields['card_number'] } }] });
    },
  },
  {
    name: 'update: two records, one good and one unknown id (rejects {records, errors})',
    run: async (client, run) => {
      const { id } = await run.seedCard();
      const result = await settle(
        client.update({
          records: [
            { id: run.unique(), table: 'cards', fields: { cvv: '111' } },
            { id, table: 'cards', fields: { cvv: '222' } },
          ],
        }),
      );
      return { result, stored: await stored('cards', id) };
    },
  },
  {
    name: 'update: two records, both failing (rejects {errors})',
    run: async (client, run) => {
      const { id } = await run.seedCard();
      return client.update({
        records: [
          { id, table: 'cards', fields: { nickname: 'x' } },
          { id: run.unique(), table: 'persons', fields: { name: 'x' } },
        ],
      });
    },
  },
];

const remove: Scenario[] = [
  {
    name: 'delete: one record',
    run: async (client, run) => {
      const { id } = await run.seedCard();
      const result = await client.delete({ records: [{ id, table: 'cards' }] });
      return { result, stored: await stored('cards', id) };
    },
  },
  {
    name: 'delete: two records of two tables',
    run: async (client, run) => {
      const card = await run.seedCard();
      const person = await run.seedPerson();
      return client.delete({
        records: [
          { id: person.id, table: 'persons' },
          { id: card.id, table: 'cards' },
        ],
      });
    },
  },
  {
    name: 'delete: options are ignored',
    run: async (client, run) => {
      const { id } = await run.seedPerson();
      return client.delete({ records: [{ id, table: 'persons' }] }, { tokens: 'whatever' });
    },
  },
  {
    name: 'delete: a missing id (rejects with errors)',
    run: (client, run) => client.delete({ records: [{ id: run.unique(), table: 'cards' }] }),
  },
  {
    name: 'delete: an id of another table',
    run: async (client, run) => {
      const { id } = await run.seedCard();
      return client.delete({ records: [{ id, table: 'persons' }] });
    },
  },
  {
    name: 'delete: unknown table',
    run: (client, run) => client.delete({ records: [{ id: run.unique(), table: 'no_such_table' }] }),
  },
  {
    name: 'delete: one good and one missing id (rejects {records, errors})',
    run: async (client, run) => {
      const { id } = await run.seedCard();
      const result = await settle(
        client.delete({
          records: [
            { id, table: 'cards' },
            { id: run.unique(), table: 'cards' },
          ],
        }),
      );
      return { result, stored: await stored('cards', id) };
    },
  },
  {
    name: 'delete: an already deleted record',
    run: async (client, run) => {
      const { id } = await run.seedCard();
      await client.delete({ records: [{ id, table: 'cards' }] });
      return client.delete({ records: [{ id, table: 'cards' }] });
    },
  },
];

parity('update and delete parity: skyflow-node@1.14.3 vs skyflow-bridge/v1', [...update, ...remove]);
