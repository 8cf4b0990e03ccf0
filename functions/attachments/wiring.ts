import type { ApiApp } from '../core/http.ts';
import type { ApiInfrastructure } from '../core/runtime.ts';
import { registerAttachmentRoutes } from './app.ts';
import type { BlobStorage } from './blob-storage.ts';
import { dynamoAttachmentStore } from './dynamo-store.ts';

export interface AttachmentsInfrastructure extends ApiInfrastructure {
  /** Where the bytes live: S3 in AWS, DATA_DIR/attachments locally. */
  blobs?: BlobStorage;
}

/** The attachments routes on the table and the blob storage: shared by the Lambda entry and the local server. */
export function wireAttachments(app: ApiApp, { db, tableName, clock, verifier, blobs }: AttachmentsInfrastructure): ApiApp {
  if (!blobs) throw new Error('The attachments function needs its blob storage.');
  return registerAttachmentRoutes(app, { store: dynamoAttachmentStore(db, tableName), blobs, clock, verifier });
}
