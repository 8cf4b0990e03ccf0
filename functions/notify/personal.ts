import { languageOf, supportedLanguage, type Language } from '../core/locale.ts';
import type { UserRecord } from '../core/users.ts';

export interface PersonalSettingsView {
  language: Language;
  languageSource: 'own' | 'organisation' | 'default';
  timeZone: string | null;
}

/** What a person's language and zone are, and where the language comes from (pure). */
export function personalView(user: Pick<UserRecord, 'lang' | 'timeZone'> | undefined, organisationLanguage?: string): PersonalSettingsView {
  const languageSource = supportedLanguage(user?.lang) ? 'own' : supportedLanguage(organisationLanguage) ? 'organisation' : 'default';
  return { language: languageOf(user?.lang, organisationLanguage), languageSource, timeZone: user?.timeZone ?? null };
}
