// The v1-shape harness: one legacy call, run once through the v1 facade
// (skyflow-bridge/v1) and once rewritten into v2 calls wrapped in the
// skyflow-bridge/migrate wrapper — the rewrite the codemod makes, written out
// here by hand — against the run's shared vault. The two outcomes are
// described and normalised as the parity suite does (tests/v1/parity-harness.ts)
// and must be deep-equal.
import { Skyflow as BridgeSkyflow } from '../../src/v1/index.js';
import {
  toV1DeleteResult,
  toV1DetokenizeResult,
  toV1GetResult,
  toV1InsertResult,
  toV1UpdateResult,
} from '../../src/migrate/index.js';
import {
  BatchInsertRequest,
  DeleteRequest,
  DetokenizeRequest,
  GetRequest,
  LogLevel,
  RedactionType,
  Skyflow,
  UpdateRequest,
  type VaultClient,
} from '../../src/v2/index.js';
import { Run, describeValue, vault, vaultToken, type Outcome } from '../v1/parity-harness.js';

/** The legacy client methods a wrapper exists for. */
export type LegacyMethod = 'insert' | 'detokenize' | 'get' | 'getById' | 'update' | 'delete';

/** A legacy call: the method and its arguments (anything, as the legacy SDK took it). */
export interface LegacyCall {
  method: LegacyMethod;
  args: any[];
}

/**
 * How the rewritten call passes its v2 requests: `class` as the codemod
 * writes them (`new BatchInsertRequest(…)`: a request the v2 core refuses
 * throws where it is made), or `init`, the object the request class takes (the
 * v2 method checks it, so a refused request rejects and reaches the wrapper).
 */
export type RequestForm = 'class' | 'init';

export interface Scenario {
  name: string;
  /** The legacy call, made for one run (seeding what it needs). */
  call: (run: Run) => LegacyCall | Promise<LegacyCall>;
  /** The bearer token of both sides (default: a service-account token of the vault). */
  token?: () => string | Promise<string>;
  /** The vault URL of both sides (default: the shared vault's). */
  vaultURL?: string;
  /** @default 'class' */
  form?: RequestForm;
}

/**
 * The legacy call rewritten to v2: the v2 call(s) with the v1 defaults kept
 * (insert/update `returnTokens: true` unless `tokens` was given, detokenize
 * `redactionType: PLAIN_TEXT` where no redaction was given), in the wrapper.
 */
export function migrated(v2: Pick<VaultClient, 'insertBatch' | 'detokenize' | 'get' | 'update' | 'delete'>, call: LegacyCall, form: RequestForm = 'class'): Promise<unknown> {
  const request = <I, R>(Class: new (init: I) => R, init: I): R => (form === 'class' ? new Class(init) : (init as unknown as R));
  const [input, options = {}] = call.args;
  switch (call.method) {
    case 'insert': {
      const tokens: boolean = options.tokens ?? true;
      const continueOnError: boolean = options.continueOnError ?? false;
      const upsertOf = (table: string): string | undefined =>
        (options.upsert as Array<{ table: string; column: string }> | undefined)?.findLast((entry) => entry.table === table)?.column;
      const records = input.records.map(({ table, fields }: { table: string; fields: Record<string, unknown> }) => {
        const upsert = upsertOf(table);
        return upsert === undefined ? { table, fields } : { table, fields, upsert };
      });
      return toV1InsertResult(v2.insertBatch(request(BatchInsertRequest, { records, returnTokens: tokens, continueOnError })), {
        tokens,
        continueOnError,
      });
    }
    case 'detokenize': {
      const detokenize = request(DetokenizeRequest, {
        tokens: input.records.map(({ token, redaction }: { token: string; redaction?: RedactionType }) => ({
          token,
          redactionType: redaction ?? RedactionType.PLAIN_TEXT,
        })),
        continueOnError: true,
      });
      return toV1DetokenizeResult(v2.detokenize(detokenize), detokenize);
    }
    case 'get':
    case 'getById': {
      const returnTokens = call.method === 'get' && options.tokens === true;
      return toV1GetResult(
        input.records.map(({ table, ids, columnName, columnValues, redaction }: Record<string, any>) => [
          v2.get(
            request(GetRequest, {
              table,
              ...(ids !== undefined ? { ids } : {}),
              ...(columnName !== undefined ? { columnName, columnValues } : {}),
              ...(redaction ? { redactionType: redaction } : {}),
              returnTokens,
            }),
          ),
          { table, ...(ids !== undefined ? { ids } : {}), ...(columnName !== undefined ? { columnName } : {}) },
        ]),
      );
    }
    case 'update': {
      const tokens: boolean = options.tokens ?? true;
      return toV1UpdateResult(
        input.records.map(({ id, table, fields }: { id: string; table: string; fields: Record<string, unknown> }) => [
          v2.update(request(UpdateRequest, { table, data: { skyflowId: id, ...fields }, returnTokens: tokens })),
          { id, table },
        ]),
        { tokens },
      );
    }
    case 'delete':
      return toV1DeleteResult(
        input.records.map(({ id, table }: { id: string; table: string }) => [v2.delete(request(DeleteRequest, { table, ids: [id] })), { id, table }]),
      );
  }
}

/** A facade client of the vault whose getBearerToken gives `token`. */
export function facadeClient(token: () => unknown, vaultURL: string = vault.url): BridgeSkyflow {
  return BridgeSkyflow.init({
    vaultID: vault.vaultId,
    vaultURL,
    getBearerToken: token as () => Promise<string>,
    options: { deprecationWarnings: 'silent' },
  });
}

/** A v2 client of the vault that sends `token`. */
export function v2Client(token: string, vaultURL: string = vault.url): Skyflow {
  return new Skyflow({ vaultConfigs: [{ vaultId: vault.vaultId, baseUrl: vaultURL, credentials: { token } }], logLevel: LogLevel.OFF });
}

type Side = (call: LegacyCall, token: string, scenario: Scenario) => Promise<unknown>;

const facadeSide: Side = async (call, token, scenario) => {
  const client = facadeClient(() => token, scenario.vaultURL);
  try {
    return await (client[call.method] as (...args: unknown[]) => Promise<unknown>)(...call.args);
  } finally {
    client.close();
  }
};

const migratedSide: Side = async (call, token, scenario) => {
  const client = v2Client(token, scenario.vaultURL);
  try {
    return await migrated(client.vault(), call, scenario.form);
  } finally {
    client.close();
  }
};

async function outcomeOf(side: Side, scenario: Scenario): Promise<Outcome> {
  const run = new Run();
  const call = await scenario.call(run);
  const token = await (scenario.token ?? vaultToken)();
  let outcome: Outcome;
  try {
    outcome = { resolved: await side(call, token, scenario) };
  } catch (error) {
    outcome = { rejected: error };
  }
  return run.normaliser.normalise(describeValue(outcome)) as Outcome;
}

/** The scenario's normalised outcomes: through the facade, and rewritten to v2 in the wrapper. */
export async function bothOutcomes(scenario: Scenario): Promise<{ facade: Outcome; migrated: Outcome }> {
  return { facade: await outcomeOf(facadeSide, scenario), migrated: await outcomeOf(migratedSide, scenario) };
}

/** A v2 vault whose every call rejects with `reason`: what a v2 call does when its bearer token source fails. */
export function failingVault(reason: () => unknown): Parameters<typeof migrated>[0] {
  const fail = () => Promise.reject(reason());
  return { insertBatch: fail, detokenize: fail, get: fail, update: fail, delete: fail };
}
