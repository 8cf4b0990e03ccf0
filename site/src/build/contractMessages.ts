// The content contract's errors in a guide writer's words. zod's own ("Invalid input: expected array, received
// string", or every allowed value joined by "|") assume the reader knows the schema; a writer knows the file. So
// each message says what to type, with the writer's own value where that helps ("must be a list, like [slurm]").
// Pure: zod's issue fields in, a sentence out; frontMatter.ts and content.ts pass these to their schemas.
import { oneOf } from '../../../functions/core/plural.ts';
import { plainIssueMessage, type IssueLike } from '../../../functions/core/validation-messages.ts';

/** Lists up to this long are given in full; a longer one is named by a few values and where it lives. */
const SHORT_LIST = 6;
const FEW = 3;

/** zod's error-map result: a message, or undefined to leave the issue to the next map. */
type ErrorMap = (issue: IssueLike) => string | undefined;

const quote = (value: string) => `"${value}"`;

/** What to type instead of a value of the wrong kind; the fallback for every field. */
export const writerMessage: ErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    const { input, expected } = issue;
    if (input === undefined) return 'is required';
    // "summary:" with nothing after it reads as null in YAML.
    if (input === null) return 'is empty: write its value after the colon';
    const typed = typeof input === 'string' || typeof input === 'number' || typeof input === 'boolean' ? String(input) : undefined;
    if (expected === 'array') return `must be a list, like [${typed ?? 'a, b'}]`;
    if (expected === 'string') return Array.isArray(input) ? 'must be a single text, not a list' : `must be text; put it in quotes, like "${typed ?? 'text'}"`;
    if (expected === 'object') return 'must be fields, one per line, like "title: Running jobs on LUMI"';
  }
  // Everything else as the API says it ("Must not be empty."), in the build's form: lower case, no full stop.
  const plain = plainIssueMessage(issue);
  return plain.charAt(0).toLowerCase() + plain.slice(1).replace(/\.$/, '');
};

/** The message for a value outside a fixed list: the closest match, then the list or a few of it and where it lives. */
export function choiceError(noun: { one: string; many: string }, values: readonly string[], listedIn: string): ErrorMap {
  return (issue) => {
    if (issue.code !== 'invalid_value') return undefined;
    if (typeof issue.input !== 'string') return `must be one ${noun.one}, like ${values[0]}`;
    const near = closest(issue.input, values);
    const said = `${quote(issue.input)} is not a ${noun.one}${near ? ` (did you mean ${quote(near)}?)` : ''}`;
    if (values.length <= SHORT_LIST) return `${said}; use ${oneOf(values)}`;
    const few = [...new Set([...(near ? [near] : []), ...values])].slice(0, FEW);
    return `${said}; ${noun.many} include ${oneOf(few).replace(/ or /, ' and ')} (the full list is ${listedIn})`;
  };
}

/** The message for keys a strict object does not have: the closest known key, else all of them. */
export function unknownKeysError(noun: string, known: readonly string[]): ErrorMap {
  return (issue) => {
    if (issue.code !== 'unrecognized_keys' || !issue.keys?.length) return undefined;
    return issue.keys
      .map((key) => {
        const near = closest(key, known);
        return `unknown ${noun} ${quote(key)}${near ? ` (did you mean ${quote(near)}?)` : ''}`;
      })
      .concat(`the ${noun}s are ${oneOf(known).replace(/ or /, ' and ')}`)
      .join('; ');
  };
}

/** Messages tried in order, the first that speaks wins. */
export function errors(...maps: ErrorMap[]): ErrorMap {
  return (issue) => maps.reduce<string | undefined>((message, map) => message ?? map(issue), undefined);
}

/** Issue paths as a writer reads them: tags[0], i18n.fr.title. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((where, key) => (typeof key === 'number' ? `${where}[${key}]` : where ? `${where}.${String(key)}` : String(key)), '');
}

/** `file: front matter field "tags": message`, or `file: front matter: message` for the whole block (place may be ''). */
export function problemLine(file: string, place: string, issue: { path: readonly PropertyKey[]; message: string }): string {
  const where = fieldPath(issue.path);
  const subject = [place, where && `field ${quote(where)}`].filter(Boolean).join(' ');
  return subject ? `${file}: ${subject}: ${issue.message}` : `${file}: ${issue.message}`;
}

/** The allowed value a typo most likely meant: same letters ignoring case and separators, else one or two edits away. */
export function closest(typed: string, values: readonly string[]): string | undefined {
  const squash = (value: string) => value.toLowerCase().replace(/[\s_-]+/g, '');
  const target = squash(typed);
  const same = values.find((value) => squash(value) === target);
  if (same) return same;
  // Short names are a step from many others ("pt" from "it"): those need the same letters.
  const limit = target.length <= 3 ? 0 : target.length <= 5 ? 1 : 2;
  let best: { value: string; distance: number } | undefined;
  for (const value of values) {
    const distance = editDistance(target, squash(value));
    if (distance <= limit && (!best || distance < best.distance)) best = { value, distance };
  }
  return best?.value;
}

/** Edits between two words, a swap of neighbours counting as one ("nmae" is one from "name"). */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, index) => index)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}
