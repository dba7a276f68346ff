// One file's rewrite: find the legacy clients and their calls, plan every
// rewrite on the untouched tree, write the plans as text edits (inner calls
// before the calls around them), then settle the imports on the result.
import type { CallExpression, Project } from 'ts-morph';
import { planCall, legacyRedactions, type CallPlan } from './calls.js';
import { builderDoc, exported, findClients, legacyLogLevel, planConfig, usesOf, type LegacyClient } from './clients.js';
import { FileContext, statementOf, type FileReport } from './context.js';
import { TextEdits } from './edits.js';
import { settleImports } from './imports.js';
import { LegacyBindings } from './legacy-bindings.js';
import type { TsMorph } from './load-ts-morph.js';
import { isClientMethod, isRewritable, refusal, type RewritableMethod } from './mapping.js';
import { print, type Doc } from './printer.js';
import { columnOf, lineIndent, restOfLine, sourceFormat } from './source-format.js';
import { unwrap } from './shapes.js';

export interface TransformOptions {
  /** Rewrite only calls of these methods; the others are left as they are, without a TODO. */
  readonly methods?: ReadonlySet<string>;
}

export interface TransformResult {
  readonly text: string;
  readonly report: FileReport;
  /** Set when the file could not be parsed; nothing was changed. */
  readonly error?: string;
}

const TYPESCRIPT = /\.[cm]?tsx?$/;

const WRAPPER_COMMENT = (wrapper: string) =>
  `skyflow-bridge: v1 result shape — remove ${wrapper} once the code below reads the v2 response`;

