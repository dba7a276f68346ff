// Legacy clients: where they are made (`Skyflow.init(config)`, `new
// Client(new Configuration(…))`), the variable that holds each, every use of
// that variable, and the v2 client that replaces it — the builder in place of
// the legacy client when every use is rewritten, or next to it (a companion)
// when some use must stay on v1.
import type { CallExpression, Identifier, NewExpression, Node, Symbol as TsSymbol, VariableDeclaration } from 'ts-morph';
import type { FileContext } from './context.js';
import { renamed, target } from './mapping.js';
import { chain, concat, object, prop, property, args as argumentList, type Doc } from './printer.js';
import { constInitializer, duplicable, readObject, unwrap, type ObjectShape } from './shapes.js';

export interface LegacyClient {
  /** `Skyflow.init(…)`, `new Skyflow(…)` or `new Client(…)`. */
  readonly site: CallExpression | NewExpression;
  readonly name: Identifier;
  readonly symbol: TsSymbol;
  readonly declaration: VariableDeclaration;
  /** The statement declaring it. */
  readonly statement: Node;
}

/** Where legacy clients are made, and the ones held in a variable the codemod can follow. */
export function findClients(context: FileContext): { clients: LegacyClient[]; unheld: Array<CallExpression | NewExpression> } {
  const { Node, SyntaxKind } = context.tsm;
  const clients: LegacyClient[] = [];
  const unheld: Array<CallExpression | NewExpression> = [];
  const sites = [
    ...context.file.getDescendantsOfKind(SyntaxKind.CallExpression).filter((call) => context.legacy.pathOf(call.getExpression()) === 'Skyflow.init'),
    ...context.file
      .getDescendantsOfKind(SyntaxKind.NewExpression)
      .filter((made) => ['Client', 'Skyflow'].includes(context.legacy.pathOf(made.getExpression()) ?? '')),
  ];
  for (const site of sites) {
    const declaration = site.getParent();
    const list = declaration?.getParent();
    const statement = list?.getParent();
    const name = Node.isVariableDeclaration(declaration) ? declaration.getNameNode() : undefined;
    const symbol = name?.getSymbol();
    if (
      !Node.isVariableDeclaration(declaration) ||
      declaration.getInitializer() !== site ||
      !Node.isIdentifier(name) ||
      symbol === undefined ||
      !Node.isVariableStatement(statement)
    ) {
      unheld.push(site);
      continue;
    }
    clients.push({ site, name, symbol, declaration, statement });
  }
  return { clients, unheld };
}

export type ClientUse =
  | { readonly kind: 'call'; readonly method: string; readonly call: CallExpression }
  | { readonly kind: 'value'; readonly node: Node; readonly reason: string; readonly label: string };

/** Each use of a client's variable: a method call, or a use that needs the v1 client itself. */
export function usesOf(context: FileContext, client: LegacyClient): ClientUse[] {
  const { Node } = context.tsm;
  return context.referencesOf(client.symbol, client.name.getText(), client.name).map((reference): ClientUse => {
    const parent = reference.getParent();
    if (Node.isPropertyAccessExpression(parent) && parent.getExpression() === reference) {
      const call = parent.getParent();
      if (Node.isCallExpression(call) && call.getExpression() === parent) return { kind: 'call', method: parent.getName(), call };
      const reason = `${client.name.getText()}.${parent.getName()} is read without being called here, so ${client.name.getText()} stays a v1 client`;
      return { kind: 'value', node: reference, reason, label: 'a use as a value' };
    }
    if (Node.isElementAccessExpression(parent) && parent.getExpression() === reference) {
      return { kind: 'value', node: reference, reason: 'the method is chosen at run time, so which call this is cannot be known', label: 'a call with a dynamic method name' };
    }
    const reason = `${client.name.getText()} is passed, stored, returned or reassigned here, so it stays a v1 client`;
    return { kind: 'value', node: reference, reason, label: 'a use as a value' };
  });
}

/** Why a client must stay a v1 client whatever its calls are (exported: other modules may call it). */
export function exported(context: FileContext, client: LegacyClient): string | undefined {
  const statement = client.statement;
  return context.tsm.Node.isVariableStatement(statement) && statement.hasExportKeyword()
    ? `${client.name.getText()} is exported, so other modules may use it as a v1 client`
    : undefined;
}

