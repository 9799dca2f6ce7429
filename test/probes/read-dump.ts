// Dev tool: prints what the reader gives for a file (its text, then its typed blocks), to see a misreading.
//   npx tsx test/probes/read-dump.ts FILE [--blocks]
import { readFileSync } from 'node:fs';
import { readBytes } from '../../readers/index.js';

const [file, flag] = process.argv.slice(2);
const r = await readBytes(new Uint8Array(readFileSync(file!)), file!, { ocr: false });
console.log(r.text);
if (flag === '--blocks') for (const b of r.blocks ?? []) console.log(JSON.stringify(b).slice(0, 300));
