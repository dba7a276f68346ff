// The API reference (typedoc, `npm run docs`) as users read it: every
// `@example` type-checks as a module of its own, the main entry points have
// one, and each `@default` an option documents is the default the code
// applies. (That every public symbol has a summary is `npm run check`'s
// typedoc step: validation.notDocumented with warnings as errors.)
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Application, type JSONOutput } from 'typedoc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveLocalVaultOptions } from '../../src/local-vault/options.js';
import { resolveSchema } from '../../src/local-vault/schema/resolve-schema.js';
import { resolveShadow } from '../../src/migrate/MigrationClient.js';
import { resolveGuardOptions } from '../../src/migrate/guard.js';
import { InsertOptions } from '../../src/v1/Client.js';
import { LogLevel as V1LogLevel, RedactionType as V1RedactionType } from '../../src/v1/enums.js';
import { resolveInsertOptions } from '../../src/v1/validate/insert.js';
import { resolveUpdateOptions } from '../../src/v1/validate/writes.js';
import { resolveClientOptions } from '../../src/v2/config/resolve-config.js';
import {
  BatchInsertRequest,
  DetokenizeRequest,
  Env,
  GetRequest,
  InsertRequest,
  LogLevel,
  RedactionType,
  TokenMode,
  SkyflowError,
  UpdateRequest,
} from '../../src/v2/index.js';
import { typeErrors } from '../helpers/typecheck.js';

const root = resolve(import.meta.dirname, '../..');

/** A documented symbol, by its dotted path (`v2.InsertRequestInit.returnTokens`), with its block tags. */
interface Documented {
  readonly path: string;
  readonly tags: ReadonlyArray<{ tag: string; text: string }>;
}

let documented: Documented[] = [];

beforeAll(async () => {
  const app = await Application.bootstrapWithPlugins({ options: join(root, 'typedoc.json') as never, logLevel: 'Error' });
  const project = await app.convert();
  if (!project) throw new Error('typedoc could not convert the project (see its errors above)');
  documented = flatten(app.serializer.projectToObject(project, root as never));
}, 120_000);

function flatten(project: JSONOutput.ProjectReflection): Documented[] {
  const found: Documented[] = [];
  const text = (parts: JSONOutput.CommentDisplayPart[]) => parts.map((part) => part.text).join('');
  const visit = (reflection: JSONOutput.SomeReflection | JSONOutput.ProjectReflection, path: string) => {
    const comments = [
      'comment' in reflection ? reflection.comment : undefined,
      ...('signatures' in reflection ? (reflection.signatures ?? []).map((signature) => signature.comment) : []),
      'getSignature' in reflection ? reflection.getSignature?.comment : undefined,
    ];
    const tags = comments.flatMap((comment) => (comment?.blockTags ?? []).map((tag) => ({ tag: tag.tag, text: text(tag.content).trim() })));
    found.push({ path, tags });
    for (const child of 'children' in reflection ? (reflection.children ?? []) : []) visit(child, path === '' ? child.name : `${path}.${child.name}`);
    const type = 'type' in reflection ? reflection.type : undefined;
    if (type?.type === 'reflection') for (const child of type.declaration.children ?? []) visit(child, `${path}.${child.name}`);
  };
  visit(project, '');
  return found;
}

function tagsOf(path: string, tag: string): string[] {
  return documented.filter((entry) => entry.path === path).flatMap((entry) => entry.tags.filter((found) => found.tag === tag).map((found) => found.text));
}

// The main entry points of each API; each needs an example.
const WITH_EXAMPLES = [
  'v2.Skyflow',
  'v2.SkyflowBuilder',
  'v2.VaultClient',
  'v2.InsertRequest',
  'v2.DetokenizeRequest',
  'v2.GetRequest',
  'v2.SkyflowError',
  'v2.isSkyflowError',
  'v2.generateBearerToken',
  'v2.ConnectionClient',
  'v1.Skyflow',
  'v1.Client',
  'v1.InsertOptions',
  'v1.generateBearerToken',
  'v1.generateBearerTokenFromCreds',
  'v1.SkyflowError',
  'migrate.createMigrationClient',
  'migrate.dualView',
  'migrate.writeUsageReportAtExit',
  'migrate.toV1InsertResult',
  'migrate.toV1DetokenizeResult',
  'migrate.toV1GetResult',
  'local-vault.startLocalVault',
];

