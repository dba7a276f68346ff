import type { ErrorBody } from '../types.js';

/**
 * The v1 error: an Error whose only enumerable field is `error` (singular
 * form) or `errors` (plural form), each holding `{code, description}` — as
 * skyflow-node@1 builds it. `%s1`, `%s2`… in the description are replaced by
 * `args`.
 */
export class SkyflowError extends Error {
  declare error?: ErrorBody;
  declare errors?: ErrorBody[];

  constructor(body: ErrorBody, args: ReadonlyArray<string | number> = [], singular = false) {
    const description = fill(body.description, args);
    super(description);
    const filled = { code: body.code, description };
    if (singular) this.error = filled;
    else this.errors = [filled];
  }
}
// As in 1.14.3, `name` stays Error's: `String(error)` reads `Error: <description>`.
Object.defineProperty(SkyflowError.prototype, 'name', { value: 'Error', writable: true, configurable: true });

function fill(text: string, args: ReadonlyArray<string | number>): string {
  return args.reduce<string>((result, arg, index) => result.replace(`%s${index + 1}`, String(arg)), text);
}

/** Whether a value is a v1 SkyflowError of this package. */
export function isV1Error(value: unknown): value is SkyflowError {
  return value instanceof SkyflowError;
}
