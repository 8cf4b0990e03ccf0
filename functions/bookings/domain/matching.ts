import type { ExpertProfile } from './model.ts';

export interface ExpertFilter {
  topic?: string;
  lang?: string;
  system?: string;
}

/** Topic weighs most: the expertise is what a session is for; language next, then the system. */
const WEIGHTS = { topic: 4, lang: 2, system: 1 } as const;

export function matchScore(expert: ExpertProfile, filter: ExpertFilter): number {
  const lang = filter.lang?.toLowerCase();
  return (filter.topic && expert.expertise.includes(filter.topic as never) ? WEIGHTS.topic : 0)
    + (lang && expert.languages.some((l) => l.toLowerCase() === lang || l.toLowerCase().startsWith(`${lang}-`)) ? WEIGHTS.lang : 0)
    + (filter.system && expert.systems.includes(filter.system as never) ? WEIGHTS.system : 0);
}

/**
 * Experts meeting at least one of the criteria given, best match first (ties by name);
 * all experts by name when no criterion is given.
 */
export function rankExperts(experts: readonly ExpertProfile[], filter: ExpertFilter): Array<{ expert: ExpertProfile; score: number }> {
  const anyCriterion = Boolean(filter.topic || filter.lang || filter.system);
  return experts
    .map((expert) => ({ expert, score: matchScore(expert, filter) }))
    .filter(({ score }) => !anyCriterion || score > 0)
    .sort((a, b) => b.score - a.score || a.expert.name.localeCompare(b.expert.name));
}
