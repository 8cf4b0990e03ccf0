// Names fixed by the content contract (content-contract.md) and facts.md.

export const CATEGORIES = {
  'access-and-allocations': 'Access and allocations',
  'accounts-and-login': 'Accounts and login',
  'jobs-and-scheduling': 'Jobs and scheduling',
  'software-and-containers': 'Software and containers',
  'ai-training-and-inference': 'AI training and inference',
  'data-and-storage': 'Data and storage',
  performance: 'Performance',
  other: 'Other',
} as const;
export type Category = keyof typeof CATEGORIES;
export const CATEGORY_IDS = Object.keys(CATEGORIES) as [Category, ...Category[]];

export const SYSTEMS = [
  'LUMI',
  'Leonardo',
  'MareNostrum 5',
  'MeluXina',
  'Karolina',
  'Vega',
  'Discoverer',
  'Deucalion',
  'JUPITER',
  'Daedalus',
  'Alice Recoque',
] as const;
export type SystemName = (typeof SYSTEMS)[number];

export const SITE_NAME = 'HPC AI Support Centre';

/** Links into the signed-in web app (content contract). */
export const APP_LINKS = {
  bookMentor: '/app/mentoring/',
  openTicket(category?: string, guide?: string): string {
    const params = new URLSearchParams();
    if (category) params.set('category', category);
    if (guide) params.set('guide', guide);
    const query = params.toString();
    return `/app/tickets/new${query ? `?${query}` : ''}`;
  },
};
