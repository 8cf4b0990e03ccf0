import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations } from 'aws-cdk-lib';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { stageGzippedSearchFiles } from './precompressed-search.ts';

/** What the site reads at run time from /config.json (the local server answers the same shape itself). */
export interface SiteRuntimeConfig {
  apiUrl: string;
  cognito: { domain: string; clientId: string; region: string; userPoolId: string };
  mode: 'cognito';
}

export interface SiteDeploymentProps {
  /** The built site (`npm run build:site`); only config.json is deployed when it does not exist. */
  siteDir: string;
  bucket: s3.IBucket;
  distribution: cloudfront.IDistribution;
  runtimeConfig: SiteRuntimeConfig;
}

/** Same policies as the local site server: content-hashed assets forever, everything else revalidated. */
const IMMUTABLE = deploy.CacheControl.fromString('public, max-age=31536000, immutable');
const REVALIDATE = deploy.CacheControl.fromString('public, max-age=0, must-revalidate');
/** CloudFront compresses on the fly; the build's precompressed copies are for the local server. */
const PRECOMPRESSED = '*.gz';
const ASSETS = 'assets';
/** ...except binary files: the search index's go up gzipped (see precompressed-search.ts). */
const SEARCH = 'search';
const SEARCH_BINARIES = `${SEARCH}/**/*.bin`;

/**
 * Uploads the built site and the generated config.json, then invalidates CloudFront. Hashed assets go in
 * a second, never-pruned deployment so pages still cached in browsers keep finding their old scripts.
 */
export class SiteDeployment extends Construct {
  constructor(scope: Construct, id: string, props: SiteDeploymentProps) {
    super(scope, id);
    const hasSite = existsSync(join(props.siteDir, 'index.html'));
    if (!hasSite) {
      Annotations.of(this).addWarningV2('support-centre:siteNotBuilt', `No built site in ${props.siteDir}: only config.json is deployed. Run npm run build:site first (npm run deploy does).`);
    }
    const pages = hasSite ? [deploy.Source.asset(props.siteDir, { exclude: [PRECOMPRESSED, `${ASSETS}/**`, 'config.json'] })] : [];

    const assetsDir = join(props.siteDir, ASSETS);
    const assets = hasSite && existsSync(assetsDir)
      ? new deploy.BucketDeployment(this, 'Assets', {
        sources: [deploy.Source.asset(assetsDir, { exclude: [PRECOMPRESSED, SEARCH_BINARIES] })],
        destinationBucket: props.bucket,
        destinationKeyPrefix: `${ASSETS}/`,
        // aws s3 sync's `*` crosses folders: this is every .bin under search/
        exclude: [PRECOMPRESSED, `${SEARCH}/*.bin`],
        cacheControl: [IMMUTABLE],
        prune: false,
        memoryLimit: 512,
      })
      : undefined;

    const searchDir = join(assetsDir, SEARCH);
    const gzippedSearch = hasSite && existsSync(searchDir) ? stageGzippedSearchFiles(searchDir) : undefined;
    const search = gzippedSearch
      ? new deploy.BucketDeployment(this, 'SearchIndex', {
        sources: [deploy.Source.asset(gzippedSearch)],
        destinationBucket: props.bucket,
        destinationKeyPrefix: `${ASSETS}/${SEARCH}/`,
        contentEncoding: 'gzip',
        contentType: 'application/octet-stream',
        // named by content hash, as the other assets
        cacheControl: [IMMUTABLE],
        prune: false,
        memoryLimit: 512,
      })
      : undefined;

    const pagesDeployment = new deploy.BucketDeployment(this, 'Pages', {
      sources: [...pages, deploy.Source.jsonData('config.json', props.runtimeConfig)],
      destinationBucket: props.bucket,
      exclude: [PRECOMPRESSED, `${ASSETS}/*`],
      cacheControl: [REVALIDATE],
      prune: true,
      distribution: props.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    // New pages name new asset and index files: upload those first.
    for (const uploadedFirst of [assets, search]) if (uploadedFirst) pagesDeployment.node.addDependency(uploadedFirst);
  }
}
