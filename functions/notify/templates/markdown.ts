/**
 * A message's Markdown as mail HTML: a small, safe subset, written here rather than with marked.
 *
 * Why not marked (the site's and the web app's renderer): it adds about 40 KiB minified to the notifier's bundle,
 * which already stands at 1.28× of the 1.3× budget (`npm run bench:lambda`), and its output would still need a
 * sanitizer (raw HTML passes through marked), which is heavier again. A mail needs what people write in a support
 * reply: paragraphs and line breaks, code (inline and fenced), emphasis, links, lists, quotes and headings. Anything
 * else (tables, images, raw HTML) shows as the text that was typed; the ticket's page renders it in full.
 *
 * Safety by construction: every character of the source is HTML-escaped before any markup is added, and the only
 * markup added is the fixed tags below; a link's target must be http(s) or mailto (anything else stays text); an
 * image becomes a link to it, so a mail never loads a remote picture (a tracker) by itself.
 */
import { escapeHtml } from './escape.ts';

const CODE = 'font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em;background:#f1f3f5;color:#1b1f24';
const SAFE_TARGET = /^(?:https?:\/\/|mailto:)/i;

/** Inline Markdown on one block's text, already escaped. Code spans and links are set aside first, so nothing inside them is touched. */
function inline(escaped: string): string {
  const kept: string[] = [];
  const keep = (html: string) => `\u0000${kept.push(html) - 1}\u0000`;
  let out = escaped
    .replace(/`([^`\n]+)`/g, (_, code: string) => keep(`<code style="${CODE}">${code}</code>`))
    .replace(/!?\[([^\]\n]*)\]\(([^)\s]+)(?:\s+&quot;[^\n]*?&quot;)?\)/g, (whole, label: string, target: string) => {
      if (!SAFE_TARGET.test(target)) return whole;
      return keep(`<a href="${target}">${label || target}</a>`);
    })
    .replace(/https?:\/\/(?:(?!&(?:lt|gt|quot|#39);)[^\s\u0000])+/g, (url) => {
      // Sentence punctuation after a bare address is not part of it.
      const trail = /[.,;:!?)]+$/.exec(url)?.[0] ?? '';
      const bare = url.slice(0, url.length - trail.length);
      return `${keep(`<a href="${bare}">${bare}</a>`)}${trail}`;
    });
  out = out
    .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, '<strong>$2</strong>')
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?!\w)/g, '$1<em>$2</em>')
    .replace(/(^|[^\w_])_(?=\S)([^_\n]*?\S)_(?!\w)/g, '$1<em>$2</em>');
  return out.replace(/\u0000(\d+)\u0000/g, (_, i: string) => kept[Number(i)]!);
}

const LIST_ITEM = /^\s{0,3}([-*+]|\d{1,9}[.)])\s+(.*)$/;
const FENCE = /^\s{0,3}(```|~~~)/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*$/;

/** One block (lines with no blank line between them) as HTML. */
function block(lines: string[]): string {
  if (lines.every((line) => /^\s{0,3}&gt;/.test(line))) {
    return `<blockquote style="margin:0 0 1em;padding-left:.75em;border-left:3px solid #ccd;color:#4a525c">${blocks(lines.map((line) => line.replace(/^\s{0,3}&gt; ?/, '')))}</blockquote>`;
  }
  const heading = HEADING.exec(lines[0]!);
  if (heading && lines.length === 1) return `<p><strong>${inline(heading[1]!)}</strong></p>`;
  const first = LIST_ITEM.exec(lines[0]!);
  if (first) {
    const items: string[] = [];
    for (const line of lines) {
      const item = LIST_ITEM.exec(line);
      if (item) items.push(item[2]!);
      else items[items.length - 1] += `\n${line.trim()}`;
    }
    const tag = /\d/.test(first[1]!) ? 'ol' : 'ul';
    return `<${tag}>${items.map((item) => `<li>${inline(item).replace(/\n/g, '<br>')}</li>`).join('')}</${tag}>`;
  }
  return `<p>${lines.map(inline).join('<br>\n')}</p>`;
}

/** Escaped lines into blocks: fenced code as it is, the rest split at blank lines. */
function blocks(lines: string[]): string {
  const out: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) out.push(block(current));
    current = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const fence = FENCE.exec(lines[i]!);
    if (fence) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trimStart().startsWith(fence[1]!); i++) code.push(lines[i]!);
      out.push(`<pre style="${CODE};padding:.5em;overflow-x:auto;white-space:pre-wrap"><code>${code.join('\n')}</code></pre>`);
    } else if (lines[i]!.trim() === '') flush();
    else if (HEADING.test(lines[i]!)) {
      flush();
      out.push(block([lines[i]!]));
    } else current.push(lines[i]!);
  }
  flush();
  return out.join('\n');
}

/** Markdown a person wrote, as HTML for a mail: escaped first, then the subset above. */
export function markdownToMailHtml(source: string): string {
  return blocks(escapeHtml(source.replace(/\r\n?/g, '\n')).split('\n'));
}
