import { Logger } from '@aws-lambda-powertools/logger';

/** Structured JSON logs (Powertools). Level from POWERTOOLS_LOG_LEVEL / LOG_LEVEL; tests run it SILENT. */
export function createLogger(serviceName: string): Logger {
  return new Logger({ serviceName });
}

export type { Logger };
