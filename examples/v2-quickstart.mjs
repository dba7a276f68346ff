import { startLocalVault } from 'skyflow-bridge/local-vault';
import { DetokenizeRequest, InsertRequest, LogLevel, RedactionType, Skyflow } from 'skyflow-bridge';

// A vault of your own, offline: HTTPS on 127.0.0.1, data in memory.
const vault = await startLocalVault();

const client = Skyflow.builder()
  .addVaultConfig({ vaultId: vault.vaultId, baseUrl: vault.url, caCert: vault.caCert })
  .addSkyflowCredentials({ credentialsString: JSON.stringify(vault.credentials) })
  .setLogLevel(LogLevel.ERROR)
  .build();

const inserted = await client.vault().insert(
  new InsertRequest({
    table: 'cards',
    values: [{ card_number: '5479-4229-4622-1393', cardholder_name: 'Ada Lovelace', cvv: '123' }],
    returnTokens: true,
  }),
);
const record = inserted.insertedFields[0];
console.log('inserted', record.skyflowId, 'card token', record.card_number);

const revealed = await client.vault().detokenize(
  new DetokenizeRequest({
    tokens: [
      { token: record.card_number, redactionType: RedactionType.MASKED },
      { token: record.cvv, redactionType: RedactionType.PLAIN_TEXT },
    ],
  }),
);
for (const { value, type } of revealed.detokenizedFields) console.log('revealed', type, value);

client.close();
await vault.close();
