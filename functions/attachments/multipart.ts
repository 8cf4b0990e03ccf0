/**
 * A minimal multipart/form-data reader for the local upload route: fields as text, one file as a byte slice of
 * the body. `Request.formData()` parses a 20 MB upload at about 13 MB/s; finding the boundaries with
 * Buffer.indexOf reads it many times faster (bench:attachments). Enough for the browser's and S3-style forms:
 * no nested multiparts, names in Content-Disposition.
 */
export interface ParsedForm {
  fields: Map<string, string>;
  file?: { name: string; bytes: Buffer };
}

export function boundaryOf(contentType: string | undefined): string | undefined {
  const match = /^multipart\/form-data;.*\bboundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  return match?.[1] ?? match?.[2];
}

export function parseMultipart(body: Buffer, boundary: string, fileField = 'file'): ParsedForm | undefined {
  const delimiter = Buffer.from(`--${boundary}`);
  const fields = new Map<string, string>();
  let file: ParsedForm['file'];
  let at = body.indexOf(delimiter);
  if (at !== 0) return undefined;
  while (at !== -1) {
    const partStart = at + delimiter.length;
    if (body[partStart] === 0x2d && body[partStart + 1] === 0x2d) break; // "--": the closing delimiter
    const headersEnd = body.indexOf('\r\n\r\n', partStart);
    if (headersEnd === -1) return undefined;
    const headers = body.subarray(partStart + 2, headersEnd).toString('utf8');
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headersEnd + 4);
    if (next === -1) return undefined;
    const content = body.subarray(headersEnd + 4, next);
    const name = /\bname="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined) return undefined;
    if (name === fileField) file = { name: /\bfilename="([^"]*)"/i.exec(headers)?.[1] ?? '', bytes: content };
    else fields.set(name, content.toString('utf8'));
    at = next + 2;
  }
  return { fields, ...(file ? { file } : {}) };
}
