import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toMime, type OutgoingMail } from './mime.ts';
import type { MailTransport } from './transport.ts';

export interface OutboxEntry {
  name: string;
  size: number;
  /** The recipient's address (lower case), read from the message's To header. */
  to: string;
}

/** The local transport: every message is an `.eml` file (or, in tests, an in-memory entry) anyone can open. */
export interface Outbox extends MailTransport {
  list(): Promise<OutboxEntry[]>;
  /** undefined for a name that is not one of its messages. */
  read(name: string): Promise<string | undefined>;
}

const NAME = /^[A-Za-z0-9_-]{1,120}\.eml$/;

/** The address in a message's To header (we write one mailbox: `"Name" <address>` or the bare address). */
export function recipientOf(message: string): string {
  const headers = message.split(/\r?\n\r?\n/, 1)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const to = /^To:(.*)$/im.exec(headers)?.[1]?.trim() ?? '';
  return (/<([^>]*)>\s*$/.exec(to)?.[1] ?? to).toLowerCase();
}

function fileName(mail: OutgoingMail): string {
  // Milliseconds too, so a listing sorted by name is in sending order.
  const stamp = mail.date.toISOString().replace(/[-:.]/g, '');
  const id = mail.messageId.split('@')[0]!.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60);
  return `${stamp}-${id}.eml`;
}

/** Writes under `dir` (created on first use); in memory when `dir` is undefined. */
export function createOutbox(dir?: string): Outbox {
  const memory = new Map<string, string>();
  return {
    async send(mail) {
      const name = fileName(mail);
      const content = toMime(mail);
      if (dir) {
        await mkdir(dir, { recursive: true });
        await writeFile(join(dir, name), content, 'utf8');
      } else {
        memory.set(name, content);
      }
      return { providerMessageId: name };
    },
    async list() {
      const entry = (name: string, content: string) => ({ name, size: Buffer.byteLength(content), to: recipientOf(content) });
      if (!dir) return [...memory].map(([name, content]) => entry(name, content)).sort((a, b) => a.name.localeCompare(b.name));
      const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => NAME.test(name)).sort();
      return Promise.all(names.map(async (name) => entry(name, await readFile(join(dir, name), 'utf8'))));
    },
    async read(name) {
      if (!NAME.test(name)) return undefined;
      if (!dir) return memory.get(name);
      return readFile(join(dir, name), 'utf8').catch(() => undefined);
    },
  };
}
