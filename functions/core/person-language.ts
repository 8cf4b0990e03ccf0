import { languageOf, supportedLanguage, type Language } from './locale.ts';
import type { OrganisationLanguages } from './organisations.ts';
import type { UserRecord } from './users.ts';

/**
 * The language we write a person in: their own choice, else their organisation's, else English. The organisation
 * is read only when the person chose none we write, so most mails cost no read. The notifier's mails and the e-mail
 * channel's answers both ask here, so a person gets every mail of ours in one language.
 */
export async function personLanguage(user: Pick<UserRecord, 'lang' | 'orgId'>, organisationLanguage?: OrganisationLanguages): Promise<Language> {
  const orgLanguage = !supportedLanguage(user.lang) && user.orgId ? await organisationLanguage?.(user.orgId) : undefined;
  return languageOf(user.lang, orgLanguage);
}
