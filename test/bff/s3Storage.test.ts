// The S3-compatible attachment backend against a fake S3 server (s3rver) on 127.0.0.1: stored, read back and deleted through the storage interface and through the BFF's own upload, file and delete endpoints.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import S3rver from 's3rver'
import { loadConfig } from '../../bff/src/config'
import type { AttachmentStorage } from '../../bff/src/storage/attachmentStorage'
import { attachmentStorageFrom } from '../../bff/src/storage/fromConfig'
import { signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

const BUCKET = 'gm-attachments'
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
let directory: string
let s3: S3rver
let endpoint: string
let storage: AttachmentStorage

/** The backend exactly as the BFF builds it from its environment. */
const fromEnv = (env: Record<string, string>) =>
  attachmentStorageFrom(
    loadConfig({ DATABASE_URL: 'postgresql://127.0.0.1:5432/unused', ATTACHMENT_STORE: 's3', S3_ENDPOINT: endpoint, S3_BUCKET: BUCKET, ...env }),
  )

beforeAll(async () => {
  directory = mkdtempSync(path.join(tmpdir(), 'gm-s3rver-'))
  s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: BUCKET }] })
  const { port } = await s3.run()
  endpoint = `http://127.0.0.1:${port}`
  // s3rver's fixed credentials
  storage = fromEnv({ S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' })
})
afterAll(async () => {
  await s3?.close()
  rmSync(directory, { recursive: true, force: true })
})

it('refuses ATTACHMENT_STORE=s3 without its settings, naming them', () => {
  expect(() => loadConfig({ DATABASE_URL: 'postgresql://127.0.0.1:5432/unused', ATTACHMENT_STORE: 's3', S3_BUCKET: BUCKET })).toThrow(
    /ATTACHMENT_STORE=s3 需要设置 S3_ENDPOINT、S3_ACCESS_KEY_ID、S3_SECRET_ACCESS_KEY/,
  )
})

it('stores, reads back and deletes bytes (path-style, SigV4); a missing key reads as null, a second delete is no error', async () => {
  const key = 'ab/0f0e0d0c-1b2a-4c3d-9e8f-aabbccddeeff'
  await storage.put(key, pdf)
  expect((await storage.get(key))?.equals(pdf)).toBe(true)
  await storage.remove(key)
  expect(await storage.get(key)).toBeNull()
  await storage.remove(key)
  await expect(storage.get('../etc/passwd')).rejects.toThrow(/附件存储键不正确/)
})

it('fails with SERVICE_UNAVAILABLE (503) for credentials the store refuses and for an unreachable store', async () => {
  // s3rver checks the access key but does not verify SigV4 signatures themselves: an unknown key is what it refuses.
  const wrong = fromEnv({ S3_ACCESS_KEY_ID: 'NOT-A-KEY', S3_SECRET_ACCESS_KEY: 'S3RVER' })
  await expect(wrong.put('cd/0f0e0d0c-1b2a-4c3d-9e8f-aabbccddeeff', pdf)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' })
  const gone = attachmentStorageFrom(
    loadConfig({
      DATABASE_URL: 'postgresql://127.0.0.1:5432/unused',
      ATTACHMENT_STORE: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:9',
      S3_BUCKET: BUCKET,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    }),
  )
  await expect(gone.get('cd/0f0e0d0c-1b2a-4c3d-9e8f-aabbccddeeff')).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' })
})

describe('the BFF on the S3 backend', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp({ attachments: storage })
  })
  afterAll(() => app.close())

  it('uploads a draft’s 起草说明 into the bucket, serves it to its department’s staff, and deletes it from the bucket', async () => {
    const departmentId = (await app.db.department.create({ data: { name: 'S3 附件局' } })).id
    const editor = (await signInStaff(app, 'EDITOR', undefined, { departments: [departmentId] })).auth
    const now = Date.now()
    const consultation = await app.db.consultation.create({
      data: { departmentId, title: 'S3 附件草案', summary: '—', opensAt: new Date(now - 86_400_000), closesAt: new Date(now + 40 * 86_400_000) },
    })
    const body = new FormData()
    body.append('kind', 'DRAFTING_NOTE')
    body.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), '起草说明.pdf')
    const made = await app.request(`/api/staff/consultations/${consultation.id}/attachments`, { method: 'POST', headers: editor, body })
    expect(made.status).toBe(201)
    const { storageKey } = await app.db.attachment.findUniqueOrThrow({ where: { id: made.body.id } })
    expect((await storage.get(storageKey))?.equals(pdf)).toBe(true)

    const staffFile = await fetch(`${app.baseUrl}/api/staff/attachments/${made.body.id}/file`, { headers: editor })
    expect(staffFile.status).toBe(200)
    expect(Buffer.from(await staffFile.arrayBuffer()).equals(pdf)).toBe(true)

    const removed = await app.request(`/api/staff/attachments/${made.body.id}`, { method: 'DELETE', headers: editor })
    expect(removed.status).toBe(204)
    expect(await storage.get(storageKey)).toBeNull()
  })
})
