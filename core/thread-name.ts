// A name for this thread as the operating system shows it (Linux: /proc/<pid>/task/<tid>/comm,
// `top -H`, `ps -L`), so that the CPU time of the parsing workers and the main thread
// (which writes) can be told apart from outside: `npm run bench:scale` sums it per role. Elsewhere, or
// where it is not allowed, nothing happens.
import { readlinkSync, writeFileSync } from 'node:fs';

/** The names the batch's threads take (at most 15 bytes: the kernel's limit). */
export const THREAD_NAMES = { parse: 'zg-parse', extract: 'zg-extract' } as const;

/** This thread's id in the kernel (Linux), or null. */
export function threadId(): number | null {
  try {
    return Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    return null;
  }
}

export function nameThread(name: string): void {
  try {
    writeFileSync('/proc/thread-self/comm', name.slice(0, 15));
  } catch {
    // not Linux, or not allowed
  }
}
