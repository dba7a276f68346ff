// Tokens under load: a vault whose access tokens live 2 s, and 32 callers
// on one v2 client with service-account credentials for 6 s (30 s with
// SOAK=1). No call may fail — in particular none for an expired token — and
// the client must exchange its credentials about once per token lifetime, one
// exchange at a time for all callers, not one per caller.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLocalVault, type LocalVault } from '../../src/local-vault/index.js';
import { LogLevel, RedactionType, Skyflow } from '../../src/v2/index.js';
import { startCapture, type Capture } from '../helpers/capture.js';
import { expectNothingLeftOpen, openResources, type Resources } from '../helpers/resources.js';
import { SHORT_RETRY, SOAK, elapsedMs, failureCode, recordSoakResult, runId, runWorkers } from './support.js';

const TTL_SECONDS = 2;
const DURATION_MS = SOAK ? 30_000 : 6_000;
const CONCURRENCY = 32;
const RUN = runId();

let capture: Capture;
let baseline: Resources;
let vault: LocalVault;
let client: Skyflow;
/** The run's figures, printed once the capture has stopped. */
let report: Record<string, unknown> | undefined;

beforeAll(async () => {
  baseline = openResources();
  capture = startCapture();
  vault = await startLocalVault({ tokenTtlSeconds: TTL_SECONDS });
  client = new Skyflow({
    vaultConfigs: [{ vaultId: vault.vaultId, baseUrl: vault.url, caCert: vault.caCert! }],
    skyflowCredentials: { credentialsString: JSON.stringify(vault.credentials) },
    logLevel: LogLevel.DEBUG,
    logger: capture.logger,
    retry: SHORT_RETRY,
  });
});

afterAll(async () => {
  client?.close();
  await vault?.close();
  try {
    capture.expectClean({ apiKey: vault.apiKey, privateKey: vault.credentials.privateKey });
  } finally {
    capture.stop();
  }
  if (report) console.log(`tokens under load: ${JSON.stringify(report)}`);
  await expectNothingLeftOpen(baseline);
});

interface Held {
  id: string;
  nameToken: string;
  marker: string;
}

it(
  `no call fails and tokens are exchanged about once per lifetime (${DURATION_MS / 1000} s, ${CONCURRENCY} callers, ${TTL_SECONDS} s tokens)`,
  async () => {
    const vaultClient = client.vault();
    const counts = { insert: 0, get: 0, detokenize: 0, update: 0 };
    const failures: Array<{ operation: string; code: number | undefined }> = [];
    const wrongAnswers: string[] = [];
    let sequence = 0;

    const insert = async (held: Held[]) => {
      const marker = `tok-${RUN}-${sequence++}-${randomInt(1e9)}`;
      capture.remember(marker);
      counts.insert++;
      const response = await vaultClient.insert({
        table: 'cards',
        values: [{ cardholder_name: marker, expiry_date: '12/30', cvv: '123' }],
        returnTokens: true,
      });
      const inserted = response.insertedFields[0]!;
      held.push({ id: inserted.skyflowId, nameToken: String(inserted['cardholder_name']), marker });
    };

    const started = performance.now();
    const deadline = started + DURATION_MS;
    const tokensBefore = vault.stats().requests.token;
    let debugUntil = started + DURATION_MS / 2;

    await runWorkers(CONCURRENCY, async () => {
      const held: Held[] = [];
      while (performance.now() < deadline) {
        // DEBUG for the first half (every line the client has), INFO after.
        if (debugUntil !== Infinity && performance.now() > debugUntil) {
          debugUntil = Infinity;
          client.setLogLevel(LogLevel.INFO);
        }
        const draw = held.length === 0 ? 0 : Math.random();
        const operation = draw < 0.25 ? 'insert' : draw < 0.6 ? 'get' : draw < 0.85 ? 'detokenize' : 'update';
        try {
          if (operation === 'insert') {
            await insert(held);
            continue;
          }
          const record = held[randomInt(held.length)]!;
          if (operation === 'get') {
            counts.get++;
            const { data } = await vaultClient.get({ table: 'cards', ids: [record.id], redactionType: RedactionType.PLAIN_TEXT });
            if (data[0]?.['cardholder_name'] !== record.marker) wrongAnswers.push(`get ${record.id}`);
          } else if (operation === 'detokenize') {
            counts.detokenize++;
            const { detokenizedFields } = await vaultClient.detokenize({
              tokens: [{ token: record.nameToken, redactionType: RedactionType.PLAIN_TEXT }],
            });
            if (detokenizedFields[0]?.value !== record.marker) wrongAnswers.push(`detokenize of ${record.id}`);
          } else {
            counts.update++;
            await vaultClient.update({ table: 'cards', data: { skyflowId: record.id, expiry_date: `0${randomInt(1, 10)}/3${randomInt(10)}` } });
          }
        } catch (error) {
          capture.error(error);
          failures.push({ operation, code: failureCode(error) });
        }
      }
    });

    const durationMs = elapsedMs(started);
    const stats = vault.stats();
    const tokenRequests = stats.requests.token - tokensBefore;
    const operations = counts.insert + counts.get + counts.detokenize + counts.update;
    const refusedTokens = capture.texts.filter((text) => text.includes('refused the bearer token')).length;
    const perLifetime = durationMs / 1000 / TTL_SECONDS;

    // Why these bounds. The vault issues tokens with whole-second claims:
    // iat = ⌊t⌋ and exp = ⌊t⌋ + ttl for a token issued at t. The client uses a
    // token until 10 % of (exp − iat) before exp, i.e. until exp − 0.2 s, and
    // then one caller fetches the next one while the others wait for it. A
    // token fetched at t therefore serves from t to ⌊t⌋ + ttl − 0.2, between
    // ttl − 1.2 s and ttl − 0.2 s; once the refreshes have settled, each one
    // happens just after x.8 s, so each token serves ttl − 1 = 1 s. Over a
    // run of D seconds that is D/(ttl − 1) + 1 exchanges (the first one
    // included) = 2·D/ttl + 1 at ttl = 2; the upper bound 2·D/ttl + 2 leaves
    // one more for a token the vault refused on the way (expired in flight,
    // replaced once). No token can serve longer than ttl, so fewer than
    // D/ttl − 1 exchanges would mean calls were made with expired tokens.
    // One exchange per caller at each refresh would be ~32 × as many.
    const figures = {
      durationMs,
      concurrency: CONCURRENCY,
      tokenTtlSeconds: TTL_SECONDS,
      operations,
      counts,
      failed: failures.length,
      tokenRequests,
      tokensIssued: stats.tokensIssued,
      durationOverTtl: Number(perLifetime.toFixed(2)),
      bounds: [Math.floor(perLifetime - 1), Math.ceil(2 * perLifetime + 2)],
      tokensRefusedAndReplaced: refusedTokens,
      // Lines, warnings and errors captured so far; afterAll scans them all for secrets and values.
      textsCaptured: capture.texts.length,
    };
    if (SOAK) await recordSoakResult('tokens', figures);
    report = figures;

    expect(failures).toEqual([]);
    expect(wrongAnswers).toEqual([]);
    expect(operations).toBeGreaterThan(CONCURRENCY * 10);
    expect(tokenRequests).toBeGreaterThanOrEqual(perLifetime - 1);
    expect(tokenRequests).toBeLessThanOrEqual(2 * perLifetime + 2);
    expect(stats.tokensIssued).toBe(tokenRequests);
  },
  DURATION_MS + 60_000,
);
