// Writes the built site: creates folders once, writes files in parallel, and precompresses the
// text assets the server sends with `precompressed: true`.
import { mkdirSync, rmSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export function contentHash(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 10);
}

/**
 * Writes files in the background (libuv's thread pool) while the build goes on computing: on a
 * busy disk, creating a thousand guide folders costs more than indexing, and now overlaps with it.
 */
export class OutputWriter {
  private readonly pending: Promise<void>[] = [];
  private readonly folders = new Map<string, Promise<unknown>>();

  constructor(readonly root: string) {}

  private folder(dir: string): Promise<unknown> {
    let made = this.folders.get(dir);
    if (!made) {
      made = fs.mkdir(dir, { recursive: true });
      this.folders.set(dir, made);
    }
    return made;
  }

  write(relativePath: string, data: string | Uint8Array, options: { gzip?: boolean } = {}): void {
    const file = path.join(this.root, relativePath);
    this.pending.push(
      this.folder(path.dirname(file)).then(async () => {
        await fs.writeFile(file, data);
        if (options.gzip) await fs.writeFile(`${file}.gz`, gzipSync(data));
      }),
    );
  }

  async done(): Promise<void> {
    await Promise.all(this.pending);
  }
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
