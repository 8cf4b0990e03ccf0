/**
 * A mail's HTML → plain text that is safe to store and show: no markup survives, only characters.
 * Block elements end lines, paragraphs leave a blank line (Word's zero-margin `p.MsoNormal` lines do not),
 * lists become "- " or "1. " lines, links "text (url)" when the url says something the text does not,
 * blockquotes "> " lines, images are dropped (inline pictures arrive as attachments), and head, script, style
 * and client signatures are dropped with their content. From an Outlook history marker on, nothing is kept.
 *
 * Hand-written, with html-tokens.ts and html-entities.ts, rather than a library: measured bundled with esbuild
 * (minified, gzip -9) html-to-text is 73.1 KB and node-html-parser 47.1 KB, each past the inbound function's
 * whole budget of about 25 KB; all of extractReply, this converter included, is 4.6 KB (reply-text.ts).
 */
import { decodeEntities } from './html-entities.ts';
import { htmlTokens } from './html-tokens.ts';
import { isQuoteBlock, isSignatureBlock, startsHistory } from './mail-html-marks.ts';
import { tidyText } from './text-lines.ts';
import { MAX_SHOWN_DEPTH, TextWriter } from './text-writer.ts';

const DROPPED = new Set(['head', 'script', 'style', 'title', 'template', 'xml', 'object', 'iframe', 'svg', 'math']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'li', 'main', 'nav', 'ol', 'section', 'summary',
  'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);
/** Set apart by a blank line, as browsers do (and so Markdown does not run a table's first row into a list). */
const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'pre', 'table']);
const CELLS = new Set(['td', 'th']);

/** Schemes worth showing; anything else (javascript:, cid:, data:, file:) keeps only the link's text. */
const SHOWN_SCHEME = /^(https?:|mailto:)/i;

function comparable(url: string): string {
  return url.trim().toLowerCase().replace(/^(mailto:|https?:\/\/)/, '').replace(/^www\./, '').replace(/\/+$/, '');
}

/** What follows a link's text: nothing, " (url)", or the url alone when the link has no text. */
function linkSuffix(text: string, href: string): string {
  const url = href.trim();
  if (!SHOWN_SCHEME.test(url)) return '';
  const shown = /^mailto:/i.test(url) ? url.slice('mailto:'.length).split('?')[0]! : url;
  if (text === '') return shown;
  return comparable(text) === comparable(shown) ? '' : ` (${shown})`;
}

export interface HtmlToTextOptions {
  /** Go on past Outlook's history marker (for the best effort when nothing stands above it). */
  keepHistory?: boolean;
}

export function htmlToText(html: string, options: HtmlToTextOptions = {}): string {
  const writer = new TextWriter();
  const lists: Array<{ ordered: boolean; next: number }> = [];
  let link: { href: string; start: number } | null = null;
  const endLink = ({ href, start }: { href: string; start: number }) => writer.write(linkSuffix(writer.textSince(start).trim(), href));
  /** The element being dropped with its content, and how deep we are in elements of its name. */
  let dropping: { name: string; depth: number } | null = null;
  let preformatted = 0;
  let paragraphBreak: 1 | 2 = 2;

  for (const token of htmlTokens(html)) {
    if (dropping) {
      if (token.type === 'open' && token.name === dropping.name && !VOID.has(token.name)) dropping.depth++;
      if (token.type === 'close' && token.name === dropping.name && --dropping.depth === 0) dropping = null;
      continue;
    }
    if (token.type === 'text') {
      const text = decodeEntities(token.text);
      writer.write(preformatted > 0 ? text.replace(/\r\n?/g, '\n') : text.replace(/[ \t\n\r\f]+/g, ' '), preformatted > 0);
      continue;
    }
    const { name } = token;
    if (token.type === 'open') {
      if (!options.keepHistory && startsHistory(token.attributes)) break;
      if (DROPPED.has(name) || isSignatureBlock(token.attributes)) {
        if (!VOID.has(name)) dropping = { name, depth: 1 };
        continue;
      }
      if (name === 'br') writer.newline();
      else if (PARAGRAPHS.has(name)) {
        paragraphBreak = /\bMsoNormal\b/.test(token.attributes.class ?? '') ? 1 : 2;
        writer.breakLines(name === 'p' ? paragraphBreak : 2);
      } else if (BLOCKS.has(name)) writer.breakLines(1);

      if (isQuoteBlock(name)) writer.quoteDepth++;
      else if (name === 'pre') preformatted++;
      else if (name === 'ul' || name === 'ol') lists.push({ ordered: name === 'ol', next: Number(token.attributes.start) || 1 });
      else if (name === 'li') {
        const list = lists.at(-1) ?? { ordered: false, next: 1 };
        const indent = '  '.repeat(Math.min(Math.max(0, lists.length - 1), MAX_SHOWN_DEPTH));
        writer.prefixNextLine(`${indent}${list.ordered ? `${list.next++}. ` : '- '}`);
      } else if (name === 'a') {
        // Links do not nest: like a browser, a new one closes the one still open.
        if (link) endLink(link);
        link = { href: decodeEntities(token.attributes.href ?? ''), start: writer.mark() };
      }
      continue;
    }
    // A closing tag.
    if (name === 'p') writer.breakLines(paragraphBreak);
    else if (PARAGRAPHS.has(name)) writer.breakLines(2);
    else if (BLOCKS.has(name)) writer.breakLines(1);
    else if (CELLS.has(name)) writer.write(' ');

    if (isQuoteBlock(name)) writer.quoteDepth = Math.max(0, writer.quoteDepth - 1);
    else if (name === 'pre') preformatted = Math.max(0, preformatted - 1);
    else if (name === 'ul' || name === 'ol') lists.pop();
    else if (name === 'a' && link) {
      endLink(link);
      link = null;
    }
  }
  return tidyText(writer.textSince(0));
}
