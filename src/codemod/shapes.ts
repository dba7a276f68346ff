// What can be known statically about an argument of a legacy call: the keys
// of an object literal, the value a `const` holds, whether an expression can
// be written twice in the rewritten code without changing what it does.
import type { Node, ObjectLiteralExpression } from 'ts-morph';
import type { FileContext } from './context.js';

/** An object literal's properties by name, each with its value (a shorthand `{ id }` has the name as value). */
export type ObjectShape = ReadonlyMap<string, Node>;

/** The shape of an object literal; a string naming what cannot be known (spread, computed key, method, accessor). */
export function readObject(context: FileContext, literal: ObjectLiteralExpression): ObjectShape | string {
  const { Node } = context.tsm;
  const shape = new Map<string, Node>();
  for (const property of literal.getProperties()) {
    if (Node.isSpreadAssignment(property)) return 'a spread (...) in the input';
    if (Node.isShorthandPropertyAssignment(property)) {
      shape.set(property.getName(), property.getNameNode());
      continue;
    }
    if (!Node.isPropertyAssignment(property)) return `a method or accessor (${property.getKindName()}) in the input`;
    const name = property.getNameNode();
    if (Node.isComputedPropertyName(name)) return 'a computed key in the input';
    const key = Node.isStringLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name) ? name.getLiteralValue() : name.getText();
    shape.set(key, property.getInitializerOrThrow());
  }
  return shape;
}

/** `node` without parentheses and type assertions around it. */
export function unwrap(context: FileContext, node: Node): Node {
  const { Node } = context.tsm;
  let current = node;
  while (
    Node.isParenthesizedExpression(current) ||
    Node.isAsExpression(current) ||
    Node.isSatisfiesExpression(current) ||
    Node.isTypeAssertion(current) ||
    Node.isNonNullExpression(current)
  ) {
    current = current.getExpression();
  }
  return current;
}

/**
 * Whether writing `node` twice evaluates to the same thing with no effect:
 * names, literals, property reads of those, arrays and templates of those.
 * (A getter that does something on read is not guarded against.)
 */
export function duplicable(context: FileContext, node: Node): boolean {
  const { Node, SyntaxKind } = context.tsm;
  const inner = unwrap(context, node);
  if (
    Node.isIdentifier(inner) ||
    Node.isStringLiteral(inner) ||
    Node.isNumericLiteral(inner) ||
    Node.isNoSubstitutionTemplateLiteral(inner) ||
    Node.isTrueLiteral(inner) ||
    Node.isFalseLiteral(inner) ||
    Node.isNullLiteral(inner) ||
    inner.getKind() === SyntaxKind.ThisKeyword
  ) {
    return true;
  }
  if (Node.isPropertyAccessExpression(inner)) return duplicable(context, inner.getExpression());
  if (Node.isElementAccessExpression(inner)) {
    const index = inner.getArgumentExpression();
    return index !== undefined && duplicable(context, inner.getExpression()) && duplicable(context, index);
  }
  if (Node.isArrayLiteralExpression(inner)) return inner.getElements().every((element) => !Node.isSpreadElement(element) && duplicable(context, element));
  if (Node.isTemplateExpression(inner)) return inner.getTemplateSpans().every((span) => duplicable(context, span.getExpression()));
  if (Node.isPrefixUnaryExpression(inner)) return Node.isNumericLiteral(inner.getOperand());
  return false;
}

/**
 * The object literal a `const` holds, when `identifier` names one that nothing
 * can have changed: every other use of it is an argument of a legacy client
 * method call (which reads it and does not change it).
 */
export function constObject(context: FileContext, identifier: Node): ObjectLiteralExpression | undefined {
  const initializer = constInitializer(context, identifier, (use) => isLegacyCallArgument(context, use));
  if (initializer === undefined) return undefined;
  const literal = unwrap(context, initializer);
  return context.tsm.Node.isObjectLiteralExpression(literal) ? literal : undefined;
}

/** What `const identifier = …` was initialised with, if every other use of it passes `allowed`. */
export function constInitializer(context: FileContext, identifier: Node, allowed: (use: Node) => boolean): Node | undefined {
  const { Node } = context.tsm;
  if (!Node.isIdentifier(identifier)) return undefined;
  const symbol = identifier.getSymbol();
  const declaration = symbol?.getDeclarations()[0];
  if (symbol === undefined || !Node.isVariableDeclaration(declaration)) return undefined;
  const list = declaration.getParent();
  if (!Node.isVariableDeclarationList(list) || list.getDeclarationKind() !== 'const') return undefined;
  const name = declaration.getNameNode();
  if (!Node.isIdentifier(name)) return undefined;
  const initializer = declaration.getInitializer();
  if (initializer === undefined) return undefined;
  const uses = context.referencesOf(symbol, name.getText(), name);
  return uses.every(allowed) ? initializer : undefined;
}

const CALLED_METHODS = new Set(['insert', 'detokenize', 'get', 'getById', 'update', 'delete', 'invokeConnection', 'init']);

function isLegacyCallArgument(context: FileContext, use: Node): boolean {
  const { Node } = context.tsm;
  const call = use.getParent();
  if (!Node.isCallExpression(call) && !Node.isNewExpression(call)) return false;
  if (!(call.getArguments() as Node[]).includes(use)) return false;
  const callee = call.getExpression();
  if (Node.isNewExpression(call)) return ['Client', 'Skyflow'].includes(context.legacy.pathOf(callee) ?? '');
  return Node.isPropertyAccessExpression(callee) && CALLED_METHODS.has(callee.getName());
}

/** A boolean literal's value; undefined for `undefined` and a missing node; 'unknown' for anything else. */
export function booleanOf(context: FileContext, node: Node | undefined): boolean | undefined | 'unknown' {
  const { Node } = context.tsm;
  if (node === undefined) return undefined;
  const inner = unwrap(context, node);
  if (Node.isTrueLiteral(inner)) return true;
  if (Node.isFalseLiteral(inner)) return false;
  if (Node.isIdentifier(inner) && inner.getText() === 'undefined') return undefined;
  return 'unknown';
}

/** A string literal's value, or undefined. */
export function stringOf(context: FileContext, node: Node | undefined): string | undefined {
  const { Node } = context.tsm;
  if (node === undefined) return undefined;
  const inner = unwrap(context, node);
  return Node.isStringLiteral(inner) || Node.isNoSubstitutionTemplateLiteral(inner) ? inner.getLiteralValue() : undefined;
}

/** Whether `identifier` is the only use of the variable it names. */
export function isOnlyUse(context: FileContext, identifier: Node): boolean {
  const symbol = identifier.getSymbol();
  const declaration = symbol?.getDeclarations()[0];
  const name = context.tsm.Node.isVariableDeclaration(declaration) ? declaration.getNameNode() : undefined;
  return symbol !== undefined && name !== undefined && context.referencesOf(symbol, identifier.getText(), name).length === 1;
}
