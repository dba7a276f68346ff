// One legacy client call → the v2 call(s) it becomes, wrapped in the
// skyflow-bridge/migrate function that settles as the legacy call did.
//
// A call is rewritten when what it does is known: its records are an array
// literal (one v2 call per element where v1 sent one request per record), or
// an expression mapped at run time (`input.records.map(…)`) for the methods
// whose translation does not depend on which keys a record has; its options
// are literal booleans. Inputs skyflow-node@1 would reject (no redaction on a
// get, an empty records list, …) are left: the v2 call would not reject them
// the same way. Every v2 name and v1 default comes from the mapping table.
import type { CallExpression, Node } from 'ts-morph';
import type { FileContext } from './context.js';
import {
  fixedSettings,
  keepV1,
  optionSettings,
  perRecord,
  renamed,
  requestClass,
  target,
  v2Method,
  wrapper,
  type RewritableMethod,
} from './mapping.js';
import { array, call, concat, object, prop, property, args as argumentList, type Doc } from './printer.js';
import { booleanOf, constObject, duplicable, isOnlyUse, readObject, stringOf, unwrap, type ObjectShape } from './shapes.js';

export interface CallPlan {
  readonly call: CallExpression;
  readonly method: RewritableMethod;
  readonly wrapper: string;
  /** Where legacy RedactionType members become v2's: the call, and a const only it reads. */
  readonly scopes: readonly Node[];
  /**
   * The rewritten call, on the v2 client named `receiver`; with `loose`, its
   * result typed `Promise<any>` (TypeScript, for a skyflow-node@1 client,
   * whose methods resolve to `any` or `unknown`: the code reading the result
   * type-checks as it did).
   */
  render(receiver: string, loose: boolean): Doc;
}

/** How many arguments each legacy method takes. */
const ARITY: Record<RewritableMethod, number> = { insert: 2, detokenize: 1, get: 2, getById: 1, update: 2, delete: 2 };

type Records =
  | { readonly kind: 'literal'; readonly records: readonly ObjectShape[] }
  /** Mapped at run time from `source` (an array expression); `shape` when a const shows the records' keys. */
  | { readonly kind: 'runtime'; readonly source: Doc; readonly shape: readonly ObjectShape[] | undefined; readonly scope?: Node };

interface Options {
  readonly tokens?: boolean;
  readonly continueOnError?: boolean;
  /** Per table, the column to upsert on (a table's last entry wins, as in v1). */
  readonly upsert?: ReadonlyMap<string, Node>;
}

/** The plan for rewriting `node` (a call of `method` on a known legacy client), or why it is left as is. */
export function planCall(context: FileContext, node: CallExpression, method: RewritableMethod): CallPlan | { reason: string } {
  const { Node } = context.tsm;
  const given = node.getArguments();
  if (given.some((argument) => Node.isSpreadElement(argument))) return { reason: 'its arguments are spread (...), so what it is given is not known' };
  if (given.length > ARITY[method]) return { reason: `it has more arguments than skyflow-node@1's ${method}() takes` };
  const records = readRecords(context, given[0], method);
  if (typeof records === 'string') return { reason: records };
  const options = readOptions(context, given[1], method);
  if (typeof options === 'string') return { reason: options };
  const shapes = records.kind === 'literal' ? records.records : records.shape;
  if (shapes !== undefined) {
    const refused = v1Refusal(context, method, shapes, options);
    if (refused !== undefined) return { reason: `skyflow-node@1 rejects this input (${refused}); the v2 call would not fail the same way` };
  } else if (method === 'get' || method === 'getById') {
    return { reason: 'the records are not known statically, and what a get does depends on their keys (ids or columnName, redaction)' };
  }
  if (records.kind === 'runtime' && shapes !== undefined && (method === 'get' || method === 'getById')) {
    if (uniformShape(shapes, ['ids', 'columnName', 'columnValues', 'redaction']) === undefined) {
      return { reason: 'its records have different keys, so one mapping cannot rewrite them all' };
    }
  }
  const duplicated = duplicatedValues(context, method, records);
  if (duplicated !== undefined) return { reason: `${duplicated} would be evaluated twice (once for the v2 call, once for the v1 result shape): put it in a const first` };
  if (options.upsert !== undefined && records.kind === 'literal') {
    const unknownTable = records.records.find((record) => stringOf(context, record.get('table')) === undefined);
    if (unknownTable) return { reason: 'the upsert option needs each record\'s table as a string literal' };
  } else if (options.upsert !== undefined) {
    return { reason: 'the upsert option needs the records as an array literal' };
  }
  return {
    call: node,
    method,
    wrapper: wrapper(method),
    scopes: records.kind === 'runtime' && records.scope !== undefined ? [node, records.scope] : [node],
    render: (receiver, loose) => {
      const rewritten = render(context, method, records, options, receiver);
      if (!loose) return rewritten;
      return standsAlone(context, node) ? concat(rewritten, ' as Promise<any>') : concat('(', rewritten, ' as Promise<any>)');
    },
  };
}

