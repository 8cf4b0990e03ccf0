import GithubSlugger from 'github-slugger';
import { marked, type Token, type Tokens } from 'marked';
import { parse as parseYaml } from 'yaml';

export interface SplitGuide {
  frontMatter: unknown;
  body: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits a guide into its parsed YAML front matter and its Markdown body; throws if there is no front matter. */
export function splitGuide(source: string): SplitGuide {
  const match = FRONT_MATTER.exec(source);
  if (!match) throw new Error('no YAML front matter between --- lines at the top of the file');
  return { frontMatter: parseYaml(match[1] ?? ''), body: source.slice(match[0].length) };
}

export function countWords(body: string): number {
  return body.split(/\s+/).filter((word) => word.length > 0).length;
}

/** The text a reader sees in a heading, without Markdown markup (what anchors are computed from). */
function plainText(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map((token) => ('tokens' in token && token.tokens ? plainText(token.tokens) : 'text' in token ? token.text : ''))
    .join('');
}

/** GitHub-style anchors of all headings, in document order (duplicates get -1, -2 like the site build). */
export function headingAnchors(body: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  for (const token of marked.lexer(body)) {
    if (token.type === 'heading') anchors.add(slugger.slug(plainText((token as Tokens.Heading).tokens)));
  }
  return anchors;
}

export interface GuideLink {
  file: string;
  anchor: string | undefined;
  href: string;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|\/)/i;

/** Relative links to Markdown files in the body (code blocks and code spans are not links). */
export function relativeMarkdownLinks(body: string): GuideLink[] {
  const links: GuideLink[] = [];
  marked.walkTokens(marked.lexer(body), (token) => {
    if (token.type !== 'link') return;
    const href = (token as Tokens.Link).href;
    if (EXTERNAL.test(href)) return;
    const [file = '', anchor] = href.split('#', 2);
    if (file.endsWith('.md')) links.push({ file, anchor: anchor || undefined, href });
  });
  return links;
}
