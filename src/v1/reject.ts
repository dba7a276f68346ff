// What a v1 method rejects with, from how its translated call failed.
import type { Failure } from '../adapter/outcome.js';
import { SkyflowError } from './errors/SkyflowError.js';
import { logError } from './logging.js';

/**
 * The rejection, logged at ERROR as 1.14.3 logged it. `log: false` for the
 * migration wrappers: code rewritten to v2 no longer sets the v1 log level, and
 * its v2 client logs its own failures.
 */
export function rejectionOf(failure: Failure, { log = true }: { log?: boolean } = {}): unknown {
  const report = log ? logError : () => undefined;
  switch (failure.kind) {
    case 'error':
      report(failure.body.description);
      return new SkyflowError(failure.body, [], true);
    case 'errors':
      report(failure.body.description);
      return new SkyflowError(failure.body);
    case 'connection':
      report(failure.body.description);
      return { error: { errors: [new SkyflowError(failure.body, [], true)] } };
    case 'partial':
      for (const entry of failure.value.errors ?? []) {
        const description = (entry as { error?: { description?: unknown } }).error?.description;
        if (typeof description === 'string') report(description);
      }
      return failure.value;
  }
}
