// This machine's disk is ext4 without a journal. There, for a minute after files are deleted (five while
// the inode table is not yet written back), creating files costs many times more: the inode allocator
// steps over every recently deleted inode (seen with `perf`: recently_deleted in ext4_create/ext4_mkdir).
// A test run just before the bench deletes hundreds of thousands of temporary files, and a build creates
// ~1,500, so its time would be mostly the previous command's clean-up. Before each timed build (ours and
// MkDocs Material alike) the bench flushes the disk and, while creating a few hundred files is still
// slow, waits; it says so, and gives up waiting after a few minutes (the figure then says it).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const PROBE_FILES = 300;
/**
 * Creating 300 folders with a file each: 13–55 ms when settled, 150 ms to over 1 s after mass deletions.
 * In between (60–100 ms, minutes after deleting a few hundred thousand files) a 1,000-guide build's writes
 * still took 0.3–0.5 s more than settled: wait for the settled figure.
 */
const SETTLED_MS = 60;
const WAIT_MS = 15_000;
const MAX_WAITS = 20;

let probes = 0;

/** Milliseconds to create PROBE_FILES folders with a small file each, in a new folder under `work` (kept: deleting would unsettle it). */
function probe(work: string): number {
  const root = path.join(work, `fs-probe-${probes++}`);
  const started = performance.now();
  for (let i = 0; i < PROBE_FILES; i++) {
    mkdirSync(path.join(root, String(i)), { recursive: true });
    writeFileSync(path.join(root, String(i), 'index.html'), 'x'.repeat(2_000));
  }
  return performance.now() - started;
}

/** Waits until creating files is as fast as it gets here; returns a line for the report. */
export async function settleFileSystem(work: string): Promise<string> {
  spawnSync('sync');
  for (let waits = 0; ; waits++) {
    const ms = probe(work);
    if (ms <= SETTLED_MS) return `creating ${PROBE_FILES} folders with a file took ${Math.round(ms)} ms${waits > 0 ? ` after waiting ${(waits * WAIT_MS) / 1000} s` : ''}`;
    if (waits === MAX_WAITS) return `creating ${PROBE_FILES} folders with a file still took ${Math.round(ms)} ms after ${(waits * WAIT_MS) / 1000} s: build times are inflated`;
    console.error(`[bench:site] creating files is slow right now (${Math.round(ms)} ms for ${PROBE_FILES}; files deleted recently?): waiting ${WAIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
    spawnSync('sync');
  }
}
