// docs/v1-to-v2.md, written from the mapping table. `npm run docs:mapping`
// writes it; tests/adapter/mapping.test.ts fails when the committed file is
// not what the table gives. Pure: a copy of the table gives its own page.
import { LEGACY_METHODS } from '../deprecation/legacy-methods.js';
import { V1_HELPERS_TO_V2, V1_TO_V2, type CodemodSupport, type HelperTable, type LegacyClientMethod, type LegacyHelper, type MethodMapping, type MethodTable, type Rename } from './v1-to-v2.js';
import { generalV2Call, helperCall, lastName } from './v2-call.js';

/** Where the page is written, from the package root. */
export const MAPPING_DOC_PATH = 'docs/v1-to-v2.md';

/** The Markdown of docs/v1-to-v2.md for a mapping table. */
export function renderMappingDoc(methods: MethodTable = V1_TO_V2, helpers: HelperTable = V1_HELPERS_TO_V2): string {
  const names = Object.keys(methods) as LegacyClientMethod[];
  const helperNames = Object.keys(helpers) as LegacyHelper[];
  const lines = [
    '<!-- Generated from src/adapter/mapping/v1-to-v2.ts by `npm run docs:mapping`: edit the table, not this page. -->',
    '',
    '# From skyflow-node@1 to skyflow-bridge/v2, call by call',
    '',
    'One table in the source, `src/adapter/mapping/v1-to-v2.ts`, says how each legacy call maps onto the v2 API.',
    'The same table writes the replacement that each `skyflow-bridge/v1` deprecation warning names (from the',
    "call's own arguments), drives `npx skyflow-bridge codemod`, and generates this page, so the three agree.",
    '',
    'Paths: `a.b` is a field of an object, `a[]` the elements of an array, and `*` each key of the legacy object,',
    'spread there.',
    '',
    '## Client methods',
    '',
    table(
      ['Legacy call', 'Warning code', 'Replaced by', 'v2 requests', 'v1-shape wrapper', 'Codemod'],
      names.map((name) => {
        const mapping = methods[name];
        return [
          code(name),
          code(LEGACY_METHODS[name].code),
          code(shortCall(mapping)),
          mapping.requestClass === undefined ? '—' : mapping.perRecord ? 'one per record' : 'one per call',
          mapping.wrapper === undefined ? '—' : code(mapping.wrapper),
          mapping.codemod.rewrite ? 'rewrites' : 'by hand',
        ];
      }),
    ),
    '',
    'The wrappers come from `skyflow-bridge/migrate`: each takes the promise of the v2 call(s) and settles exactly',
    'as the legacy call did, so the code reading the result keeps working until it is moved to the v2 response.',
    ...names.flatMap((name) => methodSection(name, methods[name])),
    '',
    '## Module helpers',
    '',
    table(
      ['Legacy helper', 'Warning code', 'Replaced by', 'Import from', 'Renamed', 'Codemod', 'Notes'],
      helperNames.map((name) => {
        const helper = helpers[name];
        return [
          code(name),
          code(LEGACY_METHODS[name].code),
          code(helperCall(helper)),
          code(helper.module),
          helper.renames.length === 0 ? '—' : helper.renames.map((rename) => `${code(rename.from)} → ${code(rename.to)}`).join(', '),
          codemodText(helper.codemod),
          helper.notes.join(' ') || '—',
        ];
      }),
    ),
    '',
  ];
  return lines.join('\n');
}

function methodSection(name: LegacyClientMethod, mapping: MethodMapping): string[] {
  const lines = ['', `### ${code(name)}`, '', '```ts', generalV2Call(mapping), '```', ''];
  if (mapping.requestClass !== undefined) {
    lines.push(
      mapping.perRecord
        ? 'One v2 request per legacy record, as skyflow-node@1 sent, so that each record succeeds or fails on its own.'
        : 'One v2 request for the whole legacy call.',
      '',
    );
  }
  lines.push(table(['v1', 'v2', ''], mapping.renames.map((rename) => [code(rename.from), code(rename.to), renameRemark(rename)])), '');
  const defaults = [
    ...mapping.defaults.map((change) => [code(change.option), code(change.v1), code(change.v2), code(change.keepV1)]),
    ...mapping.unchangedDefaults.map((same) => [code(same.option), code(same.value), code(same.value), 'nothing to write']),
  ];
  if (defaults.length > 0) lines.push(table(['Default of', 'v1', 'v2', 'To keep v1 behaviour'], defaults), '');
  if (mapping.fixedSettings.length > 0) lines.push(`Always written: ${mapping.fixedSettings.map(code).join(', ')}.`, '');
  if (mapping.wrapper !== undefined) lines.push(`v1 result shape: ${code(`${mapping.wrapper}(…)`)} from \`skyflow-bridge/migrate\`.`, '');
  lines.push(`Codemod: ${mapping.codemod.rewrite ? 'rewrites it.' : `leaves it as is, with a \`// TODO(skyflow-bridge)\`: ${mapping.codemod.reason}.`}`);
  if (mapping.notes.length > 0) lines.push('', ...mapping.notes.map((note) => `- ${note}`));
  return lines;
}

/** `skyflow.vault(…).insertBatch(new BatchInsertRequest(…))`: the call without its request's fields. */
function shortCall(mapping: MethodMapping): string {
  if (mapping.receiver === undefined || mapping.requestClass === undefined) return mapping.v2Method;
  return `${mapping.receiver}(…).${mapping.v2Method}(new ${mapping.requestClass}(…))`;
}

function renameRemark(rename: Rename): string {
  const remarks = [
    ...(rename.from === rename.to ? ['same name'] : lastName(rename.from) === lastName(rename.to) ? ['moves'] : []),
    ...(rename.note === undefined ? [] : [rename.note]),
    ...(rename.inConfig ? ['set once on the config, not on each request'] : []),
  ];
  return remarks.join('; ');
}

function codemodText(support: CodemodSupport): string {
  return support.rewrite ? 'rewrites' : `by hand: ${support.reason}`;
}

function code(text: string): string {
  return `\`${text}\``;
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const cell = (text: string) => text.replaceAll('|', '\\|');
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
