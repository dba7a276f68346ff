// Parity of input validation (reference A.2, A.6–A.14): each check with every
// earlier check passing and, where the input allows, later ones failing too,
// so that the order of the checks is compared as well.
import { RedactionType, RequestMethod, echoUrl, parity, type InitConfig, type Scenario, type V1Client } from './parity-harness.js';

const { PLAIN_TEXT } = RedactionType;
type Call = (client: V1Client) => Promise<unknown>;

/** A scenario that only calls one method with these arguments. */
const call = (name: string, run: Call): Scenario => ({ name, run });

// A valid call of each method that validates the init config (the token is fetched only after every check passed).
const validCalls: Record<string, Call> = {
  insert: (client) => client.insert({ records: [{ table: 'cards', fields: { cvv: '123' } }] }),
  detokenize: (client) => client.detokenize({ records: [{ token: 'a-token' }] }),
  getById: (client) => client.getById({ records: [{ ids: ['an-id'], table: 'cards', redaction: PLAIN_TEXT }] }),
  get: (client) => client.get({ records: [{ ids: ['an-id'], table: 'cards', redaction: PLAIN_TEXT }] }),
  update: (client) => client.update({ records: [{ id: 'an-id', table: 'cards', fields: { cvv: '123' } }] }),
  delete: (client) => client.delete({ records: [{ id: 'an-id', table: 'cards' }] }),
};

function without(config: InitConfig, ...keys: string[]): InitConfig {
  return Object.fromEntries(Object.entries(config).filter(([key]) => !keys.includes(key)));
}

const initConfigs: Array<[string, (base: InitConfig) => InitConfig]> = [
  ['missing vaultID', (base) => without(base, 'vaultID')],
  ['empty vaultID', (base) => ({ ...base, vaultID: '' })],
  ['null vaultID', (base) => ({ ...base, vaultID: null })],
  ['missing vaultURL', (base) => without(base, 'vaultURL')],
  ['empty vaultURL', (base) => ({ ...base, vaultURL: '' })],
  ['http:// vaultURL', (base) => ({ ...base, vaultURL: 'http://127.0.0.1:8080' })],
  ['vaultURL that is not a URL but starts with https', (base) => ({ ...base, vaultURL: 'https-vault' })],
  ['missing getBearerToken', (base) => without(base, 'getBearerToken')],
  ['missing vaultID and vaultURL (vaultID first)', (base) => without(base, 'vaultID', 'vaultURL')],
  ['empty vaultID and http vaultURL (vaultID first)', (base) => ({ ...base, vaultID: '', vaultURL: 'http://x' })],
  ['http vaultURL and missing getBearerToken (vaultURL first)', (base) => ({ ...without(base, 'getBearerToken'), vaultURL: 'http://x' })],
];

const init: Scenario[] = [
  // Every check through insert, and the first ones through every method that checks the config.
  ...initConfigs.map(([name, config]): Scenario => ({ name: `init config, insert: ${name}`, config, run: validCalls['insert']! })),
  ...Object.entries(validCalls)
    .filter(([method]) => method !== 'insert')
    .flatMap(([method, run]) =>
      initConfigs
        .filter(([name]) => ['missing vaultID', 'empty vaultURL', 'http:// vaultURL', 'missing getBearerToken'].includes(name))
        .map(([name, config]): Scenario => ({ name: `init config, ${method}: ${name}`, config, run })),
    ),
  {
    name: 'init config: vaultURL with an upper-case HTTPS scheme is accepted',
    config: (base) => ({ ...base, vaultURL: (base['vaultURL'] as string).replace(/^https/, 'HTTPS') }),
    run: (client, run) => client.getById({ records: [{ ids: [run.unique()], table: 'cards', redaction: PLAIN_TEXT }] }),
  },
  {
    name: 'init config is checked before the input',
    config: (base) => without(base, 'vaultID'),
    run: (client) => client.insert({}),
  },
];

