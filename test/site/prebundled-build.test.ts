// `npm run build:site` runs the build as one cached esbuild bundle (site/run-build.mjs): the bundle must
// build exactly what the build run from source builds (same files, same bytes), and fail the same way.
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/site/corpus.ts';
import { FIXTURE_CONTENT, buildInto, fixtureVariant, guideSource, removeTempDirs, tempDir } from './helpers.ts';

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

async function expectSameFiles(expectedDir: string, actualDir: string): Promise<void> {
  const [expected, actual] = await Promise.all([filesOf(expectedDir), filesOf(actualDir)]);
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  const different = [...expected].filter(([name, bytes]) => !bytes.equals(actual.get(name)!)).map(([name]) => name);
  expect(different).toEqual([]);
}

async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const files = new Map<string, Buffer>();
  for (const entry of names) {
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), await readFile(file));
  }
  return files;
}

const prebundled = (contentDir: string, outDir: string) =>
  run(process.execPath, ['site/run-build.mjs', '--content', contentDir, '--out', outDir, '--base-url', 'https://support.example.eu'], { cwd: repoRoot });

afterAll(removeTempDirs);

describe('the prebundled build (npm run build:site)', () => {
  it('writes the same files, byte for byte, as the build run from source', async () => {
    const fromSource = await buildInto(FIXTURE_CONTENT);
    const outDir = await tempDir('site-prebundled-');
    const { stdout } = await prebundled(FIXTURE_CONTENT, outDir);
    expect(stdout).toMatch(/^Built \d+ guides/);
    await expectSameFiles(fromSource.outDir, outDir);
    // The next build takes the browser bundles from the cache: the same bytes.
    const again = await tempDir('site-prebundled-');
    expect((await prebundled(FIXTURE_CONTENT, again)).stdout).toContain('browser bundles from the cache');
    await expectSameFiles(fromSource.outDir, again);
  }, 120_000);

  // The command computes the index and writes the files on a second thread, fed guide by guide while the
  // main thread renders (src/build/outputThread.ts); the library build does it all on one. Enough guides
  // for many batches of documents and pages in flight: a lost or misordered section would change the
  // index and its name, a lost page the file list.
  it('computes the index and writes on a second thread, and still writes the same bytes as one thread', async () => {
    const contentDir = await tempDir('corpus');
    await writeCorpus(contentDir, { n: 600, seed: 7 });
    const fromSource = await buildInto(contentDir);
    const outDir = await tempDir('site-prebundled-');
    const { stdout } = await prebundled(contentDir, outDir);
    expect(stdout).toContain('index and writes on a second thread');
    expect(fromSource.report.outputThread).toBe(false);
    await expectSameFiles(fromSource.outDir, outDir);

    // A broken guide stops the build before the second thread writes anything, in the library's words.
    await writeFile(path.join(contentDir, 'guides', 'zz-broken.md'), guideSource('title: 12\n'));
    await writeFile(path.join(contentDir, 'guides', 'mm-broken.md'), guideSource('title: Fine\nsummary: Fine.\ntags: [Not-Kebab]\n'));
    const expected = await buildInto(contentDir).then(() => '', (error: Error) => error.message);
    const failure = await prebundled(contentDir, await tempDir('site-prebundled-')).then(() => undefined, (error: { code: number; stderr: string }) => error);
    expect(failure?.code).toBe(1);
    expect(expected).toContain('zz-broken.md');
    expect(expected).toContain('mm-broken.md');
    expect(failure?.stderr.trim()).toBe(expected.trim());
  }, 180_000);

  it('fails on bad content naming the file, and leaves the previous output as it was', async () => {
    const outDir = await tempDir('site-prebundled-');
    await prebundled(FIXTURE_CONTENT, outDir);
    const before = await filesOf(outDir);
    const broken = await fixtureVariant({ 'guides/broken.md': guideSource('title: 12\n') });
    const failure = await prebundled(broken, outDir).then(() => undefined, (error: { code: number; stderr: string }) => error);
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('broken.md');
    expect((await filesOf(outDir)).size).toBe(before.size);
  }, 120_000);
});
