import type { DeprecationPolicy } from '../../v1/types.js';
import { callSite } from './call-site.js';
import { LEGACY_METHODS, type LegacyMethodName } from './legacy-methods.js';
import { recordLegacyCall } from './usage.js';

export const DEPRECATION_POLICIES: readonly DeprecationPolicy[] = ['every-call', 'once-per-call-site', 'once', 'silent'];

/**
 * Counts each legacy call and warns about it by its policy, with Node's
 * `process.emitWarning` — so `--no-deprecation`, `--throw-deprecation` and
 * `--trace-deprecation` work as for Node's own deprecations. One notifier per
 * legacy client; the module-level helpers share one.
 */
export class DeprecationNotifier {
  policy: DeprecationPolicy;
  readonly #warned = new Set<string>();

  constructor(policy: DeprecationPolicy = 'every-call') {
    this.policy = policy;
  }

  /** Call synchronously at the start of a legacy method, so the call site is the caller's. */
  notify(method: LegacyMethodName, replacement: string): void {
    const { code } = LEGACY_METHODS[method];
    const site = callSite();
    recordLegacyCall({ code, method, callSite: site, replacement });
    if (!this.#shouldWarn(code, site)) return;
    process.emitWarning(
      `${method}() is a skyflow-node@1 API, called at ${site}. In skyflow-bridge/v2: ${replacement}.`,
      { type: 'DeprecationWarning', code },
    );
  }

  #shouldWarn(code: string, site: string): boolean {
    switch (this.policy) {
      case 'silent':
        return false;
      case 'every-call':
        return true;
      case 'once':
        return this.#first(code);
      case 'once-per-call-site':
        return this.#first(`${code}\u0000${site}`);
    }
  }

  #first(key: string): boolean {
    if (this.#warned.has(key)) return false;
    this.#warned.add(key);
    return true;
  }
}

/** The notifier of the module-level legacy helpers (generateBearerToken, isExpired, …). */
export const moduleNotifier: DeprecationNotifier = new DeprecationNotifier();
