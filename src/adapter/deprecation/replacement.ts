// The v2 call that replaces a legacy call, written from the call's arguments:
// names of tables and columns, counts and options — never a value. Anything
// that does not look like a name is shown as a placeholder. The v2 methods,
// request classes, field names and v1-keeping defaults come from the mapping
// table (src/adapter/mapping/v1-to-v2.ts); only the presentation is here.
import { V1_TO_V2, type MethodMapping, type MethodTable } from '../mapping/v1-to-v2.js';
import { receiverOf, renameOf, v2NameOf, v2PathOf } from '../mapping/v2-call.js';
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

/**
 * The replacement of a legacy call; the general one when the arguments are
 * not what the method takes. `methods` is the mapping table (a copy, in tests).
 */
export function describeReplacement(
  method: LegacyMethodName,
  vaultID: unknown,
  args: readonly unknown[],
  methods: MethodTable = V1_TO_V2,
): string {
  try {
    return describe(method, vaultID, args, methods) ?? LEGACY_METHODS[method].replacement;
  } catch {
    return LEGACY_METHODS[method].replacement;
  }
}

function describe(method: LegacyMethodName, vaultID: unknown, [input, options]: readonly unknown[], methods: MethodTable): string | undefined {
  const records = list(object(input)['records']).map(object);
  const opts = object(options);
  switch (method) {
    case 'init':
      return describeInit(methods.init, object(input));
    case 'insert':
      return describeInsert(methods.insert, vaultOf(vaultID), records, opts);
    case 'detokenize':
      return describeDetokenize(methods.detokenize, vaultOf(vaultID), records);
    case 'get':
    case 'getById': {
      const mapping = methods[method];
      return perRecord(records, (record) => describeGet(mapping, vaultOf(vaultID), record, opts));
    }
    case 'update':
      return perRecord(records, (record) => describeUpdate(methods.update, vaultOf(vaultID), record, opts));
    case 'delete':
      return describeDelete(methods.delete, vaultOf(vaultID), records);
    case 'invokeConnection':
      return describeConnection(methods.invokeConnection, object(input));
    default:
      // A module helper: its replacement does not depend on the arguments.
      return LEGACY_METHODS[method].replacement;
  }
}

/** `<vault>.<method>(new <Class>({ <parts> }))`, as the mapping names them. */
function call(mapping: MethodMapping, receiver: string, parts: readonly string[]): string {
  return `${receiver}.${mapping.v2Method}(new ${mapping.requestClass}({ ${parts.join(', ')} }))`;
}

/**
 * The v2 setting of a boolean legacy option: the v1-keeping setting when the
 * call left it unset and the defaults differ, `<name>: true` when set to true,
 * nothing when false (every such v2 option defaults to false) or when v2 has
 * no counterpart.
 */
function booleanOption(mapping: MethodMapping, option: string, value: unknown): string[] {
  if (renameOf(mapping, option) === undefined) return [];
  if (value === undefined) return mapping.defaults.filter((change) => change.option === option).map((change) => change.keepV1);
  return value === true ? [`${v2NameOf(mapping, option)}: true`] : [];
}

// The warning suggests the v2 idiom, service-account credentials that the
// client caches and renews (see the init notes of the table); the codemod
// keeps the application's provider as a bearerTokenSource.
function describeInit(mapping: MethodMapping, config: Record<string, unknown>): string {
  const vaultId = typeof config['vaultID'] === 'string' && ID.test(config['vaultID']) ? `'${config['vaultID']}'` : "'<vaultId>'";
  const baseUrl = `${v2NameOf(mapping, 'vaultURL')}: '<vault URL>'`;
  let target = "clusterId: '<clusterId>', env: Env.PROD";
  try {
    // The same translation the facade makes: only a bare Skyflow vault host is a cluster.
    const vaultConfig = toVaultConfig('v', String(config['vaultURL']), undefined);
    target = vaultConfig.clusterId === undefined ? baseUrl : `clusterId: '${vaultConfig.clusterId}', env: Env.${vaultConfig.env}`;
  } catch {
    // keep the placeholder
  }
  return `Skyflow.builder().addVaultConfig({ ${v2NameOf(mapping, 'vaultID')}: ${vaultId}, ${target} }).addSkyflowCredentials({ path: '<credentials.json>' }).build()`;
}

