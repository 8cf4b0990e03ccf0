// Shared by the site tests: build a content folder into a fresh temporary output folder.
import { mkdtemp, mkdir, writeFile, cp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite, type BuildReport } from '../../site/src/build/buildSite.ts';

export const FIXTURE_CONTENT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/content');

const created: string[] = [];

export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `site-test-${prefix}-`));
  created.push(dir);
  return dir;
}

/** Call from afterAll: removes every temporary folder this test file created. */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export async function buildInto(contentDir: string): Promise<{ outDir: string; report: BuildReport }> {
  const outDir = path.join(await tempDir('out'), 'site');
  const report = await buildSite({ contentDir, outDir, baseUrl: 'https://support.example.eu' });
  return { outDir, report };
}

/** A copy of the fixture content with some files added or replaced (path → file text). */
export async function fixtureVariant(files: Record<string, string>): Promise<string> {
  const dir = await tempDir('content');
  await cp(FIXTURE_CONTENT, dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

export function guideSource(frontMatter: string, body = 'Some text.\n'): string {
  return `---\n${frontMatter.trim()}\n---\n\n${body}`;
}
