/**
 * What may be attached and how much: pure rules, shared by the API (which enforces them) and the web app
 * (which shows them before anything is uploaded).
 */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_FILES_PER_TICKET = 20;
export const MAX_TICKET_BYTES = 250 * 1024 * 1024;

/** The kinds a file may be, decided from its content; each with the names it may carry. */
export const KINDS = {
  text: { label: 'text and logs', extensions: ['.out', '.err', '.log', '.txt', '.sh', '.slurm', '.py', '.yaml', '.yml', '.json', '.toml', '.cfg', '.md', '.csv'] },
  png: { label: 'PNG', extensions: ['.png'] },
  jpeg: { label: 'JPEG', extensions: ['.jpg', '.jpeg'] },
  webp: { label: 'WebP', extensions: ['.webp'] },
  pdf: { label: 'PDF', extensions: ['.pdf'] },
  zip: { label: 'zip', extensions: ['.zip'] },
  tar: { label: 'tar', extensions: ['.tar'] },
  gzip: { label: 'tar.gz', extensions: ['.tar.gz', '.tgz'] },
} as const;

export type Kind = keyof typeof KINDS;

/** The content type a download of each kind is served with (text always as plain text, never HTML). */
export const CONTENT_TYPES: Record<Kind, string> = {
  text: 'text/plain; charset=utf-8',
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  pdf: 'application/pdf',
  zip: 'application/zip',
  tar: 'application/x-tar',
  gzip: 'application/gzip',
};

export const IMAGE_KINDS: readonly Kind[] = ['png', 'jpeg', 'webp'];

/** The kind a file name claims (longest extension first, so `.tar.gz` is not read as `.gz`). */
export function kindOfName(filename: string): Kind | undefined {
  const lower = filename.toLowerCase();
  let best: { kind: Kind; length: number } | undefined;
  for (const [kind, { extensions }] of Object.entries(KINDS) as [Kind, { extensions: readonly string[] }][]) {
    for (const extension of extensions) {
      if (lower.endsWith(extension) && lower.length > extension.length && (!best || extension.length > best.length)) best = { kind, length: extension.length };
    }
  }
  return best?.kind;
}

/** "Allowed: text and logs (.out, .err, ...), PNG (.png), ...": what a refusal tells people. */
export function allowedKinds(): string {
  return `Allowed: ${Object.values(KINDS).map(({ label, extensions }) => `${label} (${extensions.join(' ')})`).join(', ')}.`;
}

/** "850 KB", "4.8 MB": a file's size as people read it. */
export const fileSize = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`);

export const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/** The limits in one sentence, shown before an upload. */
export const LIMITS_SENTENCE = `Up to ${megabytes(MAX_FILE_BYTES)} per file, ${MAX_FILES_PER_TICKET} files and ${megabytes(MAX_TICKET_BYTES)} per ticket.`;

/** Why a file cannot even be announced (by name and size), or undefined when it may be uploaded. */
export function refusalOfDeclared(filename: string, size: number): { field: 'filename' | 'size'; message: string } | undefined {
  if (!kindOfName(filename)) return { field: 'filename', message: `This kind of file cannot be attached. ${allowedKinds()}` };
  if (size > MAX_FILE_BYTES) return { field: 'size', message: `The file is larger than ${megabytes(MAX_FILE_BYTES)}.` };
  if (size < 1) return { field: 'size', message: 'The file is empty.' };
  return undefined;
}
