// Names fixed by the content contract (content-contract.md) and facts.md.

// One catalogue for the API, the site and the content checks.
export { TICKET_CATEGORY_LABELS as CATEGORIES, type TicketCategory as Category, TICKET_CATEGORIES as CATEGORY_IDS } from '../../../functions/core/catalog.ts';
export { EUROHPC_SYSTEMS as SYSTEMS } from '../../../functions/core/catalog.ts';
export type SystemName = (typeof import('../../../functions/core/catalog.ts').EUROHPC_SYSTEMS)[number];

export const SITE_NAME = 'HPC AI Support Centre';

/** Front matter's audience ids in people's words ("smes" → "SMEs"); an id not listed reads as its words. */
const AUDIENCE_LABELS: Record<string, string> = {
  'start-ups': 'start-ups', smes: 'SMEs', ctos: 'CTOs', founders: 'founders', 'ml-engineers': 'ML engineers',
  'data-scientists': 'data scientists', devops: 'DevOps engineers', 'data-protection-officers': 'data protection officers',
  'public-sector': 'the public sector', 'research-leads': 'research leads', 'research-partners': 'research partners', researchers: 'researchers',
};

export function audienceLabel(id: string): string {
  return AUDIENCE_LABELS[id] ?? id.replace(/-/g, ' ');
}

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
