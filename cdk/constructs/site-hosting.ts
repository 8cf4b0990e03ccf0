import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { EDGE_SECRET_HEADER } from '../../functions/analytics/source.ts';
import { SECURITY_LOG_DAYS } from './security-logs.ts';
import { contentSecurityPolicy, CUSTOM_HEADERS, FRAME_OPTIONS, HSTS_MAX_AGE_SECONDS, REFERRER_POLICY } from '../../site/security-headers.ts';

export interface SiteHostingProps {
  /** Host of the API's $default stage; CloudFront sends /api/* there. */
  apiOriginDomain: string;
  /**
   * Sent with every /api request in X-Origin-Verify (a deploy-time reference to a generated secret): proof for the
   * analytics function that the request came through this distribution, so it may believe CloudFront-Viewer-Address.
   */
  apiOriginSecret: string;
  /** Cognito hosted UI origin, allowed by the CSP. */
  signInOrigin: string;
  /** The attachments bucket's origin: the browser uploads there, reads log ranges and shows thumbnails. */
  attachmentsOrigin?: string;
  customDomain?: { domainName: string; certificateArn: string };
}

export const API_PATH_PATTERN = '/api/*';
export const API_DOCUMENT_PATH = '/api/openapi.json';
const EDGE_CODE_DIR = join(import.meta.dirname, '../edge');

/**
 * One origin for site and API: a private S3 bucket read by CloudFront through Origin Access Control,
 * /api/* forwarded uncached to the HTTP API, HTTPS only, the same security headers on both.
 */
export class SiteHosting extends Construct {
  readonly bucket: s3.Bucket;
  readonly logBucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** `https://` plus the custom domain, or the CloudFront domain. */
  readonly origin: string;

  constructor(scope: Construct, id: string, props: SiteHostingProps) {
    super(scope, id);
    this.logBucket = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are delivered with an ACL grant.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      // Viewers' addresses and the URLs they asked for (queries included): told on the About page.
      lifecycleRules: [{ expiration: Duration.days(SECURITY_LOG_DAYS) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.bucket = new s3.Bucket(this, 'Files', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 's3/site/',
      // Built from the repository on every deploy: nothing here needs keeping.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const securityHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'HPC AI Support Centre: CSP, HSTS and friends',
      securityHeadersBehavior: {
        // The same definition the local server sends (site/security-headers.ts); the enums' values are the header values.
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy({ signInOrigin: props.signInOrigin, https: true, attachmentsOrigin: props.attachmentsOrigin }), override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: FRAME_OPTIONS as cloudfront.HeadersFrameOption, override: true },
        referrerPolicy: { referrerPolicy: REFERRER_POLICY as cloudfront.HeadersReferrerPolicy, override: true },
      },
      customHeadersBehavior: {
        customHeaders: Object.entries(CUSTOM_HEADERS).map(([header, value]) => ({ header, value, override: true })),
      },
    });

    const edgeFunction = (name: string, file: string) => new cloudfront.Function(this, name, {
      code: cloudfront.FunctionCode.fromInline(readFileSync(join(EDGE_CODE_DIR, file), 'utf8')),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });

    const certificate = props.customDomain
      ? acm.Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn)
      : undefined;

    const fromBucket: cloudfront.BehaviorOptions = {
      origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: securityHeaders,
      compress: true,
    };
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'HPC AI Support Centre: site and /api',
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // The users are in Europe; the cheapest class covers Europe and North America.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      // The default *.cloudfront.net certificate has a fixed policy; a custom domain gets TLS 1.2 at least.
      ...(props.customDomain && certificate
        ? { domainNames: [props.customDomain.domainName], certificate, minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 }
        : {}),
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        ...fromBucket,
        functionAssociations: [
          { eventType: cloudfront.FunctionEventType.VIEWER_REQUEST, function: edgeFunction('SiteRequest', 'site-request.js') },
          { eventType: cloudfront.FunctionEventType.VIEWER_RESPONSE, function: edgeFunction('SiteResponse', 'site-response.js') },
        ],
      },
      additionalBehaviors: {
        // The whole API's OpenAPI document is built with the site (npm run build), so no function has to carry
        // the other functions' schemas. Listed before /api/* so CloudFront matches it first.
        [API_DOCUMENT_PATH]: fromBucket,
        [API_PATH_PATTERN]: {
          origin: new origins.HttpOrigin(props.apiOriginDomain, {
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
            // CloudFront replaces a viewer's own header of this name, so only requests through here carry the value.
            customHeaders: { [EDGE_SECRET_HEADER]: props.apiOriginSecret },
          }),
          // A redirect would turn a POST into a GET: plain HTTP is refused instead.
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          // With caching disabled this forwards Authorization too; Host must be the API's own. The managed policy
          // (meant for API Gateway origins) also adds CloudFront's headers, CloudFront-Viewer-Address among them,
          // which the analytics throttle reads (functions/analytics/source.ts); a custom policy could not forward
          // Authorization by name, and one forwarding all viewer headers would pass the Host API Gateway refuses.
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
          compress: true,
        },
      },
    });
    this.origin = `https://${props.customDomain?.domainName ?? this.distribution.domainName}`;
  }
}
