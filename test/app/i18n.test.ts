// The app's own words: every literal the code translates is a listed message (so each catalogue must carry it,
// which typecheck enforces), placeholders survive translation, and tParts keeps a sentence whole around a link.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES, t, tParts, type Catalogue } from '../../site/src/app/i18n.ts';

const APP = path.join(import.meta.dirname, '../../site/src/app');

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'i18n' ? [] : sources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  }));
  return nested.flat();
}

/** t('…') and tParts('…') literals, and both sides of t(x ? '…' : '…'). */
function translatedLiterals(code: string): string[] {
  const unquote = (text: string) => text.replace(/\\'/g, "'");
  const found = [...code.matchAll(/\bt(?:Parts)?\(\s*'((?:[^'\\]|\\.)*)'/g)].map((match) => unquote(match[1]!));
  for (const match of code.matchAll(/\bt\([^()']*\?\s*'((?:[^'\\]|\\.)*)'\s*:\s*'((?:[^'\\]|\\.)*)'/g)) found.push(unquote(match[1]!), unquote(match[2]!));
  return found;
}

describe('the app\'s messages', () => {
  it('lists every literal the code translates', async () => {
    const listed = new Set<string>(MESSAGES);
    const unlisted: string[] = [];
    for (const file of await sources(APP)) {
      for (const text of translatedLiterals(await readFile(file, 'utf8'))) if (!listed.has(text)) unlisted.push(`${path.relative(APP, file)}: ${text}`);
    }
    expect(unlisted).toEqual([]);
  });

  it('keeps each message\'s placeholders in every language, and lists no message twice', async () => {
    expect(new Set(MESSAGES).size).toBe(MESSAGES.length);
    const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\w+\}/g)].map((match) => match[0]))].sort().join();
    for (const language of ['fr', 'de', 'es', 'it']) {
      const catalogue = ((await import(`../../site/src/app/i18n/${language}.ts`)) as { default: Catalogue }).default;
      const broken = MESSAGES.filter((message) => placeholders(message) !== placeholders(catalogue[message]));
      expect(broken, language).toEqual([]);
    }
  });

  it('fills placeholders, and puts a part (a link) where the sentence has it', () => {
    expect(t('Assigned to {name}.', { name: 'Ana García' })).toBe('Assigned to Ana García.');
    const link = { link: true };
    expect(tParts('Asking for compute time? {link} and attach the estimate here.', { link })).toEqual(['Asking for compute time? ', link, ' and attach the estimate here.']);
    expect(tParts('Your ticket {reference} was opened; a file did not upload. Send again, remove it, or {link}.', { link }, { reference: 'HD-1005' }))
      .toEqual(['Your ticket HD-1005 was opened; a file did not upload. Send again, remove it, or ', link, '.']);
  });
});
