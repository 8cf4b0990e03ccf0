import { describe, expect, it } from 'vitest';
import { analyticsConfig, DEFAULT_EVENTS_PER_SOURCE, EDGE_SECRET_VARIABLE } from '../../functions/analytics/config.ts';

const BASE = { TABLE_NAME: 't', AUTH_ISSUER: 'https://issuer.example', AUTH_AUDIENCE: 'a', AWS_REGION: 'eu-west-1' };

describe('the analytics function\'s settings', () => {
  it('default to a generous bucket per source, and read their own variables', () => {
    expect(analyticsConfig(BASE).eventsPerSource).toEqual(DEFAULT_EVENTS_PER_SOURCE);
    expect(analyticsConfig({ ...BASE, ANALYTICS_BURST: '5', ANALYTICS_RATE_PER_MINUTE: '12' }).eventsPerSource).toEqual({ burst: 5, ratePerSecond: 0.2 });
  });

  it('refuse a start with a bad value, naming the variable', () => {
    expect(() => analyticsConfig({ ...BASE, ANALYTICS_BURST: '0' })).toThrow(/ANALYTICS_BURST/);
    expect(() => analyticsConfig({ ...BASE, ANALYTICS_RATE_PER_MINUTE: 'lots' })).toThrow(/ANALYTICS_RATE_PER_MINUTE/);
    expect(() => analyticsConfig({ ...BASE, [EDGE_SECRET_VARIABLE]: 'short' })).toThrow(new RegExp(EDGE_SECRET_VARIABLE));
  });

  it('read the edge secret the deployment shares with CloudFront, and have none unless set', () => {
    expect(EDGE_SECRET_VARIABLE).toBe('CLOUDFRONT_ORIGIN_SECRET');
    expect(analyticsConfig(BASE).edgeSecret).toBeUndefined();
    expect(analyticsConfig({ ...BASE, [EDGE_SECRET_VARIABLE]: ` ${'s'.repeat(48)} ` }).edgeSecret).toBe('s'.repeat(48));
  });
});
