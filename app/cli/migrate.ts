// `zhenggai migrate`: a SQLite dataset copied into a PostgreSQL server.
import { CommanderError, type Command } from 'commander';
import { shown } from './options.js';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('copy a SQLite dataset into a PostgreSQL server (an empty database, or one holding no documents yet)')
    .requiredOption('--from <file>', 'the SQLite dataset')
    .requiredOption('--to <url>', 'postgresql://user@host:port/db')
    .action(async (o: { from: string; to: string }) => {
      const { isServerUrl } = await import('../../store/store.js');
      if (!isServerUrl(o.to)) throw new CommanderError(2, 'zhenggai.usage', `--to: a postgresql://… URL, not ${JSON.stringify(o.to)}`);
      const { migrateToPg } = await import('../../store/migrate.js');
      const r = await migrateToPg(o.from, o.to, (table, n) => process.stderr.write(`${table}: ${n} rows\n`));
      process.stdout.write(`${r.documents} documents, ${r.rows} rows → ${await shown(o.to)} in ${r.seconds}s\n`);
    });
}
