// Sticky percentage ramps: a key's bucket comes from a hash of the flag key
// and the key, so it never changes; a key is in the ramp while its bucket is
// below the percentage, so raising the percentage only ever adds keys.
import { createHash } from 'node:crypto';

/** Buckets of a ramp: a percentage has a resolution of 0.01 %. */
export const BUCKETS = 10_000;

/** The bucket of a targeting key for a flag, in [0, 10 000). */
export function bucketOf(flagKey: string, targetingKey: string): number {
  const digest = createHash('sha256').update(`${flagKey}\u0000${targetingKey}`).digest();
  return digest.readUInt32BE(0) % BUCKETS;
}

/** Whether a bucket is inside a ramp at `percent` (0–100). */
export function inRamp(bucket: number, percent: number): boolean {
  return bucket < Math.round(percent * (BUCKETS / 100));
}
