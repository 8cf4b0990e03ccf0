// The output folder: content-hashed names, and emptying it before a build (outputThread.ts writes).
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';

export function contentHash(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 10);
}

/** Empties the output folder, refusing folders that hold the sources or the working directory. */
export function resetOutputFolder(outDir: string, contentDir: string): void {
  const out = path.resolve(outDir);
  const protectedPaths = [path.resolve(contentDir), process.cwd(), path.parse(out).root];
  const contains = (parent: string, child: string) => child === parent || child.startsWith(parent + path.sep);
  if (protectedPaths.some((protectedPath) => contains(out, protectedPath))) {
    throw new Error(`Refusing to empty ${out}: it contains the content or the working directory`);
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
}
