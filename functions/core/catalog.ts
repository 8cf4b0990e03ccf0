/** Closed vocabularies shared by the functions, the site and the content checks. */

/** EuroHPC systems, spelled as the systems' own documentation spells them. */
export const EUROHPC_SYSTEMS = [
  'LUMI', 'Leonardo', 'MareNostrum 5', 'MeluXina', 'Karolina', 'Vega', 'Discoverer', 'Deucalion',
  'JUPITER', 'Daedalus', 'Alice Recoque',
] as const;

/** What a ticket or booking may name as its system. */
export const SYSTEMS = [...EUROHPC_SYSTEMS, 'other'] as const;
export type SystemName = (typeof SYSTEMS)[number];

/** Helpdesk categories, with their labels; guides name one so "open a ticket" can preselect it. */
export const TICKET_CATEGORY_LABELS = {
  'access-and-allocations': 'Access and allocations',
  'accounts-and-login': 'Accounts and login',
  'jobs-and-scheduling': 'Jobs and scheduling',
  'software-and-containers': 'Software and containers',
  'ai-training-and-inference': 'AI training and inference',
  'data-and-storage': 'Data and storage',
  performance: 'Performance',
  other: 'Other',
} as const;
export type TicketCategory = keyof typeof TICKET_CATEGORY_LABELS;
// Marked pure so a bundle that never reads the categories (bookings) leaves them and their labels out.
export const TICKET_CATEGORIES = /* @__PURE__ */ Object.keys(TICKET_CATEGORY_LABELS) as [TicketCategory, ...TicketCategory[]];

/** Ticket priorities, least urgent first; the SLA policy and routing's load weights are stated per priority. */
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
