import { systemClock, type Clock } from './clock.ts';
import type { ApiConfig } from './config.ts';
import { createDocumentClient } from './dynamo.ts';
import { createJwtVerifier, type IdentityVerifier } from './identity.ts';
import { createLogger, type Logger } from './logger.ts';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** What a function's routes are wired from, the same in Lambda and in the local server. */
export interface ApiInfrastructure {
  db: DynamoDBDocumentClient;
  tableName: string;
  clock: Clock;
  verifier: IdentityVerifier;
}

/** What every API function needs in Lambda, built once per container from its configuration. */
export interface ApiRuntime extends ApiInfrastructure {
  config: ApiConfig;
  logger: Logger;
  maxBodyBytes: number;
}

export function apiRuntime(serviceName: string, config: ApiConfig): ApiRuntime {
  return {
    config,
    db: createDocumentClient({ region: config.region, endpoint: config.dynamoEndpoint }),
    tableName: config.tableName,
    clock: systemClock,
    verifier: createJwtVerifier(config),
    logger: createLogger(serviceName),
    maxBodyBytes: config.maxBodyBytes,
  };
}
