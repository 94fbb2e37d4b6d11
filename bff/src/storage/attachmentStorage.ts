// Where attachment bytes live: one interface for the services, the filesystem backend under the data folder (the default), and the choice of backend from configuration (S3-compatible in s3Storage.ts).
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** The bytes of uploaded attachments, by an opaque key the database row keeps; each backend implements these three calls. */
export interface AttachmentStorage {
  /** Store (replacing nothing: keys are fresh random names). */
  put(key: string, bytes: Uint8Array): Promise<void>
  /** The bytes, or null when the key is unknown. */
  get(key: string): Promise<Buffer | null>
  /** Forget the bytes (no error when already gone). */
  remove(key: string): Promise<void>
}

const KEY = /^[a-z0-9]{2}\/[a-z0-9-]{16,80}$/

/** A key as the services make them ("ab/<uuid>"), refused otherwise so no key can reach outside its folder or bucket. */
export function checkedKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`附件存储键不正确：${key}`)
  return key
}

const fileOf = (root: string, key: string): string => path.join(root, checkedKey(key))

/** Files under `root` (ATTACHMENT_DIR, by default .data/attachments), written to a temporary name then renamed so a reader never sees half a file. */
export function createFileStorage(root: string): AttachmentStorage {
  return {
    async put(key, bytes) {
      const file = fileOf(root, key)
      await mkdir(path.dirname(file), { recursive: true })
      const partial = `${file}.part`
      await writeFile(partial, bytes, { flag: 'wx' })
      await rename(partial, file)
    },
    async get(key) {
      try {
        return await readFile(fileOf(root, key))
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw err
      }
    },
    async remove(key) {
      await rm(fileOf(root, key), { force: true })
    },
  }
}
