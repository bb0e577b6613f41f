// Stored files (signed scans, photos): content-addressed blobs under dataDir/files plus a stored_file row.
export { filesRepository, type StoredFileRow } from './files.repository.ts';
export { MIME_LABELS, mimeOfName, type SniffedMime, sniffMime } from './sniff.ts';
export {
  attachmentHeader,
  blobPath,
  checkUpload,
  openStoredFile,
  presentStoredFile,
  storeUpload,
  type UploadRule,
  uploadSpoolDir,
} from './stored-files.ts';
