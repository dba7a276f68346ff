// Reading the mapping table: the names a legacy path becomes, and the general
// form of each v2 call, written from the renames (so that a rename in the
// table changes every text built from it). Pure functions of the table passed
// in; the table itself is v1-to-v2.ts.
import type { HelperMapping, MethodMapping, Rename } from './v1-to-v2.js';

/** The rename of a legacy path, if the table has one. */
export function renameOf(mapping: { readonly renames: readonly Rename[] }, from: string): Rename | undefined {
  return mapping.renames.find((rename) => rename.from === from);
}

/** The v2 path of a legacy path, one name per level (`[]` dropped); throws when the table has no such rename. */
export function v2PathOf(mapping: { readonly renames: readonly Rename[] }, from: string): string[] {
  const rename = renameOf(mapping, from);
  if (rename === undefined) throw new Error(`the mapping has no rename of ${from}`);
  return pathNames(rename.to);
}

/** The v2 name of a legacy path: the last level of its v2 path. */
export function v2NameOf(mapping: { readonly renames: readonly Rename[] }, from: string): string {
  return v2PathOf(mapping, from).at(-1)!;
}

/** The last name of a path: `records[].fields` → `fields`. */
export function lastName(path: string): string {
  return pathNames(path).at(-1)!;
}

function pathNames(path: string): string[] {
  return path.split('.').map((part) => (part.endsWith('[]') ? part.slice(0, -2) : part));
}

/** The receiver of a v2 call: `skyflow.vault(<id>)` or `skyflow.connection(<id>)`. */
export function receiverOf(mapping: MethodMapping, id: string): string {
  return `skyflow.${mapping.receiver}(${id})`;
}

/** `skyflow.vault(vaultId).insertBatch(new BatchInsertRequest({ records: [{ table, fields, upsert }], … }))`: the general form of a mapping's v2 call. */
export function generalV2Call(mapping: MethodMapping): string {
  const shape = shapeOf(mapping.renames, mapping.fixedSettings);
  if (mapping.receiver === undefined || mapping.requestClass === undefined) return mapping.v2Method.replace('…', shape);
  const id = mapping.receiver === 'vault' ? 'vaultId' : 'connectionId';
  return `${receiverOf(mapping, id)}.${mapping.v2Method}(new ${mapping.requestClass}(${shape}))`;
}

/** The call to make instead of a module helper, with its options written from the renames. */
export function helperCall(helper: HelperMapping): string {
  return helper.v2Call.replace('…', shapeOf(helper.renames, []));
}

/**
 * What a warning names as a helper's replacement in skyflow-bridge/v2; a
 * helper only skyflow-bridge/v1 has says so, rather than naming a v2 call that
 * does not exist.
 */
export function helperV2Call(helper: HelperMapping): string {
  const call = helperCall(helper);
  return helper.module === 'skyflow-bridge/v1' ? `none yet, keep ${call} from skyflow-bridge/v1` : call;
}

/** What a person rewriting a call must know: the renamed names, the changed defaults, the notes. */
export function notesOf(mapping: { readonly renames: readonly Rename[]; readonly notes: readonly string[]; readonly defaults?: MethodMapping['defaults'] }): string[] {
  const renamed = mapping.renames
    .filter((rename) => lastName(rename.from) !== lastName(rename.to) || rename.note !== undefined)
    .map((rename) => `${rename.from} → ${rename.to}${rename.note === undefined ? '' : ` (${rename.note})`}`);
  const defaults = (mapping.defaults ?? []).map(
    (change) => `${change.option}: ${change.v1} by default in v1, ${change.v2} in v2 (${change.keepV1} keeps v1 behaviour)`,
  );
  return [...renamed, ...defaults, ...mapping.notes];
}

// --- the shape of a request, from the renames' v2 paths --------------------------

interface ShapeNode {
  readonly name: string;
  readonly array: boolean;
  /** The legacy name, for `ids: [id]` and `...fields`. */
  readonly element: string;
  readonly children: ShapeNode[];
}

/** `{ records: [{ table, fields }], returnTokens }` for the request paths of the renames, then the fixed settings. */
export function shapeOf(renames: readonly Rename[], fixedSettings: readonly string[]): string {
  const root: ShapeNode[] = [];
  for (const rename of renames) {
    // A name of the connection config is not on the request.
    if (rename.inConfig) continue;
    let level = root;
    for (const part of rename.to.split('.')) {
      const name = part.endsWith('[]') ? part.slice(0, -2) : part;
      let node = level.find((candidate) => candidate.name === name);
      if (node === undefined) {
        node = { name, array: part.endsWith('[]'), element: lastName(rename.from), children: [] };
        level.push(node);
      }
      level = node.children;
    }
  }
  return `{ ${[...root.map(render), ...fixedSettings].join(', ')} }`;
}

function render(node: ShapeNode): string {
  if (node.name === '*') return `...${node.element}`;
  if (node.children.length === 0) return node.array ? `${node.name}: [${node.element}]` : node.name;
  const inner = `{ ${node.children.map(render).join(', ')} }`;
  return `${node.name}: ${node.array ? `[${inner}]` : inner}`;
}
