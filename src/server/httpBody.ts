import type http from 'node:http'

/** A request body over the route's limit. */
export class BodyTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super('too_large')
  }
}

/** A JSON answer that is never cached or sniffed. */
export function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff'
  })
  response.end(text)
}

/**
 * The request's JSON body ({} when empty). Rejects with BodyTooLarge past `maxBytes` (the
 * rest is read and dropped, so the client still gets the answer) and with a SyntaxError
 * when it is not JSON.
 */
export function readJson(request: http.IncomingMessage, maxBytes: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) {
        chunks.length = 0
        reject(new BodyTooLarge(maxBytes))
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => {
      if (size > maxBytes) return
      try {
        const text = Buffer.concat(chunks).toString('utf8')
        resolve(text.trim() === '' ? {} : (JSON.parse(text) as unknown))
      } catch (error) {
        reject(error as Error)
      }
    })
    request.on('error', reject)
  })
}
