/**
 * What the web form asks and a mail does not say: the ticket's category (and topic) and system, guessed from the
 * mail's subject and text in the product's own words, so a ticket opened by mail is routed like one from the form.
 *
 * Words: each topic's cues (content/topic-cues.ts, five languages), the search's synonyms of those cues
 * (content/search-synonyms.ts, at half weight: "docker" for "container", "stuck" for "queue") and the words of the
 * category labels (core/catalog.ts). A cue counts once per place, double in the subject. A category is taken only
 * with a clear score (MIN_SCORE) and a clear lead over the next (MIN_LEAD); otherwise `other`, which the
 * coordinators sort, as before. Pure: no I/O, no clock.
 */
import { EUROHPC_SYSTEMS, TICKET_CATEGORY_LABELS, type SystemName, type TicketCategory } from '../../core/catalog.ts';
import { TOPIC_CATEGORIES, type TopicId } from '../../core/topics.ts';
import { SYNONYM_GROUPS } from '../../../content/search-synonyms.ts';
import { TOPIC_CUES } from '../../../content/topic-cues.ts';
import { isSignatureStart } from './signatures.ts';

export interface MailTicketFields {
  category: TicketCategory;
  topic?: TopicId;
  system?: SystemName;
}

/** One strong cue in the subject, or one in the text and another word of the same category, or two in the text. */
export const MIN_SCORE = 2;
/** The winner must lead the next category by a whole ordinary cue; a tie or a near tie is `other`. */
export const MIN_LEAD = 1;
const SUBJECT_WEIGHT = 2;
const SYNONYM_WEIGHT = 0.5;
/** Label words every ticket shares ("AI", "jobs", "data" are in nearly every mail here): no evidence. */
const LABEL_STOP_WORDS = new Set(['and', 'ai', 'jobs', 'data', 'other']);

/** A needle in the text as `normalise` writes it: ` word ` for a word or phrase, ` word` for a prefix. */
interface Cue {
  needle: string;
  weight: number;
}

/** Lowercase, accents off, words separated by one space with one before and after: "Multi-Node" → " multi node ". */
export function normalise(text: string): string {
  const words = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return ` ${words.join(' ')} `;
}

/** A cue as written in content/topic-cues.ts (`+strong`, `phrase_words`, `prefix*`). */
function cueOf(word: string, weight = 1): Cue {
  const strong = word.startsWith('+');
  const bare = word.replace(/^\+/, '');
  const prefix = bare.endsWith('*');
  return { needle: normalise(bare.replace(/\*$/, '').replaceAll('_', ' ')).slice(0, prefix ? -1 : undefined), weight: strong ? 2 * weight : weight };
}

const synonyms = new Map<string, readonly string[]>();
for (const group of SYNONYM_GROUPS) for (const word of group) synonyms.set(normalise(word).trim(), group);

/** A topic's cues, with the search synonyms of its plain single-word cues at half weight. */
function topicCues(words: string): Cue[] {
  const cues = words.split(' ').map((word) => cueOf(word));
  for (const word of words.split(' ')) {
    for (const synonym of synonyms.get(word.replace(/^\+/, '')) ?? []) {
      const cue = cueOf(synonym, SYNONYM_WEIGHT);
      // A synonym the topic's own cues already find ("containers" under `container*`) does not count twice.
      if (!cues.some((own) => cue.needle.startsWith(own.needle))) cues.push(cue);
    }
  }
  return cues;
}

interface Evidence {
  category: TicketCategory;
  topic?: TopicId;
  cues: Cue[];
}

const topicEvidence: Evidence[] = Object.entries(TOPIC_CUES).map(([topic, words]) => ({
  category: TOPIC_CATEGORIES[topic as TopicId],
  topic: topic as TopicId,
  cues: topicCues(words!),
}));
/**
 * Label words as prefixes, without a plural s: "Access and allocations" → `acces*`, `allocation*`; one a topic of
 * the category already finds (`training*` under `train*`) is left out, or "training" would count twice.
 */
const labelEvidence: Evidence[] = Object.entries(TICKET_CATEGORY_LABELS).map(([category, label]) => {
  const topicCues = topicEvidence.filter((topic) => topic.category === category).flatMap((topic) => topic.cues);
  const cues = label.toLowerCase().split(' ').filter((word) => !LABEL_STOP_WORDS.has(word)).map((word) => cueOf(`${word.replace(/s$/, '')}*`));
  return { category: category as TicketCategory, cues: cues.filter((cue) => !topicCues.some((own) => cue.needle.startsWith(own.needle))) };
});

function score(cues: readonly Cue[], subject: string, body: string): number {
  let total = 0;
  for (const { needle, weight } of cues) total += weight * ((subject.includes(needle) ? SUBJECT_WEIGHT : 0) + (body.includes(needle) ? 1 : 0));
  return total;
}

/** The key with a clear score and a clear lead, if any. */
function clearWinner<T>(scores: Map<T, number>): T | undefined {
  const [first, second] = [...scores].sort((a, b) => b[1] - a[1]);
  if (!first || first[1] < MIN_SCORE || first[1] - (second?.[1] ?? 0) < MIN_LEAD) return undefined;
  return first[0];
}

/**
 * A system's names in a mail: its own, and for a two-word name its longest word with that word's search synonyms
 * ("MareNostrum 5": `marenostrum`, `mn5`; "Alice Recoque": `recoque`, never the first name alone).
 */
const systemNeedles: Array<[SystemName, string[]]> = EUROHPC_SYSTEMS.map((name) => {
  const own = normalise(name);
  const words = own.trim().split(' ');
  if (words.length === 1) return [name, [own]];
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  return [name, [own, ...(synonyms.get(longest) ?? [longest]).map(normalise)]];
});

/** The one system a text names; none when it names several ("moving from Leonardo to LUMI") or none. */
function namedSystem(text: string): SystemName | undefined {
  const named = systemNeedles.filter(([, needles]) => needles.some((needle) => text.includes(needle)));
  return named.length === 1 ? named[0]![0] : undefined;
}

/** The text above the signature: a sender called Leonardo or Vega does not name a system. */
function aboveSignature(text: string): string {
  const lines = text.split('\n');
  const end = lines.findIndex(isSignatureStart);
  return end < 0 ? text : lines.slice(0, end).join('\n');
}

/** The category (with its topic when one clearly leads) and the system a new ticket's mail speaks of. */
export function mailTicketFields(subjectText: string, bodyText: string): MailTicketFields {
  const subject = normalise(subjectText);
  const body = normalise(aboveSignature(bodyText));
  const byCategory = new Map<TicketCategory, number>();
  const byTopic = new Map<TopicId, number>();
  for (const { category, topic, cues } of [...labelEvidence, ...topicEvidence]) {
    const points = score(cues, subject, body);
    if (!points) continue;
    byCategory.set(category, (byCategory.get(category) ?? 0) + points);
    if (topic) byTopic.set(topic, points);
  }
  const category = clearWinner(byCategory);
  const topic = category && clearWinner(new Map([...byTopic].filter(([id]) => TOPIC_CATEGORIES[id] === category)));
  const system = namedSystem(subject) ?? namedSystem(body);
  return { category: category ?? 'other', ...(topic ? { topic } : {}), ...(system ? { system } : {}) };
}
