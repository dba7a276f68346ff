import { parseArgs } from 'node:util';
import { startLocalVault } from '../local-vault/index.js';

const HELP = `Usage: skyflow-bridge local-vault [options]

Starts a local Skyflow vault and prints how to reach it. Stop it with Ctrl-C.

Options:
  --port <n>        TCP port (default 8443; 0 picks a free port)
  --host <addr>     Interface to bind (default 127.0.0.1)
  --data <dir>      Data folder: SQLite file, keys, credentials.json, ca.pem (default .local-vault)
  --schema <file>   Tables and columns as JSON (default: the demo schema, cards and persons)
  --http            Serve plain HTTP instead of HTTPS
  --token-ttl <s>   Lifetime of issued access tokens in seconds (default 3600)
  --vault-id <id>   Vault ID (default: generated once and kept in the data folder)
  --quiet           Do not print a line per request
  -h, --help        Show this help`;

/** `skyflow-bridge local-vault`: runs until SIGINT or SIGTERM; resolves to the exit code. */
export async function runLocalVault(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        port: { type: 'string', default: '8443' },
        host: { type: 'string', default: '127.0.0.1' },
        data: { type: 'string', default: '.local-vault' },
        schema: { type: 'string' },
        http: { type: 'boolean', default: false },
        'token-ttl': { type: 'string', default: '3600' },
        'vault-id': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    return 1;
  }
  if (parsed.help) {
    console.log(HELP);
    return 0;
  }

  const vault = await startLocalVault({
    port: Number(parsed.port),
    host: parsed.host,
    dataDir: parsed.data,
    tls: !parsed.http,
    tokenTtlSeconds: Number(parsed['token-ttl']),
    ...(parsed.schema === undefined ? {} : { schema: parsed.schema }),
    ...(parsed['vault-id'] === undefined ? {} : { vaultId: parsed['vault-id'] }),
    ...(parsed.quiet ? {} : { log: (line: string) => console.log(line) }),
  });

  const lines = [
    'skyflow-bridge local vault is running.',
    '',
    `  Vault URL:    ${vault.url}`,
    `  Vault ID:     ${vault.vaultId}`,
    `  API key:      ${vault.apiKey}`,
    `  Credentials:  ${vault.credentialsPath}`,
  ];
  if (vault.caCertPath !== undefined) {
    lines.push(
      `  CA cert:      ${vault.caCertPath}`,
      '',
      'Trust the certificate in the process that talks to the vault:',
      `  export NODE_EXTRA_CA_CERTS=${vault.caCertPath}`,
    );
  }
  lines.push('', 'Press Ctrl-C to stop.');
  console.log(lines.join('\n'));

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await vault.close();
  console.log('Local vault stopped.');
  return 0;
}
