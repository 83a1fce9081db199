import http from 'node:http'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract } from '../../src/shared/contract'
import { api, exited, serve, type Served } from './helpers/serve'
import { tempDir } from './helpers/tempProject'

/** Sends a request with a forged Host header (fetch does not allow setting Host). */
function rawPost(served: Served, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port: served.port, method: 'POST', path: '/api/stats', headers },
      (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      }
    )
    request.on('error', reject)
    request.end('{}')
  })
}

describe('browser-mode HTTP host', () => {
  let served: Served
  beforeAll(async () => {
    const dir = tempDir()
    served = await serve(path.join(dir, 'http.attest'), path.join(dir, 'home'))
  })
  afterAll(async () => {
    served.child.kill('SIGTERM')
    await exited(served.child)
  })

  it('answers API calls that carry the token', async () => {
    const { status, json } = await api(served, 'stats', {})
    expect(status).toBe(200)
    expect(json).toMatchObject({ ok: true, value: { claims: 0, sources: 0 } })
  })

  it('never reads a table by a path the page sends', async () => {
    const { json } = await api(served, 'tables.import', { path: '/etc/passwd', kind: 'claims' })
    expect(json).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        message:
          'Tables are imported by path from the command line only (attest import … --as claims|sources).'
      }
    })
  })

  it('refuses a missing or wrong token with 401', async () => {
    const missing = await fetch(`${served.origin}/api/stats`, { method: 'POST', body: '{}' })
    expect(missing.status).toBe(401)
    const wrong = await api(served, 'stats', {}, { Authorization: 'Bearer not-the-token' })
    expect(wrong.status).toBe(401)
    expect(wrong.json.error?.code).toBe('unauthorized')
  })

  it('refuses a Host that is not this loopback address with 403 (DNS rebinding)', async () => {
    const auth = { Authorization: `Bearer ${served.token}` }
    expect(await rawPost(served, { ...auth, Host: 'attacker.example' })).toBe(403)
    expect(await rawPost(served, { ...auth, Host: `127.0.0.1:${served.port + 1}` })).toBe(403)
    expect(await rawPost(served, { ...auth, Host: `127.0.0.1:${served.port}` })).toBe(200)
  })

  it('refuses a foreign Origin with 403, even with the token', async () => {
    const foreign = await api(served, 'stats', {}, { Origin: 'https://attacker.example' })
    expect(foreign.status).toBe(403)
    const own = await api(served, 'stats', {}, { Origin: served.origin })
    expect(own.status).toBe(200)
  })

  it('returns errors as data with a specific message', async () => {
    const bad = await api(served, 'claims.create', { text: '   ' })
    expect(bad.json).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'The claim text cannot be empty' }
    })
    const grade = await api(served, 'claims.create', { text: 'x', credibility: 7 })
    expect(grade.json.error?.message).toMatch(/Credibility is an Admiralty grade from 1 to 6/)
    const unknown = await api(served, 'claims.frobnicate', {})
    expect(unknown.status).toBe(404)
    const notJson = await fetch(`${served.origin}/api/stats`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${served.token}` },
      body: '{not json'
    })
    expect(notJson.status).toBe(400)
  })

  it('serves the app with a strict Content-Security-Policy', async () => {
    const response = await fetch(`${served.origin}/`)
    expect(response.status).toBe(200)
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("script-src 'self'")
    expect(await response.text()).toContain('<div id="root">')
    const traversal = await fetch(`${served.origin}/..%2f..%2fpackage.json`)
    expect(traversal.status).toBe(404)
  })

  it('answers a malformed percent-encoding with 401 before the token, then 400, never 500', async () => {
    const anonymous = await fetch(`${served.origin}/api/%E0%A4%A`, { method: 'POST', body: '{}' })
    expect(anonymous.status).toBe(401)
    const signed = await api(served, '%E0%A4%A', {})
    expect(signed.status).toBe(400)
    expect(signed.json.error).toEqual({
      code: 'invalid_input',
      message: 'The request address has a malformed percent-encoding.'
    })
    const page = await fetch(`${served.origin}/%E0%A4%A`)
    expect(page.status).toBe(400)
    expect(await page.text()).toMatch(/malformed percent-encoding/)
  })

  it('answers 300 fuzzed requests (paths, percent-encoding, JSON bodies) without a 5xx', async () => {
    // Requests that end the session or touch files outside the project are left out: the
    // fuzz is about parsing and validation, not about what a valid request may do.
    const names = Object.keys(contract).filter(
      (name) => !/^(project|shell|app)\.|export|salvage|import|briefings\.print/.test(name)
    )
    const percent = fc
      .array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 4 })
      .map((bytes) =>
        bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')
      )
    const brokenPercent = fc.constantFrom('%', '%E', '%E0%A4%A', '%ZZ', '%C0%AF', '%ED%A0%80')
    const segment = fc.oneof(fc.constantFrom(...names), fc.string(), percent, brokenPercent)
    const path = fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(''))
    let requests = 0
    let serverErrors = 0
    await fc.assert(
      fc.asyncProperty(
        path,
        fc.jsonValue({ maxDepth: 3 }),
        fc.boolean(),
        async (name, body, asApi) => {
          requests += 1
          const address = `${served.origin}/${asApi ? 'api/' : ''}${name.replace(/[#?\s]/g, '')}`
          const response = await fetch(address, {
            method: asApi ? 'POST' : 'GET',
            headers: { Authorization: `Bearer ${served.token}` },
            body: asApi ? JSON.stringify(body) : undefined
          })
          const text = await response.text()
          if (response.status >= 500) serverErrors += 1
          if (asApi && response.headers.get('content-type')?.includes('json')) {
            const json = JSON.parse(text) as { ok: boolean; error?: { message?: string } }
            if (!json.ok) expect(typeof json.error?.message).toBe('string')
          }
          expect(response.status).toBeLessThan(500)
        }
      ),
      { numRuns: 300 }
    )
    expect({ requests, serverErrors }).toEqual({ requests: 300, serverErrors: 0 })
  })
})
