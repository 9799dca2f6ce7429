// `zhenggai units`, `units merge` and `units unmerge`: the units with their aliases, and the changes
// made to them by hand (said, then asked on a terminal).
import { CommanderError, type Command } from 'commander';
import { loadRules, rx, type RegexRule } from '../../core/rules.js';
import { printable } from '../format.js';
import { dbOption, defaultDb, formatOption, langOption, rawCsvOption, shownRows, withDb } from './options.js';

/** An answer that goes ahead (rules/app.json confirm_yes: y, yes, 是, 确定, 确认). */
const goesAhead = (answer: string) => rx(loadRules<{ confirm_yes: RegexRule }>('app.json').confirm_yes).test(answer);
const interactive = () => !!process.stdin.isTTY && !!process.stderr.isTTY;

/**
 * A change to the dataset by hand (units merge, unmerge): said, then asked on a terminal; off a
 * terminal (a script, a pipe) it needs --yes, so that none is made by accident.
 */
async function confirmed(command: string, what: string, o: { yes?: boolean }): Promise<boolean> {
  if (o.yes) return true;
  if (!interactive()) throw new CommanderError(2, 'zhenggai.usage', `${command} changes the dataset, and this is no terminal to ask on: ${printable(what)}; add --yes to go ahead (--dry-run only says it)`);
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${printable(what)}\nGo ahead? [y/N] `);
    return goesAhead(answer.trim());
  } finally {
    rl.close();
  }
}

/** --db of `units merge`/`units unmerge`: before or after the subcommand (the parent command takes it in the first place); the dataset must exist. */
async function unitsDb(unitsCmd: Command, o: { db?: string }): Promise<import('../../store/store.js').Store> {
  const dbPath = o.db ?? (unitsCmd.opts() as { db?: string }).db ?? defaultDb();
  const { openStore, isServerUrl } = await import('../../store/store.js');
  const { existsSync } = await import('node:fs');
  if (!isServerUrl(dbPath) && !existsSync(dbPath)) throw new CommanderError(2, 'zhenggai.usage', `no dataset at ${dbPath} (--db)`);
  return openStore(dbPath);
}

// publications and files: one bulletin saved as .txt and .pdf is one publication in two files
const howMany = (r: { publications: number; bulletins: number }) => `${r.publications} publication(s) in ${r.bulletins} file(s)`;

export function registerUnitsCommands(program: Command): void {
  const unitsCmd = unitsCommand(program);
  mergeCommand(unitsCmd);
  unmergeCommand(unitsCmd);
}

function unitsCommand(program: Command): Command {
  return program
    .command('units')
    .description('list units with their aliases and bulletin counts; `units merge A B` joins two, `units unmerge A` parts them again')
    .addOption(dbOption())
    .addOption(formatOption())
    .addOption(rawCsvOption())
    .addOption(langOption())
    .action(async (o: { db: string; format: 'table' | 'csv' | 'json'; rawCsv?: boolean; lang?: string }) => {
      const { units } = await import('../../store/queries.js');
      const { formatRows } = await import('../format.js');
      process.stdout.write(formatRows(await shownRows(await withDb(o.db, units), o), o.format, undefined, { rawCsv: o.rawCsv }));
    });
}

function mergeCommand(unitsCmd: Command): void {
  unitsCmd
    .command('merge')
    .description('record that unit A is unit B (a renamed unit, a name the rules missed); kept across re-ingest, undone by `units unmerge A`. Says what will move and asks on a terminal; elsewhere it needs --yes')
    .argument('<from>', 'unit name or alias to merge away')
    .argument('<into>', 'unit name or alias to keep')
    .option('--db <file|url>', 'dataset: a SQLite file or postgresql://… (default: $ZHENGGAI_DB, else zhenggai.db)')
    .option('--dry-run', 'say what would move, change nothing')
    .option('-y, --yes', 'merge without asking (needed when not run on a terminal)')
    .action(async (from: string, into: string, o: { db?: string; dryRun?: boolean; yes?: boolean }) => {
      const { mergeUnits } = await import('../../store/queries.js');
      const db = await unitsDb(unitsCmd, o);
      try {
        if (!o.dryRun && !o.yes) {
          const plan = await mergeUnits(db, from, into, { dryRun: true });
          if (!(await confirmed('units merge', `merge ${plan.from} → ${plan.into}: ${howMany(plan)} will move (undo: zhenggai units unmerge ${plan.from})`, o))) {
            process.stdout.write('not merged: nothing changed\n');
            process.exitCode = 1;
            return;
          }
        }
        const r = await mergeUnits(db, from, into, { dryRun: o.dryRun });
        process.stdout.write(printable(o.dryRun ? `would merge ${r.from} → ${r.into}: ${howMany(r)} would move (nothing changed; run again without --dry-run)` : `${r.from} → ${r.into}: ${howMany(r)} moved`) + '\n');
      } finally {
        await db.close();
      }
    });
}

function unmergeCommand(unitsCmd: Command): void {
  unitsCmd
    .command('unmerge')
    .description('undo `units merge NAME …`: NAME is its own unit again, with its bulletins (those ingested since the merge too) and aliases. Asks on a terminal; elsewhere it needs --yes')
    .argument('<name>', 'the unit that was merged away (its name, or an alias it had)')
    .option('--db <file|url>', 'dataset: a SQLite file or postgresql://… (default: $ZHENGGAI_DB, else zhenggai.db)')
    .option('--dry-run', 'say what would move back, change nothing')
    .option('-y, --yes', 'unmerge without asking (needed when not run on a terminal)')
    .action(async (name: string, o: { db?: string; dryRun?: boolean; yes?: boolean }) => {
      const { unmergeUnit } = await import('../../store/queries.js');
      const db = await unitsDb(unitsCmd, o);
      try {
        if (!o.dryRun && !o.yes) {
          const plan = await unmergeUnit(db, name, { dryRun: true });
          if (!(await confirmed('units unmerge', `unmerge ${plan.unit} from ${plan.from}: ${howMany(plan)} will move back`, o))) {
            process.stdout.write('not unmerged: nothing changed\n');
            process.exitCode = 1;
            return;
          }
        }
        const r = await unmergeUnit(db, name, { dryRun: o.dryRun });
        const legacy = r.recorded ? '' : ` (a merge from before zhenggai kept what undoing needs: the unit's region, level and aliases were read again from its bulletins)`;
        process.stdout.write(printable(o.dryRun ? `would unmerge ${r.unit} from ${r.from}: ${howMany(r)} would move back (nothing changed; run again without --dry-run)` : `${r.unit} unmerged from ${r.from}: ${howMany(r)} moved back${legacy}`) + '\n');
      } finally {
        await db.close();
      }
    });
}
