/** RFC 9457 problem details. Every error the API returns is one of these; nothing internal leaks into them. */
export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export class ProblemError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
    this.problem = problem;
  }
}

// Extensions come first: none of them may overwrite the standard members.
const make = (status: number, slug: string, title: string) =>
  (detail?: string, extensions: Record<string, unknown> = {}): ProblemError =>
    new ProblemError({ ...extensions, type: `/problems/${slug}`, title, status, ...(detail ? { detail } : {}) });

export const problems = {
  invalid: (errors: FieldError[], detail = 'The request has invalid fields.') =>
    new ProblemError({ type: '/problems/validation', title: 'Invalid request', status: 400, detail, errors }),
  badRequest: make(400, 'bad-request', 'Bad request'),
  unauthorized: make(401, 'unauthorized', 'Not signed in'),
  forbidden: make(403, 'forbidden', 'Not allowed'),
  notFound: make(404, 'not-found', 'Not found'),
  conflict: make(409, 'conflict', 'Conflict'),
  preconditionFailed: make(412, 'stale', 'Changed by someone else'),
  tooLarge: make(413, 'too-large', 'Request body too large'),
  unsupportedMediaType: make(415, 'unsupported-media-type', 'Unsupported media type'),
  businessRule: make(422, 'rule', 'Not possible'),
  preconditionRequired: make(428, 'if-match-required', 'If-Match required'),
  throttled: make(429, 'throttled', 'Too many requests'),
  internal: make(500, 'internal', 'Internal error'),
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
