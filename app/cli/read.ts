// `zhenggai extract` and `zhenggai explain`: a bulletin file read through the pipeline (in a worker
// thread, with its time limit) and printed as its record, or as the outline of how it was read.
import { Option, type Command } from 'commander';
import { toZhenggaiError } from '../../core/errors.js';
import { printable } from '../format.js';
import { DEFAULT_MAX_BYTES, intAtLeast, langOf, langOption, ocrSettings, withOcrOptions, type OcrFlags } from './options.js';

export function registerReadCommands(program: Command): void {
  extractCommand(program);
  explainCommand(program);
}

function extractCommand(program: Command): void {
  const extractCmd = program
    .command('extract')
    .description('print the zhenggai.bulletin/1 record of each FILE as JSON (several files: one JSON object per line)')
    .argument('<files...>', 'bulletin files (.txt .docx .doc .pdf .html, or pictures read by OCR)')
    .option('--pretty', 'indent the JSON')
    .option('--max-bytes <n>', 'refuse files larger than this', intAtLeast(1, '--max-bytes'), String(DEFAULT_MAX_BYTES))
    .option('--timeout <ms>', 'time limit per document', intAtLeast(1, '--timeout'), '60000');
  withOcrOptions(extractCmd)
    .action(async (files: string[], o: { pretty?: boolean; maxBytes: string; timeout: string } & OcrFlags) => {
      // each document in a worker thread: the time limit stops it even when it is one file
      const { ExtractThread } = await import('../extract-thread.js');
      const thread = new ExtractThread(Number(o.timeout), 1024, ocrSettings(o));
      let failed = 0;
      for (const f of files) {
        try {
          const rec = await thread.run(f, Number(o.maxBytes), 'record');
          process.stdout.write(JSON.stringify(rec, null, o.pretty ? 2 : undefined) + '\n');
        } catch (e) {
          const z = toZhenggaiError(e, f);
          failed++;
          process.stderr.write(`zhenggai: ${printable(f)}: ${z.code}: ${printable(z.message)}\n`);
        }
      }
      await thread.close();
      process.exitCode = failed ? 1 : 0;
    });
}

function explainCommand(program: Command): void {
  const explainCmd = program
    .command('explain')
    .description('show how FILE was read: its outline with the rule id and line of every decision (title, unit and region with their spans; parts, categories, problems with measures, outcome and status; declared totals and each mismatch)')
    .argument('<file>', 'a bulletin file (.txt .docx .doc .pdf .html, or a picture read by OCR)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--max-bytes <n>', 'refuse files larger than this', intAtLeast(1, '--max-bytes'), String(DEFAULT_MAX_BYTES))
    .option('--timeout <ms>', 'time limit for the document', intAtLeast(1, '--timeout'), '60000');
  withOcrOptions(explainCmd)
    .addOption(langOption())
    .action(async (file: string, o: { format: 'text' | 'json'; maxBytes: string; timeout: string; lang?: string } & OcrFlags) => {
      const { ExtractThread } = await import('../extract-thread.js');
      const { formatExplanation } = await import('../explain.js');
      const thread = new ExtractThread(Number(o.timeout), 1024, ocrSettings(o));
      try {
        const e = await thread.run<import('../explain.js').Explanation>(file, Number(o.maxBytes), 'explain');
        process.stdout.write(o.format === 'json' ? JSON.stringify(e, null, 2) + '\n' : formatExplanation(e, { lang: await langOf(o) }));
        process.exitCode = 0;
      } catch (err) {
        const z = toZhenggaiError(err, file);
        process.stderr.write(`zhenggai: ${printable(file)}: ${z.code}: ${printable(z.message)}\n`);
        process.exitCode = 1;
      } finally {
        await thread.close();
      }
    });
}
