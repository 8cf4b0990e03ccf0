import { apiConfig, required, type ApiConfig, type Environment } from '../core/config.ts';

/** The attachments function's settings: the shared API ones and the bucket its signed links point at. */
export interface AttachmentsConfig extends ApiConfig {
  bucket: string;
}

export function attachmentsConfig(env: Environment = process.env): AttachmentsConfig {
  return { ...apiConfig(env), bucket: required(env, 'ATTACHMENTS_BUCKET') };
}
