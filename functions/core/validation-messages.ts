// zod's issues as a person would say them ("Must have at least 3 characters.", "Must be 0 or more."), in place
// of its English locale's notation ("Too small: expected number to be >=0"). Every issue gets a sentence, so the
// functions need no zod locale (en is ~1 KB of every bundle's gzip, and its notation was never what we meant to
// show). Pure: no zod import, only the issue's documented fields, so the wording can be tested on its own.
import { oneOf, plural } from './plural.ts';

export interface IssueLike {
  code: string;
  input?: unknown;
  expected?: string;
  origin?: string;
  minimum?: number | bigint | Date;
  maximum?: number | bigint | Date;
  inclusive?: boolean;
  values?: readonly unknown[];
  format?: string;
  keys?: readonly string[];
  divisor?: number | bigint;
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number', int: 'a whole number', string: 'text', boolean: 'true or false', array: 'a list', object: 'an object', date: 'a date',
};

const FORMATS: Record<string, string> = {
  datetime: 'Must be a date and time, e.g. 2025-03-01T09:00:00Z.',
  date: 'Must be a date, e.g. 2025-03-01.',
  time: 'Must be a time, e.g. 09:30.',
  email: 'Must be an e-mail address.',
  url: 'Must be a web address, e.g. https://example.org.',
  uuid: 'Must be an identifier (UUID).',
  ulid: 'Must be an identifier (ULID).',
};

/** What is said when nothing more precise can be: by issue code, with `other` for codes not listed. */
const GENERAL: Record<string, string> = {
  invalid_type: 'Is not the expected kind of value.',
  too_small: 'Is too small.',
  too_big: 'Is too large.',
  invalid_format: 'Is not in the expected form.',
  invalid_key: 'Has a key that is not accepted.',
  invalid_element: 'Has an entry that is not accepted.',
  unrecognized_keys: 'Has fields that are not accepted.',
  invalid_union: 'Is not one of the accepted values.',
  other: 'Is not an accepted value.',
};

const shown = (value: unknown) => (typeof value === 'string' ? `"${value}"` : String(value));

function sizeMessage(issue: IssueLike, bound: 'min' | 'max'): string | undefined {
  const limit = Number(bound === 'min' ? issue.minimum : issue.maximum);
  if (!Number.isFinite(limit)) return undefined;
  const strict = issue.inclusive === false;
  switch (issue.origin) {
    case 'string':
      if (bound === 'min') return limit <= 1 && !strict ? 'Must not be empty.' : `Must have at least ${plural(strict ? limit + 1 : limit, 'character')}.`;
      return `Must have at most ${plural(strict ? limit - 1 : limit, 'character')}.`;
    case 'array':
    case 'set':
      if (bound === 'min') return limit <= 1 && !strict ? 'Must have at least one entry.' : `Must have at least ${plural(strict ? limit + 1 : limit, 'entry', 'entries')}.`;
      return `Must have at most ${plural(strict ? limit - 1 : limit, 'entry', 'entries')}.`;
    case 'number':
    case 'int':
    case 'bigint':
      if (bound === 'min') return strict ? `Must be more than ${limit}.` : `Must be ${limit} or more.`;
      return strict ? `Must be less than ${limit}.` : `Must be ${limit} or less.`;
    default:
      return undefined;
  }
}

/** The sentence for an issue (a schema's own message, as in a refine, still outranks it: zod asks this last). */
export function plainIssueMessage(issue: IssueLike): string {
  return preciseMessage(issue) ?? GENERAL[issue.code] ?? GENERAL.other!;
}

function preciseMessage(issue: IssueLike): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Required.';
      if (issue.expected === 'number' && Number.isNaN(issue.input)) return 'Must be a number.';
      return issue.expected && TYPE_NAMES[issue.expected] ? `Must be ${TYPE_NAMES[issue.expected]}.` : undefined;
    case 'too_small':
      return sizeMessage(issue, 'min');
    case 'too_big':
      return sizeMessage(issue, 'max');
    case 'invalid_value':
      if (!issue.values?.length) return undefined;
      return issue.values.length === 1 ? `Must be ${shown(issue.values[0])}.` : `Must be one of ${oneOf(issue.values.map(shown))}.`;
    case 'invalid_format':
      return issue.format ? FORMATS[issue.format] : undefined;
    case 'unrecognized_keys':
      return issue.keys?.length ? `Not a field here: ${oneOf(issue.keys.map(shown)).replace(/ or /, ' and ')}.` : undefined;
    case 'not_multiple_of':
      return issue.divisor !== undefined ? `Must be a multiple of ${issue.divisor}.` : undefined;
    default:
      return undefined;
  }
}
