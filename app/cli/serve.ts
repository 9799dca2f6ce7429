// `zhenggai serve`: the read-only web app over the dataset (app/serve.ts), on a port of this machine.
import type { Command } from 'commander';
import { printable } from '../format.js';
import { dbOption, intAtLeast } from './options.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('a read-only web app over the dataset: overview, search, units over the years, each bulletin with every extracted part marked, compare')
    .addOption(dbOption())
    .option('--port <n>', 'port to listen on (0: any free port)', intAtLeast(0, '--port'), '8080')
    .option('--host <address>', 'address to listen on (another than 127.0.0.1/localhost makes the data reachable from other machines)', '127.0.0.1')
    .option('--allow-host <name>', 'a host name the app answers to besides localhost, 127.0.0.1, [::1] and --host (repeatable; any other Host header gets 421)', (v: string, all: string[]) => [...all, v], [] as string[])
    .action(async (o: { db: string; port: string; host: string; allowHost: string[] }) => {
      const { isServerUrl, openStore } = await import('../../store/store.js');
      const { createApp, listen, hostName } = await import('../serve.js');
      const bad = o.allowHost.find((h) => !hostName(h));
      if (bad !== undefined) throw Object.assign(new Error(`--allow-host ${bad}: not a host name`), { name: 'UsageError' });
      // SQLite: read in worker threads, off the event loop (PostgreSQL's client is asynchronous already)
      const db = isServerUrl(o.db) ? await openStore(o.db, { readonly: true }) : await (await import('../../store/sqlite-pool.js')).SqlitePool.open(o.db);
      if (!['127.0.0.1', 'localhost', '::1'].includes(o.host)) process.stderr.write(`zhenggai serve: warning: listening on ${o.host}: anyone who can reach this machine can read the dataset (there is no login)\n`);
      // listening on every address: the machine's own addresses are its host names too (an address
      // typed in the browser is never a rebinding); names other than those need --allow-host
      const wildcard = ['0.0.0.0', '::', '[::]'].includes(o.host);
      const own = wildcard ? Object.values((await import('node:os')).networkInterfaces()).flat().map((a) => a?.address).filter((a): a is string => !!a) : [];
      const hosts = [o.host, ...own, ...o.allowHost];
      const app = createApp(db, { hosts });
      await new Promise<void>((resolve, reject) => {
        const server = listen(app, { port: Number(o.port), hostname: o.host }, (info) => {
          const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
          process.stdout.write(`zhenggai serve: http://${host}:${info.port}/ (${printable(db.label)}, read-only; Ctrl-C stops)\n`);
          if (wildcard || o.allowHost.length) process.stdout.write(`zhenggai serve: answers to the host names ${[...new Set(['localhost', '127.0.0.1', '[::1]', ...hosts.map((h) => hostName(h)).filter(Boolean)])].join(', ')} (others get 421)\n`);
        });
        server.on('error', (e: Error) => reject(new Error(`cannot listen on ${o.host}:${o.port}: ${e.message}`)));
        const stop = () => { server.close(); void db.close(); resolve(); };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      }).catch(async (e: Error) => { await db.close(); throw Object.assign(new Error(e.message), { name: 'UsageError' }); });
    });
}
