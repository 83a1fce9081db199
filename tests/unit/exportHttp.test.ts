import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { api, exited, serve, type Served } from './helpers/serve'
import { tempDir } from './helpers/tempProject'

/** Browser mode against the built `attest serve` (run `npx electron-vite build` first). */
describe('export over HTTP', () => {
  let served: Served
  let exportRoot = ''
  beforeAll(async () => {
    const dir = tempDir()
    exportRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-http-exports-'))
    process.env.ATTEST_TMPDIR = exportRoot
    served = await serve(path.join(dir, 'http-export.attest'), path.join(dir, 'home'))
    delete process.env.ATTEST_TMPDIR
  })
  afterAll(async () => {
    served.child.kill('SIGTERM')
    await exited(served.child)
    // The server removes whatever it did not deliver when it stops.
    expect(fs.readdirSync(exportRoot)).toEqual([])
    fs.rmSync(exportRoot, { recursive: true, force: true })
  })

  async function value<T>(name: string, input: unknown): Promise<T> {
    const { json } = await api(served, name, input)
    if (!json.ok) throw new Error(`${name}: ${json.error?.message}`)
    return json.value as T
  }

  async function finishedJob(input: unknown): Promise<string> {
    const { jobId } = await value<{ jobId: string }>('export.start', input)
    for (;;) {
      const status = await value<{ state: string }>('export.status', { jobId })
      if (status.state === 'done') return jobId
      if (status.state !== 'running') throw new Error(`export ${status.state}`)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }

  it('downloads a finished CSV export once, with the token only', async () => {
    await value('claims.create', { text: 'Exports to Japan rose 12%, officials said' })
    await value('claims.create', { text: '=HYPERLINK("http://evil")' })
    const jobId = await finishedJob({ what: 'claims', delimiter: ';' })

    const url = `${served.origin}/api/export.download?job=${jobId}`
    const anonymous = await fetch(url)
    expect(anonymous.status).toBe(401)
    const posted = await fetch(url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${served.token}` }
    })
    expect(posted.status).toBe(400)

    const response = await fetch(url, { headers: { Authorization: `Bearer ${served.token}` } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="http-export-claims-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''/
    )
    const text = await response.text()
    const rows = parse(text, { bom: true, delimiter: ';' }) as string[][]
    expect(rows.map((row) => row[1]).sort()).toEqual([
      '\'=HYPERLINK("http://evil")',
      'Exports to Japan rose 12%, officials said',
      'text'
    ])

    // Delivered whole: released (once the response has ended), so a second download finds
    // nothing.
    await vi.waitFor(() => expect(fs.readdirSync(exportRoot)).toEqual([]))
    const again = await fetch(url, { headers: { Authorization: `Bearer ${served.token}` } })
    expect(again.status).toBe(404)
  })

  it('prints a briefing to PDF', async () => {
    await value('claims.create', { text: 'A <b>bold</b> claim about rice' })
    const response = await fetch(`${served.origin}/api/briefing.pdf`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${served.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Rice and trade', classification: 'Official' })
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('content-disposition')).toContain('filename="Rice and trade.pdf"')
    const file = path.join(tempDir(), 'http.pdf')
    fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()))
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
    expect(text).toContain('A <b>bold</b> claim about rice')
    expect(text).toContain('Rice and trade')
    const pages = Number(response.headers.get('x-attest-pages'))
    expect(pages).toBeGreaterThanOrEqual(3)

    const invalid = await fetch(`${served.origin}/api/briefing.pdf`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${served.token}` },
      body: JSON.stringify({ title: '' })
    })
    expect(invalid.status).toBe(400)
    expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } })

    // Options over 1 MB are refused as too large (413), not as broken JSON.
    const huge = await fetch(`${served.origin}/api/briefing.pdf`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${served.token}` },
      body: JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024) })
    })
    expect(huge.status).toBe(413)
    expect(await huge.json()).toMatchObject({
      error: { message: 'The briefing options are larger than 1 MB.' }
    })
  })
})
