// The names a file binds to the legacy SDK — `import { Skyflow as S } from
// 'skyflow-node'`, `import * as sky from …`, `const { Skyflow } =
// require('skyflow-bridge/v1')`, `const sky = require(…)` — and what any
// expression of the file means in terms of that SDK (`S.init` is
// `Skyflow.init`, `sky.Skyflow.RedactionType.MASKED` is
// `Skyflow.RedactionType.MASKED`). Names are matched by symbol, so a local
// variable that shadows an import is not taken for it.
import type { Identifier, Node, SourceFile, Symbol as TsSymbol } from 'ts-morph';
import type { TsMorph } from './load-ts-morph.js';

/** The module names of skyflow-node@1 and its drop-in replacement. */
export const LEGACY_MODULES: readonly string[] = ['skyflow-node', 'skyflow-bridge/v1'];

export interface LegacyBinding {
  /** The local name. */
  readonly name: Identifier;
  readonly symbol: TsSymbol;
  /** What it is in the module: '' for the module itself, else an export name (`Skyflow`, `Client`, `setLogLevel`). */
  readonly exportPath: string;
  /** The import or require statement. */
  readonly statement: Node;
  /** The module it comes from (one of LEGACY_MODULES). */
  readonly module: string;
  /** The node whose removal drops just this binding: its import specifier, name, binding element or declaration. */
  readonly declaration: Node;
  readonly format: 'esm' | 'cjs';
}

export class LegacyBindings {
  readonly #tsm: TsMorph;
  readonly #bySymbol = new Map<TsSymbol, LegacyBinding>();
  readonly list: LegacyBinding[] = [];

  constructor(tsm: TsMorph, file: SourceFile) {
    this.#tsm = tsm;
    const { Node } = tsm;
    for (const statement of file.getStatements()) {
      if (Node.isImportDeclaration(statement)) {
        const module = statement.getModuleSpecifierValue();
        if (!LEGACY_MODULES.includes(module) || statement.isTypeOnly()) continue;
        const defaultImport = statement.getDefaultImport();
        if (defaultImport) this.#add(defaultImport, '', statement, defaultImport, module, 'esm');
        const namespace = statement.getNamespaceImport();
        if (namespace) this.#add(namespace, '', statement, namespace, module, 'esm');
        for (const specifier of statement.getNamedImports()) {
          if (specifier.isTypeOnly()) continue;
          const local = specifier.getAliasNode() ?? specifier.getNameNode();
          if (Node.isIdentifier(local)) this.#add(local, specifier.getName(), statement, specifier, module, 'esm');
        }
      } else if (Node.isVariableStatement(statement)) {
        for (const declaration of statement.getDeclarations()) {
          const base = requiredPath(tsm, declaration.getInitializer());
          const module = requiredModule(tsm, declaration.getInitializer());
          if (base === undefined || module === undefined) continue;
          const name = declaration.getNameNode();
          if (Node.isIdentifier(name)) {
            this.#add(name, base, statement, declaration, module, 'cjs');
          } else if (Node.isObjectBindingPattern(name)) {
            for (const element of name.getElements()) {
              const local = element.getNameNode();
              if (!Node.isIdentifier(local) || element.getDotDotDotToken()) continue;
              const exported = element.getPropertyNameNode()?.getText() ?? local.getText();
              this.#add(local, base === '' ? exported : `${base}.${exported}`, statement, element, module, 'cjs');
            }
          }
        }
      }
    }
  }

  #add(name: Identifier, exportPath: string, statement: Node, declaration: Node, module: string, format: 'esm' | 'cjs'): void {
    const symbol = name.getSymbol();
    if (!symbol) return;
    const binding: LegacyBinding = { name, symbol, exportPath, statement, declaration, module, format };
    this.#bySymbol.set(symbol, binding);
    this.list.push(binding);
  }

  /** The legacy binding `identifier` refers to, if any. */
  bindingOf(identifier: Node): LegacyBinding | undefined {
    const symbol = identifier.getSymbol();
    return symbol === undefined ? undefined : this.#bySymbol.get(symbol);
  }

  /** What `expression` is in the legacy SDK (`Skyflow.init`, `Client`, '' for the module), or undefined when it is not from it. */
  pathOf(expression: Node | undefined): string | undefined {
    const { Node } = this.#tsm;
    if (expression === undefined) return undefined;
    if (Node.isParenthesizedExpression(expression)) return this.pathOf(expression.getExpression());
    if (Node.isIdentifier(expression)) return this.bindingOf(expression)?.exportPath;
    if (Node.isPropertyAccessExpression(expression)) {
      const base = this.pathOf(expression.getExpression());
      if (base === undefined) return undefined;
      return base === '' ? expression.getName() : `${base}.${expression.getName()}`;
    }
    return requiredPath(this.#tsm, expression);
  }

  /** The legacy module `expression` comes from (`S.init` → 'skyflow-node' for S imported from it). */
  moduleOf(expression: Node): string | undefined {
    const { Node } = this.#tsm;
    if (Node.isParenthesizedExpression(expression) || Node.isPropertyAccessExpression(expression)) return this.moduleOf(expression.getExpression());
    if (Node.isIdentifier(expression)) return this.bindingOf(expression)?.module;
    return requiredModule(this.#tsm, expression);
  }

  /** The member of the legacy `RedactionType` that `expression` names (`Skyflow.RedactionType.MASKED` → MASKED). */
  redactionMember(expression: Node): string | undefined {
    const path = this.pathOf(expression);
    const match = path === undefined ? null : /^(?:Skyflow\.)?RedactionType\.(DEFAULT|PLAIN_TEXT|MASKED|REDACTED)$/.exec(path);
    return match?.[1];
  }
}

/** '' for `require('<legacy>')`, `Skyflow` for `require('<legacy>').Skyflow`; undefined for anything else. */
function requiredPath(tsm: TsMorph, expression: Node | undefined): string | undefined {
  const { Node } = tsm;
  if (expression === undefined) return undefined;
  if (Node.isPropertyAccessExpression(expression)) {
    const base = requiredPath(tsm, expression.getExpression());
    if (base === undefined) return undefined;
    return base === '' ? expression.getName() : `${base}.${expression.getName()}`;
  }
  if (!Node.isCallExpression(expression)) return undefined;
  const callee = expression.getExpression();
  const [argument] = expression.getArguments();
  if (!Node.isIdentifier(callee) || callee.getText() !== 'require' || expression.getArguments().length !== 1) return undefined;
  return Node.isStringLiteral(argument) && LEGACY_MODULES.includes(argument.getLiteralValue()) ? '' : undefined;
}

/** The legacy module `require('<legacy>')…` loads. */
function requiredModule(tsm: TsMorph, expression: Node | undefined): string | undefined {
  const { Node } = tsm;
  if (expression === undefined) return undefined;
  if (Node.isPropertyAccessExpression(expression)) return requiredModule(tsm, expression.getExpression());
  if (!Node.isCallExpression(expression) || requiredPath(tsm, expression) === undefined) return undefined;
  const [argument] = expression.getArguments();
  return Node.isStringLiteral(argument) ? argument.getLiteralValue() : undefined;
}
