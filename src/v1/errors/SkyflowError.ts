import type { ErrorBody } from '../types.js';

/**
 * The error v1 calls reject with: an Error whose only enumerable field is
 * `error` (singular form) or `errors` (plural form), holding
 * `{code, description}`, as skyflow-node@1 builds it.
 *
 * Which form a failure takes follows 1.14.3, so read both. Calls that fail
 * record by record (detokenize, get, getById, update, delete) reject with a
 * plain `{errors}` or `{records, errors}` object instead, and
 * invokeConnection with `{ error: { errors: [SkyflowError] } }`.
 * `String(error)` reads `Error: <description>`, as before.
 *
 * @example
 * ```ts
 * import { Skyflow, SkyflowError } from 'skyflow-bridge/v1';
 *
 * declare const client: Skyflow;
 * try {
 *   await client.insert({ records: [{ table: 'cards', fields: { cardholder_name: 'Jane Doe' } }] });
 * } catch (caught) {
 *   if (!(caught instanceof SkyflowError)) throw caught;
 *   const body = caught.error ?? caught.errors?.[0];
 *   console.error(body?.code, body?.description);
 * }
 * ```
 */
export class SkyflowError extends Error {
  /** `{code, description}` of a singular-form error; absent in the plural form. */
  declare error?: ErrorBody;
  /** One `{code, description}` of a plural-form error; absent in the singular form. */
  declare errors?: ErrorBody[];

  /** Builds a v1 error from `body`: `%s1`, `%s2`… in its description become `args`, and `singular` picks the form. */
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
