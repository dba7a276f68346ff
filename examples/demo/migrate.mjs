// Step 3 of the demo (run by run.mjs with the vault in its environment): the
// same clients behind a migration client, moved from shadow mode to v2.
import { Skyflow as Legacy, generateBearerToken, setLogLevel, LogLevel } from 'skyflow-node';
import { Skyflow as Bridge, setDeprecationPolicy } from 'skyflow-bridge/v1';
import { createMigrationClient, dualView, formatUsage, mergeUsageReports, usageReport } from 'skyflow-bridge/migrate';

setLogLevel(LogLevel.OFF);
setDeprecationPolicy('silent');

const config = {
  vaultID: process.env.VAULT_ID,
  vaultURL: process.env.VAULT_URL,
  getBearerToken: async () => (await generateBearerToken(process.env.CREDENTIALS_PATH)).accessToken,
};
const legacy = Legacy.init(config);
// Warnings are silent here (step 2 showed them); every call is still counted.
const bridge = Bridge.init({ ...config, options: { deprecationWarnings: 'silent' } });

// 30 customers, each with a card, stored through the legacy SDK.
const tenants = Array.from({ length: 30 }, (_, i) => `tenant-${i + 1}`);
const cards = [];
for (const [i, tenant] of tenants.entries()) {
  const cardNumber = `4000-0000-${String(1000 + i).padStart(4, '0')}-${String(2000 + i)}`;
  const { records } = await legacy.insert({ records: [{ table: 'cards', fields: { card_number: cardNumber, cardholder_name: `Customer ${i + 1}`, expiry_date: '12/30', cvv: String(100 + i) } }] });
  cards.push({ tenant, id: records[0].fields.skyflow_id, cvvToken: records[0].fields.cvv });
}

let currentTenant;
const client = createMigrationClient({
  legacy,
  bridge,
  route: 'shadow',
  shadow: { timeoutMs: 5000, maxConcurrent: 8 },
});
const routes = { legacy: 0, shadow: 0, v2: 0 };
client.on('result', ({ route }) => routes[route]++);
let demotions = 0;
client.on('demotion', () => demotions++);
const mismatchPaths = [];
client.on('mismatch', ({ differences }) => mismatchPaths.push(...differences.map((d) => d.path)));

// Four customers at a time: within the shadow concurrency cap of 8.
async function workload() {
  for (let i = 0; i < cards.length; i += 4) {
    await Promise.all(
      cards.slice(i, i + 4).map(async (card) => {
        await client.get({ records: [{ table: 'cards', ids: [card.id], redaction: 'MASKED' }] });
        await client.detokenize({ records: [{ token: card.cvvToken }] });
      }),
    );
  }
}

console.log('Shadow mode: the caller gets skyflow-node\'s result; skyflow-bridge runs beside it and is compared.');
await workload();
await client.update({ records: [{ id: cards[0].id, table: 'cards', fields: { expiry_date: '01/31' } }] });
await client.drain();
const stats = client.stats();
const row = (operation) => {
  const s = stats[operation];
  const control = s.routes.shadow?.latencyMs;
  return `  ${operation.padEnd(10)} calls ${String(s.routes.shadow?.calls ?? 0).padStart(3)}  matches ${String(s.shadow.matches).padStart(3)}  mismatches ${s.shadow.mismatches}  skipped: ${s.shadow.skippedWrites} writes, ${s.shadow.skippedConcurrency} over the concurrency cap  timeouts ${s.shadow.timeouts}  p50 legacy ${control?.p50 ?? '-'} ms / bridge ${s.shadow.candidateLatencyMs.p50} ms`;
};
console.log('\nA/B summary');
for (const operation of ['get', 'detokenize', 'update']) console.log(row(operation));
console.log(`  mismatched paths: ${mismatchPaths.length === 0 ? 'none' : mismatchPaths.join(', ')}`);

console.log('\nRamp to v2, sticky per tenant (hash of flag key + tenant into 10,000 buckets):');
client.setRoute({ ramp: { flagKey: 'vault-v2-cutover', percent: 0, targetingKey: () => currentTenant } });
let previous = new Set();
for (const percent of [0, 25, 50, 100]) {
  client.setRampPercent(percent);
  const onV2 = new Set();
  for (const card of cards) {
    currentTenant = card.tenant;
    const stop = client.on('result', ({ route }) => route === 'v2' && onV2.add(card.tenant));
    await client.get({ records: [{ table: 'cards', ids: [card.id], redaction: 'MASKED' }] });
    stop();
  }
  const movedBack = [...previous].filter((tenant) => !onV2.has(tenant)).length;
  console.log(`  ${String(percent).padStart(3)} %: ${String(onV2.size).padStart(2)} of ${cards.length} tenants on v2, ${cards.length - onV2.size} on legacy; moved back: ${movedBack}`);
  previous = onV2;
}
console.log(`  calls by route so far: legacy ${routes.legacy}, shadow ${routes.shadow}, v2 ${routes.v2}; guard demotions: ${demotions}`);

console.log('\nOne call in both shapes (the dual view of the bridge):');
let view;
const stop = dualView(bridge, (seen) => (view = seen));
currentTenant = cards[1].tenant;
await client.detokenize({ records: [{ token: cards[1].cvvToken, redaction: 'MASKED' }] });
stop();
const [exchange] = view.exchanges;
console.log(`  v1 call:      detokenize({ records: [{ token, redaction: 'MASKED' }] })`);
console.log(`  v2 request:   ${JSON.stringify({ tokens: exchange.request.tokens, continueOnError: exchange.request.continueOnError })}`);
console.log(`  v2 response:  ${JSON.stringify({ detokenizedFields: exchange.response.detokenizedFields, errors: exchange.response.errors })}`);
console.log(`  v1 result:    ${JSON.stringify(view.result)}`);

console.log('\nUsage report: the legacy calls this process made through skyflow-bridge/v1');
process.stdout.write(formatUsage(mergeUsageReports([usageReport()]), 'table').replace(/^/gm, '  '));