/** Whether `node` is a whole expression where it stands (returned, assigned, an argument): `x as T` needs no parentheses there. */
function standsAlone(context: FileContext, node: Node): boolean {
  const { Node } = context.tsm;
  const parent = node.getParent();
  if (Node.isReturnStatement(parent) || Node.isVariableDeclaration(parent) || Node.isArrowFunction(parent) || Node.isPropertyAssignment(parent)) return true;
  if (Node.isExpressionStatement(parent)) return true;
  if (Node.isArrayLiteralExpression(parent)) return true;
  return Node.isCallExpression(parent) && (parent.getArguments() as Node[]).includes(node);
}

/** The nodes inside `node` that name a member of the legacy RedactionType (the rewrite names v2's instead). */
export function legacyRedactions(context: FileContext, node: Node): Array<{ node: Node; member: string }> {
  const found: Array<{ node: Node; member: string }> = [];
  for (const access of node.getDescendantsOfKind(context.tsm.SyntaxKind.PropertyAccessExpression)) {
    const member = context.legacy.redactionMember(access);
    if (member !== undefined) found.push({ node: access, member });
  }
  return found;
}

function readRecords(context: FileContext, input: Node | undefined, method: RewritableMethod): Records | string {
  const { Node } = context.tsm;
  if (input === undefined) return 'it has no input (skyflow-node@1 rejects it)';
  const inner = unwrap(context, input);
  if (Node.isObjectLiteralExpression(inner)) {
    const shape = readObject(context, inner);
    if (typeof shape === 'string') return `${shape}, so what it is given is not known`;
    const records = shape.get('records');
    if (records === undefined) return 'its input has no records (skyflow-node@1 rejects it)';
    return recordsFrom(context, records, operand(context, records));
  }
  if (Node.isIdentifier(inner)) {
    const literal = constObject(context, inner);
    const source = concat(inner.getText(), '.records');
    if (literal === undefined) return { kind: 'runtime', source, shape: undefined };
    const shape = readObject(context, literal);
    if (typeof shape === 'string') return { kind: 'runtime', source, shape: undefined };
    const records = shape.get('records');
    if (records === undefined) return `its input (${inner.getText()}) has no records (skyflow-node@1 rejects it)`;
    const known = recordsFrom(context, records, source);
    if (typeof known === 'string' || known.kind === 'runtime') return { kind: 'runtime', source, shape: undefined };
    return { kind: 'runtime', source, shape: known.records, ...(isOnlyUse(context, inner) ? { scope: literal } : {}) };
  }
  if (method === 'get' || method === 'getById') return 'the records are not known statically, and what a get does depends on their keys';
  return { kind: 'runtime', source: concat(operand(context, input), '.records'), shape: undefined };
}

/** `node` as the object of a member access (`node.records`, `node.map(…)`): in parentheses unless it binds tighter. */
function operand(context: FileContext, node: Node): Doc {
  const { Node } = context.tsm;
  const tight =
    Node.isIdentifier(node) ||
    Node.isPropertyAccessExpression(node) ||
    Node.isElementAccessExpression(node) ||
    Node.isCallExpression(node) ||
    Node.isArrayLiteralExpression(node) ||
    Node.isParenthesizedExpression(node);
  return tight ? context.leafOf(node) : concat('(', context.leafOf(node), ')');
}

function recordsFrom(context: FileContext, records: Node, source: Doc): Records | string {
  const { Node } = context.tsm;
  const inner = unwrap(context, records);
  if (!Node.isArrayLiteralExpression(inner)) return { kind: 'runtime', source, shape: undefined };
  const shapes: ObjectShape[] = [];
  for (const element of inner.getElements()) {
    const record = unwrap(context, element);
    if (!Node.isObjectLiteralExpression(record)) return { kind: 'runtime', source, shape: undefined };
    const shape = readObject(context, record);
    if (typeof shape === 'string') return `${shape}, so what it is given is not known`;
    shapes.push(shape);
  }
  return { kind: 'literal', records: shapes };
}

