import { apiConfig, integer, optionalSecret, type ApiConfig, type Environment } from '../core/config.ts';
import type { BucketRule } from './domain/token-bucket.ts';

/** The analytics function: the shared settings, how many events one source may send, and how to tell our CloudFront. */
export interface AnalyticsConfig extends ApiConfig {
  eventsPerSource: BucketRule;
  /** What CloudFront sends in X-Origin-Verify (source.ts); unset, the viewer's address header is never believed. */
  edgeSecret?: string;
}

/** Set by the deployment (cdk) from a generated secret that the distribution sends too. */
export const EDGE_SECRET_VARIABLE = 'CLOUDFRONT_ORIGIN_SECRET';

/** A reader searching and opening guides sends a few events a minute; 20 at once and one every 2 s after is generous. */
export const DEFAULT_EVENTS_PER_SOURCE: BucketRule = { burst: 20, ratePerSecond: 0.5 };

export function analyticsConfig(env: Environment = process.env): AnalyticsConfig {
  const edgeSecret = optionalSecret(env, EDGE_SECRET_VARIABLE);
  return {
    ...apiConfig(env),
    ...(edgeSecret ? { edgeSecret } : {}),
    eventsPerSource: {
      burst: integer(env, 'ANALYTICS_BURST', DEFAULT_EVENTS_PER_SOURCE.burst, 1, 10_000),
      ratePerSecond: integer(env, 'ANALYTICS_RATE_PER_MINUTE', DEFAULT_EVENTS_PER_SOURCE.ratePerSecond * 60, 1, 600_000) / 60,
    },
  };
}
