import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { fail, type Result } from '../shared/result'
import { LOCAL_ONLY_MESSAGE, LOCAL_ONLY_REQUESTS } from '../shared/contractTables'
import type { Core } from './core'
import { createExportRoutes } from './export/httpRoutes'
import { recordUnexpected } from './diagnostics'
import { BodyTooLarge, readJson, sendJson } from './httpBody'

/** The renderer's policy: no remote anything, no inline script, no eval. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob: data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm'
}

const MAX_BODY_BYTES = 64 * 1024 * 1024

export type HttpHostOptions = {
  core: Core
  rendererDir: string
  port?: number
  token?: string
}

export type HttpHost = {
  url: string
  port: number
  token: string
  close(): Promise<void>
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

const BAD_ENCODING = 'The request address has a malformed percent-encoding.'

/** A percent-decoded path, or null when its encoding is malformed (such as `%E0%A4%A`). */
export function decodePath(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded)
  } catch {
    return null
  }
}

/**
 * Browser mode: the renderer and the request contract over HTTP on 127.0.0.1 only. Every API
 * call needs the bearer token printed at start; a foreign Host or Origin (DNS rebinding,
 * another site in the browser) is refused.
 */
export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const rendererDir = path.resolve(options.rendererDir)
  let port = 0

  // File routes (CSV download, briefing PDF); the printer loads only when first used.
  const exportRoutes = createExportRoutes(options.core, () =>
    import('./export/pdf').then((pdf) => pdf.createPlaywrightPrinter())
  )

  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  const allowedOrigins = (): Set<string> =>
    new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`])

  const server = http.createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      recordUnexpected(error, `${request.method ?? 'GET'} ${request.url?.split('?')[0] ?? ''}`)
      if (!response.headersSent) {
        sendJson(response, 500, fail('internal', `Unexpected error: ${(error as Error).message}`))
      } else {
        response.destroy()
      }
    })
  })

  async function handle(request: http.IncomingMessage, response: http.ServerResponse) {
    if (!allowedHosts().has(request.headers.host ?? '')) {
      sendJson(response, 403, fail('forbidden', 'Requests must be addressed to 127.0.0.1.'))
      return
    }
    const origin = request.headers.origin
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      sendJson(response, 403, fail('forbidden', 'Requests from other sites are refused.'))
      return
    }
    let url: URL
    try {
      url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`)
    } catch {
      sendJson(response, 400, fail('invalid_input', 'The request address is not a valid URL.'))
      return
    }
    if (url.pathname.startsWith('/api/')) {
      await handleApi(request, response, url.pathname.slice(5), url)
      return
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, fail('invalid_input', 'Only GET is allowed here.'))
      return
    }
    serveStatic(url.pathname, response)
  }

  async function handleApi(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    encodedName: string,
    url: URL
  ) {
    const auth = request.headers.authorization ?? ''
    const given = auth.startsWith('Bearer ') ? auth.slice(7) : ''
    if (!given || !sameToken(given, token)) {
      sendJson(response, 401, fail('unauthorized', 'A valid access token is required.'))
      return
    }
    const name = decodePath(encodedName)
    if (name === null) {
      sendJson(response, 400, fail('invalid_input', BAD_ENCODING))
      return
    }
    if (await exportRoutes.handle(name, request, response, url)) return
    if (request.method !== 'POST') {
      sendJson(response, 405, fail('invalid_input', 'API requests are POSTed as JSON.'))
      return
    }
    let payload: unknown
    try {
      payload = await readJson(request, MAX_BODY_BYTES)
    } catch (error) {
      const tooLarge = error instanceof BodyTooLarge
      sendJson(
        response,
        tooLarge ? 413 : 400,
        fail(
          'invalid_input',
          tooLarge ? 'The request is larger than 64 MB.' : 'The request body is not valid JSON.'
        )
      )
      return
    }
    const result: Result<unknown> = LOCAL_ONLY_REQUESTS.has(name)
      ? fail('forbidden', LOCAL_ONLY_MESSAGE)
      : await options.core.invoke(name, payload)
    const status = result.ok ? 200 : result.error.code === 'unknown_request' ? 404 : 200
    sendJson(response, status, result)
  }

  function serveStatic(pathname: string, response: http.ServerResponse) {
    const decoded = decodePath(pathname)
    if (decoded === null) {
      response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' })
      response.end(BAD_ENCODING)
      return
    }
    const relative = decoded === '/' ? 'index.html' : decoded.slice(1)
    const file = path.resolve(rendererDir, relative)
    if (
      !file.startsWith(rendererDir + path.sep) ||
      !fs.existsSync(file) ||
      !fs.statSync(file).isFile()
    ) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
      response.end('Not found')
      return
    }
    const body = fs.readFileSync(file)
    response.writeHead(200, {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache'
    })
    response.end(body)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }).then(() => exportRoutes.close())
  }
}
