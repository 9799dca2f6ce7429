// Runs the CLI and measures it: wall time, and the peak resident memory (VmHWM) of the CLI
// process and of every process it starts (the query process of a SQLite dataset), read from
// /proc while it runs (Linux).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface Measured { status: number | null; stdout: string; stderr: string; ms: number; peakKb: number }

const read = (p: string) => { try { return readFileSync(p, 'utf8'); } catch { return ''; } };

/** pid and its descendants, from /proc/PID/task/TID/children */
function tree(pid: number): number[] {
  const out: number[] = [];
  const todo = [pid];
  while (todo.length) {
    const p = todo.pop()!;
    out.push(p);
    let tasks: string[] = [];
    try { tasks = readdirSync(`/proc/${p}/task`); } catch { continue; }
    for (const t of tasks) for (const c of read(`/proc/${p}/task/${t}/children`).trim().split(/\s+/).filter(Boolean)) todo.push(Number(c));
  }
  return out;
}

const hwmKb = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(read(`/proc/${pid}/status`))?.[1] ?? 0);

export const canMeasure = () => existsSync('/proc/self/status') && /VmHWM/.test(read('/proc/self/status'));

/** `zhenggai ARGS`, with its time and the largest peak memory of any of its processes. */
export function measureCli(args: string[]): Promise<Measured> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const p = spawn(process.execPath, [join(root, 'bin', 'zhenggai.mjs'), ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    const poll = setInterval(() => { for (const q of tree(p.pid!)) peakKb = Math.max(peakKb, hwmKb(q)); }, 20);
    p.on('close', (status) => {
      clearInterval(poll);
      resolve({ status, stdout, stderr, ms: Date.now() - t0, peakKb });
    });
  });
}
