// The second pass over a rewritten file: drop the legacy names nothing uses
// any more, choose a local name for each v2 and migrate export the new code
// uses (the export's own name, or an alias when the file already has that
// name — a `Skyflow` still imported from skyflow-node for a client left on
// v1), write the imports or requires in the file's style, and put the chosen
// names in place of the placeholders.
import type { Node, SourceFile } from 'ts-morph';
import { FileContext, isName } from './context.js';
import { MIGRATE_MODULE, PLACEHOLDER, V2_MODULE, moduleOfPlaceholder, type ImportModule } from './placeholders.js';
import { TextEdits } from './edits.js';
import { LegacyBindings, type LegacyBinding } from './legacy-bindings.js';
import type { TsMorph } from './load-ts-morph.js';
import { concat, object, print } from './printer.js';
import { sourceFormat } from './source-format.js';

// The order names are listed in an import: the client, the requests, the enums.
const ORDER = [
  'Skyflow',
  'BatchInsertRequest',
  'InsertRequest',
  'GetRequest',
  'UpdateRequest',
  'DeleteRequest',
  'DetokenizeRequest',
  'RedactionType',
  'LogLevel',
  'toV1InsertResult',
  'toV1DetokenizeResult',
  'toV1GetResult',
  'toV1UpdateResult',
  'toV1DeleteResult',
];

/**
 * `text` with its imports settled and placeholders replaced; `file` is `text`
 * parsed. Of the legacy names, only those in `usedBefore` (used before the
 * rewrite) are removed when nothing uses them any more.
 */