// ---- the v2 client ----

/** The legacy config's parts, each as what writes its value. */
interface ConfigParts {
  /** In the legacy config's order, so values are computed in the same order. */
  readonly entries: ReadonlyArray<{ readonly key: 'vaultID' | 'vaultURL' | 'getBearerToken' | 'caCert'; readonly value: Doc }>;
  readonly timeoutMs: Doc | undefined;
  /** v1 options the v2 client has no counterpart for. */
  readonly dropped: readonly string[];
}

/** What the builder needs from a legacy config, and the edits that make that possible (a config moved to a const). */
export interface ConfigPlan {
  readonly parts: ConfigParts;
  /** Writes the edits the plan needs before the builder is written (a hoisted config). */
  readonly prepare: () => void;
}

const CONFIG_KEYS = ['vaultID', 'vaultURL', 'getBearerToken'] as const;
const OPTION_NOTES: Record<string, string> = {
  deprecationWarnings: 'v2 calls do not warn',
  cacheBearerToken: 'a bearerTokenSource is called once per operation; use { path } or { credentialsString } credentials for a token the client caches',
  logLevel: 'set the level on the v2 client with setLogLevel',
  env: 'the vault URL is used as baseUrl',
};

/**
 * How to write the v2 vault config of `client`. `twice` when the legacy
 * client stays and the v2 one is made next to it from the same config: then
 * each value must be safe to compute twice, or the config moves into a const
 * both read.
 */
export function planConfig(context: FileContext, client: LegacyClient, twice: boolean): ConfigPlan | string {
  const { Node } = context.tsm;
  const [argument, ...more] = client.site.getArguments();
  if (argument === undefined || more.length > 0) return 'its config is not one argument';
  const isClient = context.legacy.pathOf(client.site.getExpression()) === 'Client';
  const config = unwrap(context, argument);
  if (isClient) {
    if (Node.isNewExpression(config) && context.legacy.pathOf(config.getExpression()) === 'Configuration') {
      return configurationPlan(context, client, config, twice);
    }
    if (Node.isIdentifier(config)) {
      const made = constInitializer(context, config, () => true);
      const inner = made === undefined ? undefined : unwrap(context, made);
      if (Node.isNewExpression(inner) && context.legacy.pathOf(inner.getExpression()) === 'Configuration') {
        const options = inner.getArguments()[3];
        return accessPlan(context, config.getText(), { vaultID: 'vaultID', vaultURL: 'vaultURL', getBearerToken: 'tokenProvider' }, options);
      }
    }
    return 'its Configuration is not made with new Configuration(…) where the codemod can read it';
  }
  if (Node.isIdentifier(config)) {
    const made = constInitializer(context, config, () => true);
    const literal = made === undefined ? undefined : unwrap(context, made);
    if (!Node.isObjectLiteralExpression(literal)) return 'its config is not an object literal (or a const holding one)';
    const shape = readObject(context, literal);
    if (typeof shape === 'string') return shape.replace('input', 'config');
    const missing = CONFIG_KEYS.find((key) => !shape.has(key));
    if (missing) return `its config has no ${missing} (skyflow-node@1 rejects every call of such a client)`;
    return accessPlan(context, config.getText(), { vaultID: 'vaultID', vaultURL: 'vaultURL', getBearerToken: 'getBearerToken' }, shape.get('options'));
  }
  if (!Node.isObjectLiteralExpression(config)) return 'its config is not an object literal (or a const holding one)';
  const shape = readObject(context, config);
  if (typeof shape === 'string') return shape.replace('input', 'config');
  const missing = CONFIG_KEYS.find((key) => !shape.has(key));
  if (missing) return `its config has no ${missing} (skyflow-node@1 rejects every call of such a client)`;
  const unknown = [...shape.keys()].find((key) => !(CONFIG_KEYS as readonly string[]).includes(key) && key !== 'options');
  if (unknown !== undefined) return `its config has a key the codemod does not know (${unknown})`;
  const direct = [...shape.values()].every((value) => duplicable(context, value)) && optionsDuplicable(context, shape.get('options'));
  if (!twice || direct) {
    const entries: Array<ConfigParts['entries'][number]> = [];
    let parts: { timeoutMs: Doc | undefined; dropped: string[] } = { timeoutMs: undefined, dropped: [] };
    for (const [key, value] of shape) {
      if (key !== 'options') {
        entries.push({ key: key as (typeof CONFIG_KEYS)[number], value: context.leafOf(value) });
        continue;
      }
      const options = readOptions(context, value, (name) => context.leafOf(name));
      if (typeof options === 'string') return options;
      if (options.caCert !== undefined) entries.push({ key: 'caCert', value: options.caCert });
      parts = options;
    }
    return { parts: { entries, timeoutMs: parts.timeoutMs, dropped: parts.dropped }, prepare: () => {} };
  }
  return hoistPlan(context, client, config, { vaultID: 'vaultID', vaultURL: 'vaultURL', getBearerToken: 'getBearerToken' }, shape.get('options'));
}

