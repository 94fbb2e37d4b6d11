// The S3-compatible backend of attachment storage (AWS S3, MinIO, Ceph, OSS/COS in S3 mode): objects under one bucket, requests signed with SigV4 by aws4fetch.
import { AwsClient } from 'aws4fetch'
import { AppError } from '../domain/errors'
import { type AttachmentStorage, checkedKey } from './attachmentStorage'

export interface S3Settings {
  /** http(s)://host[:port][/base path] of the S3 API. */
  endpoint: string
  bucket: string
  region: string
  accessKeyId: string
  secretAccessKey: string
  /** Path-style addressing (endpoint/bucket/key), what MinIO and most self-hosted stores need; false: bucket.host/key. */
  pathStyle: boolean
  /** How long one request may take before the storage counts as unavailable (503). */
  timeoutMs?: number
}

const unavailable = (what: string, detail: string) => new AppError('SERVICE_UNAVAILABLE', `附件存储暂时不可用（${what}：${detail}）`)

/** Objects `<key>` in the bucket; a missing object reads as null, deleting one twice is no error. */
export function createS3Storage(settings: S3Settings): AttachmentStorage {
  const client = new AwsClient({
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    region: settings.region,
    service: 's3',
  })
  const base = new URL(settings.endpoint)
  const basePath = base.pathname.replace(/\/+$/, '')
  const urlOf = (key: string) =>
    settings.pathStyle
      ? `${base.origin}${basePath}/${encodeURIComponent(settings.bucket)}/${checkedKey(key)}`
      : `${base.protocol}//${settings.bucket}.${base.host}${basePath}/${checkedKey(key)}`
  const send = async (what: string, key: string, init: RequestInit) => {
    try {
      return await client.fetch(urlOf(key), { ...init, signal: AbortSignal.timeout(settings.timeoutMs ?? 30_000) })
    } catch (err) {
      throw unavailable(what, err instanceof Error ? err.message : String(err))
    }
  }
  return {
    async put(key, bytes) {
      const res = await send('写入', key, {
        method: 'PUT',
        body: new Uint8Array(bytes),
        headers: { 'content-type': 'application/octet-stream' },
      })
      if (!res.ok) throw unavailable('写入', `HTTP ${res.status}`)
    },
    async get(key) {
      const res = await send('读取', key, { method: 'GET' })
      if (res.status === 404) return null
      if (!res.ok) throw unavailable('读取', `HTTP ${res.status}`)
      return Buffer.from(await res.arrayBuffer())
    },
    async remove(key) {
      const res = await send('删除', key, { method: 'DELETE' })
      if (!res.ok && res.status !== 404) throw unavailable('删除', `HTTP ${res.status}`)
    },
  }
}
