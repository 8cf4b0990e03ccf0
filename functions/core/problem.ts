/** RFC 9457 problem details. Every error the API returns is one of these; nothing internal leaks into them. */
import type { Violation, ViolationCode } from './violation.ts';

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  /** Always set by the API; absent only on problems a client makes up itself (network errors and the like). */
  code?: ProblemCode;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** Problems of the HTTP exchange itself (no business rule): their codes are the slugs their types always had. */
type ExchangeCode =
  | 'validation' | 'bad-request' | 'unauthorized' | 'forbidden' | 'not-found' | 'stale' | 'too-large'
  | 'unsupported-media-type' | 'if-match-required' | 'throttled' | 'internal' | 'unavailable';

export type ProblemCode = ExchangeCode | ViolationCode;

export interface ProblemType {
  status: number;
  title: string;
}

// A business rule keeps the status and title every one of them had before codes existed: they are what people
// read in the web app ("Not possible: This ticket is closed; ...").
const RULE: ProblemType = { status: 422, title: 'Not possible' };
const NOT_ALLOWED: ProblemType = { status: 403, title: 'Not allowed' };
const CONFLICT: ProblemType = { status: 409, title: 'Conflict' };

/**
 * Every problem the API can answer, by code: the one place a code gets its HTTP status and title. The type is
 * always `/problems/<code>`; the body carries `code` too, so clients branch on it without parsing the type.
 */
export const PROBLEM_TYPES: Record<ProblemCode, ProblemType> = {
  validation: { status: 400, title: 'Invalid request' },
  'bad-request': { status: 400, title: 'Bad request' },
  unauthorized: { status: 401, title: 'Not signed in' },
  forbidden: NOT_ALLOWED,
  'not-found': { status: 404, title: 'Not found' },
  stale: { status: 412, title: 'Changed by someone else' },
  'too-large': { status: 413, title: 'Request body too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'if-match-required': { status: 428, title: 'If-Match required' },
  throttled: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal error' },
  // Storage busy or unreachable after the SDK's retries (not `busy`, a 409 for contention on one item): sent with Retry-After.
  unavailable: { status: 503, title: 'Temporarily unavailable' },

  'ticket.transition': RULE,
  'ticket.closed': RULE,
  'ticket.assignee': RULE,
  'ticket.requester-change': NOT_ALLOWED,
  'ticket.close-not-opener': NOT_ALLOWED,
  'ticket.assignment': NOT_ALLOWED,
  'ticket.internal-note': NOT_ALLOWED,
  'expert.unknown': RULE,
  'slot.not-offered': RULE,
  'slot.taken': CONFLICT,
  'allowance.spent': RULE,
  'booking.ticket': RULE,
  'booking.cutoff': RULE,
  'booking.cancelled': RULE,
  'booking.same-time': RULE,
  'booking.changed': CONFLICT,
  'booking.interrupted': CONFLICT,
  'preferences.refused': RULE,
  'mail.not-parked': CONFLICT,
  'attachment.limit': RULE,
  'attachment.refused': RULE,
  'attachment.not-uploaded': CONFLICT,
  'attachment.expired': CONFLICT,
  'attachment.removal': NOT_ALLOWED,
  'attachment.unusable': RULE,
  'idempotency.key-reused': RULE,
  busy: CONFLICT,
};

export const problemTypeOf = (code: ProblemCode): string => `/problems/${code}`;

/** The problem for a code. Extensions come first: none of them may overwrite the standard members. */
export function problemOf(code: ProblemCode, detail?: string, extensions: Record<string, unknown> = {}): Problem {
  const { status, title } = PROBLEM_TYPES[code];
  return { ...extensions, type: problemTypeOf(code), code, title, status, ...(detail ? { detail } : {}) };
}

/** A domain violation as the API answers it (the HTTP edge calls this). */
export const problemOfViolation = (violation: Violation): Problem => problemOf(violation.code, violation.message, violation.facts);

export class ProblemError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
    this.problem = problem;
  }
}

const make = (code: ExchangeCode) =>
  (detail?: string, extensions?: Record<string, unknown>): ProblemError => new ProblemError(problemOf(code, detail, extensions));

/** The problems of the HTTP exchange; business rules are violations (core/violation.ts), never these. */
export const problems = {
  invalid: (errors: FieldError[], detail = 'The request has invalid fields.') => new ProblemError(problemOf('validation', detail, { errors })),
  badRequest: make('bad-request'),
  unauthorized: make('unauthorized'),
  forbidden: make('forbidden'),
  notFound: make('not-found'),
  preconditionFailed: make('stale'),
  tooLarge: make('too-large'),
  unsupportedMediaType: make('unsupported-media-type'),
  preconditionRequired: make('if-match-required'),
  throttled: make('throttled'),
  internal: make('internal'),
  unavailable: make('unavailable'),
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