function readOptions(context: FileContext, node: Node | undefined, method: RewritableMethod): Options | string {
  const { Node } = context.tsm;
  if (node === undefined) return {};
  const inner = unwrap(context, node);
  if (Node.isNullLiteral(inner) || (Node.isIdentifier(inner) && inner.getText() === 'undefined')) return {};
  const unknown = 'its options are not known statically (only literal true/false are)';
  let shape: ObjectShape | string;
  if (Node.isObjectLiteralExpression(inner)) {
    shape = readObject(context, inner);
  } else if (Node.isIdentifier(inner)) {
    const literal = constObject(context, inner);
    if (literal === undefined) return unknown;
    shape = readObject(context, literal);
  } else if (Node.isNewExpression(inner) && context.legacy.pathOf(inner.getExpression()) === 'InsertOptions' && method === 'insert') {
    // new InsertOptions(tokens = true, upsert?, continueOnError = false)
    const [tokens, upsert, continueOnError] = inner.getArguments();
    const values = new Map<string, Node>();
    if (tokens !== undefined) values.set('tokens', tokens);
    if (upsert !== undefined) values.set('upsert', upsert);
    if (continueOnError !== undefined) values.set('continueOnError', continueOnError);
    shape = values;
  } else {
    return unknown;
  }
  if (typeof shape === 'string') return `${shape.replace('input', 'options')}, so its options are not known`;
  const options: { tokens?: boolean; continueOnError?: boolean; upsert?: Map<string, Node> } = {};
  for (const [key, value] of shape) {
    if (key === 'tokens' || (key === 'continueOnError' && method === 'insert')) {
      const flag = booleanOf(context, value);
      if (flag === 'unknown') return unknown;
      if (flag !== undefined) options[key] = flag;
    } else if (key === 'upsert' && method === 'insert') {
      const upsert = readUpsert(context, value);
      if (typeof upsert === 'string') return upsert;
      if (upsert !== undefined) options.upsert = upsert;
    } else if (!duplicable(context, value)) {
      // An option v1 ignores is dropped; its value must not do anything when computed.
      return `its option ${key} is computed by an expression the rewrite would drop`;
    }
  }
  return options;
}

function readUpsert(context: FileContext, node: Node): Map<string, Node> | undefined | string {
  const { Node } = context.tsm;
  const inner = unwrap(context, node);
  if (Node.isIdentifier(inner) && inner.getText() === 'undefined') return undefined;
  if (!Node.isArrayLiteralExpression(inner)) return 'its upsert option is not an array literal';
  const columns = new Map<string, Node>();
  for (const element of inner.getElements()) {
    const entry = unwrap(context, element);
    const shape = Node.isObjectLiteralExpression(entry) ? readObject(context, entry) : undefined;
    const table = typeof shape === 'object' ? stringOf(context, shape.get('table')) : undefined;
    const column = typeof shape === 'object' ? shape.get('column') : undefined;
    if (table === undefined || column === undefined || !duplicable(context, column)) {
      return 'its upsert option is not a list of { table: \'…\', column } literals';
    }
    columns.set(table, column);
  }
  if (columns.size === 0) return 'its upsert option is empty (skyflow-node@1 rejects it)';
  return columns;
}

