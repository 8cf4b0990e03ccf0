// The readable text of marked tokens, for the search index, snippets and heading slugs.
import type { Token, Tokens } from 'marked';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

function decodeEntities(text: string): string {
  return text.includes('&') ? text.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity) : text;
}

/** Collects into one array and normalises whitespace once: this runs over every guide's tokens. */
function collect(tokens: readonly Token[], parts: string[]): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
      case 'hr':
        break;
      case 'html':
        parts.push(decodeEntities(token.text.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ')));
        break;
      case 'code':
        parts.push(token.text);
        break;
      case 'list':
        for (const item of (token as Tokens.List).items) collect(item.tokens, parts);
        break;
      case 'table': {
        const table = token as Tokens.Table;
        for (const cell of table.header) collect(cell.tokens, parts);
        for (const row of table.rows) for (const cell of row) collect(cell.tokens, parts);
        break;
      }
      default:
        if ('tokens' in token && Array.isArray(token.tokens)) collect(token.tokens, parts);
        else if ('text' in token && typeof token.text === 'string') parts.push(decodeEntities(token.text));
    }
  }
}

export function plainText(tokens: readonly Token[]): string {
  const parts: string[] = [];
  collect(tokens, parts);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