// What the code applies when an option is left out, read from the code that
// applies it; the documented `@default` of each must say the same.
const v2Client = resolveClientOptions({});
const localVault = resolveLocalVaultOptions({});
const shadow = resolveShadow(undefined);
const guard = resolveGuardOptions({});
const insert = new InsertRequest({ table: 'cards', values: [{ cvv: '1' }] });
const batch = new BatchInsertRequest({ records: [{ table: 'cards', fields: { cvv: '1' } }] });
const update = new UpdateRequest({ table: 'cards', data: { skyflowId: 'id', cvv: '1' } });
const detokenize = new DetokenizeRequest({ tokens: [{ token: 't' }] });
const error = new SkyflowError({ message: 'm', httpCode: 400 });
const column = resolveSchema({ tables: { cards: { columns: { cvv: {} } } } }).tables.get('cards')!.columns.get('cvv')!;
const RUNTIME_DEFAULTS: Record<string, unknown> = {
  'v2.SkyflowConfig.logLevel': v2Client.logLevel,
  'v2.SkyflowConfig.timeoutMs': v2Client.transport.timeoutMs,
  'v2.RetryOptions.limit': v2Client.transport.retry.limit,
  'v2.RetryOptions.baseDelayMs': v2Client.transport.retry.baseDelayMs,
  'v2.RetryOptions.maxDelayMs': v2Client.transport.retry.maxDelayMs,
  'v2.RetryOptions.maxRetryAfterMs': v2Client.transport.retry.maxRetryAfterMs,
  'v2.RetryOptions.random': v2Client.transport.random,
  'v2.InsertRequestInit.returnTokens': insert.returnTokens,
  'v2.InsertRequestInit.continueOnError': insert.continueOnError,
  'v2.InsertRequestInit.homogeneous': insert.homogeneous,
  'v2.InsertRequestInit.tokenMode': insert.tokenMode,
  'v2.BatchInsertRequestInit.returnTokens': batch.returnTokens,
  'v2.BatchInsertRequestInit.continueOnError': batch.continueOnError,
  'v2.BatchInsertRequestInit.tokenMode': batch.tokenMode,
  'v2.UpdateRequestInit.returnTokens': update.returnTokens,
  'v2.UpdateRequestInit.tokenMode': update.tokenMode,
  'v2.GetRequestInit.returnTokens': new GetRequest({ table: 'cards', ids: ['id'] }).returnTokens,
  'v2.DetokenizeData.redactionType': detokenize.tokens[0]!.redactionType,
  'v2.DetokenizeRequestInit.continueOnError': detokenize.continueOnError,
  'v2.SkyflowErrorInit.httpStatus': error.httpStatus,
  'v2.SkyflowErrorInit.grpcCode': error.grpcCode,
  'v2.SkyflowErrorInit.requestId': error.requestId,
  'v2.SkyflowErrorInit.details': error.details,
  'local-vault.ColumnSpec.type': column.type,
  'local-vault.ColumnSpec.unique': column.unique,
  'local-vault.ColumnSpec.tokenFormat': column.tokenFormat,
  'local-vault.ColumnSpec.mask': column.mask,
  'local-vault.ColumnSpec.redaction': column.defaultRedaction,
  'local-vault.MaskRule.keepFirst': column.mask.keepFirst,
  'local-vault.MaskRule.keepLast': column.mask.keepLast,
  'local-vault.MaskRule.char': column.mask.char,
  'v1.InsertOptions.tokens': new InsertOptions().tokens,
  'v1.InsertOptions.continueOnError': new InsertOptions().continueOnError,
  'v1.IInsertOptions.tokens': resolveInsertOptions(undefined).tokens,
  'v1.IInsertOptions.continueOnError': resolveInsertOptions(undefined).continueOnError,
  'v1.IUpdateOptions.tokens': resolveUpdateOptions(undefined).tokens,
  'local-vault.LocalVaultOptions.port': localVault.port,
  'local-vault.LocalVaultOptions.host': localVault.host,
  'local-vault.LocalVaultOptions.tls': localVault.tls,
  'local-vault.LocalVaultOptions.tokenTtlSeconds': localVault.tokenTtlSeconds,
  'local-vault.LocalVaultOptions.bodyLimit': localVault.bodyLimit,
  'local-vault.LocalVaultOptions.maxQueryRows': localVault.maxQueryRows,
  'migrate.ShadowOptions.timeoutMs': shadow.timeoutMs,
  'migrate.ShadowOptions.maxConcurrent': shadow.maxConcurrent,
  'migrate.ShadowOptions.sampleRate': shadow.sampleRate,
  'migrate.GuardOptions.windowMs': guard.windowMs,
  'migrate.GuardOptions.minSamples': guard.minSamples,
  'migrate.GuardOptions.maxMismatchRate': guard.maxMismatchRate,
  'migrate.GuardOptions.maxErrorRate': guard.maxErrorRate,
};

