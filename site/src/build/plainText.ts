// The readable text of marked tokens, for the search index, snippets and heading slugs.
import type { Token, Tokens } from 'marked';

function decodeEntities(text: string): string {
  return text
    .replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" })[entity] ?? entity);
}

export function plainText(tokens: readonly Token[]): string {
  const parts: string[] = [];
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
        for (const item of (token as Tokens.List).items) parts.push(plainText(item.tokens));
        break;
      case 'table': {
        const table = token as Tokens.Table;
        for (const cell of table.header) parts.push(plainText(cell.tokens));
        for (const row of table.rows) for (const cell of row) parts.push(plainText(cell.tokens));
        break;
      }
      default:
        if ('tokens' in token && Array.isArray(token.tokens)) parts.push(plainText(token.tokens));
        else if ('text' in token && typeof token.text === 'string') parts.push(decodeEntities(token.text));
    }
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