export function settleImports(tsm: TsMorph, file: SourceFile, text: string, usedBefore: ReadonlySet<string>): string {
  const needs = new Map<ImportModule, string[]>([
    [V2_MODULE, []],
    [MIGRATE_MODULE, []],
  ]);
  for (const [, kind, name] of text.matchAll(PLACEHOLDER)) {
    const list = needs.get(moduleOfPlaceholder(kind!))!;
    if (!list.includes(name!)) list.push(name!);
  }
  const legacy = new LegacyBindings(tsm, file);
  const edits = new TextEdits(text);
  const firstLegacy = legacy.list[0];
  const format = sourceFormat(text, firstLegacy?.statement.getText());
  const context = new FileContext({ tsm, file, text, edits, format, legacy });

  // Legacy names left without a use.
  const unused = new Set(
    legacy.list.filter(
      (binding) => usedBefore.has(binding.name.getText()) && context.referencesOf(binding.symbol, binding.name.getText(), binding.name).length === 0,
    ),
  );
  const removedStatements = removeUnused(context, legacy.list, unused);

  // A name for each needed export; existing imports of the module are reused.
  // Names still in the file once the unused legacy names are gone.
  const removed = [...unused].map((binding) => binding.declaration);
  const isRemoved = (identifier: Node) => removed.some((node) => node === identifier || identifier.getAncestors().includes(node));
  const used = new Set(context.identifiers().filter((identifier) => isName(tsm, identifier) && !isRemoved(identifier)).map((identifier) => identifier.getText()));
  const chosen = new Map<string, string>();
  const additions = new Map<ImportModule, Array<{ name: string; local: string }>>();
  for (const [module, names] of needs) {
    const existing = existingImport(tsm, file, module);
    const sorted = [...names].sort((a, b) => rank(a) - rank(b));
    for (const name of sorted) {
      const known = existing?.names.get(name);
      if (known !== undefined) {
        chosen.set(`${module}:${name}`, known);
        continue;
      }
      // A name the file already has gets an alias: SkyflowV2 (next to a v1 Skyflow), then a number.
      const base = module === V2_MODULE ? `${name}V2` : name;
      let local = name;
      for (let index = 1; used.has(local); index++) local = index === 1 ? base : `${base}_${index}`;
      used.add(local);
      chosen.set(`${module}:${name}`, local);
      additions.set(module, [...(additions.get(module) ?? []), { name, local }]);
    }
  }

  // Where new imports go: in place of the first legacy statement removed, else after the first legacy statement.
  const esm = firstLegacy === undefined ? file.getImportDeclarations().length > 0 || !/\brequire\(/.test(text) : firstLegacy.format === 'esm';
  const anchor = firstLegacy?.statement;
  const lines: string[] = [];
  for (const [module, added] of additions) {
    if (added.length === 0) continue;
    const existing = existingImport(tsm, file, module);
    if (existing !== undefined) {
      extendImport(context, existing.statement, added, esm);
      continue;
    }
    lines.push(importText(context, module, added, esm));
  }
  if (lines.length > 0) {
    const block = lines.join(format.newline);
    if (anchor !== undefined && removedStatements.has(anchor)) {
      edits.replace(anchor.getStart(), anchor.getEnd(), block);
    } else if (anchor !== undefined) {
      edits.insert(anchor.getEnd(), format.newline + block);
    } else {
      edits.insert(0, block + format.newline);
    }
  }
  for (const statement of removedStatements) {
    if (statement === anchor && lines.length > 0) continue;
    removeStatement(context, statement);
  }
  return edits.apply().replace(PLACEHOLDER, (_all, kind: string, name: string) => chosen.get(`${moduleOfPlaceholder(kind)}:${name}`) ?? name);
}

function rank(name: string): number {
  const index = ORDER.indexOf(name);
  return index === -1 ? ORDER.length : index;
}

/** Removes the unused bindings; returns the statements left with nothing (to remove whole, or to put the new imports in). */
function removeUnused(context: FileContext, bindings: readonly LegacyBinding[], unused: ReadonlySet<LegacyBinding>): Set<Node> {
  const { Node } = context.tsm;
  const emptied = new Set<Node>();
  const statements = [...new Set(bindings.map((binding) => binding.statement))];
  for (const statement of statements) {
    const mine = bindings.filter((binding) => binding.statement === statement);
    const gone = mine.filter((binding) => unused.has(binding));
    if (gone.length === 0) continue;
    if (Node.isImportDeclaration(statement)) {
      const keptNamed = statement.getNamedImports().filter((specifier) => !gone.some((binding) => binding.declaration === specifier));
      const defaultImport = statement.getDefaultImport();
      const keepDefault = defaultImport !== undefined && !gone.some((binding) => binding.name === defaultImport);
      const namespace = statement.getNamespaceImport();
      const keepNamespace = namespace !== undefined && !gone.some((binding) => binding.name === namespace);
      if (keptNamed.length === 0 && !keepDefault && !keepNamespace) {
        emptied.add(statement);
        continue;
      }
      const clause = [
        ...(keepDefault ? [defaultImport!.getText()] : []),
        ...(keepNamespace ? [`* as ${namespace!.getText()}`] : []),
        ...(keptNamed.length > 0 ? [`{ ${keptNamed.map((specifier) => specifier.getText()).join(', ')} }`] : []),
      ].join(', ');
      const specifier = statement.getModuleSpecifier();
      context.edits.replace(statement.getStart(), specifier.getStart(), `import ${clause} from `);
    } else if (Node.isVariableStatement(statement)) {
      const declarations = statement.getDeclarations();
      const keptDeclarations = declarations.flatMap((declaration) => {
        const name = declaration.getNameNode();
        if (Node.isIdentifier(name)) return gone.some((binding) => binding.declaration === declaration) ? [] : [declaration.getText()];
        if (!Node.isObjectBindingPattern(name)) return [declaration.getText()];
        const elements = name.getElements().filter((element) => !gone.some((binding) => binding.declaration === element));
        if (elements.length === 0) return [];
        return [`{ ${elements.map((element) => element.getText()).join(', ')} } = ${declaration.getInitializer()?.getText() ?? ''}`];
      });
      if (keptDeclarations.length === 0) {
        emptied.add(statement);
        continue;
      }
      const list = statement.getDeclarationList();
      context.edits.replace(list.getStart(), list.getEnd(), `${list.getDeclarationKind()} ${keptDeclarations.join(', ')}`);
    }
  }
  return emptied;
}

/** Removes a statement and the line break after it. */
function removeStatement(context: FileContext, statement: Node): void {
  const { text, edits } = context;
  const start = statement.getStart();
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const onlyIndent = /^[ \t]*$/.test(text.slice(lineStart, start));
  let end = statement.getEnd();
  const after = /^[ \t]*\r?\n/.exec(text.slice(end));
  if (onlyIndent && after) end += after[0].length;
  edits.replace(onlyIndent ? lineStart : start, end, '');
}

/** An import or require of `module` already in the file, with its local names. */
function existingImport(tsm: TsMorph, file: SourceFile, module: ImportModule): { statement: Node; names: Map<string, string> } | undefined {
  const { Node } = tsm;
  for (const statement of file.getStatements()) {
    if (Node.isImportDeclaration(statement) && statement.getModuleSpecifierValue() === module && !statement.isTypeOnly() && statement.getNamespaceImport() === undefined) {
      const named = statement.getNamedImports();
      // An import without braces cannot take more names: a new one is added instead.
      if (named.length === 0) continue;
      const names = new Map(named.filter((specifier) => !specifier.isTypeOnly()).map((specifier) => [specifier.getName(), specifier.getAliasNode()?.getText() ?? specifier.getName()] as const));
      return { statement, names };
    }
    if (Node.isVariableStatement(statement)) {
      for (const declaration of statement.getDeclarations()) {
        const initializer = declaration.getInitializer();
        const name = declaration.getNameNode();
        if (
          Node.isCallExpression(initializer) &&
          initializer.getExpression().getText() === 'require' &&
          initializer.getArguments()[0]?.getText().slice(1, -1) === module &&
          Node.isObjectBindingPattern(name) &&
          name.getElements().length > 0 &&
          statement.getDeclarations().length === 1
        ) {
          const names = new Map(name.getElements().map((element) => [element.getPropertyNameNode()?.getText() ?? element.getName(), element.getName()] as const));
          return { statement, names };
        }
      }
    }
  }
  return undefined;
}

function specifierText(entry: { name: string; local: string }, esm: boolean): string {
  if (entry.name === entry.local) return entry.name;
  return esm ? `${entry.name} as ${entry.local}` : `${entry.name}: ${entry.local}`;
}

function importText(context: FileContext, module: ImportModule, added: ReadonlyArray<{ name: string; local: string }>, esm: boolean): string {
  const { format } = context;
  const names = object(added.map((entry) => specifierText(entry, esm)));
  const from = `${format.quote}${module}${format.quote}`;
  const doc = esm ? concat('import ', names, ` from ${from}${format.semicolon}`) : concat('const ', names, ` = require(${from})${format.semicolon}`);
  return print(doc, '', 0, format);
}

function extendImport(context: FileContext, statement: Node, added: ReadonlyArray<{ name: string; local: string }>, esm: boolean): void {
  const { Node } = context.tsm;
  const extra = added.map((entry) => specifierText(entry, esm));
  if (Node.isImportDeclaration(statement)) {
    const named = statement.getNamedImports();
    const last = named[named.length - 1];
    if (last !== undefined) context.edits.insert(last.getEnd(), `, ${extra.join(', ')}`);
    return;
  }
  if (Node.isVariableStatement(statement)) {
    const pattern = statement.getDeclarations()[0]!.getNameNode();
    if (Node.isObjectBindingPattern(pattern)) {
      const elements = pattern.getElements();
      const last = elements[elements.length - 1];
      if (last !== undefined) context.edits.insert(last.getEnd(), `, ${extra.join(', ')}`);
    }
  }
}
