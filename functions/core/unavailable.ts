/**
 * Storage that is busy or unreachable, as the AWS SDK reports it once its own retries are spent: the caller may try
 * again shortly, so the API answers 503 with Retry-After rather than 500. No SDK import: the names, codes and
 * statuses are those the SDK's own retry classification uses.
 */
const UNAVAILABLE_NAMES = new Set([
  'ThrottlingException', 'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'InternalServerError',
  'ServiceUnavailable', 'TimeoutError', 'RequestTimeout', 'RequestTimeoutException',
]);
const UNAVAILABLE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);

interface SdkLikeError {
  name?: unknown;
  code?: unknown;
  cause?: unknown;
  $metadata?: { httpStatusCode?: number };
}

export function isUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { name, code, cause, $metadata } = error as SdkLikeError;
  const status = $metadata?.httpStatusCode;
  return UNAVAILABLE_NAMES.has(String(name)) || UNAVAILABLE_CODES.has(String(code))
    || status === 429 || (typeof status === 'number' && status >= 500)
    || isUnavailable(cause, depth + 1);
}

/** Seconds a client should wait before trying again (the SDK has already waited through its own backoff). */
export const RETRY_AFTER_SECONDS = 1;