/** The value a `@default` text stands for: a literal, an enum member, or simple arithmetic on numbers. */
function defaultValue(text: string, path: string): unknown {
  // typedoc keeps a @default as a fenced code block.
  const code = text.replace(/^```\w*\n?|\n?```$/g, '').replace(/^`|`$/g, '');
  const enums = path.startsWith('v1.') ? { LogLevel: V1LogLevel, RedactionType: V1RedactionType } : { LogLevel, RedactionType };
  // The texts are this repository's own doc comments.
  return new Function('LogLevel', 'RedactionType', 'TokenMode', 'Env', 'Math', `return (${code});`)(
    enums.LogLevel,
    enums.RedactionType,
    TokenMode,
    Env,
    Math,
  );
}

describe('API reference', () => {
  const work = join(root, `.vitest-api-docs-${process.pid}`);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('every @example is a fenced block that type-checks on its own', { timeout: 120_000 }, () => {
    mkdirSync(work, { recursive: true });
    const examples = documented.flatMap((entry) => tagsOf(entry.path, '@example').map((text) => ({ path: entry.path, text })));
    expect(examples.length).toBeGreaterThanOrEqual(WITH_EXAMPLES.length);
    const files = examples.map(({ path, text }, index) => {
      const code = /^```(?:ts|typescript)\n([\s\S]*?)\n```$/.exec(text)?.[1];
      expect(code, `${path}: an @example must be one fenced ts block`).toBeDefined();
      const file = join(work, `${index}-${path.replace(/[^A-Za-z0-9-]/g, '_')}.ts`);
      writeFileSync(file, `${code}\nexport {};\n`);
      return file;
    });
    const errors = typeErrors(files);
    expect([...errors.values()].flat()).toEqual([]);
  });

  it.each(WITH_EXAMPLES)('%s has an example', (path) => {
    expect(documented.some((entry) => entry.path === path)).toBe(true);
    expect(tagsOf(path, '@example').length).toBeGreaterThan(0);
  });

  it.each(Object.keys(RUNTIME_DEFAULTS))('%s documents the default the code applies', (path) => {
    const texts = tagsOf(path, '@default');
    expect(texts, `${path} has no @default`).toHaveLength(1);
    expect(defaultValue(texts[0]!, path)).toEqual(RUNTIME_DEFAULTS[path]);
  });

  it('no @default on an option of these interfaces goes unchecked', () => {
    const owners = new Set(Object.keys(RUNTIME_DEFAULTS).map((path) => path.slice(0, path.lastIndexOf('.'))));
    const unchecked = documented
      .filter((entry) => owners.has(entry.path.slice(0, entry.path.lastIndexOf('.'))) && tagsOf(entry.path, '@default').length > 0)
      .map((entry) => entry.path)
      .filter((path) => !(path in RUNTIME_DEFAULTS));
    expect(unchecked).toEqual(KNOWN_UNCHECKED);
  });
});

// Defaults that are not a value the code keeps (an empty list or object
// standing for "none"): documented, but nothing to compare them with.
const KNOWN_UNCHECKED: string[] = [
  'local-vault.LocalVaultOptions.faults',
  'local-vault.LocalVaultOptions.schema',
  'v2.SkyflowConfig.connectionConfigs',
  'v2.SkyflowConfig.retry',
  'v2.SkyflowConfig.vaultConfigs',
];
