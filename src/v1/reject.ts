// What a v1 method rejects with, from how its translated call failed.
import type { Failure } from '../adapter/outcome.js';
import { SkyflowError } from './errors/SkyflowError.js';
import { logError } from './logging.js';

export function rejectionOf(failure: Failure): unknown {
  switch (failure.kind) {
    case 'error':
      logError(failure.body.description);
      return new SkyflowError(failure.body, [], true);
    case 'errors':
      logError(failure.body.description);
      return new SkyflowError(failure.body);
    case 'connection':
      logError(failure.body.description);
      return { error: { errors: [new SkyflowError(failure.body, [], true)] } };
    case 'partial':
      for (const entry of failure.value.errors ?? []) {
        const description = (entry as { error?: { description?: unknown } }).error?.description;
        if (typeof description === 'string') logError(description);
      }
      return failure.value;
  }
}
