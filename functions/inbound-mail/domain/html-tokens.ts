/**
 * A forgiving, single-pass HTML tokenizer for mail bodies: text, opening and closing tags with their
 * attributes; comments (Outlook's conditional ones included), doctypes and processing instructions dropped.
 * It builds no tree (mail HTML is often not well formed, and the converter only needs the stream) and every
 * step moves forward, so time stays linear in the input whatever a sender writes.
 *
 * Hand-written rather than htmlparser2 (21.5 KB gzip bundled with esbuild, its entity decoder included):
 * the whole inbound function has about 25 KB of bundle budget, and this is the part of a parser mail needs.
 */

export type HtmlToken =
  /** Raw text: character references not yet decoded. */
  | { type: 'text'; text: string }
  /** Names in lower case; attribute values with their character references still raw. */
  | { type: 'open'; name: string; attributes: Record<string, string> }
  | { type: 'close'; name: string };

/** Elements whose content is text up to their closing tag, never markup. */
const RAW_TEXT = new Map(['script', 'style', 'title', 'textarea', 'xmp'].map((name) => [name, new RegExp(`</${name}`, 'gi')]));

const TAG_NAME = /<(\/?)([a-zA-Z][^\s/>]*)/y;
const ATTRIBUTE = /[\s/]*([^\s"'>/=][^\s"'>/=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?/y;

function skipPast(html: string, from: number, marker: string): number {
  const at = html.indexOf(marker, from);
  return at === -1 ? html.length : at + marker.length;
}

/** Reads the attributes from `from` to the end of the tag; returns them and the index after `>`. */
function readAttributes(html: string, from: number): { attributes: Record<string, string>; end: number } {
  const attributes: Record<string, string> = {};
  let position = from;
  while (position < html.length) {
    while (position < html.length && /[\s/]/.test(html[position]!)) position++;
    if (position >= html.length) break;
    if (html[position] === '>') return { attributes, end: position + 1 };
    ATTRIBUTE.lastIndex = position;
    const match = ATTRIBUTE.exec(html);
    if (!match || ATTRIBUTE.lastIndex === position) {
      position++; // a stray quote or '=': skip it, as browsers do
      continue;
    }
    const name = match[1]!.toLowerCase();
    if (!(name in attributes)) attributes[name] = match[2] ?? match[3] ?? match[4] ?? '';
    position = ATTRIBUTE.lastIndex;
  }
  return { attributes, end: html.length };
}

export function* htmlTokens(html: string): Generator<HtmlToken> {
  let position = 0;
  while (position < html.length) {
    const open = html.indexOf('<', position);
    if (open === -1) {
      yield { type: 'text', text: html.slice(position) };
      return;
    }
    if (open > position) yield { type: 'text', text: html.slice(position, open) };
    position = open;
    if (html.startsWith('<!--', position)) {
      position = skipPast(html, position + 4, '-->');
      continue;
    }
    if (html[position + 1] === '!' || html[position + 1] === '?') {
      position = skipPast(html, position + 2, '>');
      continue;
    }
    TAG_NAME.lastIndex = position;
    const tag = TAG_NAME.exec(html);
    if (!tag) {
      yield { type: 'text', text: '<' };
      position++;
      continue;
    }
    const name = tag[2]!.toLowerCase();
    const { attributes, end } = readAttributes(html, TAG_NAME.lastIndex);
    position = end;
    if (tag[1] === '/') {
      yield { type: 'close', name };
      continue;
    }
    yield { type: 'open', name, attributes };
    const rawTextEnd = RAW_TEXT.get(name);
    if (rawTextEnd) {
      rawTextEnd.lastIndex = position;
      const stop = rawTextEnd.exec(html)?.index ?? html.length;
      if (stop > position) yield { type: 'text', text: html.slice(position, stop) };
      position = stop;
    }
  }
}
