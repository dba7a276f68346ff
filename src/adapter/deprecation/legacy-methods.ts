// The legacy API, method by method: the stable warning code of each (never
// reused, never renamed), and what replaces it in v2 — read from the mapping
// table (src/adapter/mapping/v1-to-v2.ts), never written here a second time.
// One table for the warnings, the usage report and the migration docs.
import { generalV2Call, helperV2Call, notesOf } from '../mapping/v2-call.js';
import {
  V1_HELPERS_TO_V2,
  V1_TO_V2,
  type HelperTable,
  type LegacyClientMethod,
  type LegacyHelper,
  type MethodTable,
} from '../mapping/v1-to-v2.js';

/** What the warnings and the usage report say about one legacy method. */
export interface LegacyMethod {
  /** Stable DeprecationWarning code. */
  readonly code: string;
  /** The v2 API that replaces it, in general terms. */
  readonly replacement: string;
  /** What behaves differently in v2, for the person rewriting the call. */
  readonly notes: readonly string[];
}

/** The name of a legacy client method or module helper, as warnings and usage entries name it. */
export type LegacyMethodName = LegacyClientMethod | LegacyHelper;

// Pinned by tests/v1/warnings.test.ts: applications filter warnings by them.
const CODES = {
  init: 'SKYFLOW_BRIDGE_V1_INIT',
  insert: 'SKYFLOW_BRIDGE_V1_INSERT',
  detokenize: 'SKYFLOW_BRIDGE_V1_DETOKENIZE',
  getById: 'SKYFLOW_BRIDGE_V1_GET_BY_ID',
  get: 'SKYFLOW_BRIDGE_V1_GET',
  update: 'SKYFLOW_BRIDGE_V1_UPDATE',
  delete: 'SKYFLOW_BRIDGE_V1_DELETE',
  invokeConnection: 'SKYFLOW_BRIDGE_V1_INVOKE_CONNECTION',
  generateBearerToken: 'SKYFLOW_BRIDGE_V1_GENERATE_BEARER_TOKEN',
  generateBearerTokenFromCreds: 'SKYFLOW_BRIDGE_V1_GENERATE_BEARER_TOKEN_FROM_CREDS',
  generateToken: 'SKYFLOW_BRIDGE_V1_GENERATE_TOKEN',
  generateSignedDataTokens: 'SKYFLOW_BRIDGE_V1_GENERATE_SIGNED_DATA_TOKENS',
  generateSignedDataTokensFromCreds: 'SKYFLOW_BRIDGE_V1_GENERATE_SIGNED_DATA_TOKENS_FROM_CREDS',
  isExpired: 'SKYFLOW_BRIDGE_V1_IS_EXPIRED',
  isValid: 'SKYFLOW_BRIDGE_V1_IS_VALID',
  setLogLevel: 'SKYFLOW_BRIDGE_V1_SET_LOG_LEVEL',
} as const satisfies Record<LegacyMethodName, string>;

const isClientMethod = (name: LegacyMethodName, methods: MethodTable): name is LegacyClientMethod => Object.hasOwn(methods, name);

/** The legacy-method table of a mapping: the codes, with each replacement and notes read from the mapping. */
export function legacyMethodsOf(methods: MethodTable, helpers: HelperTable): Readonly<Record<LegacyMethodName, LegacyMethod>> {
  const entries = (Object.keys(CODES) as LegacyMethodName[]).map((name): [LegacyMethodName, LegacyMethod] => {
    const entry = isClientMethod(name, methods)
      ? { code: CODES[name], replacement: generalV2Call(methods[name]), notes: notesOf(methods[name]) }
      : { code: CODES[name], replacement: helperV2Call(helpers[name]), notes: notesOf(helpers[name]) };
    return [name, Object.freeze({ ...entry, notes: Object.freeze(entry.notes) })];
  });
  return Object.freeze(Object.fromEntries(entries) as Record<LegacyMethodName, LegacyMethod>);
}

/**
 * Every legacy method, with its stable DeprecationWarning code, the v2 call
 * that replaces it and what behaves differently; read from the same mapping
 * table as the warnings, the codemod and docs/v1-to-v2.md.
 */
export const LEGACY_METHODS: Readonly<Record<LegacyMethodName, LegacyMethod>> = legacyMethodsOf(V1_TO_V2, V1_HELPERS_TO_V2);
