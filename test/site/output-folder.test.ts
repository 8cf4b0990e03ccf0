// The build writes into a staging folder beside the output folder and swaps it into place (output.ts):
// folders it must not replace are refused in plain words, builds at once each leave a whole site, and a
// killed build's staging folder is cleaned up by the next build.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../site/src/build/buildSite.ts';
import { FIXTURE_CONTENT, buildInto, removeTempDirs, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

const build = (outDir: string) => buildSite({ contentDir: FIXTURE_CONTENT, outDir, baseUrl: 'https://support.example.eu' });
const refusal = (outDir: string) => build(outDir).then(() => 'built', (error: Error) => `${error.name}: ${error.message}`);
const filesOf = async (dir: string) => (await readdir(dir, { recursive: true })).sort();

describe('the output folder', () => {
  it('refuses a file, and a folder holding anything but a previous site, leaving them as they were', async () => {
    const dir = await tempDir('out');
    const file = path.join(dir, 'notes.txt');
    await writeFile(file, 'my notes');
    expect(await refusal(file)).toMatch(/^BuildError: .*notes\.txt: it is a file; choose a folder/s);
    expect(await readFile(file, 'utf8')).toBe('my notes');

    const home = path.join(dir, 'home');
    await mkdir(path.join(home, 'photos'), { recursive: true });
    await writeFile(path.join(home, 'photos', 'cat.jpg'), 'cat');
    expect(await refusal(home)).toMatch(/^BuildError: .*home: it holds other files than a site this build wrote/s);
    expect(await filesOf(home)).toEqual(['photos', 'photos/cat.jpg']);
    expect(await readdir(dir)).toEqual(['home', 'notes.txt']); // no staging folder left behind
  });

  it('refuses a folder that holds the content, in plain words', async () => {
    expect(await refusal(path.dirname(FIXTURE_CONTENT))).toMatch(/^BuildError: .*it holds the content or the working directory/s);
  });

  it('replaces a previous site, and two builds at once each leave a whole site', async () => {
    const reference = await buildInto(FIXTURE_CONTENT);
    const expected = await filesOf(reference.outDir);
    const outDir = path.join(await tempDir('out'), 'site');
    await build(outDir);
    await writeFile(path.join(outDir, 'stale.html'), 'from an older build');
    await Promise.all([build(outDir), build(outDir), build(outDir)]);
    expect(await filesOf(outDir)).toEqual(expected);
    expect(await readdir(path.dirname(outDir))).toEqual(['site']);
  }, 60_000);

  it('removes the staging folder a killed build left, not one of a build still running', async () => {
    const parent = await tempDir('out');
    const abandoned = path.join(parent, '.site.building-999999999-abcdef');
    const running = path.join(parent, `.site.building-${process.pid}-fedcba`);
    await mkdir(abandoned);
    await mkdir(running);
    await build(path.join(parent, 'site'));
    expect((await readdir(parent)).sort()).toEqual([path.basename(running), 'site'].sort());
  }, 60_000);
});
