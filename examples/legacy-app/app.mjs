// A small application written against skyflow-node@1. It stores a customer's
// card, reads it back masked, reveals the CVV for a payment, updates the
// expiry date and removes the card. To move it to skyflow-bridge, change the
// one import below to 'skyflow-bridge/v1'.
import { Skyflow, generateBearerToken, setLogLevel, LogLevel } from 'skyflow-node';

setLogLevel(LogLevel.OFF);

const client = Skyflow.init({
  vaultID: process.env.VAULT_ID,
  vaultURL: process.env.VAULT_URL,
  getBearerToken: async () => (await generateBearerToken(process.env.CREDENTIALS_PATH)).accessToken,
});

const card = {
  card_number: process.env.CARD_NUMBER ?? '5479-4229-4622-1393',
  cardholder_name: 'Ada Lovelace',
  expiry_date: '12/30',
  cvv: '123',
};

const inserted = await client.insert({ records: [{ table: 'cards', fields: card }] });
const { skyflow_id: id, cvv: cvvToken } = inserted.records[0].fields;
report('insert', inserted);

report('get', await client.get({ records: [{ table: 'cards', ids: [id], redaction: Skyflow.RedactionType.MASKED }] }));
report('detokenize', await client.detokenize({ records: [{ token: cvvToken }] }));
report('update', await client.update({ records: [{ id, table: 'cards', fields: { expiry_date: '01/31' } }] }, { tokens: false }));
report('delete', await client.delete({ records: [{ id, table: 'cards' }] }));

try {
  await client.getById({ records: [{ ids: [id], table: 'cards', redaction: Skyflow.RedactionType.PLAIN_TEXT }] });
} catch (error) {
  report('getById after delete', error);
}

// Ids, tokens and request ids differ from run to run; the shapes do not.
function report(step, value) {
  const text = JSON.stringify(value)
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
    .replace(/"card_number":"\d{4}-\d{4}-\d{4}-\d{4}"/g, '"card_number":"<token>"');
  console.log(`${step}: ${text}`);
}
