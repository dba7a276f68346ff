// The mapping table (src/adapter/mapping/v1-to-v2.ts) is the one source of
// the warnings' replacement text and of docs/v1-to-v2.md: the committed page
// is what the table generates, a change in the table changes both texts, and
// the table names only what the v2 API has. Pure functions: no vault needed.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LEGACY_METHODS, legacyMethodsOf, type LegacyMethodName } from '../../src/adapter/deprecation/legacy-methods.js';
import { describeReplacement } from '../../src/adapter/deprecation/replacement.js';
import { MAPPING_DOC_PATH, renderMappingDoc } from '../../src/adapter/mapping/doc.js';
import { V1_HELPERS_TO_V2, V1_TO_V2, type MethodMapping, type MethodTable } from '../../src/adapter/mapping/v1-to-v2.js';
import { generalV2Call, lastName, renameOf } from '../../src/adapter/mapping/v2-call.js';
import * as v1 from '../../src/v1/index.js';
import * as v2 from '../../src/v2/index.js';

const root = resolve(import.meta.dirname, '../..');

/** A copy of the table with one method's mapping changed. */
function withMapping<M extends keyof MethodTable>(method: M, change: (mapping: MethodMapping) => MethodMapping): MethodTable {
  return { ...V1_TO_V2, [method]: change(V1_TO_V2[method]) };
}