const UPSERT_ERRORS: Array<[string, unknown]> = [
  ['upsert not an array', 'cards'],
  ['upsert an object', { table: 'cards', column: 'card_number' }],
  ['upsert empty array', []],
  ['upsert element not an object', ['cards']],
  ['upsert element null', [null]],
  ['upsert element without table', [{ column: 'card_number' }]],
  ['upsert element with empty table', [{ table: '', column: 'card_number' }]],
  ['upsert element with non-string table', [{ table: 5, column: 'card_number' }]],
  ['upsert element without column', [{ table: 'cards' }]],
  ['upsert element with empty column', [{ table: 'cards', column: '' }]],
  ['upsert element with non-string column', [{ table: 'cards', column: ['card_number'] }]],
  ['upsert second element without column (index 1)', [{ table: 'cards', column: 'card_number' }, { table: 'persons' }]],
  ['upsert third element not an object (index 2)', [{ table: 'cards', column: 'card_number' }, { table: 'persons', column: 'email' }, 7]],
];

const GOOD_RECORDS = { records: [{ table: 'cards', fields: { cvv: '123' } }] };

const insert: Scenario[] = [
  call('insert: records key missing', (client) => client.insert({})),
  call('insert: records key missing, other keys present', (client) => client.insert({ record: [] })),
  call('insert: empty records', (client) => client.insert({ records: [] })),
  call('insert: record without table', (client) => client.insert({ records: [{ fields: { cvv: '1' } }] })),
  call('insert: record without fields', (client) => client.insert({ records: [{ table: 'cards' }] })),
  call('insert: empty record {}', (client) => client.insert({ records: [{}] })),
  call('insert: second record without fields (index 1)', (client) =>
    client.insert({ records: [{ table: 'cards', fields: {} }, { table: 'cards' }] }),
  ),
  call('insert: empty table', (client) => client.insert({ records: [{ table: '', fields: { cvv: '1' } }] })),
  call('insert: empty table at index 2', (client) =>
    client.insert({ records: [{ table: 'cards', fields: {} }, { table: 'cards', fields: {} }, { table: '', fields: {} }] }),
  ),
  call('insert: invalid tokens option (string)', (client) => client.insert(GOOD_RECORDS, { tokens: 'yes' })),
  call('insert: invalid tokens option (number)', (client) => client.insert(GOOD_RECORDS, { tokens: 1 })),
  call('insert: invalid tokens option is checked before the records', (client) => client.insert({ records: [] }, { tokens: {} })),
  ...UPSERT_ERRORS.map(([name, upsert]) => call(`insert: ${name}`, (client) => client.insert(GOOD_RECORDS, { upsert }))),
  call('insert: upsert is checked before the records', (client) => client.insert({}, { upsert: [] })),
  call('insert: tokens option is checked before upsert', (client) => client.insert(GOOD_RECORDS, { tokens: 'x', upsert: 'x' })),
];

const detokenize: Scenario[] = [
  call('detokenize: missing records', (client) => client.detokenize({})),
  call('detokenize: empty records', (client) => client.detokenize({ records: [] })),
  call('detokenize: {} record', (client) => client.detokenize({ records: [{}] })),
  call('detokenize: missing token', (client) => client.detokenize({ records: [{ redaction: 'NOPE' }] })),
  call('detokenize: empty token', (client) => client.detokenize({ records: [{ token: '', redaction: 'NOPE' }] })),
  call('detokenize: non-string token', (client) => client.detokenize({ records: [{ token: 123, redaction: 'NOPE' }] })),
  call('detokenize: token as an object', (client) => client.detokenize({ records: [{ token: { id: 'x' } }] })),
  call('detokenize: bad redaction', (client) => client.detokenize({ records: [{ token: 'a-token', redaction: 'NOPE' }] })),
  call('detokenize: redaction in lower case', (client) => client.detokenize({ records: [{ token: 'a-token', redaction: 'plain_text' }] })),
  call('detokenize: redaction key present but undefined', (client) =>
    client.detokenize({ records: [{ token: 'a-token', redaction: undefined }] }),
  ),
  call('detokenize: second record bad', (client) => client.detokenize({ records: [{ token: 'a-token' }, { token: 5 }] })),
];

