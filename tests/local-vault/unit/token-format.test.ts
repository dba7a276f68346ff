import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveToken, uuidToken } from '../../../src/local-vault/vault/token-format.js';
import { UUID } from '../../helpers/data.js';

const secret = Buffer.alloc(32, 7);
const otherSecret = Buffer.alloc(32, 8);

describe('deriveToken', () => {
  it('derives version-4-shaped UUIDs, the same for the same input and different otherwise', () => {
    const token = deriveToken(secret, 'uuid', 'column:cards.cvv', '"123"', '123', 0)!;
    expect(token).toMatch(UUID);
    expect(deriveToken(secret, 'uuid', 'column:cards.cvv', '"123"', '123', 0)).toBe(token);
    expect(deriveToken(secret, 'uuid', 'column:cards.cvv', '"123"', '123', 1)).not.toBe(token);
    expect(deriveToken(secret, 'uuid', 'column:cards.cvv', '"124"', '124', 0)).not.toBe(token);
    expect(deriveToken(secret, 'uuid', 'column:persons.ssn', '"123"', '123', 0)).not.toBe(token);
    expect(deriveToken(otherSecret, 'uuid', 'column:cards.cvv', '"123"', '123', 0)).not.toBe(token);
  });

  it('keeps length, separators and character classes with format-preserving tokens', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Za-z][0-9A-Za-z \-/.@]{0,40}$/), fc.nat(5), (text, attempt) => {
        const token = deriveToken(secret, 'format-preserving', 's', JSON.stringify(text), text, attempt);
        if (token === undefined) return; // only when the derived token would equal the value
        expect(token).toHaveLength(text.length);
        expect(token).not.toBe(text);
        [...text].forEach((char, i) => {
          const out = token[i]!;
          if (/[0-9]/.test(char)) expect(out).toMatch(/[0-9]/);
          else if (/[a-z]/.test(char)) expect(out).toMatch(/[a-z]/);
          else if (/[A-Z]/.test(char)) expect(out).toMatch(/[A-Z]/);
          else expect(out).toBe(char);
        });
      }),
    );
    expect(deriveToken(secret, 'format-preserving', 's', '"5479-4229-4622-1393"', '5479-4229-4622-1393', 0)).toMatch(
      /^\d{4}-\d{4}-\d{4}-\d{4}$/,
    );
  });

  it('gives up on a format-preserving token for text without letters or digits', () => {
    expect(deriveToken(secret, 'format-preserving', 's', '"--"', '--', 0)).toBeUndefined();
    expect(uuidToken(secret, 'x')).toMatch(UUID);
  });
});
