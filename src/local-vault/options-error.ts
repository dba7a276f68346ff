// The error of options `startLocalVault` cannot work with. On its own so that
// the fault rules (checked at start and by `setFaults`) can throw it without
// an import cycle with the options module.

/** Options `startLocalVault` was given that cannot work; the message names the option and the fix. */
export class LocalVaultOptionsError extends Error {
  /** Always `'LocalVaultOptionsError'`. */
  override readonly name = 'LocalVaultOptionsError';
}
