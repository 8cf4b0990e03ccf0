import { Aws, Duration, Fn, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { PENDING_TAG } from '../../functions/attachments/s3-blobs.ts';

export interface AttachmentsBucketProps {
  /** A name known before the bucket exists, so the site's CSP can name the bucket's origin without a cycle. */
  bucketName: string;
  /** The site's origins: the only ones a browser may upload from or read ranges from (CORS). */
  allowedOrigins: string[];
  /** Where S3 writes its access logs. */
  accessLogs: s3.IBucket;
}

/**
 * Ticket attachments: private, encrypted, TLS only. Browsers upload with presigned POSTs and download with
 * presigned GETs the attachments function signs; nothing is public. Pending uploads (tagged by the POST
 * policy) are deleted after a day unless completed.
 */
export class AttachmentsBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: AttachmentsBucketProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Files', {
      bucketName: props.bucketName,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 's3/attachments/',
      cors: [{
        allowedOrigins: props.allowedOrigins,
        allowedMethods: [s3.HttpMethods.POST, s3.HttpMethods.GET, s3.HttpMethods.HEAD],
        // Range: the log viewer reads big logs in pieces.
        allowedHeaders: ['range', 'content-type'],
        exposedHeaders: ['content-range', 'content-length', 'accept-ranges', 'etag'],
        maxAge: 3600,
      }],
      lifecycleRules: [
        { id: 'drop-pending-uploads', tagFilters: { [PENDING_TAG.key]: PENDING_TAG.value }, expiration: Duration.days(1) },
        { id: 'abort-incomplete-multipart', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      // People's files: kept when the stack is destroyed (cdk/README.md says how to remove them).
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /**
   * What the attachments function needs and no more: sign uploads (PutObject with its pending tag), read
   * (HEAD, ranged GET, downloads it signs), copy the checked upload to the served key on completion (GetObject on
   * the source, PutObject on the target), delete; objects under tickets/ only.
   */
  grantToAttachmentsFunction(role: iam.IRole): void {
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['s3:PutObject', 's3:PutObjectTagging', 's3:GetObject', 's3:DeleteObject'],
      resources: [this.bucket.arnForObjects('tickets/*')],
    }));
  }
}

/**
 * The bucket's name and origin, from the stage, account and region alone (at most 62 characters for a stage of
 * 16): the CloudFront CSP names the origin, and the bucket's CORS names CloudFront's, which would otherwise be
 * a reference cycle. The origin is the virtual-hosted regional one the function's presigned links use.
 */
export function attachmentsBucketAddress(stage: string): { bucketName: string; origin: string } {
  const bucketName = Fn.join('', ['supportcentre-', stage, '-att-', Aws.ACCOUNT_ID, '-', Aws.REGION]);
  return { bucketName, origin: Fn.join('', ['https://', bucketName, '.s3.', Aws.REGION, '.amazonaws.com']) };
}
