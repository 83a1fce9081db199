import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import { expect } from 'vitest'
import { call, type Core } from '../../../src/server/core'
import type { CoreContext } from '../../../src/server/records/context'
import type { RequestInput } from '../../../src/shared/contract'
import type { ExportStatus } from '../../../src/shared/exportTypes'

type Project = Core & { ctx: CoreContext }

/** Polls an export job until it stops running. */
export async function waitForJob(project: Core, jobId: string): Promise<ExportStatus> {
  for (;;) {
    const status = await call(project, 'export.status', { jobId })
    if (status.state !== 'running') return status
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/** Runs a CSV export to the end and returns the file's text (then releases the job). */
export async function exportCsv(
  project: Core,
  input: RequestInput<'export.start'>
): Promise<{ text: string; status: ExportStatus; fileName: string }> {
  const { jobId } = await call(project, 'export.start', input)
  const status = await waitForJob(project, jobId)
  if (status.state !== 'done') throw new Error(`export ${status.state}: ${status.error ?? ''}`)
  const file = await call(project, 'export.file', { jobId })
  const text = fs.readFileSync(file.path, 'utf8')
  await call(project, 'export.release', { jobId })
  expect(fs.existsSync(file.path)).toBe(false)
  return { text, status, fileName: file.fileName }
}

/**
 * A citation as the citing feature stores it, written with plain SQL so these tests do not
 * depend on how citations are created.
 */
export function cite(
  project: Project,
  claimId: string,
  sourceId: string,
  quote: string,
  options: { stance?: 'supports' | 'contradicts' | 'mentions'; locator?: string } = {}
): string {
  const id = randomUUID()
  project.ctx.store.write((db) => {
    const content = db.pluck<string>(`SELECT content FROM sources WHERE id = ?`, [sourceId]) ?? ''
    const found = content.indexOf(quote)
    const start = found < 0 ? 0 : found
    const now = new Date().toISOString()
    db.run(
      `INSERT INTO citations (id, claim_id, source_id, quote, start_offset, end_offset, stance,
        locator, source_hash, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        claimId,
        sourceId,
        quote,
        start,
        start + quote.length,
        options.stance ?? 'supports',
        options.locator ?? null,
        'test-hash',
        now,
        now
      ]
    )
  })
  project.ctx.caches.invalidate()
  return id
}

/** Many claims at once, straight into SQL (for exports long enough to cancel). */
export function bulkClaims(project: Project, count: number): void {
  project.ctx.store.bulkLoad((db) => {
    const now = new Date().toISOString()
    for (let i = 0; i < count; i++) {
      db.run(
        `INSERT INTO claims (id, text, status, credibility, confidence, created_at, updated_at)
         VALUES (?, ?, 'unverified', ?, ?, ?, ?)`,
        [
          randomUUID(),
          `Bulk claim ${i}: the ministry reported a ${i % 97}% rise in rice exports to Japan, "quoted", with commas, and more words to make the row longer than most.`,
          (i % 6) + 1,
          i % 101,
          now,
          now
        ]
      )
    }
  })
  project.ctx.caches.invalidate()
}
