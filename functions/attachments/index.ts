import { handle } from 'hono/aws-lambda';
import type { ApiFunctionName } from '../api-functions.ts';
import { createApiApp } from '../core/http.ts';
import { apiRuntime } from '../core/runtime.ts';
import { attachmentsConfig } from './config.ts';
import { credentialsFromEnvironment } from '../core/sigv4.ts';
import { s3Blobs } from './s3-blobs.ts';
import { wireAttachments } from './wiring.ts';

const NAME: ApiFunctionName = 'attachments';
const config = attachmentsConfig();
const runtime = apiRuntime(NAME, config);
const blobs = s3Blobs({ bucket: config.bucket, region: config.region, credentials: () => credentialsFromEnvironment() });

/** The Lambda entry for /api/tickets/{id}/attachments and below (functions/api-functions.ts). */
export const handler = handle(wireAttachments(createApiApp(runtime), { ...runtime, blobs }));
