// MkDocs Material, the anchor, on the same generated guides: its build time (a fresh `mkdocs build`
// process, wall clock) and a site served like ours. MkDocs is optional: without `mkdocs` on PATH the
// bench says so and how to install it. No network: Google Fonts are off, as on an intranet.
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';

export const MKDOCS_INSTALL_HINT =
  'MkDocs Material skipped: `mkdocs` is not on PATH. Install it to compare in the same run: ' +
  '`apt-get install -y mkdocs mkdocs-material` (Debian 12: MkDocs 1.4, Material 8.2) or `pip install mkdocs-material`.';

/** The installed MkDocs and Material, or null when `mkdocs` is not on PATH. */
export function mkdocsVersion(): string | null {
  const found = spawnSync('mkdocs', ['--version'], { encoding: 'utf8' });
  if (found.error || found.status !== 0) return null;
  return found.stdout.trim().replace(/ from .*$/, '');
}

// Python-Markdown's equivalents of what our build does: tables, fenced code highlighted at build
// time (Pygments), heading anchors; the site's search plugin builds its lunr index in the browser.
const CONFIG = (docsDir: string) => `site_name: Bench
docs_dir: ${JSON.stringify(docsDir)}
use_directory_urls: true
theme:
  name: material
  font: false
plugins:
  - search
markdown_extensions:
  - tables
  - fenced_code
  - codehilite
  - toc:
      permalink: true
`;

export interface MkdocsBuild {
  wallMs: number;
  siteDir: string;
}

/** Builds the content folder's guides with MkDocs Material into `<work>/mkdocs-site`. */
export async function buildWithMkdocs(contentDir: string, work: string): Promise<MkdocsBuild> {
  const docsDir = path.join(work, 'mkdocs-docs');
  const siteDir = path.join(work, 'mkdocs-site');
  await mkdir(docsDir, { recursive: true });
  await symlink(path.join(contentDir, 'guides'), path.join(docsDir, 'guides'), 'dir').catch(() => undefined);
  await writeFile(path.join(docsDir, 'index.md'), '# Knowledge base\n\nSearch the guides.\n');
  const config = path.join(work, 'mkdocs.yml');
  await writeFile(config, CONFIG(docsDir));
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn('mkdocs', ['build', '--quiet', '--clean', '--config-file', config, '--site-dir', siteDir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`mkdocs build failed (${code}):\n${errors.slice(-2000)}`))));
  });
  const wallMs = performance.now() - started;
  await precompress(siteDir);
  return { wallMs, siteDir };
}

/** gzip copies of the text files, which our server sends as CloudFront would compress them (outside the timed build). */
async function precompress(siteDir: string): Promise<void> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  const text = entries.filter((entry) => entry.isFile() && /\.(html|js|css|json|xml)$/.test(entry.name));
  for (const entry of text) {
    const file = path.join(entry.parentPath, entry.name);
    await writeFile(`${file}.gz`, gzipSync(await readFile(file)));
  }
}
