// Reads the content folder: every guide under guides/ (nested folders allowed, the slug is the file's
// base name) and the optional site pages. All problems are collected, so one build reports them all.
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BuildError } from './errors.ts';
import { problemLine, writerMessage } from './contractMessages.ts';
import { fields, FrontMatterError, guideFrontMatterSchema, pageFrontMatterSchema, parseFrontMatter, type GuideFrontMatter } from './frontMatter.ts';

export interface SourceFile<T> {
  slug: string;
  /** path for messages, relative to the working directory */
  file: string;
  meta: T;
  body: string;
}

export type PageFrontMatter = ReturnType<typeof pageFrontMatterSchema.parse>;

export interface Content {
  guides: SourceFile<GuideFrontMatter>[];
  pages: { home?: SourceFile<PageFrontMatter>; about?: SourceFile<PageFrontMatter> };
  /** who may own guides (experts.json); the site has no database, so names come from here */
  experts: Expert[];
}

export interface Expert {
  /** the expert's user id in the web app (e.g. u-ana) */
  id: string;
  name: string;
}

const expertsFileSchema = fields({
  experts: z.array(fields({ id: z.string().trim().min(1), name: z.string().trim().min(1) }, 'field', 'must be an expert, like { "id": "u-ana", "name": "Ana" }')),
}, 'field', 'must be an object, like { "experts": [{ "id": "u-ana", "name": "Ana" }] }');

/** `<content>/experts.json`, optional: without it no guide may name an owner. */
async function loadExperts(contentDir: string, problems: string[]): Promise<Expert[]> {
  const file = path.join(contentDir, 'experts.json');
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return [];
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    problems.push(`${displayPath(file)}: not valid JSON: ${(error as Error).message}`);
    return [];
  }
  const result = expertsFileSchema.safeParse(parsed, { error: writerMessage });
  if (!result.success) {
    problems.push(...result.error.issues.map((issue) => problemLine(displayPath(file), '', issue)));
    return [];
  }
  return result.data.experts;
}

async function listMarkdown(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true, recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

export async function loadContent(contentDir: string): Promise<Content> {
  // No guides yet is fine (they are written in parallel); no content folder at all is a typo.
  const folder = await fs.stat(contentDir).catch(() => undefined);
  if (!folder?.isDirectory()) throw new BuildError([`${contentDir}: content folder not found`]);
  const problems: string[] = [];
  const guides: SourceFile<GuideFrontMatter>[] = [];
  const firstFileBySlug = new Map<string, string>();
  for (const absolute of await listMarkdown(path.join(contentDir, 'guides'))) {
    const file = displayPath(absolute);
    const slug = path.basename(absolute, '.md');
    const earlier = firstFileBySlug.get(slug);
    if (earlier) {
      problems.push(`${file}: duplicate slug "${slug}" (already used by ${earlier}); guide file names must be unique`);
      continue;
    }
    firstFileBySlug.set(slug, file);
    if (!/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/.test(slug)) {
      problems.push(`${file}: file name "${slug}" must be lowercase letters, digits and dashes (it becomes the URL)`);
      continue;
    }
    try {
      // Read synchronously: ~15 ms for 1,000 guides, where fs.promises took 70-100 ms (open, stat, read
      // and close each a trip through libuv's thread pool and back).
      const parsed = parseFrontMatter(readFileSync(absolute, 'utf8'), file, guideFrontMatterSchema);
      guides.push({ slug, file, meta: parsed.data, body: parsed.body });
    } catch (error) {
      if (error instanceof FrontMatterError) problems.push(...error.problems);
      else throw error;
    }
  }
  const pages: Content['pages'] = {};
  for (const name of ['home', 'about'] as const) {
    const absolute = path.join(contentDir, 'pages', `${name}.md`);
    let source: string;
    try {
      source = await fs.readFile(absolute, 'utf8');
    } catch {
      continue;
    }
    try {
      const parsed = parseFrontMatter(source, displayPath(absolute), pageFrontMatterSchema);
      pages[name] = { slug: name, file: displayPath(absolute), meta: parsed.data, body: parsed.body };
    } catch (error) {
      if (error instanceof FrontMatterError) problems.push(...error.problems);
      else throw error;
    }
  }
  const experts = await loadExperts(contentDir, problems);
  if (problems.length > 0) throw new BuildError(problems);
  return { guides, pages, experts };
}
