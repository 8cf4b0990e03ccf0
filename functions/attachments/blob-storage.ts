/**
 * Where attachment bytes live, behind one small interface: S3 in AWS (s3-blobs.ts), files under
 * DATA_DIR/attachments locally (local-blobs.ts). The API only hands out signed, expiring URLs; the bytes go
 * straight between the browser and the storage, except for the few the complete step reads to sniff.
 */
export interface UploadTarget {
  url: string;
  method: 'POST';
  /** Form fields to send before the file (`file` last), as with S3's browser-based POST upload. */
  fields: Record<string, string>;
}

export interface UploadTerms {
  contentType: string;
  /** The exact size the upload must have (the policy's content-length-range is [size, size]). */
  size: number;
  expiresAt: Date;
}

export interface DownloadTerms {
  filename: string;
  contentType: string;
  expiresAt: Date;
}

/** An uploaded file, not yet checked. */
export interface UploadedFile {
  size: number;
  /** Changes whenever the upload is replaced (S3's ETag): what was checked is what is kept. */
  version: string;
}

/**
 * An upload link writes only the uploaded file; the file served is the one `keep` made from it once checked, which
 * no link can write (the link still works after completion until it expires).
 */
export interface BlobStorage {
  uploadTarget(key: string, terms: UploadTerms, now: Date): Promise<UploadTarget>;
  downloadUrl(key: string, terms: DownloadTerms, now: Date): Promise<string>;
  /** The uploaded file's size and version, or undefined when nothing was uploaded. */
  uploaded(key: string): Promise<UploadedFile | undefined>;
  /** Bytes `start` to `end` inclusive of the uploaded file (fewer at its end); undefined when it is no longer `version`. */
  readUploaded(key: string, version: string, start: number, end: number): Promise<Uint8Array | undefined>;
  /** The checked upload becomes the served file, if it is still `version`; false when it was replaced meanwhile. */
  keep(key: string, version: string): Promise<boolean>;
  /** Removes the upload and the served file. */
  remove(key: string): Promise<void>;
  /**
   * Stores bytes the server itself received (a file sent by e-mail, functions/inbound-mail) where an upload lands:
   * no browser upload; complete checks and keeps it as it does an upload.
   */
  write(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
}

/** `attachment; filename="job.log"; filename*=UTF-8''job.log`: always a download, whatever the name holds. */
export function attachmentDisposition(filename: string): string {
  const plain = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${plain}"; filename*=UTF-8''${encoded}`;
}

/** The object key of an attachment: ids only (validated), so it is a safe path locally too. */
export const blobKey = (ticketId: string, attachmentId: string) => `tickets/${ticketId}/${attachmentId}`;
export const BLOB_KEY = /^tickets\/[A-Za-z0-9-]{1,64}\/[A-Za-z0-9-]{1,64}$/;
