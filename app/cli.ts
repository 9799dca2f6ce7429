// zhenggai command line. Exit codes: 0 ok, 1 some input failed, 2 usage error.
// The commands are in app/cli/, a file per group; they are registered here in the order --help
// lists them, and each imports what it uses when it runs (`zhenggai --help` loads no parser).
import { Command, CommanderError } from 'commander';
import { printable } from './format.js';
import { registerReadCommands } from './cli/read.js';
import { registerIngestCommands } from './cli/ingest.js';
import { registerSearchCommands } from './cli/search.js';
import { registerExportCommands } from './cli/export.js';
import { registerUnitsCommands } from './cli/units.js';
import { registerServeCommand } from './cli/serve.js';
import { registerMigrateCommand } from './cli/migrate.js';

const program = new Command();
program
  .name('zhenggai')
  .description('Turn inspection-rectification bulletins (巡视/巡察整改情况通报) into a normalized SQLite dataset')
  .version('0.1.0')
  .exitOverride()
  .showHelpAfterError();

registerReadCommands(program); // extract, explain
registerIngestCommands(program); // ingest, errors
registerSearchCommands(program); // search, compare, query
registerExportCommands(program); // export, report
registerUnitsCommands(program); // units, units merge, units unmerge
registerServeCommand(program);
registerMigrateCommand(program);

export async function main(argv: string[]): Promise<number> {
  // `zhenggai extract … | head`: a closed pipe ends the output quietly
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      if (e.code === 'zhenggai.usage') process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    // expected failures (the dataset cannot be opened …) say what is wrong; anything else is a bug
    const err = e as Error;
    process.stderr.write(err?.name === 'DatasetError' || err?.name === 'ZhenggaiError' || err?.name === 'UsageError' ? `zhenggai: ${printable(err.message)}\n` : `zhenggai: internal error (a bug): ${err?.stack ?? e}\n`);
    if (err?.name === 'UsageError') return 2;
    return 1;
  }
}

export { program };
