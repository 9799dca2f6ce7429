import { readFileSync } from 'node:fs';
import os from 'node:os';
const { default: Ocr } = await import('@gutenye/ocr-node');
const ocr = await Ocr.create();
for (const f of ['/tmp/scan/pg-1.png', '/tmp/scan/pg-2.png', '/tmp/scan/pg-1.png']) {
  const t2 = Date.now();
  const res = await ocr.detect(readFileSync(f) as never);
  console.log(f, 'ocr ms', Date.now() - t2, res.length);
}
