// The output folder. A build writes into a staging folder beside it and swaps it into place at the
// end: a failing or interrupted build leaves the previous site whole, and two builds into one folder
// each leave a complete site (the last to finish wins), where emptying the folder first let them
// delete each other's files.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { BuildError } from './errors.ts';

export function contentHash(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 10);
}

/** A file every site build writes: a folder holding it is a site this build may replace. */
const SITE_MARK = path.join('search', 'manifest.json');
/** times a swap is retried when another build put its site in place in between */
const SWAP_ATTEMPTS = 5;

/**
 * Checks that the output folder may be replaced and names the staging folder beside it. Refused, in
 * the author's words: a folder holding the content or the working directory, a file, and a folder
 * with other things in it than a previous site (`--out ~` would have emptied the home folder).
 */
export function stagingFolder(outDir: string, contentDir: string): string {
  const out = path.resolve(outDir);
  const protectedPaths = [path.resolve(contentDir), process.cwd(), path.parse(out).root];
  const contains = (parent: string, child: string) => child === parent || child.startsWith(parent + path.sep);
  const refuse = (why: string) => new BuildError([`output folder ${outDir}: ${why}`]);
  if (protectedPaths.some((protectedPath) => contains(out, protectedPath))) {
    throw refuse('it holds the content or the working directory, which a build would replace; choose another folder');
  }
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw refuse('it is a file; choose a folder');
    if (readdirSync(out).length > 0 && !existsSync(path.join(out, SITE_MARK))) {
      throw refuse('it holds other files than a site this build wrote, which a build would replace; choose a new or empty folder');
    }
  }
  removeAbandonedStaging(out);
  return path.join(path.dirname(out), `${stagingPrefix(out)}${process.pid}-${randomBytes(3).toString('hex')}`);
}

const stagingPrefix = (out: string) => `.${path.basename(out)}.building-`;

/** Staging folders left by builds that were killed (their process is gone). */
function removeAbandonedStaging(out: string): void {
  const parent = path.dirname(out);
  const prefix = stagingPrefix(out);
  const entries = existsSync(parent) ? readdirSync(parent) : [];
  for (const name of entries) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (Number.isInteger(pid) && !isRunning(pid)) rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function createStagingFolder(staging: string): void {
  mkdirSync(staging, { recursive: true });
}

/** Puts the staged site in place of the output folder, then deletes the previous site. */
export function publishStaged(staging: string, outDir: string): void {
  const out = path.resolve(outDir);
  const previous = `${staging}.previous`;
  for (let attempt = 1; ; attempt++) {
    try {
      renameSync(out, previous);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    try {
      renameSync(staging, out);
      break;
    } catch (error) {
      // Another build put its site in place between the two renames: move that one aside too.
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || attempt === SWAP_ATTEMPTS) throw error;
      rmSync(previous, { recursive: true, force: true });
    }
  }
  rmSync(previous, { recursive: true, force: true });
}

export function discardStaged(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}
