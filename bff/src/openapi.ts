// Generates the OpenAPI 3.1 document served at /api/openapi.json from the shared contract (access, rate limits, idempotency, ETags, file downloads).
import { contract, type Endpoint, type EndpointName, ErrorBodySchema, errorTable } from '@gm/shared'
import { ENDPOINT_POLICIES } from './http/rateLimit'
import { z } from 'zod'

type JsonSchema = Record<string, unknown>

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema
  return rest
}

function parameters(endpoint: Endpoint) {
  const list: JsonSchema[] = []
  for (const location of ['params', 'query'] as const) {
    const schema = endpoint[location]
    if (!schema) continue
    const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] }
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      list.push({
        name,
        in: location === 'params' ? 'path' : 'query',
        required: location === 'params' || (json.required ?? []).includes(name),
        schema: property,
      })
    }
  }
  return list
}

/** Writes accept a key per user action: a retry with it gets the first result (signups, cancellations). */
const idempotencyHeader = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: '每次用户操作一个提交编号，重试时不变：报名、取消报名重试时返回首次结果',
  schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' },
}

const FILE_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
} as const

/** A JSON body, or for an upload the multipart form: its text fields and the `file` part. */
function requestContent(endpoint: Endpoint, body: NonNullable<Endpoint['body']>): JsonSchema {
  const schema = toSchema(body, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] }
  if (!endpoint.upload) return { 'application/json': { schema } }
  const file = { type: 'string', contentMediaType: 'application/octet-stream', description: 'PDF、PNG/JPG、docx、xlsx，20 MB 以内' }
  return {
    'multipart/form-data': { schema: { ...schema, properties: { ...schema.properties, file }, required: [...(schema.required ?? []), 'file'] } },
  }
}

/** A file download: the media types its `format` query offers (CSV when it has none), each a file body. */
function fileContent(endpoint: Endpoint): JsonSchema {
  const format = endpoint.query
    ? ((toSchema(endpoint.query, 'input') as { properties?: Record<string, { enum?: string[] }> }).properties?.format?.enum ?? ['csv'])
    : ['csv']
  return Object.fromEntries(
    format
      .filter((f): f is keyof typeof FILE_TYPES => f in FILE_TYPES)
      .map((f) => [FILE_TYPES[f], { schema: { type: 'string', ...(f === 'xlsx' ? { format: 'binary' } : {}) } }]),
  )
}

/** Public reads carry a strong ETag and answer 304 to a matching If-None-Match (http/cacheControl.ts). */
const isPublicRead = (endpoint: Endpoint) => endpoint.access === 'public' && endpoint.method === 'GET'
const etagHeader = { ETag: { description: '强 ETag；带 If-None-Match 再次请求，未变化时返回 304', schema: { type: 'string' } } }
const notModified = { '304': { description: '未变化（If-None-Match 与 ETag 相同），无响应体' } }

const errorResponse = {
  description: '错误：{ error: { code, message, details } }',
  content: { 'application/json': { schema: toSchema(ErrorBodySchema, 'output') } },
}

/** OpenAPI 3.1 generated from the shared contract: the document cannot drift from the code. */
export function buildOpenApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {}
  for (const [operationId, endpoint] of Object.entries(contract) as [string, Endpoint][]) {
    const path = endpoint.path.replace(/:([A-Za-z_]\w*)/g, '{$1}')
    paths[path] ??= {}
    paths[path][endpoint.method.toLowerCase()] = {
      operationId,
      summary: endpoint.summary,
      tags: [endpoint.tag],
      'x-access': endpoint.access,
      parameters: endpoint.method === 'GET' ? parameters(endpoint) : [...parameters(endpoint), idempotencyHeader],
      ...(ENDPOINT_POLICIES[operationId as EndpointName] ? { 'x-rate-limits': ENDPOINT_POLICIES[operationId as EndpointName] } : {}),
      ...(endpoint.body ? { requestBody: { required: true, content: requestContent(endpoint, endpoint.body) } } : {}),
      responses: {
        [String(endpoint.status ?? 200)]: {
          description: endpoint.download ? '文件' : '成功',
          content: endpoint.download ? fileContent(endpoint) : { 'application/json': { schema: toSchema(endpoint.response, 'output') } },
          ...(isPublicRead(endpoint) ? { headers: etagHeader } : {}),
        },
        ...(isPublicRead(endpoint) ? notModified : {}),
        '4XX': errorResponse,
        '5XX': errorResponse,
      },
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '政民互动 BFF',
      version: '0.1.0',
      description: `错误码：${Object.keys(errorTable).join(', ')}`,
    },
    paths,
  }
}
