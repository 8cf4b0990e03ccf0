// Results of parsing and rendering kept between builds, so an unchanged guide is not parsed or
// rendered again. Keyed by a hash of the input and of the build's own code and dependencies: any
// change to the renderer (or to package-lock.json) makes every entry miss. One file, written with
// v8.serialize (tens of MB of HTML strings load far faster than as JSON); only this build's entries
// are kept, so it never grows beyond one site.
import { createHash } from 'node:crypto';
import { promises as fs, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';

const BUILD_CODE = path.dirname(fileURLToPath(import.meta.url));
const LOCKFILE = path.resolve(BUILD_CODE, '../../../package-lock.json');
const FILE = 'render-cache.bin';

/** A hash of the code that turns sources into pages, and of the installed dependencies' versions. */
function codeFingerprint(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(BUILD_CODE).sort()) {
    if (name.endsWith('.ts')) hash.update(name).update(readFileSync(path.join(BUILD_CODE, name)));
  }
  try {
    hash.update(readFileSync(LOCKFILE));
  } catch {
    hash.update('no lockfile');
  }
  return hash.digest('hex');
}

export interface Memo {
  /** `compute()`'s result for `input`, from the previous build when the input is unchanged */
  memo<T>(kind: string, input: string, compute: () => T): T;
}

/** No cache: every build computes everything (tests, `--no-cache`). */
export const NO_CACHE: Memo = { memo: (_kind, _input, compute) => compute() };

export class BuildCache implements Memo {
  private readonly used = new Map<string, unknown>();
  hits = 0;
  misses = 0;

  private constructor(
    private readonly file: string,
    private readonly fingerprint: string,
    private readonly previous: Map<string, unknown>,
  ) {}

  /** Opens the cache in `dir`; a missing, unreadable or foreign file is an empty cache. */
  static async open(dir: string): Promise<BuildCache> {
    const file = path.join(dir, FILE);
    const fingerprint = codeFingerprint();
    let previous = new Map<string, unknown>();
    try {
      const stored = deserialize(await fs.readFile(file)) as { fingerprint: string; entries: Map<string, unknown> };
      if (stored.fingerprint === fingerprint && stored.entries instanceof Map) previous = stored.entries;
    } catch {
      // first build, or a cache written by another version: start empty
    }
    return new BuildCache(file, fingerprint, previous);
  }

  memo<T>(kind: string, input: string, compute: () => T): T {
    const key = `${kind}:${createHash('sha256').update(input).digest('base64')}`;
    if (this.used.has(key)) return this.used.get(key) as T;
    let value: T;
    if (this.previous.has(key)) {
      value = this.previous.get(key) as T;
      this.hits++;
    } else {
      value = compute();
      this.misses++;
    }
    this.used.set(key, value);
    return value;
  }

  /** Keeps this build's entries for the next one (written atomically: a crash leaves the old file). */
  async save(): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await fs.writeFile(temporary, serialize({ fingerprint: this.fingerprint, entries: this.used }));
    await fs.rename(temporary, this.file);
  }
}
