// esbuild's bundles of the browser code (page scripts, search worker, styles, the web app), in memory
// (`write: false`), with their gzip -9 copies. They depend on the code alone, never on the content,
// so a build given a cache folder (the command: node_modules/.cache/site-bundles) keeps them there and
// reuses them while no file esbuild read for them changed (size or mtime, as its metafile lists them;
// run-build.mjs caches the build script itself the same way). That spares each build esbuild's
// ~110 ms of CPU, which competed with rendering for the same cores, and ~40–100 ms of gzip -9.
// Without a cache folder (the tests) every build bundles afresh; the bytes are the same either way.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, version, type BuildOptions, type Metafile } from 'esbuild';

export interface Bundle {
  /** as esbuild gives them: absolute paths under the options' outdir */
  outputFiles: { path: string; contents: Uint8Array }[];
  /** as esbuild gives it: paths relative to the working directory */
  metafile: Metafile;
  /** an output's gzip -9 bytes (absolute path) */
  gzip(file: string): Uint8Array;
  /** taken from the cache folder rather than bundled */
  cached: boolean;
}

/** bumped when what is cached, or how, changes */
const RECIPE = 1;

interface Entry {
  key: string;
  /** absolute input path → size:mtime */
  inputs: Record<string, string>;
  /** output paths relative to outdir */
  files: string[];
  /** the metafile with output paths relative to outdir */
  metafile: Metafile;
}

type Options = BuildOptions & { outdir: string };

export async function bundle(name: string, options: Options, cacheDir?: string): Promise<Bundle> {
  const key = JSON.stringify({ recipe: RECIPE, esbuild: version, options: { ...options, outdir: undefined } });
  const folder = cacheDir && path.join(cacheDir, name);
  const cached = folder ? load(folder, key, options.outdir) : undefined;
  if (cached) return cached;
  const result = await build({ ...options, write: false, metafile: true });
  const gzips = new Map(result.outputFiles.map((file) => [file.path, gzipSync(file.contents, { level: 9 })]));
  const made: Bundle = {
    outputFiles: result.outputFiles.map(({ path: file, contents }) => ({ path: file, contents })),
    metafile: result.metafile,
    gzip: (file) => gzips.get(file) ?? fail(file),
    cached: false,
  };
  if (folder) {
    try {
      store(folder, key, options.outdir, made);
    } catch {
      // Another build stored the same bundle at the same moment; the cache is only a saving.
    }
  }
  return made;
}

const fail = (file: string): never => {
  throw new Error(`esbuild produced no ${file}`);
};

const stamp = (file: string) => {
  try {
    const { size, mtimeMs } = statSync(file);
    return `${size}:${mtimeMs}`;
  } catch {
    return 'missing';
  }
};

/** Metafile paths are relative to the working directory; the cache keeps outputs relative to outdir. */
function rerooted(metafile: Metafile, from: (output: string) => string): Metafile {
  const outputs: Metafile['outputs'] = {};
  for (const [file, output] of Object.entries(metafile.outputs)) {
    outputs[from(file)] = {
      ...output,
      imports: output.imports.map((imported) => (imported.external ? imported : { ...imported, path: from(imported.path) })),
      ...(output.cssBundle ? { cssBundle: from(output.cssBundle) } : {}),
    };
  }
  return { ...metafile, outputs };
}

function store(folder: string, key: string, outdir: string, made: Bundle): void {
  const temporary = `${folder}.${process.pid}.tmp`;
  rmSync(temporary, { recursive: true, force: true });
  const files = made.outputFiles.map((file) => path.relative(outdir, file.path));
  made.outputFiles.forEach((file, i) => {
    const target = path.join(temporary, 'files', files[i] as string);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
    writeFileSync(`${target}.gz`, made.gzip(file.path));
  });
  const inputs = Object.fromEntries(Object.keys(made.metafile.inputs).map((input) => [path.resolve(input), stamp(path.resolve(input))]));
  const metafile = rerooted(made.metafile, (output) => path.relative(outdir, path.resolve(output)));
  writeFileSync(path.join(temporary, 'entry.json'), JSON.stringify({ key, inputs, files, metafile } satisfies Entry));
  // Swapped into place whole: a build reading the cache meanwhile sees the old entry or the new one.
  const previous = `${folder}.${process.pid}.old`;
  if (existsSync(folder)) renameSync(folder, previous);
  renameSync(temporary, folder);
  rmSync(previous, { recursive: true, force: true });
}

function load(folder: string, key: string, outdir: string): Bundle | undefined {
  let entry: Entry;
  try {
    entry = JSON.parse(readFileSync(path.join(folder, 'entry.json'), 'utf8')) as Entry;
  } catch {
    return undefined;
  }
  if (entry.key !== key || !Object.entries(entry.inputs).every(([input, was]) => stamp(input) === was)) return undefined;
  try {
    const gzips = new Map<string, Uint8Array>();
    const outputFiles = entry.files.map((file) => {
      const cachedFile = path.join(folder, 'files', file);
      const absolute = path.join(outdir, file);
      gzips.set(absolute, readFileSync(`${cachedFile}.gz`));
      return { path: absolute, contents: new Uint8Array(readFileSync(cachedFile)) };
    });
    return {
      outputFiles,
      metafile: rerooted(entry.metafile, (output) => path.relative(process.cwd(), path.join(outdir, output))),
      gzip: (file) => gzips.get(file) ?? fail(file),
      cached: true,
    };
  } catch {
    return undefined; // replaced meanwhile by another build: bundle afresh
  }
}
