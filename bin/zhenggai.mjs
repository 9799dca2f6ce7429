#!/usr/bin/env node
// Loads the bundled CLI (dist/cli.mjs), rebuilding it first when a source is newer.
import { ensureBuilt } from './build.mjs';
const { main } = await import(await ensureBuilt('cli'));
process.exitCode = await main(process.argv.slice(2));