/** A config read through a const's name: `config.vaultID`, `config.options.caCert`. */
function accessPlan(
  context: FileContext,
  base: string,
  names: Record<(typeof CONFIG_KEYS)[number], string>,
  options: Node | undefined,
): ConfigPlan | string {
  const read = readOptions(context, options, (_node, key) => `${base}.options.${key}`);
  if (typeof read === 'string') return read;
  const entries: Array<ConfigParts['entries'][number]> = CONFIG_KEYS.map((key) => ({ key, value: `${base}.${names[key]}` }));
  if (read.caCert !== undefined) entries.push({ key: 'caCert', value: read.caCert });
  return { parts: { entries, timeoutMs: read.timeoutMs, dropped: read.dropped }, prepare: () => {} };
}

function configurationPlan(context: FileContext, client: LegacyClient, made: NewExpression, twice: boolean): ConfigPlan | string {
  const given = made.getArguments();
  const [vaultID, vaultURL, tokenProvider, options] = given;
  if (vaultID === undefined || vaultURL === undefined || tokenProvider === undefined || given.length > 4) {
    return 'its Configuration does not have the vault ID, URL and token provider';
  }
  const values = [vaultID, vaultURL, tokenProvider];
  if (!twice || (values.every((value) => duplicable(context, value)) && optionsDuplicable(context, options))) {
    const read = readOptions(context, options, (node) => context.leafOf(node));
    if (typeof read === 'string') return read;
    const entries: Array<ConfigParts['entries'][number]> = CONFIG_KEYS.map((key, index) => ({ key, value: context.leafOf(values[index]!) }));
    if (read.caCert !== undefined) entries.push({ key: 'caCert', value: read.caCert });
    return { parts: { entries, timeoutMs: read.timeoutMs, dropped: read.dropped }, prepare: () => {} };
  }
  return hoistPlan(context, client, made, { vaultID: 'vaultID', vaultURL: 'vaultURL', getBearerToken: 'tokenProvider' }, options);
}

/** Moves the config into `const <client>Config = …` before the client, so the v1 and v2 clients read one object. */
function hoistPlan(
  context: FileContext,
  client: LegacyClient,
  config: Node,
  names: Record<(typeof CONFIG_KEYS)[number], string>,
  options: Node | undefined,
): ConfigPlan | string {
  const statement = client.statement;
  if (!context.tsm.Node.isVariableStatement(statement) || statement.getDeclarations().length !== 1) {
    return 'its config would have to move out of a statement that declares more than the client';
  }
  const base = context.freeName(`${client.name.getText()}Config`);
  const plan = accessPlan(context, base, names, options);
  if (typeof plan === 'string') return plan;
  return {
    parts: plan.parts,
    prepare: () => {
      const { edits, format, text } = context;
      const start = statement.getStart();
      const indent = /[ \t]*$/.exec(text.slice(text.lastIndexOf('\n', start - 1) + 1, start))![0];
      const keyword = statement.getDeclarationKind();
      const value = edits.textOf(config.getStart(), config.getEnd());
      edits.insert(start, `${keyword === 'var' ? 'var' : 'const'} ${base} = ${value}${format.semicolon}${format.newline}${indent}`);
      edits.replace(config.getStart(), config.getEnd(), base);
    },
  };
}

