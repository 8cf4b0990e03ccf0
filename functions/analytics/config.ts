import { apiConfig, integer, type ApiConfig, type Environment } from '../core/config.ts';
import type { BucketRule } from './domain/token-bucket.ts';

/** The analytics function: the shared settings, and how many events one source may send. */
export interface AnalyticsConfig extends ApiConfig {
  eventsPerSource: BucketRule;
}

/** A reader searching and opening guides sends a few events a minute; 20 at once and one every 2 s after is generous. */
export const DEFAULT_EVENTS_PER_SOURCE: BucketRule = { burst: 20, ratePerSecond: 0.5 };

export function analyticsConfig(env: Environment = process.env): AnalyticsConfig {
  return {
    ...apiConfig(env),
    eventsPerSource: {
      burst: integer(env, 'ANALYTICS_BURST', DEFAULT_EVENTS_PER_SOURCE.burst, 1, 10_000),
      ratePerSecond: integer(env, 'ANALYTICS_RATE_PER_MINUTE', DEFAULT_EVENTS_PER_SOURCE.ratePerSecond * 60, 1, 600_000) / 60,
    },
  };
}
