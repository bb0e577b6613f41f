// Stored files (signed scans, photos): content-addressed blobs under dataDir/files plus a stored_file row.
export { type PhotoFacts, readPhotoFacts } from './exif.ts';
export { filesRepository, type StoredFileRow } from './files.repository.ts';
export { extensionOf, MIME_LABELS, mimeOfName, type SniffedMime, sniffMime } from './sniff.ts';
export {
  attachmentHeader,
  checkUpload,
  openOriginalFile,
  openStoredFile,
  presentStoredFile,
  storeUpload,
  type UploadRule,
  uploadSpoolDir,
} from './stored-files.ts';
export { type BlobStore, blobPath, blobStoreFor, LocalBlobStore, registerBlobStore, S3BlobStore } from './blob-store.ts';
export type { S3Config } from './s3-signing.ts';
export { findPdfActiveContent } from './pdf-active.ts';
export { stripPdfMetadata } from './pdf-strip.ts';
export { type ImageVariant, reencodeImage, THUMB_SIZE } from './images.ts';
