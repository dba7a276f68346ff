// The `skyflow-bridge` command line. Each subcommand lives in its own module.
import { runCodemodCommand } from './codemod.js';
import { runLocalVault } from './local-vault.js';
import { runReport } from './report.js';

const USAGE = `Usage: skyflow-bridge <command> [options]

Commands:
  local-vault   Start a local Skyflow vault (HTTPS, SQLite) for development and tests
  report        Merge usage reports and print the legacy calls left, per call site
  codemod       Rewrite skyflow-node@1 call sites to the v2 API (needs ts-morph)

Run "skyflow-bridge <command> --help" for the options of a command.`;

const commands: Record<string, (args: string[]) => Promise<number>> = {
  'local-vault': runLocalVault,
  report: runReport,
  codemod: runCodemodCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    console.log(USAGE);
    return name === undefined ? 1 : 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${USAGE}`);
    return 1;
  }
  return command(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    process.exitCode = 1;
  },
);