function describeInsert(mapping: MethodMapping, vault: string, records: Array<Record<string, unknown>>, options: Record<string, unknown>): string {
  // As the facade reads it: a table's upsert column is its last entry.
  const upsert = list(options['upsert']).map(object);
  const upsertWord = v2NameOf(mapping, 'upsert[].column');
  const columnOf = (table: unknown) => upsert.findLast((entry) => entry['table'] === table)?.['column'];
  const counts = [...countBy(records.map((record) => record['table']))].map(([table, count]) => {
    const column = columnOf(table);
    const upsertText = column === undefined ? '' : ` (${upsertWord} ${name(column, '<column>').replaceAll("'", '')})`;
    return `${name(table, '<table>').replaceAll("'", '')} ×${count}${upsertText}`;
  });
  const described = `${plural(records.length, 'record')}${counts.length === 0 ? '' : `: ${counts.join(', ')}`}`;
  return call(mapping, vault, [
    `${v2PathOf(mapping, 'records[].fields')[0]}: [/* ${described} */]`,
    ...booleanOption(mapping, 'tokens', options['tokens']),
    ...booleanOption(mapping, 'continueOnError', options['continueOnError']),
    ...mapping.fixedSettings,
  ]);
}

function describeDetokenize(mapping: MethodMapping, vault: string, records: Array<Record<string, unknown>>): string {
  const [tokens, token] = v2PathOf(mapping, 'records[].token');
  const unset = records.some((record) => record['redaction'] === undefined);
  const keepV1 = mapping.defaults.find((change) => change.option === 'redaction')?.keepV1;
  const redaction = unset && keepV1 !== undefined ? ` with ${keepV1} (the v1 default)` : '';
  return call(mapping, vault, [`${tokens}: [/* ${plural(records.length, token!)}${redaction} */]`, ...mapping.fixedSettings]);
}

function describeGet(mapping: MethodMapping, vault: string, record: Record<string, unknown>, options: Record<string, unknown>): string {
  const parts = [`${v2NameOf(mapping, 'records[].table')}: ${name(record['table'], "'<table>'")}`];
  if (record['ids'] !== undefined) parts.push(`${v2NameOf(mapping, 'records[].ids')}: [/* ${plural(list(record['ids']).length, 'id')} */]`);
  if (record['columnName'] !== undefined) {
    parts.push(
      `${v2NameOf(mapping, 'records[].columnName')}: ${name(record['columnName'], "'<column>'")}`,
      `${v2NameOf(mapping, 'records[].columnValues')}: [/* ${plural(list(record['columnValues']).length, 'value')} */]`,
    );
  }
  if (typeof record['redaction'] === 'string' && NAME.test(record['redaction'])) {
    parts.push(`${v2NameOf(mapping, 'records[].redaction')}: RedactionType.${record['redaction']}`);
  }
  parts.push(...booleanOption(mapping, 'tokens', options['tokens']), ...mapping.fixedSettings);
  return call(mapping, vault, parts);
}

function describeUpdate(mapping: MethodMapping, vault: string, record: Record<string, unknown>, options: Record<string, unknown>): string {
  const [data, skyflowId] = v2PathOf(mapping, 'records[].id');
  const fields = Object.keys(object(record['fields'])).length;
  return call(mapping, vault, [
    `${v2NameOf(mapping, 'records[].table')}: ${name(record['table'], "'<table>'")}`,
    `${data}: { ${skyflowId}, /* ${plural(fields, 'field')} */ }`,
    ...booleanOption(mapping, 'tokens', options['tokens']),
    ...mapping.fixedSettings,
  ]);
}

// Grouped by table: the form the table's note recommends once the code reads
// v2 results (the facade and the codemod send one request per record).
function describeDelete(mapping: MethodMapping, vault: string, records: Array<Record<string, unknown>>): string {
  const tables = countBy(records.map((record) => record['table']));
  const table = v2NameOf(mapping, 'records[].table');
  const ids = v2NameOf(mapping, 'records[].id');
  return [...tables]
    .map(([value, count]) => call(mapping, vault, [`${table}: ${name(value, "'<table>'")}`, `${ids}: [/* ${plural(count, 'id')} */]`]))
    .join(' and ');
}

function describeConnection(mapping: MethodMapping, config: Record<string, unknown>): string {
  const methodName = config['methodName'];
  const parts = [`${v2NameOf(mapping, 'methodName')}: RequestMethod.${typeof methodName === 'string' && NAME.test(methodName) ? methodName : 'POST'}`];
  const counted = (from: string, word: string) => {
    if (config[from] !== undefined) parts.push(`${v2NameOf(mapping, from)}: { /* ${plural(Object.keys(object(config[from])).length, word)} */ }`);
  };
  if (config['requestBody'] !== undefined) parts.push(`${v2NameOf(mapping, 'requestBody')}: { /* … */ }`);
  counted('requestHeader', 'header');
  counted('pathParams', 'param');
  counted('queryParams', 'param');
  return call(mapping, receiverOf(mapping, "'<connectionId>'"), [...parts, ...mapping.fixedSettings]);
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
