// Everything an SDK lets out while a suite runs — console lines, stderr and
// stdout writes, process warnings, logger entries, errors in every form a
// user might print them (message, stack, util.inspect, JSON.stringify) and
// events — kept as text, so that a suite can assert at its end that none of it
// holds a secret or a stored value.
import { inspect } from 'node:util';
import { expect, vi } from 'vitest';

// A JWT anywhere in the text: header and payload are base64url JSON objects.
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/;

export interface Capture {
  /** Everything captured so far, one entry per line, error form or event. */
  readonly texts: string[];
  /** A log sink for v2 clients (`logger` option). */
  logger(entry: { level: string; message: string }): void;
  /** Records an error in every form a user might print it. */
  error(error: unknown): void;
  /** Records an event object as a listener would print it. */
  event(name: string, payload: unknown): void;
  /** A value the suite stored in the vault: it must never appear. */
  remember(value: string): void;
  /** Runs `promise`, recording its rejection (if any) and returning it. */
  settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }>;
  /** Restores the console and stream methods and the warning listener. */
  stop(): void;
  /** Asserts that nothing captured holds a secret, a bearer token or a remembered value. */
  expectClean(secrets: { apiKey?: string; privateKey?: string; other?: string[] }): void;
}

export function startCapture(): Capture {
  const texts: string[] = [];
  const values = new Set<string>();
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      texts.push(args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { depth: 10 }))).join(' '));
    });
  }
  const writes = [process.stdout, process.stderr].map((stream) => {
    const original = stream.write;
    // Kept, not printed: a suite that warns on every call would flood the test output.
    stream.write = function write(chunk: unknown, ...rest: unknown[]) {
      texts.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      done?.();
      return true;
    } as typeof stream.write;
    return { stream, original };
  });
  const onWarning = (warning: Error) => texts.push(`${warning.name} ${warning.message} ${inspect(warning)}`);
  process.on('warning', onWarning);

  const capture: Capture = {
    texts,
    logger: (entry) => texts.push(`${entry.level} ${entry.message}`),
    error(error) {
      if (error instanceof Error) texts.push(error.message, error.stack ?? '');
      texts.push(inspect(error, { depth: 10 }), safeJson(error), String(error));
    },
    event(name, payload) {
      texts.push(`${name} ${inspect(payload, { depth: 10 })} ${safeJson(payload)}`);
    },
    remember(value) {
      if (value.length >= 6) values.add(value);
    },
    async settle(promise) {
      try {
        return { value: await promise };
      } catch (error) {
        capture.error(error);
        return { error };
      }
    },
    stop() {
      process.off('warning', onWarning);
      for (const { stream, original } of writes) stream.write = original;
      vi.restoreAllMocks();
    },
    expectClean({ apiKey, privateKey, other = [] }) {
      const forbidden = [...values, ...other];
      if (apiKey) forbidden.push(apiKey);
      // Any 40-character run of the key's base64 body is enough to call it leaked.
      if (privateKey) forbidden.push(...pemBodyPieces(privateKey));
      const leaks: string[] = [];
      for (const text of texts) {
        if (JWT.test(text)) leaks.push(`a bearer token in: ${text.slice(0, 200)}`);
        for (const secret of forbidden) if (text.includes(secret)) leaks.push(`a secret or stored value in: ${text.slice(0, 200)}`);
      }
      expect(texts.length, 'the capture saw nothing: it is not wired up').toBeGreaterThan(0);
      expect(leaks).toEqual([]);
    },
  };
  return capture;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

function pemBodyPieces(pem: string): string[] {
  const body = pem
    .split('\n')
    .filter((line) => !line.startsWith('-----'))
    .join('');
  const pieces: string[] = [];
  for (let start = 0; start + 40 <= body.length; start += 40) pieces.push(body.slice(start, start + 40));
  return pieces;
}
