import type { ParsedMail } from './parse.ts';
import type { Envelope } from './service.ts';

/**
 * What the parsing function leaves for the processing one (AWS): the envelope and the parsed mail as JSON, files
 * in base64, stored beside the raw mail under `parsed/`, whose creation invokes the processing function.
 */
export interface Handoff {
  envelope: Envelope;
  parsed: ParsedMail;
}

export const PARSED_MAIL_PREFIX = 'parsed/';
export const parsedMailKey = (messageId: string) => `${PARSED_MAIL_PREFIX}${messageId}.json`;

export function encodeHandoff({ envelope, parsed }: Handoff): string {
  return JSON.stringify({ envelope, parsed: { ...parsed, files: parsed.files.map((f) => ({ ...f, bytes: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength).toString('base64') })) } });
}

export function decodeHandoff(json: string): Handoff {
  const { envelope, parsed } = JSON.parse(json) as { envelope: Envelope; parsed: Omit<ParsedMail, 'files'> & { files: Array<Omit<ParsedMail['files'][number], 'bytes'> & { bytes: string }> } };
  return { envelope, parsed: { ...parsed, files: parsed.files.map((f) => ({ ...f, bytes: new Uint8Array(Buffer.from(f.bytes, 'base64')) })) } };
}
