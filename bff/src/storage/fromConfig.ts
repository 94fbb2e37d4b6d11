// The attachment storage the configuration asks for: files under ATTACHMENT_DIR (default) or an S3-compatible bucket (ATTACHMENT_STORE=s3).
import type { Config } from '../config'
import { type AttachmentStorage, createFileStorage } from './attachmentStorage'
import { createS3Storage } from './s3Storage'

type StorageConfig = Pick<
  Config,
  'ATTACHMENT_STORE' | 'ATTACHMENT_DIR' | 'S3_ENDPOINT' | 'S3_BUCKET' | 'S3_REGION' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY' | 'S3_FORCE_PATH_STYLE'
>

/** loadConfig has already refused ATTACHMENT_STORE=s3 without the S3_* settings it needs. */
export function attachmentStorageFrom(config: StorageConfig): AttachmentStorage {
  if (config.ATTACHMENT_STORE !== 's3') return createFileStorage(config.ATTACHMENT_DIR)
  return createS3Storage({
    endpoint: config.S3_ENDPOINT!,
    bucket: config.S3_BUCKET!,
    region: config.S3_REGION,
    accessKeyId: config.S3_ACCESS_KEY_ID!,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY!,
    pathStyle: config.S3_FORCE_PATH_STYLE,
  })
}
