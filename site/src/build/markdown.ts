// Markdown → HTML for one guide or page: GFM, build-time highlighting, stable GitHub-style heading
// anchors, a table of contents, sections for the search index, and internal links rewritten from
// MkDocs-style `other-guide.md#anchor` to `/guides/other-guide/#anchor` (and recorded for checking).
import { Marked, Renderer, type Token, type Tokens } from 'marked';
import GithubSlugger from 'github-slugger';
import { highlightCode, isHighlightable, type HighlightJob } from './highlight.ts';
import { plainText } from './plainText.ts';
import { sanitizeRawHtml } from './sanitize.ts';
import { escapeHtml } from './html.ts';
import { CHECK_MARKER, checkHeaderProblems, parseCheckHeader, type CheckNote } from './checkNotes.ts';
import { formatDate } from './dates.ts';

export interface Heading {
  depth: number;
  text: string;
  id: string;
}

export interface Section {
  /** '' for the introduction before the first heading */
  anchor: string;
  heading: string;
  text: string;
}

export interface InternalLink {
  href: string;
  /** '' for a link to a heading of the same page (`#anchor`) */
  slug: string;
  anchor: string;
}

export interface RenderedMarkdown {
  html: string;
  headings: Heading[];
  sections: Section[];
  links: InternalLink[];
  /** the page's Check notes, in document order */
  checks: CheckNote[];
  /** malformed Check notes, in an author's words (the build names the file) */
  problems: string[];
  /** with deferHighlighting: the code blocks whose placeholders are in `html` */
  highlights?: HighlightJob[];
}

type AnchoredHeading = Tokens.Heading & { id?: string };
type MarkedLink = Tokens.Link & { external?: boolean };
type CheckBlockquote = Tokens.Blockquote & { check?: CheckNote };

