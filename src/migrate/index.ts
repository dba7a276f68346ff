// skyflow-bridge/migrate: move a legacy application to v2 gradually — route
// each call to the legacy SDK, to shadow mode (A/B comparison) or to v2 by a
// flag, with a guard that rolls back; see both shapes of a call; report the
// legacy usage that is left; give a rewritten call's v2 answer the v1 shape.
import type { Skyflow as SkyflowV1, DualViewListener } from '../v1/index.js';

export { createMigrationClient, MigrationClient, isServiceFailure } from './MigrationClient.js';
export { OPERATIONS, READ_OPERATIONS, ROUTES } from './operations.js';
export { bucketOf, inRamp, BUCKETS } from './routing/ramp.js';
export {
  usageReport,
  writeUsageReport,
  writeUsageReportAtExit,
  mergeUsageReports,
  formatUsage,
  asUsageReport,
  REPORT_FORMAT,
} from './usage-report.js';
export { legacyUsage, onLegacyCall, resetLegacyUsage } from '../v1/index.js';
// v1-shape wrappers: the v2 call(s) a legacy call was rewritten into (by hand
// or by `skyflow-bridge codemod`), settling exactly as the v1 facade would.
export { toV1InsertResult } from './v1-shape/insert.js';
export { toV1DetokenizeResult } from './v1-shape/detokenize.js';
export { toV1GetResult } from './v1-shape/get.js';
export { toV1UpdateResult } from './v1-shape/update.js';
export { toV1DeleteResult } from './v1-shape/delete.js';

export type { MigrationClientOptions, ShadowOptions } from './MigrationClient.js';
export type { Operation, Route, LegacyClientLike } from './operations.js';
export type { RouteConfig, RampOptions, OpenFeatureOptions, OpenFeatureClientLike, Decision } from './routing/Router.js';
export type { GuardOptions } from './guard.js';
export type { MigrationStats, OperationStats, RouteStats, ShadowStats, LatencySummary } from './stats.js';
export type {
  MigrationEvents,
  MigrationListener,
  ResultEvent,
  ShadowEvent,
  ShadowStatus,
  MismatchEvent,
  DemotionEvent,
  ProblemEvent,
} from './events.js';
export type { PublishedValue } from './shadow/redact.js';
export type { TelemetryOptions, MeterLike, TracerLike, SpanLike, CounterLike, HistogramLike } from './telemetry.js';
export type { UsageReport } from './usage-report.js';
export type { V1InsertShape } from './v1-shape/insert.js';
export type { V1DetokenizeTokens } from './v1-shape/detokenize.js';
export type { V1GetEntry } from './v1-shape/get.js';
export type { V1RecordRef } from './v1-shape/update.js';
export type { DualView, DualViewListener, V2Exchange, LegacyUsage, LegacyCallEvent } from '../v1/index.js';

/**
 * The dual view of a skyflow-bridge/v1 client: `listener` sees, for each
 * legacy call, the v2 requests and responses behind it next to the v1 result.
 * They hold the call's data — for development, not for logs. Returns the
 * function that stops listening.
 *
 * @example
 * ```ts
 * import type { Skyflow } from 'skyflow-bridge/v1';
 * import { dualView } from 'skyflow-bridge/migrate';
 *
 * declare const bridge: Skyflow; // a skyflow-bridge/v1 client
 * const stop = dualView(bridge, ({ method, exchanges, result, rejection }) => {
 *   console.dir({ method, v2: exchanges.map(({ operation, request, response }) => ({ operation, request, response })), result, rejection }, { depth: 6 });
 * });
 * await bridge.detokenize({ records: [{ token: process.env.CVV_TOKEN ?? '' }] });
 * stop();
 * ```
 */
export function dualView(client: SkyflowV1, listener: DualViewListener): () => void {
  return client.onV2Exchange(listener);
}
