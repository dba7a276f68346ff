// The v2 call that replaces a legacy call, written from the call's arguments:
// names of tables and columns, counts and options — never a value. Anything
// that does not look like a name is shown as a placeholder.
import { toVaultConfig } from '../v2-client.js';
import { LEGACY_METHODS, type LegacyMethodName } from './legacy-methods.js';

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

const name = (value: unknown, placeholder: string) => (typeof value === 'string' && NAME.test(value) ? `'${value}'` : placeholder);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? Array.from(value) : []);
const object = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

/** `skyflow.vault('<id>')` for a vault id, or a placeholder. */
export function vaultOf(vaultID: unknown): string {
  return `skyflow.vault(${typeof vaultID === 'string' && ID.test(vaultID) ? `'${vaultID}'` : "'<vaultId>'"})`;
}

/** The replacement of a legacy call; the general one when the arguments are not what the method takes. */
export function describeReplacement(method: LegacyMethodName, vaultID: unknown, args: readonly unknown[]): string {
  try {
    return describe(method, vaultID, args) ?? general(method);
  } catch {
    return general(method);
  }
}

function general(method: LegacyMethodName): string {
  const { replacement } = LEGACY_METHODS[method];
  return /^(vault|connection)\(/.test(replacement) ? `skyflow.${replacement}` : replacement;
}

function describe(method: LegacyMethodName, vaultID: unknown, [input, options]: readonly unknown[]): string | undefined {
  const vault = vaultOf(vaultID);
  const records = list(object(input)['records']).map(object);
  const opts = object(options);
  switch (method) {
    case 'init':
      return describeInit(object(input));
    case 'insert':
      return describeInsert(vault, records, opts);
    case 'detokenize': {
      const unset = records.some((record) => record['redaction'] === undefined);
      const redaction = unset ? ' with redactionType: RedactionType.PLAIN_TEXT (the v1 default)' : '';
      return `${vault}.detokenize(new DetokenizeRequest({ tokens: [/* ${plural(records.length, 'token')}${redaction} */], continueOnError: true }))`;
    }
    case 'get':
    case 'getById':
      return perRecord(records, (record) => describeGet(vault, record, opts['tokens'] === true));
    case 'update':
      return perRecord(records, (record) => {
        const fields = Object.keys(object(record['fields'])).length;
        const tokens = opts['tokens'] === false ? '' : ', returnTokens: true';
        return `${vault}.update(new UpdateRequest({ table: ${name(record['table'], "'<table>'")}, data: { skyflowId, /* ${plural(fields, 'field')} */ }${tokens} }))`;
      });
    case 'delete': {
      const tables = countBy(records.map((record) => record['table']));
      return [...tables]
        .map(([table, count]) => `${vault}.delete(new DeleteRequest({ table: ${name(table, "'<table>'")}, ids: [/* ${plural(count, 'id')} */] }))`)
        .join(' and ');
    }
    case 'invokeConnection': {
      const config = object(input);
      const parts = [`method: RequestMethod.${typeof config['methodName'] === 'string' && NAME.test(config['methodName']) ? config['methodName'] : 'POST'}`];
      if (config['requestBody'] !== undefined) parts.push('body: { /* … */ }');
      if (config['requestHeader'] !== undefined) parts.push(`headers: { /* ${plural(Object.keys(object(config['requestHeader'])).length, 'header')} */ }`);
      if (config['pathParams'] !== undefined) parts.push(`pathParams: { /* ${plural(Object.keys(object(config['pathParams'])).length, 'param')} */ }`);
      if (config['queryParams'] !== undefined) parts.push(`queryParams: { /* ${plural(Object.keys(object(config['queryParams'])).length, 'param')} */ }`);
      return `skyflow.connection('<connectionId>').invoke(new InvokeConnectionRequest({ ${parts.join(', ')} }))`;
    }
    default:
      return LEGACY_METHODS[method].replacement;
  }
}

function describeInit(config: Record<string, unknown>): string {
  const vaultId = typeof config['vaultID'] === 'string' && ID.test(config['vaultID']) ? `'${config['vaultID']}'` : "'<vaultId>'";
  let target = "clusterId: '<clusterId>', env: Env.PROD";
  try {
    // The same translation the facade makes: only a bare Skyflow vault host is a cluster.
    const vaultConfig = toVaultConfig('v', String(config['vaultURL']), undefined);
    target = vaultConfig.clusterId === undefined ? "baseUrl: '<vault URL>'" : `clusterId: '${vaultConfig.clusterId}', env: Env.${vaultConfig.env}`;
  } catch {
    // keep the placeholder
  }
  return `Skyflow.builder().addVaultConfig({ vaultId: ${vaultId}, ${target} }).addSkyflowCredentials({ path: '<credentials.json>' }).build()`;
}

function describeInsert(vault: string, records: Array<Record<string, unknown>>, options: Record<string, unknown>): string {
  const tables = countBy(records.map((record) => record['table']));
  const extras = [
    options['tokens'] === false ? '' : ', returnTokens: true',
    options['continueOnError'] === true ? ', continueOnError: true' : '',
  ].join('');
  // As the facade reads it: a table's upsert column is its last entry.
  const upsert = list(options['upsert']).map(object);
  const columnOf = (table: unknown) => upsert.findLast((entry) => entry['table'] === table)?.['column'];
  if (tables.size === 1) {
    const table = [...tables.keys()][0];
    const column = columnOf(table);
    const upsertText = column === undefined ? '' : `, upsert: ${name(column, "'<column>'")}`;
    return `${vault}.insert(new InsertRequest({ table: ${name(table, "'<table>'")}, values: [/* ${plural(records.length, 'record')} */]${extras}${upsertText} }))`;
  }
  const counts = [...tables]
    .map(([table, count]) => {
      const column = columnOf(table);
      const upsertText = column === undefined ? '' : ` (upsert ${name(column, '<column>').replaceAll("'", '')})`;
      return `${name(table, '<table>').replaceAll("'", '')} ×${count}${upsertText}`;
    })
    .join(', ');
  return `${vault}.insertBatch(new BatchInsertRequest({ records: [/* ${plural(records.length, 'record')}: ${counts} */]${extras} }))`;
}

function describeGet(vault: string, record: Record<string, unknown>, tokens: boolean): string {
  const parts = [`table: ${name(record['table'], "'<table>'")}`];
  if (record['ids'] !== undefined) parts.push(`ids: [/* ${plural(list(record['ids']).length, 'id')} */]`);
  if (record['columnName'] !== undefined) {
    parts.push(`columnName: ${name(record['columnName'], "'<column>'")}`, `columnValues: [/* ${plural(list(record['columnValues']).length, 'value')} */]`);
  }
  if (typeof record['redaction'] === 'string' && NAME.test(record['redaction'])) parts.push(`redactionType: RedactionType.${record['redaction']}`);
  if (tokens) parts.push('returnTokens: true');
  return `${vault}.get(new GetRequest({ ${parts.join(', ')} }))`;
}

function perRecord(records: Array<Record<string, unknown>>, one: (record: Record<string, unknown>) => string): string | undefined {
  if (records.length === 0) return undefined;
  const first = one(records[0]!);
  return records.length === 1 ? first : `${first}, one call per record (${records.length})`;
}

function countBy(values: unknown[]): Map<unknown, number> {
  const counts = new Map<unknown, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
