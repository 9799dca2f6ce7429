// A child of `npm run bench:scale`: extracts the synthetic bulletins it is given (seeds on the
// command line) when the parent writes "go" on stdin (all children start together), after one
// document to warm up, as the bench's single-thread measure does, and prints the milliseconds it
// took. Several of these at once, one per core, show what extraction alone does with every core
// busy.
import { synthBulletin } from './synth.js';
import { extractBytes } from '../../stages/extract.js';

const texts = process.argv.slice(2).map((s) => new Uint8Array(Buffer.from(synthBulletin(Number(s)).text)));
await extractBytes(texts[0]!, 'warm.txt');
process.stdout.write('ready\n');
process.stdin.once('data', async () => {
  const t = performance.now();
  for (const [i, b] of texts.entries()) await extractBytes(b, `s${i}.txt`);
  process.stdout.write(`${performance.now() - t}\n`);
  process.exit(0);
});