/** Whether the v1 options can be written twice (absent, or an object literal of such values). */
function optionsDuplicable(context: FileContext, options: Node | undefined): boolean {
  if (options === undefined) return true;
  const inner = unwrap(context, options);
  if (!context.tsm.Node.isObjectLiteralExpression(inner)) return false;
  const shape = readObject(context, inner);
  return typeof shape === 'object' && [...shape.values()].every((value) => duplicable(context, value));
}

/**
 * The v1 options with a v2 counterpart (caCert on the vault config, timeoutMs
 * on the client) and the ones dropped. `value` writes an option's value from
 * its node (inline) or its key (through a const).
 */
function readOptions(
  context: FileContext,
  options: Node | undefined,
  value: (node: Node, key: string) => Doc,
): { caCert: Doc | undefined; timeoutMs: Doc | undefined; dropped: string[] } | string {
  const none = { caCert: undefined, timeoutMs: undefined, dropped: [] };
  if (options === undefined) return none;
  const inner = unwrap(context, options);
  if (context.tsm.Node.isIdentifier(inner) && inner.getText() === 'undefined') return none;
  if (!context.tsm.Node.isObjectLiteralExpression(inner)) return 'its v1 options are not an object literal, so what they change is not known';
  const shape: ObjectShape | string = readObject(context, inner);
  if (typeof shape === 'string') return shape.replace('input', 'options');
  const result: { caCert: Doc | undefined; timeoutMs: Doc | undefined; dropped: string[] } = { ...none, dropped: [] };
  for (const [key, node] of shape) {
    if (key === 'caCert') result.caCert = value(node, key);
    else if (key === 'timeoutMs') result.timeoutMs = value(node, key);
    else result.dropped.push(OPTION_NOTES[key] === undefined ? key : `${key} (${OPTION_NOTES[key]})`);
  }
  return result;
}

/** `Skyflow.builder().addVaultConfig({ vaultId, baseUrl, credentials: { bearerTokenSource } }).build()`, names from the table. */
export function builderDoc(context: FileContext, parts: ConfigParts, logLevel: string | undefined): Doc {
  const [credentials, source] = target('init', 'getBearerToken');
  // biome-ignore lint/suspicious/useIterableCallbackReturn: the switch is exhaustive over the entry keys; tsc (noImplicitReturns) checks it.
  const props = parts.entries.map(({ key, value }): Doc => {
    switch (key) {
      case 'vaultID':
        return prop(renamed('init', 'vaultID'), value);
      case 'vaultURL':
        return prop(renamed('init', 'vaultURL'), value);
      case 'getBearerToken':
        return property(credentials!, object([prop(source!, value)]));
      case 'caCert':
        return prop('caCert', value);
    }
  });
  const links: Doc[] = [concat('.addVaultConfig', argumentList([object(props)]))];
  if (parts.timeoutMs !== undefined) links.push(concat('.setTimeout', argumentList([parts.timeoutMs])));
  if (logLevel !== undefined) links.push(`.setLogLevel(${context.v2('LogLevel')}.${logLevel})`);
  links.push('.build()');
  return chain(`${context.v2('Skyflow')}.builder()`, links);
}

/**
 * The level of a module-level `setLogLevel(LogLevel.X)` of the legacy SDK in
 * this file: v1's level is global, v2's is per client, so the v2 clients made
 * here get it too. Undefined when there is none, several, or one that runs
 * only sometimes (inside a function or a block).
 */
export function legacyLogLevel(context: FileContext): { level: string; call: Node } | undefined {
  const { Node, SyntaxKind } = context.tsm;
  const found = context.file.getDescendantsOfKind(SyntaxKind.CallExpression).flatMap((call) => {
    if (context.legacy.pathOf(call.getExpression()) !== 'setLogLevel') return [];
    const [level] = call.getArguments();
    const match = level === undefined ? null : /^LogLevel\.(DEBUG|INFO|WARN|ERROR|OFF)$/.exec(context.legacy.pathOf(level) ?? '');
    return match ? [{ level: match[1]!, call: call as Node }] : [{ level: '', call: call as Node }];
  });
  // One level, set once at the top of the module: what every call of the file ran with.
  const statement = found[0]?.call.getParent();
  const topLevel = found.length === 1 && Node.isExpressionStatement(statement) && Node.isSourceFile(statement.getParent());
  return topLevel && found[0]!.level !== '' ? found[0] : undefined;
}
