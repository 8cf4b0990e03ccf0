// Names fixed by the content contract (content-contract.md) and facts.md.

// One catalogue for the API, the site and the content checks.
export { TICKET_CATEGORY_LABELS as CATEGORIES, type TicketCategory as Category, TICKET_CATEGORIES as CATEGORY_IDS } from '../../../functions/core/catalog.ts';
export { EUROHPC_SYSTEMS as SYSTEMS } from '../../../functions/core/catalog.ts';
export type SystemName = (typeof import('../../../functions/core/catalog.ts').EUROHPC_SYSTEMS)[number];

export const SITE_NAME = 'HPC AI Support Centre';

/** Links into the signed-in web app (content contract). */
export const APP_LINKS = {
  bookMentor: '/app/mentoring/',
  /** From a guide: the mentoring page with the guide's topic chosen (guide slugs are the topic ids). */
  bookMentorOn(topic: string): string {
    return `/app/mentoring/?topic=${encodeURIComponent(topic)}`;
  },
  openTicket(category?: string, guide?: string): string {
    const params = new URLSearchParams();
    if (category) params.set('category', category);
    if (guide) params.set('guide', guide);
    const query = params.toString();
    return `/app/tickets/new${query ? `?${query}` : ''}`;
  },
};
