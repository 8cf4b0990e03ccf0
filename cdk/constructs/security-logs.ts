import * as logs from 'aws-cdk-lib/aws-logs';

/**
 * How long the security logs are kept: CloudFront's and S3's access logs (the log bucket's lifecycle) and the
 * API's access log (its log group). One figure, because the About page tells readers it
 * (content/pages/about.md, test/content/about-privacy.test.ts); a log group takes only CloudWatch's fixed
 * retentions, so the figure is one of those.
 */
export const SECURITY_LOG_RETENTION = logs.RetentionDays.THREE_MONTHS;
/** The same retention in days (90). */
export const SECURITY_LOG_DAYS: number = SECURITY_LOG_RETENTION;
