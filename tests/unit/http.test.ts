import http from 'node:http'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
})
