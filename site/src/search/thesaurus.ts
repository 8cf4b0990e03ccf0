import { SYNONYM_GROUPS } from '../../../content/search-synonyms.ts';

export { SYNONYM_GROUPS };

/** word → the other words of its groups */
export function synonymMap(groups: readonly (readonly string[])[] = SYNONYM_GROUPS): Map<string, string[]> {
  const map = new Map<string, Set<string>>();
  for (const group of groups) {
    for (const word of group) {
      const others = map.get(word) ?? new Set<string>();
      for (const other of group) if (other !== word) others.add(other);
      map.set(word, others);
    }
  }
  return new Map([...map].map(([word, others]) => [word, [...others]]));
}
