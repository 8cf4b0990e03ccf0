// The browser bundles are kept across builds (src/build/bundleCache.ts) while no file esbuild read for
// them changes: the same bytes and metafile as bundling afresh, whatever the output folder, and bundled
// again when an input changes.
import { utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundle } from '../../site/src/build/bundleCache.ts';
import { removeTempDirs, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

const options = (source: string, outdir: string) => ({
  entryPoints: { main: path.join(source, 'main.ts'), styles: path.join(source, 'styles.css') },
  bundle: true,
  minify: true,
  format: 'esm' as const,
  splitting: true,
  outdir,
  entryNames: '[name]-[hash]',
  logLevel: 'silent' as const,
});

const relative = (outdir: string, made: Awaited<ReturnType<typeof bundle>>) =>
  made.outputFiles.map((file) => [path.relative(outdir, file.path), Buffer.from(file.contents).toString('base64'), made.gzip(file.path).length]).sort();

describe('the bundle cache', () => {
  it('gives back what esbuild made, rooted in any output folder, until an input changes', async () => {
    const source = await tempDir('bundle-source');
    const cache = await tempDir('bundle-cache');
    await writeFile(path.join(source, 'main.ts'), "import { greet } from './greet.ts';\nconsole.log(greet('LUMI'));\nvoid import('./late.ts');\n");
    await writeFile(path.join(source, 'greet.ts'), 'export const greet = (name: string) => `hello ${name}`;\n');
    await writeFile(path.join(source, 'late.ts'), "export const late = 'later';\n");
    await writeFile(path.join(source, 'styles.css'), 'body { color: rebeccapurple; }\n');

    const firstOut = path.join(await tempDir('bundle-out'), 'assets');
    const fresh = await bundle('test', options(source, firstOut), cache);
    expect(fresh.cached).toBe(false);

    const secondOut = path.join(await tempDir('bundle-out'), 'elsewhere', 'assets');
    const again = await bundle('test', options(source, secondOut), cache);
    expect(again.cached).toBe(true);
    expect(relative(secondOut, again)).toEqual(relative(firstOut, fresh));
    const uncached = await bundle('test', options(source, secondOut));
    expect(uncached.cached).toBe(false);
    expect(again.metafile.outputs).toEqual(uncached.metafile.outputs);
    expect(relative(secondOut, again)).toEqual(relative(secondOut, uncached));

    // An imported file changes (same size, new time): bundled again, with the change.
    await writeFile(path.join(source, 'greet.ts'), 'export const greet = (name: string) => `hallo ${name}`;\n');
    await utimes(path.join(source, 'greet.ts'), new Date(), new Date(Date.now() + 5_000));
    const changed = await bundle('test', options(source, secondOut), cache);
    expect(changed.cached).toBe(false);
    expect(changed.outputFiles.some((file) => Buffer.from(file.contents).toString().includes('hallo'))).toBe(true);
    expect((await bundle('test', options(source, secondOut), cache)).cached).toBe(true);

    // Other options are another bundle.
    expect((await bundle('test', { ...options(source, secondOut), minify: false }, cache)).cached).toBe(false);
  });

  it('bundles afresh when the cache folder is damaged', async () => {
    const source = await tempDir('bundle-source');
    const cache = await tempDir('bundle-cache');
    await writeFile(path.join(source, 'main.ts'), "console.log('x');\n");
    await writeFile(path.join(source, 'styles.css'), 'p { margin: 0 }\n');
    const out = path.join(await tempDir('bundle-out'), 'assets');
    await bundle('test', options(source, out), cache);
    await writeFile(path.join(cache, 'test', 'entry.json'), '{ not json');
    expect((await bundle('test', options(source, out), cache)).cached).toBe(false);
  });
});