const getById: Scenario[] = [
  call('getById: missing records', (client) => client.getById({})),
  call('getById: empty records', (client) => client.getById({ records: [] })),
  call('getById: {} record', (client) => client.getById({ records: [{}] })),
  call('getById: missing ids (and bad redaction, no table)', (client) => client.getById({ records: [{ redaction: 'NOPE' }] })),
  call('getById: empty ids (and no redaction, no table)', (client) => client.getById({ records: [{ ids: [] }] })),
  call('getById: non-string id (and no redaction)', (client) => client.getById({ records: [{ ids: ['a', 5], table: '' }] })),
  call('getById: missing redaction (and no table)', (client) => client.getById({ records: [{ ids: ['a'] }] })),
  call('getById: bad redaction (and no table)', (client) => client.getById({ records: [{ ids: ['a'], redaction: 'NOPE' }] })),
  call('getById: missing table (and columnName)', (client) =>
    client.getById({ records: [{ ids: ['a'], redaction: PLAIN_TEXT, columnName: 'email' }] }),
  ),
  call('getById: empty table (and columnName)', (client) =>
    client.getById({ records: [{ ids: ['a'], redaction: PLAIN_TEXT, table: '', columnName: 'email' }] }),
  ),
  call('getById: non-string table', (client) => client.getById({ records: [{ ids: ['a'], redaction: PLAIN_TEXT, table: 5 }] })),
  call('getById: columnName given', (client) =>
    client.getById({ records: [{ ids: ['a'], redaction: PLAIN_TEXT, table: 'cards', columnName: 'card_number' }] }),
  ),
  call('getById: columnValues given', (client) =>
    client.getById({ records: [{ ids: ['a'], redaction: PLAIN_TEXT, table: 'cards', columnValues: ['x'] }] }),
  ),
  call('getById: second record bad', (client) =>
    client.getById({ records: [{ ids: ['a'], redaction: PLAIN_TEXT, table: 'cards' }, { ids: ['b'], table: 'cards' }] }),
  ),
];

const BY_ID = { ids: ['an-id'], table: 'cards', redaction: PLAIN_TEXT };
const BY_COLUMN = { table: 'persons', columnName: 'email', columnValues: ['a@b.test'], redaction: PLAIN_TEXT };