const SECTION_DEPTHS = new Set([2, 3]);
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;
const MARKDOWN_LINK = /^(?!\/)(?:[^#?]*\/)?([^/#?]+)\.md(?:#(.*))?$/i;
const GUIDE_URL = /^\/guides\/([^/#?]+)\/?(?:#(.*))?$/;

const marked = new Marked({
  gfm: true,
  renderer: {
    heading(token) {
      const { id } = token as AnchoredHeading;
      const inner = this.parser.parseInline(token.tokens);
      if (!id) return `<h${token.depth}>${inner}</h${token.depth}>\n`;
      return `<h${token.depth} id="${id}">${inner}<a class="anchor" href="#${id}"><span class="visually-hidden">Link to this section</span></a></h${token.depth}>\n`;
    },
    code({ text, lang }) {
      const language = (lang ?? '').trim().split(/\s+/)[0] ?? '';
      const known = isHighlightable(language);
      let body: string;
      if (!known) body = escapeHtml(text);
      else if (deferredHighlights) {
        body = `\u0000hl${placeholders++}\u0000`;
        deferredHighlights.push({ placeholder: body, language, text });
      } else body = highlightCode(language, text);
      const label = language ? ` data-lang="${escapeHtml(language)}"` : '';
      // tabindex: a code block that scrolls sideways must be reachable by keyboard (axe: scrollable-region-focusable)
      return `<pre tabindex="0"${label}><code class="hljs${known ? ` language-${language}` : ''}">${body}</code></pre>\n`;
    },
    blockquote(token) {
      const { check } = token as CheckBlockquote;
      const body = this.parser.parse(token.tokens);
      if (!check) return `<blockquote>\n${body}</blockquote>\n`;
      // role="note", not <aside>: a complementary landmark may not sit inside <main> (axe).
      const host = new URL(check.source).hostname;
      return `<div class="check-note" role="note" aria-label="Check note"><p class="check-note-head"><span class="check-note-label">Check</span> `
        + `Last checked <time datetime="${check.checked}">${formatDate(check.checked)}</time> against `
        + `<a class="external" href="${escapeHtml(check.source)}" rel="noopener">${escapeHtml(host)}<span class="visually-hidden"> (external link)</span></a></p>\n${body}</div>\n`;
    },
    table(token) {
      // Wide tables scroll inside a focusable region instead of widening the page.
      return `<div class="table-scroll" tabindex="0">${Renderer.prototype.table.call(this, token)}</div>\n`;
    },
    html(token) {
      return sanitizeRawHtml(token.text, token.type === 'html' && (token as Tokens.HTML).block);
    },
    link(token) {
      const inner = this.parser.parseInline(token.tokens);
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
      if ((token as MarkedLink).external) {
        return `<a class="external" href="${escapeHtml(token.href)}"${title} rel="noopener">${inner}<span class="visually-hidden"> (external link)</span></a>`;
      }
      return `<a href="${escapeHtml(token.href)}"${title}>${inner}</a>`;
    },
  },
});

function rewriteLink(token: MarkedLink, links: InternalLink[]): void {
  const href = token.href;
  if (/^javascript:/i.test(href.trim())) {
    token.href = '#';
    return;
  }
  if (EXTERNAL.test(href)) {
    token.external = true;
    return;
  }
  if (href.startsWith('#') && href.length > 1) {
    links.push({ href, slug: '', anchor: decodeURIComponent(href.slice(1)) });
    return;
  }
  const file = MARKDOWN_LINK.exec(href);
  const guide = file ?? GUIDE_URL.exec(href);
  if (!guide) return;
  const slug = decodeURIComponent(guide[1] ?? '');
  const anchor = guide[2] ?? '';
  links.push({ href, slug, anchor });
  token.href = `/guides/${slug}/${anchor ? `#${anchor}` : ''}`;
}

/** Set while a render defers its highlighting (see highlight.ts); rendering is synchronous. */
let deferredHighlights: HighlightJob[] | undefined;
let placeholders = 0;

/**
 * `deferHighlighting`: leave a placeholder for each code block to highlight, listed in `highlights`
 * (the command's builds highlight them on the second thread).
 */
export function renderMarkdown(source: string, { deferHighlighting = false } = {}): RenderedMarkdown {
  const jobs: HighlightJob[] = [];
  deferredHighlights = deferHighlighting && !source.includes('\u0000') ? jobs : undefined;
  try {
    return { ...render(source), ...(deferredHighlights ? { highlights: jobs } : {}) };
  } finally {
    deferredHighlights = undefined;
  }
}

function render(source: string): RenderedMarkdown {
  const tokens = marked.lexer(source);
  // The page template prints the title as the only h1; a leading "# Title" would repeat it.
  const firstContent = tokens.findIndex((token) => token.type !== 'space');
  if (firstContent >= 0 && tokens[firstContent]?.type === 'heading' && (tokens[firstContent] as Tokens.Heading).depth === 1) {
    tokens.splice(firstContent, 1);
  }
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  const links: InternalLink[] = [];
  const checks: CheckNote[] = [];
  const problems: string[] = [];
  let sectionAnchor = '';
  marked.walkTokens(tokens, (token) => {
    if (token.type === 'heading') {
      const heading = token as AnchoredHeading;
      const text = plainText(heading.tokens);
      heading.id = slugger.slug(text);
      headings.push({ depth: heading.depth, text, id: heading.id });
      if (SECTION_DEPTHS.has(heading.depth)) sectionAnchor = heading.id;
    } else if (token.type === 'link') {
      rewriteLink(token as MarkedLink, links);
    } else if (token.type === 'blockquote') {
      // Replacing the children here means walkTokens goes on into the note's own text.
      const note = readCheckNote(token as CheckBlockquote, sectionAnchor);
      if (note?.problems.length) problems.push(...note.problems.map((problem) => `${problem} (under "${sectionAnchor || 'the introduction'}")`));
      else if (note) checks.push(note.check);
    }
  });
  return { html: marked.parser(tokens), headings, sections: splitSections(tokens), links, checks, problems };
}

/** Turns a `> [!CHECK] source=… checked=…` blockquote into a Check note (marker line removed from its text). */
function readCheckNote(token: CheckBlockquote, anchor: string): { check: CheckNote; problems: string[] } | undefined {
  const marker = CHECK_MARKER.exec(token.text);
  if (!marker) return undefined;
  const header = parseCheckHeader(marker[1] ?? '');
  const body = `${header.rest}\n${token.text.slice(marker[0].length)}`.trim();
  token.tokens = marked.lexer(body);
  const check: CheckNote = { source: header.source ?? '', checked: header.checked ?? '', text: plainText(token.tokens), anchor };
  const problems = checkHeaderProblems(header);
  if (problems.length === 0) token.check = check;
  return { check, problems };
}

function splitSections(tokens: readonly Token[]): Section[] {
  const sections: Section[] = [];
  let current = { anchor: '', heading: '', tokens: [] as Token[] };
  const flush = () => sections.push({ anchor: current.anchor, heading: current.heading, text: plainText(current.tokens) });
  for (const token of tokens) {
    if (token.type === 'heading' && SECTION_DEPTHS.has((token as Tokens.Heading).depth)) {
      flush();
      const heading = token as AnchoredHeading;
      current = { anchor: heading.id ?? '', heading: plainText(heading.tokens), tokens: [] };
    } else {
      current.tokens.push(token);
    }
  }
  flush();
  return sections;
}