/** What skyflow-node@1's checks would reject in records whose keys are known (1.14.3's rules, key by key). */
function v1Refusal(context: FileContext, method: RewritableMethod, records: readonly ObjectShape[], options: Options): string | undefined {
  if (records.length === 0) return 'no records';
  const missing = (record: ObjectShape, ...keys: string[]) => keys.find((key) => !record.has(key));
  for (const [index, record] of records.entries()) {
    const at = `record ${index}`;
    switch (method) {
      case 'insert': {
        const key = missing(record, 'table', 'fields');
        if (key) return `${at} has no ${key}`;
        if (stringOf(context, record.get('table')) === '') return `${at} has an empty table`;
        break;
      }
      case 'detokenize':
        if (!record.has('token')) return `${at} has no token`;
        break;
      case 'getById': {
        const key = missing(record, 'ids', 'redaction', 'table');
        if (key) return `${at} has no ${key}`;
        if (record.has('columnName') || record.has('columnValues')) return `${at} has columnName or columnValues`;
        break;
      }
      case 'get': {
        if (!record.has('table')) return `${at} has no table`;
        if (!record.has('ids') && !record.has('columnName')) return `${at} has neither ids nor columnName`;
        if (record.has('columnName') !== record.has('columnValues')) return `${at} has one of columnName and columnValues without the other`;
        if (options.tokens === true && (record.has('redaction') || record.has('columnName'))) return `${at} asks for tokens with a redaction or a column`;
        if (options.tokens !== true && !record.has('redaction')) return `${at} has no redaction`;
        if (record.has('ids') && record.has('columnName')) return `${at} has both ids and columnName, which v2 refuses`;
        break;
      }
      case 'update': {
        const key = missing(record, 'id', 'table', 'fields');
        if (key) return `${at} has no ${key}`;
        const fields = record.get('fields');
        const literal = fields === undefined ? undefined : unwrap(context, fields);
        if (literal !== undefined && context.tsm.Node.isObjectLiteralExpression(literal) && literal.getProperties().length === 0) {
          return `${at} has no fields to change`;
        }
        break;
      }
      case 'delete': {
        const key = missing(record, 'id', 'table');
        if (key) return `${at} has no ${key}`;
        break;
      }
    }
  }
  return undefined;
}

/** A value the rewrite writes twice (request and v1 result shape) that is not safe to write twice. */
function duplicatedValues(context: FileContext, method: RewritableMethod, records: Records): string | undefined {
  if (records.kind !== 'literal' || !perRecord(method)) return undefined;
  const twice = method === 'get' || method === 'getById' ? ['table', 'ids', 'columnName'] : ['id', 'table'];
  for (const record of records.records) {
    for (const key of twice) {
      const value = record.get(key);
      if (value !== undefined && !duplicable(context, value)) return `the ${key} expression ${value.getText()}`;
    }
  }
  return undefined;
}

// ---- writing the v2 call ----

/** A record's value: its source text (legacy RedactionType members already renamed), or `record.key` at run time. */
type Value = (key: string) => Doc;

