// The workloads over HTTPS: a vault process, one process per client, and
// rounds interleaved across the clients (the first client of each round
// rotates), with the vault's request counts read between rounds.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Child } from './child.mjs';
import { CLIENTS } from './clients.mjs';
import { requestDelta, summarize } from './summary.mjs';
import { SEED_RECORDS, SHORT_TOKEN_TTL_SECONDS, WORKLOADS } from './workloads.mjs';

const VAULT_PROCESS = new URL('./vault-process.mjs', import.meta.url).pathname;
export const CLIENT_PROCESS = new URL('./client-process.mjs', import.meta.url).pathname;
// Time each client warms up per workload before its first measured round.
const WARM_UP_MS = 1_500;
const QUICK_WARM_UP_MS = 200;

/**
 * Starts the vault process, seeds both vaults, and hands `use` what a
 * workload needs. The vault process is stopped when `use` settles.
 */
export async function withVaults(workDir, use) {
  const vaultProcess = new Child(VAULT_PROCESS, { name: 'vault process' });
  try {
    const vaults = await vaultProcess.request({
      type: 'start',
      dataDir: join(workDir, 'vaults'),
      shortTokenTtlSeconds: SHORT_TOKEN_TTL_SECONDS,
    });
    // A client process trusts the CA of the one vault it talks to (the two
    // CAs have the same name, so one bundle of both would not verify).
    const envs = {};
    for (const [name, vault] of Object.entries(vaults)) {
      const caFile = join(workDir, `ca-${name}.pem`);
      await writeFile(caFile, vault.caCert);
      envs[name] = { NODE_EXTRA_CA_CERTS: caFile };
    }
    let cardPrefix = 10;
    const seeds = {};
    for (const name of Object.keys(vaults)) {
      const seeder = new Child(CLIENT_PROCESS, { env: envs[name], name: `seed of ${name}` });
      try {
        await seeder.request({ type: 'setup', client: 'raw', vault: vaults[name], data: null, cardPrefix: cardPrefix++ });
        seeds[name] = await seeder.request({ type: 'seed', count: SEED_RECORDS });
      } finally {
        await seeder.close();
      }
    }
    const stats = () => vaultProcess.request({ type: 'stats' });
    return await use({ vaults, seeds, envs, stats, nextCardPrefix: () => cardPrefix++ });
  } finally {
    await vaultProcess.close();
  }
}

/** Runs every workload through every client; returns one summary per workload and client. */
export async function runWorkloads(setting, { quick, log }) {
  const results = [];
  for (const workload of WORKLOADS) {
    const started = Date.now();
    results.push(await runWorkload(workload, setting, quick));
    log(`  ${workload.name.padEnd(15)} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return results;
}

async function runWorkload(workload, { vaults, seeds, envs, stats, nextCardPrefix }, quick) {
  const { rounds, opsPerRound } = workload.shape[quick ? 'quick' : 'full'];
  const vault = vaults[workload.vault];
  const children = CLIENTS.map((client) => new Child(CLIENT_PROCESS, { env: envs[workload.vault], name: `${client.id} client (${workload.name})` }));
  try {
    await Promise.all(
      children.map((child, index) =>
        child.request({ type: 'setup', client: CLIENTS[index].id, vault, data: seeds[workload.vault], cardPrefix: nextCardPrefix() }),
      ),
    );
    // Warm-up, not counted: connections, the first token, the JIT of the
    // clients and of the vault (whose speed rose for many rounds without it).
    const durationMs = quick ? QUICK_WARM_UP_MS : WARM_UP_MS;
    for (const child of children) await child.request({ type: 'warmUp', workload: workload.name, ops: opsPerRound, durationMs });
    const warningLinesBefore = children.map((child) => child.stderrLines);

    const measured = CLIENTS.map(() => []);
    const lastStart = CLIENTS.map(() => Date.now());
    for (let round = 0; round < rounds; round++) {
      for (let turn = 0; turn < children.length; turn++) {
        const index = (round + turn) % children.length;
        const wait = lastStart[index] + (workload.roundSpacingMs ?? 0) - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        lastStart[index] = Date.now();
        const before = await stats();
        const result = await children[index].request({ type: 'round', workload: workload.name, ops: opsPerRound });
        const after = await stats();
        measured[index].push({ ...result, requests: requestDelta(before[workload.vault], after[workload.vault]) });
      }
    }
    const finished = await Promise.all(children.map((child) => child.request({ type: 'finish' })));
    return {
      workload: workload.name,
      title: workload.title,
      concurrency: workload.concurrency,
      rounds,
      opsPerRound,
      clients: CLIENTS.map((client, index) => ({
        client: client.id,
        ...summarize(measured[index], {
          maxRssBytes: finished[index].maxRssBytes,
          warningLines: children[index].stderrLines - warningLinesBefore[index],
        }),
      })),
    };
  } finally {
    await Promise.all(children.map((child) => child.close()));
  }
}

/** 100,000 (quick: 5,000) single-record inserts through skyflow-bridge/v1 with its default warnings. */
export async function runMemory({ vaults, envs, nextCardPrefix }, { quick }) {
  const calls = quick ? 5_000 : 100_000;
  const child = new Child(CLIENT_PROCESS, { env: envs.main, execArgv: ['--expose-gc'], name: 'memory run (v1 client)' });
  try {
    await child.request({ type: 'setup', client: 'v1', vault: vaults.main, data: null, cardPrefix: nextCardPrefix() });
    const result = await child.request({ type: 'memory', calls, concurrency: 16, samples: 10 }, 600_000);
    return { client: 'v1', calls, concurrency: 16, ...result, warningLines: child.stderrLines };
  } finally {
    await child.close();
  }
}
