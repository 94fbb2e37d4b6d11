// Reading a multipart/form-data upload (one file part named `file` and short text fields) with @fastify/busboy, within a size limit, into memory.
import Busboy from '@fastify/busboy'
import type { Context } from 'koa'
import { AppError } from '../domain/errors'
import type { UploadedFile } from '../domain/upload'

export type { UploadedFile }

export interface ParsedUpload {
  fields: Record<string, string>
  file: UploadedFile | null
}

/**
 * Parse the request body: 415 NOT_MULTIPART for another media type, 413 ATTACHMENT_TOO_LARGE past
 * `maxBytes` (the rest of the stream is drained, nothing kept), 400 ATTACHMENT_MISSING without a `file` part.
 */
export function readUpload(ctx: Context, maxBytes: number): Promise<ParsedUpload> {
  if (!ctx.is('multipart/form-data')) return Promise.reject(new AppError('NOT_MULTIPART'))
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {}
    let file: UploadedFile | null = null
    let failure: AppError | null = null
    let parser: ReturnType<typeof Busboy>
    try {
      parser = Busboy({
        headers: ctx.req.headers as { 'content-type': string },
        limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 2_000, parts: 12 },
      })
    } catch {
      reject(new AppError('NOT_MULTIPART'))
      return
    }
    parser.on('field', (name, value) => {
      if (!Object.hasOwn(fields, name)) fields[name] = value
    })
    parser.on('file', (name, stream, filename) => {
      if (name !== 'file' || file !== null) {
        stream.resume()
        return
      }
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('limit', () => {
        failure = new AppError('ATTACHMENT_TOO_LARGE', undefined, { fields: { file: `附件不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB` } })
      })
      stream.on('end', () => {
        if (!stream.truncated) file = { filename: filename.split(/[\\/]/).pop() ?? '', bytes: Buffer.concat(chunks) }
      })
    })
    parser.on('error', () => reject(failure ?? new AppError('NOT_MULTIPART')))
    parser.on('finish', () => {
      if (failure) reject(failure)
      else if (!file || file.bytes.length === 0) reject(new AppError('ATTACHMENT_MISSING', undefined, { fields: { file: '请选择要上传的文件' } }))
      else resolve({ fields, file })
    })
    ctx.req.pipe(parser)
  })
}