/** The doc section of one method (from its heading to the next). */
function section(doc: string, method: string): string {
  const start = doc.indexOf(`### \`${method}\``);
  const end = doc.indexOf('\n### ', start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

describe('docs/v1-to-v2.md', () => {
  it('is what the table generates (run `npm run docs:mapping` after changing the table)', () => {
    const committed = readFileSync(join(root, MAPPING_DOC_PATH), 'utf8');
    expect(committed, 'docs/v1-to-v2.md is stale: run `npm run docs:mapping`').toBe(renderMappingDoc());
  });

  it('is what `npm run docs:mapping` writes', async () => {
    const target = join(tmpdir(), `v1-to-v2-${randomUUID()}.md`);
    try {
      await promisify(execFile)(process.execPath, ['scripts/docs-mapping.mjs', target], { cwd: root });
      expect(readFileSync(target, 'utf8')).toBe(renderMappingDoc());
    } finally {
      rmSync(target, { force: true });
    }
  });

  it('lists every legacy method and helper with its warning code', () => {
    const doc = renderMappingDoc();
    for (const [name, { code }] of Object.entries(LEGACY_METHODS)) {
      expect(doc).toContain(`| \`${name}\` | \`${code}\` |`);
    }
  });
});

describe('one change in the table changes the warning and the doc', () => {
  const getWithTokens = [{ records: [{ table: 'cards', ids: ['id-1'] }] }, { tokens: true }] as const;

  it('a rename: get `tokens` → `includeTokens`', () => {
    const table = withMapping('get', (get) => ({
      ...get,
      renames: get.renames.map((rename) => (rename.from === 'tokens' ? { ...rename, to: 'includeTokens' } : rename)),
    }));

    expect(describeReplacement('get', 'v1', getWithTokens)).toBe(
      "skyflow.vault('v1').get(new GetRequest({ table: 'cards', ids: [/* 1 id */], returnTokens: true }))",
    );
    expect(describeReplacement('get', 'v1', getWithTokens, table)).toBe(
      "skyflow.vault('v1').get(new GetRequest({ table: 'cards', ids: [/* 1 id */], includeTokens: true }))",
    );
    expect(legacyMethodsOf(table, V1_HELPERS_TO_V2).get.replacement).toContain('includeTokens');

    expect(section(renderMappingDoc(), 'get')).toContain('| `tokens` | `returnTokens` |');
    const changed = section(renderMappingDoc(table), 'get');
    expect(changed).toContain('| `tokens` | `includeTokens` |');
    expect(changed).toContain('includeTokens }))');
    expect(changed).not.toContain('returnTokens');
  });

  it('a method and request class: insert back to insert(new InsertRequest(…))', () => {
    const table = withMapping('insert', (insert) => ({ ...insert, v2Method: 'insert', requestClass: 'InsertRequest' }));
    const call = [{ records: [{ table: 'cards', fields: {} }] }] as const;

    expect(describeReplacement('insert', 'v1', call)).toBe(
      "skyflow.vault('v1').insertBatch(new BatchInsertRequest({ records: [/* 1 record: cards ×1 */], returnTokens: true }))",
    );
    expect(describeReplacement('insert', 'v1', call, table)).toBe(
      "skyflow.vault('v1').insert(new InsertRequest({ records: [/* 1 record: cards ×1 */], returnTokens: true }))",
    );
    expect(renderMappingDoc(table)).toContain('| `insert` | `SKYFLOW_BRIDGE_V1_INSERT` | `vault(…).insert(new InsertRequest(…))` |');
    expect(renderMappingDoc()).toContain('| `insert` | `SKYFLOW_BRIDGE_V1_INSERT` | `vault(…).insertBatch(new BatchInsertRequest(…))` |');
  });

  it('a default: what keeps the v1 detokenize redaction', () => {
    const table = withMapping('detokenize', (detokenize) => ({
      ...detokenize,
      defaults: detokenize.defaults.map((change) => ({ ...change, keepV1: 'redactionType: RedactionType.MASKED' })),
    }));
    const call = [{ records: [{ token: 't1' }] }] as const;

    expect(describeReplacement('detokenize', 'v1', call)).toContain('with redactionType: RedactionType.PLAIN_TEXT (the v1 default)');
    expect(describeReplacement('detokenize', 'v1', call, table)).toContain('with redactionType: RedactionType.MASKED (the v1 default)');
    expect(section(renderMappingDoc(table), 'detokenize')).toContain('`redactionType: RedactionType.MASKED`');
  });
});

describe('the table', () => {
  it('gives LEGACY_METHODS its replacements: nothing is written twice', () => {
    expect(Object.keys(LEGACY_METHODS).sort()).toEqual([...Object.keys(V1_TO_V2), ...Object.keys(V1_HELPERS_TO_V2)].sort());
    for (const [method, mapping] of Object.entries(V1_TO_V2)) {
      expect(LEGACY_METHODS[method as LegacyMethodName].replacement).toBe(generalV2Call(mapping));
    }
    expect(LEGACY_METHODS.generateBearerToken.replacement).toBe('generateBearerToken(path, { roles, context })');
    expect(LEGACY_METHODS.generateSignedDataTokens.replacement).toBe(
      'none yet, keep generateSignedDataTokens(path, options) from skyflow-bridge/v1',
    );
    expect(LEGACY_METHODS.insert.notes).toEqual(expect.arrayContaining(['tokens → returnTokens']));
  });

  it('writes the general form of each v2 call from the renames', () => {
    expect(Object.fromEntries(Object.entries(V1_TO_V2).map(([method, mapping]) => [method, generalV2Call(mapping)]))).toEqual({
      init: 'Skyflow.builder().addVaultConfig({ vaultId, baseUrl, credentials: { bearerTokenSource } }).build()',
      insert: 'skyflow.vault(vaultId).insertBatch(new BatchInsertRequest({ records: [{ table, fields, upsert }], returnTokens, continueOnError }))',
      detokenize: 'skyflow.vault(vaultId).detokenize(new DetokenizeRequest({ tokens: [{ token, redactionType }], continueOnError: true }))',
      get: 'skyflow.vault(vaultId).get(new GetRequest({ table, ids, columnName, columnValues, redactionType, returnTokens }))',
      getById: 'skyflow.vault(vaultId).get(new GetRequest({ table, ids, redactionType }))',
      update: 'skyflow.vault(vaultId).update(new UpdateRequest({ table, data: { skyflowId, ...fields }, returnTokens }))',
      delete: 'skyflow.vault(vaultId).delete(new DeleteRequest({ table, ids: [id] }))',
      invokeConnection: 'skyflow.connection(connectionId).invoke(new InvokeConnectionRequest({ method, body, headers, pathParams, queryParams }))',
    });
  });

  it('falls back to the general form when a call has nothing to describe', () => {
    expect(describeReplacement('get', 'v1', [{ records: [] }])).toBe(LEGACY_METHODS.get.replacement);
    expect(describeReplacement('update', 'v1', [undefined])).toBe(LEGACY_METHODS.update.replacement);
  });

  it('ties each default to a renamed option, and writes its v1-keeping setting under the v2 name', () => {
    for (const mapping of Object.values(V1_TO_V2) as MethodMapping[]) {
      for (const { option, keepV1 } of mapping.defaults) {
        const rename = mapping.renames.find((candidate) => lastName(candidate.from) === option);
        expect(rename, option).toBeDefined();
        expect(keepV1.startsWith(`${lastName(rename!.to)}: `), `${option}: ${keepV1}`).toBe(true);
      }
      for (const { option } of mapping.unchangedDefaults) expect(renameOf(mapping, option), option).toBeDefined();
    }
  });

  it('names only request classes, methods and helpers the v2 API has', () => {
    const exports = v2 as unknown as Record<string, unknown>;
    const receivers = { vault: v2.VaultClient.prototype, connection: v2.ConnectionClient.prototype } as Record<string, object>;
    for (const [method, mapping] of Object.entries(V1_TO_V2) as Array<[string, MethodMapping]>) {
      if (mapping.receiver === undefined) continue;
      expect(typeof exports[mapping.requestClass!], `${method}: ${mapping.requestClass}`).toBe('function');
      expect(typeof (receivers[mapping.receiver] as Record<string, unknown>)[mapping.v2Method], `${method}: ${mapping.v2Method}`).toBe('function');
    }
    for (const [helper, mapping] of Object.entries(V1_HELPERS_TO_V2)) {
      const called = /^!?(?:client\.)?(\w+)\(/.exec(mapping.v2Call)![1]!;
      const where = mapping.v2Call.startsWith('client.')
        ? (v2.Skyflow.prototype as unknown as Record<string, unknown>)
        : mapping.module === 'skyflow-bridge/v2'
          ? exports
          : (v1 as unknown as Record<string, unknown>);
      expect(typeof where[called], `${helper}: ${called}`).toBe('function');
    }
  });

  it('rewrites every client call but invokeConnection, each with a v1-shape wrapper', () => {
    const left = Object.entries(V1_TO_V2).filter(([, mapping]) => !mapping.codemod.rewrite);
    expect(left.map(([method]) => method)).toEqual(['invokeConnection']);
    expect(Object.fromEntries(Object.entries(V1_TO_V2).map(([method, mapping]) => [method, mapping.wrapper]))).toEqual({
      init: undefined,
      insert: 'toV1InsertResult',
      detokenize: 'toV1DetokenizeResult',
      get: 'toV1GetResult',
      getById: 'toV1GetResult',
      update: 'toV1UpdateResult',
      delete: 'toV1DeleteResult',
      invokeConnection: undefined,
    });
  });
});