const get: Scenario[] = [
  call('get: missing records', (client) => client.get({})),
  call('get: empty records', (client) => client.get({ records: [] })),
  call('get: empty records before a bad tokens option', (client) => client.get({ records: [] }, { tokens: 'yes' })),
  call('get: tokens option not boolean (before the records)', (client) => client.get({ records: [{}] }, { tokens: 'yes' })),
  call('get: tokens option present but undefined', (client) => client.get({ records: [BY_ID] }, { tokens: undefined })),
  call('get: encodeURI option not boolean', (client) => client.get({ records: [{}] }, { encodeURI: 'no' })),
  call('get: tokens checked before encodeURI', (client) => client.get({ records: [BY_ID] }, { tokens: 1, encodeURI: 1 })),
  call('get: {} record', (client) => client.get({ records: [{}] })),
  call('get: empty ids (and no redaction)', (client) => client.get({ records: [{ ids: [], table: 'cards' }] })),
  call('get: non-string id (and no redaction)', (client) => client.get({ records: [{ ids: [7], table: 'cards' }] })),
  call('get: missing redaction (and no table)', (client) => client.get({ records: [{ ids: ['a'] }] })),
  call('get: bad redaction (and no table)', (client) => client.get({ records: [{ ids: ['a'], redaction: 'NOPE' }] })),
  call('get: tokens: false still needs a redaction', (client) => client.get({ records: [{ ids: ['a'], table: 'cards' }] }, { tokens: false })),
  call('get: missing table (and no ids or columns)', (client) => client.get({ records: [{ redaction: PLAIN_TEXT }] })),
  call('get: empty table', (client) => client.get({ records: [{ redaction: PLAIN_TEXT, table: '' }] })),
  call('get: non-string table', (client) => client.get({ records: [{ ids: ['a'], redaction: PLAIN_TEXT, table: ['cards'] }] })),
  call('get: neither ids nor column', (client) => client.get({ records: [{ redaction: PLAIN_TEXT, table: 'cards' }] })),
  call('get: columnName without columnValues', (client) =>
    client.get({ records: [{ redaction: PLAIN_TEXT, table: 'cards', columnName: 5 }] }),
  ),
  call('get: columnValues without columnName', (client) =>
    client.get({ records: [{ redaction: PLAIN_TEXT, table: 'cards', columnValues: 'x' }] }),
  ),
  call('get: non-string columnName', (client) =>
    client.get({ records: [{ redaction: PLAIN_TEXT, table: 'cards', columnName: 5, columnValues: 'x' }] }),
  ),
  call('get: empty columnName', (client) =>
    client.get({ records: [{ redaction: PLAIN_TEXT, table: 'cards', columnName: '', columnValues: 'x' }] }),
  ),
  call('get: columnValues not an array', (client) =>
    client.get({ records: [{ redaction: PLAIN_TEXT, table: 'cards', columnName: 'card_number', columnValues: 'x' }] }),
  ),
  call('get: empty columnValues', (client) =>
    client.get({ records: [{ redaction: PLAIN_TEXT, table: 'cards', columnName: 'card_number', columnValues: [] }] }),
  ),
  call('get: non-string column value', (client) =>
    client.get({ records: [{ redaction: PLAIN_TEXT, table: 'cards', columnName: 'card_number', columnValues: ['a', 1, ''] }] }),
  ),
  call('get: empty column value', (client) =>
    client.get({ records: [{ redaction: PLAIN_TEXT, table: 'cards', columnName: 'card_number', columnValues: ['a', ''] }] }),
  ),
  call('get: tokens: true with column values (TOKENS_GET_COLUMN_NOT_SUPPORTED)', (client) =>
    client.get({ records: [{ table: 'persons', columnName: 'email', columnValues: ['a@b.test'] }] }, { tokens: true }),
  ),
  call('get: tokens: true with column values and a redaction (columns first)', (client) =>
    client.get({ records: [BY_COLUMN] }, { tokens: true }),
  ),
  call('get: tokens: true with a redaction (REDACTION_WITH_TOKENS_NOT_SUPPORTED)', (client) =>
    client.get({ records: [BY_ID] }, { tokens: true }),
  ),
  call('get: tokens: true and a bad redaction', (client) =>
    client.get({ records: [{ ids: ['a'], table: 'cards', redaction: 'NOPE' }] }, { tokens: true }),
  ),
  call('get: second record bad', (client) => client.get({ records: [BY_ID, { ...BY_COLUMN, columnValues: [] }] })),
];

