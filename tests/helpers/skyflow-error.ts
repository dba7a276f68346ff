import { expect } from 'vitest';
import { UUID } from './data.js';
import type { RestResponse } from './rest.js';

/** What no answer of the local vault may show: a stack trace or a source location. */
export const STACK_TRACE = /\n\s+at |node_modules|\.[cm]?[jt]s:\d+/;

/**
 * Asserts a Skyflow JSON error answer: the status, a JSON body of exactly
 * `{error: {grpc_code, http_code, http_status, message, details: []}}`, an
 * `x-request-id`, and no stack trace. A string message must match exactly.
 */
export function expectSkyflowError(response: RestResponse, status: number, message?: string | RegExp): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(response.headers['x-request-id']).toMatch(UUID);
  expect(Object.keys(response.body)).toEqual(['error']);
  expect(response.body.error).toMatchObject({ http_code: status, details: [] });
  expect(typeof response.body.error.grpc_code).toBe('number');
  expect(typeof response.body.error.http_status).toBe('string');
  if (typeof message === 'string') expect(response.body.error.message).toBe(message);
  else if (message !== undefined) expect(response.body.error.message).toMatch(message);
  expect(response.text).not.toMatch(STACK_TRACE);
}
