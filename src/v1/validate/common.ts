import { ERROR } from '../errors/codes.js';
import { SkyflowError } from '../errors/SkyflowError.js';
import { RedactionType } from '../enums.js';

type Key = keyof typeof ERROR;

/** A v1 error in the singular form (`error`). */
export const singular = (key: Key, ...args: Array<string | number>): SkyflowError => new SkyflowError(ERROR[key], args, true);
/** A v1 error in the plural form (`errors`). */
export const plural = (key: Key, ...args: Array<string | number>): SkyflowError => new SkyflowError(ERROR[key], args);

export const has = (value: object, key: string): boolean => Object.hasOwn(value, key);

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isRedaction(value: unknown): boolean {
  return (Object.values(RedactionType) as unknown[]).includes(value);
}

/** The first 5 characters, lower-cased, are `https`, and the URL parses. */
export function isValidURL(url: unknown): boolean {
  if (typeof url !== 'string' || url.substring(0, 5).toLowerCase() !== 'https') return false;
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}
