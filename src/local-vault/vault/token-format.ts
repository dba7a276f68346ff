// Deterministic token derivation. A token is an HMAC of (scope, value, attempt)
// under the vault's secret, shaped as a UUID or as the value itself: the same
// value always gets the same token, also after it was deleted and re-inserted,
// and nobody without the secret can go from token to value.
import { createHmac } from 'node:crypto';
import type { TokenFormat } from '../schema/types.js';

/**
 * The candidate token for a value. `attempt` moves to the next candidate when
 * the previous one is taken. Returns `undefined` when the format cannot express
 * a token for this value (a format-preserving token of text without letters or
 * digits); the caller then uses a UUID.
 */
export function deriveToken(
  secret: Buffer,
  format: TokenFormat,
  scope: string,
  key: string,
  text: string,
  attempt: number,
): string | undefined {
  const material = `${scope}\u0000${key}\u0000${attempt}`;
  return format === 'format-preserving' ? formatPreserving(secret, material, text) : uuidToken(secret, material);
}

/** A version-4-shaped UUID made of HMAC bytes. */
export function uuidToken(secret: Buffer, material: string): string {
  const bytes = createHmac('sha256', secret).update(`uuid\u0000${material}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Keeps the value's length, separators and character classes: digits stay
 * digits and letters stay letters of the same case, so `5479-4229-4622-1393`
 * becomes something like `8102-7736-0945-2281`.
 */
function formatPreserving(secret: Buffer, material: string, text: string): string | undefined {
  if (!/[0-9A-Za-z]/.test(text)) return undefined;
  const stream = byteStream(secret, material);
  let token = '';
  for (const char of text) {
    if (char >= '0' && char <= '9') token += String.fromCharCode(48 + (stream() % 10));
    else if (char >= 'a' && char <= 'z') token += String.fromCharCode(97 + (stream() % 26));
    else if (char >= 'A' && char <= 'Z') token += String.fromCharCode(65 + (stream() % 26));
    else token += char;
  }
  return token === text ? undefined : token;
}

// HMAC in counter mode: as many pseudo-random bytes as the value needs.
function byteStream(secret: Buffer, material: string): () => number {
  let block = Buffer.alloc(0);
  let counter = 0;
  let offset = 0;
  return () => {
    if (offset >= block.length) {
      block = createHmac('sha256', secret).update(`fpt\u0000${material}\u0000${counter++}`).digest();
      offset = 0;
    }
    return block[offset++]!;
  };
}
