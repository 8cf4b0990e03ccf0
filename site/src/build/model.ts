// The site as data: rendered guides with their cross-references (related guides, tags, systems),
// built once and shared by every page template. Broken internal links fail here.
import { BuildError } from './errors.ts';
import type { Content, Expert, PageFrontMatter, SourceFile } from './content.ts';
import type { GuideFrontMatter } from './frontMatter.ts';
import { renderMarkdown, type RenderedMarkdown } from './markdown.ts';
import { SYSTEMS, type SystemName } from './vocabulary.ts';

const RELATED_GUIDES = 5;

export interface Guide extends SourceFile<GuideFrontMatter> {
  url: string;
  rendered: RenderedMarkdown;
  related: Guide[];
  /** the expert named by `owner` in the front matter */
  owner?: Expert;
}

export interface Page extends SourceFile<PageFrontMatter> {
  rendered: RenderedMarkdown;
}

export interface SiteModel {
  /** sorted by slug: the order of the search index */
  guides: Guide[];
  bySlug: Map<string, Guide>;
  /** tag → guides, tags sorted by name, guides by title */
  tags: Map<string, Guide[]>;
  systems: Map<SystemName, Guide[]>;
  pages: { home?: Page; about?: Page };
  experts: Expert[];
}

export const guideUrl = (slug: string) => `/guides/${slug}/`;
export const tagUrl = (tag: string) => `/tags/${tag}/`;
const collator = new Intl.Collator('en');
export const byTitle = (a: { meta: { title: string } }, b: { meta: { title: string } }) => collator.compare(a.meta.title, b.meta.title);

/**
 * `rendered` hears of each guide as soon as it is rendered, in the final order (by slug, the search
 * index's order): the build hands its search documents to the output thread meanwhile.
 * `deferHighlighting`: guides' code blocks are left as placeholders for the output thread (highlight.ts).
 */
export function buildModel(content: Content, rendered?: (guide: Guide) => void, { deferHighlighting = false } = {}): SiteModel {
  const guides: Guide[] = [...content.guides]
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    .map((source) => {
      const guide: Guide = { ...source, url: guideUrl(source.slug), rendered: renderMarkdown(source.body, { deferHighlighting }), related: [] };
      rendered?.(guide);
      return guide;
    });
  const bySlug = new Map(guides.map((guide) => [guide.slug, guide]));
  const pages: SiteModel['pages'] = {};
  for (const [name, page] of Object.entries(content.pages) as [keyof SiteModel['pages'], SourceFile<PageFrontMatter>][]) {
    pages[name] = { ...page, rendered: renderMarkdown(page.body) };
  }
  checkLinks([...guides, ...Object.values(pages)], bySlug);
  assignOwners(guides, content.experts);

  const tags = new Map<string, Guide[]>();
  for (const guide of guides) {
    for (const tag of guide.meta.tags) {
      const list = tags.get(tag);
      if (list) list.push(guide);
      else tags.set(tag, [guide]);
    }
  }
  for (const list of tags.values()) list.sort(byTitle);
  const sortedTags = new Map([...tags.entries()].sort(([a], [b]) => a.localeCompare(b)));

  const systems = new Map<SystemName, Guide[]>(SYSTEMS.map((system) => [system, []]));
  for (const guide of guides) for (const system of guide.meta.systems) systems.get(system)?.push(guide);
  for (const list of systems.values()) list.sort(byTitle);

  const titleRank = new Map([...guides].sort(byTitle).map((guide, rank) => [guide, rank]));
  for (const guide of guides) guide.related = relatedGuides(guide, tags, titleRank);
  return { guides, bySlug, tags: sortedTags, systems, pages, experts: content.experts };
}

function checkLinks(documents: readonly { file: string; rendered: RenderedMarkdown }[], bySlug: Map<string, Guide>): void {
  const problems: string[] = [];
  for (const { file, rendered } of documents) {
    for (const problem of rendered.problems) problems.push(`${file}: ${problem}`);
    for (const link of rendered.links) {
      const target = link.slug === '' ? { rendered } : bySlug.get(link.slug);
      const where = link.slug === '' ? 'this page' : `guide "${link.slug}"`;
      if (!target) {
        problems.push(`${file}: broken link "${link.href}": there is no guide "${link.slug}"`);
      } else if (link.anchor && !target.rendered.headings.some((heading) => heading.id === link.anchor)) {
        problems.push(`${file}: broken link "${link.href}": ${where} has no heading with anchor "#${link.anchor}"`);
      }
    }
  }
  if (problems.length > 0) throw new BuildError(problems);
}

function assignOwners(guides: Guide[], experts: readonly Expert[]): void {
  const byId = new Map(experts.map((expert) => [expert.id, expert]));
  const problems: string[] = [];
  for (const guide of guides) {
    const id = guide.meta.owner;
    if (id === undefined) continue;
    const expert = byId.get(id);
    if (expert) guide.owner = expert;
    else problems.push(`${guide.file}: front matter field "owner": "${id}" is not an expert listed in experts.json`);
  }
  if (problems.length > 0) throw new BuildError(problems);
}

/**
 * The guides sharing the most tags with this one (ties by title), through the tag → guides map.
 * A running top five instead of sorting every guide that shares a tag: with thousands of guides
 * per tag, sorting made the build quadratic.
 */
function relatedGuides(guide: Guide, tags: Map<string, Guide[]>, titleRank: Map<Guide, number>): Guide[] {
  const shared = new Map<Guide, number>();
  for (const tag of guide.meta.tags) {
    for (const other of tags.get(tag) ?? []) if (other !== guide) shared.set(other, (shared.get(other) ?? 0) + 1);
  }
  const better = (a: [Guide, number], b: [Guide, number]) => a[1] > b[1] || (a[1] === b[1] && (titleRank.get(a[0]) ?? 0) < (titleRank.get(b[0]) ?? 0));
  const top: [Guide, number][] = [];
  for (const entry of shared) {
    if (top.length === RELATED_GUIDES && !better(entry, top[top.length - 1] as [Guide, number])) continue;
    let at = top.length;
    while (at > 0 && better(entry, top[at - 1] as [Guide, number])) at--;
    top.splice(at, 0, entry);
    if (top.length > RELATED_GUIDES) top.pop();
  }
  return top.map(([other]) => other);
}
