// A GET through node:http, as a phone or proxy sends it (fetch() adds Cache-Control: no-cache to any request carrying If-None-Match).
import http from 'node:http'

/** A client asking for no-cache is always answered in full, so conditional requests go through node:http. */
export function conditionalGet(
  url: string,
  headers: Record<string, string>,
  method = 'GET',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      let body = ''
      response.on('data', (chunk: Buffer) => (body += chunk.toString()))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }))
    })
    request.on('error', reject)
    request.end()
  })
}
