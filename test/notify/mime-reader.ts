/** Just enough of an RFC 5322/MIME reader to check what we write (base64 parts, encoded-word headers). */
export interface ParsedMail {
  headers: Record<string, string>;
  text?: string;
  html?: string;
  attachments: Array<{ filename: string; contentType: string; content: string }>;
}

function decodeWords(value: string): string {
  return value.replace(/\r\n /g, ' ').replace(/=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=(?:\s+(?==\?UTF-8))?/g, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
}

function split(raw: string): { headers: Record<string, string>; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  const headerBlock = raw.slice(0, end).replace(/\r\n[ \t]/g, '\r\n ');
  const headers: Record<string, string> = {};
  for (const line of headerBlock.split(/\r\n(?! )/)) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(end + 4) };
}

export function parseMime(raw: string): ParsedMail {
  if (/[^\r]\n/.test(raw)) throw new Error('bare LF in message');
  const result: ParsedMail = { headers: split(raw).headers, attachments: [] };
  const walk = (entity: string) => {
    const { headers, body } = split(entity);
    const type = headers['content-type'] ?? 'text/plain';
    const boundary = type.match(/boundary="([^"]+)"/)?.[1];
    if (boundary) {
      const parts = body.split(`--${boundary}`).slice(1, -1).map((part) => part.replace(/^\r\n/, '').replace(/\r\n$/, ''));
      parts.forEach(walk);
      return;
    }
    const content = headers['content-transfer-encoding'] === 'base64' ? Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8') : body;
    const filename = headers['content-disposition']?.match(/filename="([^"]+)"/)?.[1];
    if (filename) result.attachments.push({ filename, contentType: type, content });
    else if (type.startsWith('text/plain')) result.text = content;
    else if (type.startsWith('text/html')) result.html = content;
  };
  walk(raw);
  return result;
}