const update: Scenario[] = [
  call('update: no argument', (client) => client.update(undefined)),
  call('update: null', (client) => client.update(null)),
  call('update: empty string', (client) => client.update('')),
  call('update: a number (missing records)', (client) => client.update(5)),
  call('update: missing records', (client) => client.update({})),
  call('update: records not an array', (client) => client.update({ records: { id: 'a' } })),
  call('update: records a string', (client) => client.update({ records: 'abc' })),
  call('update: empty records', (client) => client.update({ records: [] })),
  call('update: {} record', (client) => client.update({ records: [{}] })),
  call('update: missing id', (client) => client.update({ records: [{ table: 5 }] })),
  call('update: empty id', (client) => client.update({ records: [{ id: '' }] })),
  call('update: blank id', (client) => client.update({ records: [{ id: '   ', table: 'cards', fields: {} }] })),
  call('update: non-string id', (client) => client.update({ records: [{ id: 12, table: 'cards', fields: {} }] })),
  call('update: missing table', (client) => client.update({ records: [{ id: 'a', fields: 5 }] })),
  call('update: blank table', (client) => client.update({ records: [{ id: 'a', table: ' ', fields: 5 }] })),
  call('update: missing fields', (client) => client.update({ records: [{ id: 'a', table: 'cards' }] })),
  call('update: fields not an object', (client) => client.update({ records: [{ id: 'a', table: 'cards', fields: 'cvv=1' }] })),
  call('update: second record bad (index 1)', (client) =>
    client.update({ records: [{ id: 'a', table: 'cards', fields: {} }, { id: 'b', table: 'cards' }] }),
  ),
  call('update: invalid tokens option', (client) =>
    client.update({ records: [{ id: 'a', table: 'cards', fields: { cvv: '1' } }] }, { tokens: 'yes' }),
  ),
  call('update: invalid tokens option is checked before the input', (client) => client.update(undefined, { tokens: 1 })),
];

const remove: Scenario[] = [
  call('delete: no argument', (client) => client.delete(undefined)),
  call('delete: null', (client) => client.delete(null)),
  call('delete: missing records', (client) => client.delete({})),
  call('delete: records not an array', (client) => client.delete({ records: {} })),
  call('delete: empty records', (client) => client.delete({ records: [] })),
  call('delete: {} record', (client) => client.delete({ records: [{}] })),
  call('delete: missing id', (client) => client.delete({ records: [{ table: '' }] })),
  call('delete: empty id', (client) => client.delete({ records: [{ id: '' }] })),
  call('delete: non-string id', (client) => client.delete({ records: [{ id: ['a'], table: 'cards' }] })),
  call('delete: missing table', (client) => client.delete({ records: [{ id: 'a' }] })),
  call('delete: empty table', (client) => client.delete({ records: [{ id: 'a', table: '' }] })),
  call('delete: non-string table', (client) => client.delete({ records: [{ id: 'a', table: { name: 'cards' } }] })),
  call('delete: second record bad (index 1)', (client) =>
    client.delete({ records: [{ id: 'a', table: 'cards' }, { id: ' ', table: 'cards' }] }),
  ),
];

const invokeConnection: Scenario[] = [
  call('invokeConnection: missing connectionURL', (client) => client.invokeConnection({ methodName: 'FETCH' })),
  call('invokeConnection: empty config', (client) => client.invokeConnection({})),
  call('invokeConnection: non-string connectionURL', (client) =>
    client.invokeConnection({ connectionURL: new URL(echoUrl('x')), methodName: RequestMethod.GET }),
  ),
  call('invokeConnection: http connectionURL', (client) =>
    client.invokeConnection({ connectionURL: 'http://127.0.0.1/v1/gateway', methodName: RequestMethod.GET }),
  ),
  call('invokeConnection: connectionURL that does not parse', (client) =>
    client.invokeConnection({ connectionURL: 'https:/ /x y', methodName: 'FETCH' }),
  ),
  call('invokeConnection: empty connectionURL', (client) => client.invokeConnection({ connectionURL: '', methodName: 'GET' })),
  call('invokeConnection: missing methodName', (client) => client.invokeConnection({ connectionURL: echoUrl('x') })),
  call('invokeConnection: bad methodName', (client) => client.invokeConnection({ connectionURL: echoUrl('x'), methodName: 'FETCH' })),
  call('invokeConnection: methodName in lower case', (client) =>
    client.invokeConnection({ connectionURL: echoUrl('x'), methodName: 'post' }),
  ),
];

parity('validation parity: skyflow-node@1.14.3 vs skyflow-bridge/v1', [
  ...init,
  ...insert,
  ...detokenize,
  ...getById,
  ...get,
  ...update,
  ...remove,
  ...invokeConnection,
]);
