// skyflow-bridge/v2: the native API, with service-account credentials it
// exchanges and refreshes itself.
import {
  DetokenizeRequest,
  GetRequest,
  InsertRequest,
  LogLevel,
  RedactionType,
  Skyflow,
  UpdateRequest,
} from '../../../dist/v2.js';

/** @param {{ vault: { url: string, vaultId: string, credentials: object } }} options */
export function createV2Driver({ vault }) {
  const client = Skyflow.builder()
    .addVaultConfig({ vaultId: vault.vaultId, baseUrl: vault.url })
    .addSkyflowCredentials({ credentialsString: JSON.stringify(vault.credentials) })
    .setLogLevel(LogLevel.ERROR)
    .build();
  const records = client.vault();

  return {
    providerCalls: () => null,
    async insert(values) {
      const answer = await records.insert(new InsertRequest({ table: 'cards', values, returnTokens: true }));
      return answer.insertedFields.map((fields) => ({ skyflowId: fields.skyflowId, token: fields.card_number }));
    },
    async detokenize(tokens) {
      const answer = await records.detokenize(
        new DetokenizeRequest({
          tokens: tokens.map((token) => ({ token, redactionType: RedactionType.PLAIN_TEXT })),
          continueOnError: true,
        }),
      );
      return answer.detokenizedFields.length;
    },
    async get(ids) {
      const answer = await records.get(new GetRequest({ table: 'cards', ids, redactionType: RedactionType.PLAIN_TEXT }));
      return answer.data.length;
    },
    async update(skyflowId, fields) {
      const answer = await records.update(new UpdateRequest({ table: 'cards', data: { skyflowId, ...fields }, returnTokens: true }));
      return answer.updatedField.skyflowId === skyflowId ? 1 : 0;
    },
    close: () => client.close(),
  };
}