function render(context: FileContext, method: RewritableMethod, records: Records, options: Options, receiver: string): Doc {
  const vaultCall = (request: Doc) => concat(`${receiver}.vault().${v2Method(method)}`, argumentList([request]));
  const newRequest = (props: Doc[]) => concat(`new ${context.v2(requestClass(method))}`, argumentList([object(props)]));
  const wrap = (...items: Doc[]) => call(context.use('skyflow-bridge/migrate', wrapper(method)), items);
  const literalValue = (record: ObjectShape): Value => (key) => context.leafOf(record.get(key)!);
  const param = receiver === 'record' ? 'legacyRecord' : 'record';
  const runtimeValue: Value = (key) => `${param}.${key}`;
  // One v2 call per record, each paired with what the wrapper needs of the record.
  const perRecordList = (item: (value: Value, record: ObjectShape | undefined) => Doc): Doc =>
    records.kind === 'literal'
      ? array(records.records.map((record) => item(literalValue(record), record)))
      : concat(records.source, '.map', argumentList([concat(`(${param}) => `, item(runtimeValue, undefined))]));
  const settings = (settingsOf: Array<{ name: string; value: string }>) => settingsOf.map(({ name, value }) => property(name, context.v2Expression(value)));

  switch (method) {
    case 'insert': {
      const [recordsName] = target('insert', 'records[].table');
      const table = renamed('insert', 'records[].table');
      const fields = renamed('insert', 'records[].fields');
      const upsert = renamed('insert', 'upsert[].column');
      const record = (value: Value, shape: ObjectShape | undefined): Doc => {
        const props = [prop(table, value('table')), prop(fields, value('fields'))];
        const tableName = shape === undefined ? undefined : stringOf(context, shape.get('table'));
        const column = tableName === undefined ? undefined : options.upsert?.get(tableName);
        if (column !== undefined) props.push(prop(upsert, context.leafOf(column)));
        return object(props);
      };
      const list =
        records.kind === 'literal'
          ? array(records.records.map((shape) => record(literalValue(shape), shape)))
          : concat(records.source, '.map', argumentList([concat(`(${param}) => `, argumentList([record(runtimeValue, undefined)]))]));
      const tokens = options.tokens ?? true;
      const request = newRequest([
        property(recordsName!, list),
        ...settings(optionSettings('insert', 'tokens', options.tokens)),
        ...settings(optionSettings('insert', 'continueOnError', options.continueOnError)),
      ]);
      const shape = [property('tokens', String(tokens))];
      if (options.continueOnError === true) shape.push(property('continueOnError', 'true'));
      return wrap(vaultCall(request), object(shape));
    }
    case 'detokenize': {
      const [tokensName, tokenName] = target('detokenize', 'records[].token');
      const redactionType = renamed('detokenize', 'records[].redaction');
      const keep = keepV1('detokenize', 'redaction');
      const plainText = context.v2Expression(keep.value);
      const token = (value: Value, shape: ObjectShape | undefined): Doc => {
        let redaction: Doc;
        if (shape !== undefined && !shape.has('redaction')) redaction = plainText;
        else if (shape !== undefined || records.kind === 'literal') redaction = value('redaction');
        else redaction = `${param}.redaction ?? ${plainText}`;
        return object([prop(tokenName!, value('token')), prop(redactionType, redaction)]);
      };
      const list =
        records.kind === 'literal'
          ? array(records.records.map((shape) => token(literalValue(shape), shape)))
          : concat(records.source, '.map', argumentList([concat(`(${param}) => `, argumentList([token(runtimeValue, uniformShape(records.shape, ['redaction']))]))]));
      return wrap(vaultCall(newRequest([property(tokensName!, list), ...settings(fixedSettings('detokenize'))])));
    }
    case 'get':
    case 'getById': {
      const keys = ['ids', 'columnName', 'columnValues'] as const;
      const entry = (value: Value, shape: ObjectShape | undefined): Doc => {
        const present = (key: string) => shape?.has(key) === true;
        const props = [prop(renamed(method, 'records[].table'), value('table'))];
        for (const key of keys) if (present(key)) props.push(prop(renamed(method, `records[].${key}`), value(key)));
        if (present('redaction')) props.push(prop(renamed(method, 'records[].redaction'), value('redaction')));
        props.push(...settings(optionSettings('get', 'tokens', method === 'get' ? options.tokens : undefined)));
        const meta = [prop('table', value('table'))];
        if (present('ids')) meta.push(prop('ids', value('ids')));
        if (present('columnName')) meta.push(prop('columnName', value('columnName')));
        return array([vaultCall(newRequest(props)), object(meta)]);
      };
      if (records.kind === 'runtime') {
        const shape = uniformShape(records.shape, ['ids', 'columnName', 'columnValues', 'redaction']);
        return wrap(concat(records.source, '.map', argumentList([concat(`(${param}) => `, entry(runtimeValue, shape))])));
      }
      return wrap(perRecordList(entry));
    }
    case 'update': {
      const [dataName, idName] = target('update', 'records[].id');
      const entry = (value: Value, shape: ObjectShape | undefined): Doc => {
        const fields = shape?.get('fields');
        const literal = fields === undefined ? undefined : unwrap(context, fields);
        const written = literal !== undefined && context.tsm.Node.isObjectLiteralExpression(literal) ? literal : undefined;
        const writtenShape = written === undefined ? undefined : readObject(context, written);
        // Literal fields are written out next to the id; others are spread, the id last as the facade does.
        const data =
          written !== undefined && typeof writtenShape === 'object' && !writtenShape.has(idName!)
            ? object([prop(idName!, value('id')), ...written.getProperties().map((field) => context.leafOf(field))])
            : object([concat('...', value('fields')), prop(idName!, value('id'))]);
        const request = newRequest([
          prop(renamed('update', 'records[].table'), value('table')),
          property(dataName!, data),
          ...settings(optionSettings('update', 'tokens', options.tokens)),
        ]);
        return array([vaultCall(request), object([prop('id', value('id')), prop('table', value('table'))])]);
      };
      return wrap(perRecordList(entry), object([property('tokens', String(options.tokens ?? true))]));
    }
    case 'delete': {
      const [idsName] = target('delete', 'records[].id');
      const entry = (value: Value): Doc => {
        const request = newRequest([prop(renamed('delete', 'records[].table'), value('table')), property(idsName!, array([value('id')]))]);
        return array([vaultCall(request), object([prop('id', value('id')), prop('table', value('table'))])]);
      };
      return wrap(perRecordList(entry));
    }
  }
}

/** One shape standing for all records when they agree on `keys`; undefined when they do not or are not known. */
function uniformShape(shapes: readonly ObjectShape[] | undefined, keys: readonly string[]): ObjectShape | undefined {
  const [first] = shapes ?? [];
  if (first === undefined) return undefined;
  return shapes!.every((shape) => keys.every((key) => shape.has(key) === first.has(key))) ? first : undefined;
}
