// The one way pages talk to the API: bearer token, JSON, RFC 9457 problems as ApiError, ETags.
import type { Problem, ProblemCode } from './types.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  /** Whether the API answered with one of these problem codes (core/problem.ts lists them): pages branch on codes, not statuses. */
  is(...codes: ProblemCode[]): boolean {
    return this.problem.code !== undefined && codes.includes(this.problem.code);
  }

  /** The message for one field of a 400, if the API named it. */
  fieldMessage(field: string): string | undefined {
    return this.problem.errors?.find((error) => error.field === field)?.message;
  }
}

export interface ApiResult<T> {
  data: T;
  etag?: string;
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
}

interface ApiSetup {
  baseUrl: string;
  token(): string | undefined;
  onUnauthorized(): void;
}

let setup: ApiSetup = { baseUrl: '/api', token: () => undefined, onUnauthorized: () => {} };

export function configureApi(next: ApiSetup): void {
  setup = next;
}

export function apiUrl(path: string, query: RequestOptions['query'] = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, String(value));
  const search = params.toString();
  return `${setup.baseUrl}${path}${search ? `?${search}` : ''}`;
}

export function authHeaders(): Record<string, string> {
  const token = setup.token();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    const body = (await response.json().catch(() => undefined)) as Partial<Problem> | undefined;
    if (body && typeof body.title === 'string') return { ...body, status: response.status } as Problem;
  }
  return { type: 'about:blank', title: response.statusText || 'Request failed', status: response.status };
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...authHeaders(), ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      cache: 'no-store',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
  } catch {
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, detail: 'The service could not be reached. Check your connection and try again.' });
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401) setup.onUnauthorized();
    throw new ApiError(problem);
  }
  const etag = response.headers.get('ETag') ?? undefined;
  const data = (response.status === 204 ? undefined : await response.json()) as T;
  return { data, ...(etag ? { etag } : {}) };
}

export const api = {
  get: async <T>(path: string, query?: RequestOptions['query']) => (await request<T>('GET', path, { query })).data,
  post: async <T>(path: string, body: unknown, headers?: Record<string, string>) => (await request<T>('POST', path, { body, headers })).data,
  put: async <T>(path: string, body: unknown) => (await request<T>('PUT', path, { body })).data,
};

/** Whether `error` is the API's answer with one of these codes. */
export function isProblem(error: unknown, ...codes: ProblemCode[]): error is ApiError {
  return error instanceof ApiError && error.is(...codes);
}

/** A fresh key per user intent, so a retried submit is not applied twice. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
