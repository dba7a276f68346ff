import { describe, expect, it } from 'vitest';
import { keywords } from '../../../src/local-vault/storage/sql.js';
import { FaultInjector } from '../../../src/local-vault/http/faults.js';

describe('keywords', () => {
  it('reads bare words and skips literals, quoted identifiers and comments', () => {
    expect(
      keywords(`select "with" , 'with it''s' , [with], \`with\` -- with
      /* WITH */ from t where x = 1`),
    ).toEqual(['SELECT', 'FROM', 'T', 'WHERE', 'X']);
    expect(keywords('SELECT 1 WITH')).toEqual(['SELECT', 'WITH']);
    expect(keywords("SELECT 'unterminated")).toEqual(['SELECT']);
  });
});

describe('FaultInjector', () => {
  it('fires by rate with the injected random source', () => {
    const draws = [0.1, 0.6, 0.4];
    const injector = new FaultInjector([{ status: 500, rate: 0.5 }], () => draws.shift()!);
    expect(injector.draw('insert', 'before')?.status).toBe(500);
    expect(injector.draw('insert', 'before')).toBeUndefined();
    expect(injector.draw('insert', 'before')?.status).toBe(500);
    expect(injector.injected).toBe(2);
  });

  it('matches operation and phase, and implies 429 for retryAfterSeconds alone', () => {
    const injector = new FaultInjector([
      { operation: 'detokenize', phase: 'after', latencyMs: 5 },
      { operation: 'query', retryAfterSeconds: 3 },
    ]);
    expect(injector.draw('detokenize', 'before')).toBeUndefined();
    expect(injector.draw('detokenize', 'after')).toEqual({
      latencyMs: 5,
      status: undefined,
      retryAfterSeconds: undefined,
      reset: false,
      message: 'Fault injected by the local vault (detokenize).',
    });
    expect(injector.draw('query', 'before')).toMatchObject({ status: 429, retryAfterSeconds: 3 });
    expect(injector.draw('insert', 'before')).toBeUndefined();
  });

  it('refuses what is not a list of rules', () => {
    expect(() => new FaultInjector({} as never)).toThrow('faults must be an array of fault rules.');
    expect(() => new FaultInjector([null as never])).toThrow('faults[0]: must be an object.');
    expect(() => new FaultInjector([{ status: 500, times: -1 }])).toThrow('faults[0]: times must be a non-negative integer.');
    expect(() => new FaultInjector([{ latencyMs: -5 }])).toThrow('faults[0]: latencyMs must be a non-negative number.');
    expect(() => new FaultInjector([{ status: 500, phase: 'during' as never }])).toThrow(
      "faults[0]: phase must be 'before' or 'after'.",
    );
  });
});