/** The rewrite of one file's text. `path` decides how it is parsed (.ts, .mjs, .cjs, …). */
export function transformText(tsm: TsMorph, project: Project, path: string, text: string, options: TransformOptions = {}): TransformResult {
  const file = project.createSourceFile(path, text, { overwrite: true });
  try {
    const parseErrors = (file.compilerNode as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics ?? [];
    if (parseErrors.length > 0) return { text, report: { rewritten: [], left: [], notes: [] }, error: 'the file has syntax errors' };
    const legacy = new LegacyBindings(tsm, file);
    const edits = new TextEdits(text);
    const format = sourceFormat(text, legacy.list[0]?.statement.getText());
    const context = new FileContext({ tsm, file, text, edits, format, legacy });
    const allowed = (method: string) => options.methods === undefined || options.methods.has(method);

    const plans: Array<{ plan: CallPlan; receiver: () => string; loose: boolean }> = [];
    const known = new Set<CallExpression>();
    const { clients, unheld } = findClients(context);
    for (const site of unheld) {
      context.left(site, 'init', 'this client is not kept in a variable the codemod can follow, so its calls are not rewritten');
    }
    const finishers: Array<() => void> = [];
    for (const client of clients) {
      const finisher = planClient(context, client, allowed, known, plans);
      if (finisher) finishers.push(finisher);
    }
    flagUnknownClients(context, known, allowed);

    // Comments first, then the legacy enum members inside rewritten calls,
    // then the calls, innermost first: each write takes in the ones inside it.
    context.flushComments();
    const renamedRedactions = new Set<unknown>();
    for (const scope of plans.flatMap(({ plan }) => plan.scopes)) {
      for (const { node, member } of legacyRedactions(context, scope)) {
        if (renamedRedactions.has(node)) continue;
        renamedRedactions.add(node);
        edits.replace(node.getStart(), node.getEnd(), `${context.v2('RedactionType')}.${member}`);
      }
    }
    const ordered = [...plans].sort((a, b) => a.plan.call.getWidth() - b.plan.call.getWidth());
    for (const { plan, receiver, loose } of ordered) {
      replaceWith(context, plan.call, plan.render(receiver(), loose));
      context.report.rewritten.push({ line: context.lineOf(plan.call), method: plan.method });
    }
    for (const finish of finishers) finish();
    context.report.rewritten.sort((a, b) => a.line - b.line);
    context.report.left.sort((a, b) => a.line - b.line);

    if (edits.size === 0) return { text, report: context.report };
    // The legacy names in use before: the ones the rewrite may leave unused (others are not the codemod's to remove).
    const usedBefore = new Set(
      legacy.list.filter((binding) => context.referencesOf(binding.symbol, binding.name.getText(), binding.name).length > 0).map((binding) => binding.name.getText()),
    );
    const rewritten = edits.apply();
    const settled = settleImports(tsm, project.createSourceFile(path, rewritten, { overwrite: true }), rewritten, usedBefore);
    // The printer breaks lines with \n; a file written with \r\n keeps them.
    return { text: format.newline === '\r\n' ? settled.replace(/\r?\n/g, '\r\n') : settled, report: context.report };
  } finally {
    project.getSourceFile(path)?.forget();
  }
}

/**
 * Plans the rewrite of one client and its calls. Returns what writes the v2
 * client once the calls are written (the builder in place of the legacy
 * client, or a companion next to it).
 */
function planClient(
  context: FileContext,
  client: LegacyClient,
  allowed: (method: string) => boolean,
  known: Set<CallExpression>,
  plans: Array<{ plan: CallPlan; receiver: () => string; loose: boolean }>,
): (() => void) | undefined {
  const mine: CallPlan[] = [];
  // What keeps the legacy client: calls left as they are, uses as a value.
  const keep: string[] = [];
  const isExported = exported(context, client);
  if (isExported !== undefined) {
    context.note(client.site, isExported);
    keep.push('other modules');
  }
  for (const use of usesOf(context, client)) {
    if (use.kind === 'value') {
      context.left(use.node, 'init', use.reason);
      keep.push(use.label);
      continue;
    }
    known.add(use.call);
    const { method, call } = use;
    if (!isClientMethod(method)) {
      // close() means the same on both clients.
      if (method === 'close') continue;
      keep.push(`${method}()`);
      context.note(call, `${method}() of the skyflow-bridge/v1 client has no v2 counterpart: this client stays on v1`);
      continue;
    }
    if (!allowed(method)) {
      keep.push(`${method}()`);
      continue;
    }
    const refused = refusal(method);
    if (refused !== undefined || !isRewritable(method)) {
      context.left(call, method, refused ?? 'the codemod has no rewrite for it');
      keep.push(`${method}()`);
      continue;
    }
    const plan = planCall(context, call, method as RewritableMethod);
    if ('reason' in plan) {
      context.left(call, method, plan.reason);
      keep.push(`${method}()`);
      continue;
    }
    mine.push(plan);
  }
  const stays = keep.length > 0;
  if (stays && mine.length === 0) return undefined;

  const config = planConfig(context, client, stays);
  if (typeof config === 'string') {
    context.left(client.site, 'init', config);
    for (const plan of mine) context.left(plan.call, plan.method, `its client cannot be rewritten (${config})`);
    return undefined;
  }
  for (const plan of mine) context.comment(plan.call, WRAPPER_COMMENT(plan.wrapper));
  const logLevel = legacyLogLevel(context);
  const name = client.name.getText();
  const companion = stays ? context.freeName(`${name}V2`) : name;
  // skyflow-node@1 typed its results any or unknown; the v1 shapes the wrappers give are precise, and could fail code that type-checked.
  const loose = TYPESCRIPT.test(context.file.getFilePath()) && context.legacy.moduleOf(client.site.getExpression()) === 'skyflow-node';
  for (const plan of mine) plans.push({ plan, receiver: () => companion, loose });
  if (loose && mine.length > 0) {
    context.note(client.site, "skyflow-node@1 typed its results any or unknown, so the rewritten calls' results are typed Promise<any>; drop `as Promise<any>` with the wrapper");
  }
  const dropped = config.parts.dropped;
  if (dropped.length > 0) context.note(client.site, `v1 options not carried over to the v2 client: ${dropped.join('; ')}`);
  if (logLevel !== undefined) context.note(client.site, `the v1 log level set at line ${context.lineOf(logLevel.call)} (${logLevel.level}) is set on the v2 client too`);

  return () => {
    config.prepare();
    const builder = builderDoc(context, config.parts, logLevel?.level);
    if (!stays) {
      replaceWith(context, client.site, builder);
      context.report.rewritten.push({ line: context.lineOf(client.site), method: 'init' });
      return;
    }
    // The v1 client stays for the uses that need it; a v2 client made from the same config serves the rewritten calls.
    const statement = statementOf(context.tsm, client.declaration);
    const indent = lineIndent(context.text, statement.getStart());
    const { format } = context;
    const head = `const ${companion} = `;
    const body = print(builder, indent, indent.length + head.length, format, format.semicolon.length);
    const comment = `// skyflow-bridge: v2 client for the rewritten calls; ${name} stays on v1 for ${list(unique(keep))}`;
    context.edits.insert(statement.getEnd(), `${format.newline}${indent}${comment}${format.newline}${indent}${head}${body}${format.semicolon}`);
    context.note(client.site, `${name} stays a v1 client for ${list(unique(keep))}; ${companion}, made from the same config, serves the rewritten calls`);
  };
}

/**
 * Calls shaped like legacy calls (`x.insert({ records: … })`,
 * `x.invokeConnection({ connectionURL … })`) on something the codemod did not
 * see made: left with a TODO, since nothing proves what `x` is.
 */
function flagUnknownClients(context: FileContext, known: ReadonlySet<CallExpression>, allowed: (method: string) => boolean): void {
  const { Node, SyntaxKind } = context.tsm;
  for (const call of context.file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    if (known.has(call)) continue;
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) continue;
    const method = callee.getName();
    if (!isClientMethod(method) || !allowed(method)) continue;
    const [first] = call.getArguments();
    const input = first === undefined ? undefined : unwrap(context, first);
    if (!Node.isObjectLiteralExpression(input)) continue;
    const key = method === 'invokeConnection' ? 'connectionURL' : 'records';
    if (input.getProperty(key) === undefined) continue;
    context.left(call, method, 'the object it is called on is not a client the codemod saw made (Skyflow.init or new Client in this file)');
  }
}

function replaceWith(context: FileContext, node: { getStart(): number; getEnd(): number }, doc: Doc): void {
  const start = node.getStart();
  const indent = lineIndent(context.text, start);
  const text = print(doc, indent, columnOf(context.text, start), context.format, restOfLine(context.text, node.getEnd()));
  context.edits.replace(start, node.getEnd(), text);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** `a`, `a and b`, `a, b and c`. */
function list(values: readonly string[]): string {
  return values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} and ${values[values.length - 1]}`;
}
