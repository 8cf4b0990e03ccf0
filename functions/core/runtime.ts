import { systemClock, type Clock } from './clock.ts';
import { configFromEnv, type Config } from './config.ts';
import { createDocumentClient } from './dynamo.ts';
import { createJwtVerifier, type IdentityVerifier } from './identity.ts';
import { createLogger, type Logger } from './logger.ts';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** What every API function needs in Lambda, built once per container from the environment. */
export interface ApiRuntime {
  config: Config;
  db: DynamoDBDocumentClient;
  clock: Clock;
  verifier: IdentityVerifier;
  logger: Logger;
  maxBodyBytes: number;
}

export function apiRuntime(serviceName: string, env: NodeJS.ProcessEnv = process.env): ApiRuntime {
  const config = configFromEnv(env);
  return {
    config,
    db: createDocumentClient({ region: config.region, endpoint: config.dynamoEndpoint }),
    clock: systemClock,
    verifier: createJwtVerifier(config),
    logger: createLogger(serviceName),
    maxBodyBytes: config.maxBodyBytes,
  };
}
