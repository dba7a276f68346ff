// What the codemod reads from the one mapping table (src/adapter/mapping/
// v1-to-v2.ts): the v2 method and request class of each legacy call, the
// wrapper that keeps its v1 result shape, the names that change, the setting
// that keeps a v1 default, and whether (or why not) a call is rewritten. The
// codemod writes no name the table holds.
import { v2PathOf } from '../adapter/mapping/v2-call.js';
import { V1_TO_V2, type LegacyClientMethod, type MethodMapping } from '../adapter/mapping/v1-to-v2.js';

/** The legacy client calls the codemod looks for. */
export type ClientMethod = Exclude<LegacyClientMethod, 'init'>;

/** The calls it can write a v2 call for, when the table allows it. */
export const REWRITABLE = ['insert', 'detokenize', 'get', 'getById', 'update', 'delete'] as const;
export type RewritableMethod = (typeof REWRITABLE)[number];

export const CLIENT_METHODS: readonly ClientMethod[] = (Object.keys(V1_TO_V2) as LegacyClientMethod[]).filter(
  (method): method is ClientMethod => method !== 'init',
);

export function isClientMethod(name: string): name is ClientMethod {
  return (CLIENT_METHODS as readonly string[]).includes(name);
}

export function isRewritable(name: string): name is RewritableMethod {
  return (REWRITABLE as readonly string[]).includes(name);
}

function mappingOf(method: LegacyClientMethod): MethodMapping {
  return V1_TO_V2[method];
}

/** Why the table says a call is not rewritten, or undefined when it may be. */
export function refusal(method: ClientMethod): string | undefined {
  const { codemod } = mappingOf(method);
  return codemod.rewrite ? undefined : codemod.reason;
}

/** The v2 client method a legacy call becomes. */
export function v2Method(method: RewritableMethod): string {
  return identifier(mappingOf(method).v2Method, `${method}.v2Method`);
}

/** The v2 request class a legacy call becomes. */
export function requestClass(method: RewritableMethod): string {
  return identifier(mappingOf(method).requestClass, `${method}.requestClass`);
}

/** The skyflow-bridge/migrate function that gives the v2 answer its v1 shape. */
export function wrapper(method: RewritableMethod): string {
  return identifier(mappingOf(method).wrapper, `${method}.wrapper`);
}

/** Whether the legacy call becomes one v2 call per record. */
export function perRecord(method: RewritableMethod): boolean {
  return mappingOf(method).perRecord;
}

/**
 * Where a legacy name goes in v2, as path segments: `tokens` → [returnTokens],
 * `records[].redaction` → [tokens, redactionType] for detokenize, `getBearerToken`
 * → [credentials, bearerTokenSource] for init (`[]` marks an array; dropped here).
 */
export function target(method: LegacyClientMethod, from: string): string[] {
  let path: string[];
  try {
    path = v2PathOf(mappingOf(method), from);
  } catch {
    throw new Error(`codemod: the mapping table has no rename of ${method} ${from}`);
  }
  return path.map((segment) => identifier(segment, `${method} rename of ${from}`));
}

/** The last name of `target`: the v2 field a legacy name becomes. */
export function renamed(method: LegacyClientMethod, from: string): string {
  return target(method, from).pop()!;
}

/** The settings every replacement of `method` writes whatever the legacy call said (`continueOnError: true` for detokenize). */
export function fixedSettings(method: RewritableMethod): Array<{ name: string; value: string }> {
  return mappingOf(method).fixedSettings.map((setting) => parseSetting(setting, `${method} fixed setting`));
}

/** The v2 setting that keeps the v1 default of `option`, as a name and a value text (`returnTokens`, `true`). */
export function keepV1(method: LegacyClientMethod, option: string): { name: string; value: string } {
  const change = mappingOf(method).defaults.find((entry) => entry.option === option);
  if (!change) throw new Error(`codemod: the mapping table has no v1 default of ${method} ${option}`);
  return parseSetting(change.keepV1, `${method} keepV1 of ${option}`);
}

// `name: value` → its parts.
function parseSetting(text: string, what: string): { name: string; value: string } {
  const match = /^([A-Za-z_$][\w$]*):\s*(.+)$/.exec(text.trim());
  if (!match) throw new Error(`codemod: the mapping table's ${what} is not "name: value" (${text})`);
  return { name: match[1]!, value: match[2]!.trim() };
}

/**
 * What a v2 request must say for a legacy option: its v1 default kept when the
 * call did not set it (the table's keepV1), the value when set and not v2's
 * default anyway, nothing otherwise.
 */
export function optionSettings(method: RewritableMethod, option: string, given: boolean | undefined): Array<{ name: string; value: string }> {
  const mapping = mappingOf(method);
  const change = mapping.defaults.find((entry) => entry.option === option);
  if (given === undefined) return change ? [keepV1(method, option)] : [];
  const v2Default = change?.v2 ?? mapping.unchangedDefaults.find((entry) => entry.option === option)?.value ?? '';
  return String(given) === v2Default ? [] : [{ name: renamed(method, option), value: String(given) }];
}

function identifier(value: string | undefined, what: string): string {
  if (value === undefined || !/^[A-Za-z_$][\w$]*$/.test(value)) {
    throw new Error(`codemod: the mapping table's ${what} is not a name (${String(value)})`);
  }
  return value;
}
