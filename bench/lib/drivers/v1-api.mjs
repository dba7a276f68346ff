// The skyflow-node@1 API, driven the same way whichever module provides it:
// the legacy SDK itself, or skyflow-bridge/v1 in its place. The application
// code is identical for both — that is the drop-in promise being measured.

/**
 * @param {object} options
 * @param {any} options.module `skyflow-node` or `skyflow-bridge/v1`
 * @param {{ url: string, vaultId: string, credentials: object }} options.vault
 * @param {'every-call' | 'silent' | undefined} options.policy deprecation policy (skyflow-bridge only)
 */
export function createV1Driver({ module, vault, policy }) {
  const { Skyflow, generateBearerTokenFromCreds, isExpired, setDeprecationPolicy } = module;
  if (policy !== undefined) setDeprecationPolicy?.(policy);
  const credentials = JSON.stringify(vault.credentials);

  // The token provider as skyflow-node@1's README writes it: keep the last
  // token, fetch a new one once it has expired. The SDK calls it on every call.
  let bearerToken = '';
  let providerCalls = 0;
  const getBearerToken = async () => {
    providerCalls++;
    if (isExpired(bearerToken)) bearerToken = (await generateBearerTokenFromCreds(credentials)).accessToken;
    return bearerToken;
  };

  const client = Skyflow.init({
    vaultID: vault.vaultId,
    vaultURL: vault.url,
    getBearerToken,
    ...(policy === undefined ? {} : { options: { deprecationWarnings: policy } }),
  });
  const { PLAIN_TEXT } = Skyflow.RedactionType;

  return {
    providerCalls: () => providerCalls,
    /** Entries in skyflow-bridge's usage registry (one per method and call site); null for the legacy SDK. */
    usageEntries: () => module.legacyUsage?.().length ?? null,
    async insert(records) {
      const answer = await client.insert({ records: records.map((fields) => ({ table: 'cards', fields })) }, { tokens: true });
      return answer.records.map(({ fields }) => ({ skyflowId: fields.skyflow_id, token: fields.card_number }));
    },
    async detokenize(tokens) {
      const answer = await client.detokenize({ records: tokens.map((token) => ({ token, redaction: PLAIN_TEXT })) });
      return answer.records.length;
    },
    async get(ids) {
      const answer = await client.get({ records: [{ table: 'cards', ids, redaction: PLAIN_TEXT }] });
      return answer.records.length;
    },
    async update(id, fields) {
      const answer = await client.update({ records: [{ id, table: 'cards', fields }] }, { tokens: true });
      return answer.records.length;
    },
    close() {},
  };
}
