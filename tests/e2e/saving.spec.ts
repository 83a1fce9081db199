import fs from 'node:fs'
import path from 'node:path'
import initSqlJs from 'sql.js'
import { expect, test } from './fixtures'

const SHOTS = process.env.ATTEST_SHOTS

/*
 * The server's disk "fills" for 4 writes to the project after the one that takes its lock
 * (the journal append and the checks for space 1, 3 and 7 s later), then has room again.
 */
test.use({
  serverEnv: {
    ATTEST_FAULTS: JSON.stringify([
      { op: 'write', code: 'ENOSPC', match: 'project.attest', skip: 1, times: 4, partial: true }
    ])
  }
})

test('a full disk shows a banner over every view (1 write refused), and it clears itself when space returns', async ({
  app,
  attest,
  page
}) => {
  test.setTimeout(60_000)
  await expect(attest.api('claims.create', { text: 'Refused by a full disk' })).rejects.toThrow(
    /The disk is full: this change was not saved/
  )
  const banner = page.getByRole('alert').filter({ hasText: 'Disk full' })
  await expect(banner).toContainText('The disk is full: this change was not saved.', {
    timeout: 10_000
  })
  if (SHOTS) {
    fs.mkdirSync(SHOTS, { recursive: true })
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.screenshot({ path: path.join(SHOTS, `disk-full-${scheme}.png`) })
    }
    await page.emulateMedia({ colorScheme: 'light' })
  }
  await expect(banner).toBeHidden({ timeout: 30_000 })
  await attest.api('claims.create', { text: 'Saved once there is room' })
  await app.settle()
})

test.describe('a damaged project', () => {
  test.use({ serverEnv: {} })

  test('opens read-only with a banner, and 1 click exports what can be read into a new project', async ({
    app,
    attest,
    page
  }) => {
    const text = 'Exports of rice to Japan rose by a fifth in the first quarter. '.repeat(12)
    for (let i = 0; i < 150; i++) await attest.api('claims.create', { text: `${i} ${text}` })
    // Away from the page while the server is down, so that nothing polls it meanwhile.
    await app.settle()
    await page.goto('about:blank')
    await attest.restart(async () => {
      // The first page from the middle on whose damage SQLite's own check notices (pages on
      // the free list hold nothing).
      const SQL = await initSqlJs()
      const original = fs.readFileSync(attest.projectPath)
      const pageSize = original.readUInt16BE(16)
      const pages = original.length / pageSize
      for (let page = Math.floor(pages / 2); page < pages; page++) {
        const bytes = Buffer.from(original)
        for (let i = 0; i < pageSize; i++) bytes[page * pageSize + i] = (i * 7919 + 13) & 0xff
        const db = new SQL.Database(bytes)
        let whole: boolean
        try {
          whole = db.exec('PRAGMA integrity_check')[0]?.values[0]?.[0] === 'ok'
        } catch {
          whole = false
        }
        db.close()
        if (!whole) {
          fs.writeFileSync(attest.projectPath, bytes)
          return
        }
      }
      throw new Error('no page of the project could be damaged')
    })
    await app.open(attest.url)
    const banner = page.getByRole('alert').filter({ hasText: 'Read-only' })
    await expect(banner).toContainText('project.attest is damaged')
    await expect(banner).toContainText('nothing in it will be changed or overwritten')
    if (SHOTS) {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme })
        await page.screenshot({ path: path.join(SHOTS, `damaged-${scheme}.png`) })
      }
      await page.emulateMedia({ colorScheme: 'light' })
    }
    await banner.getByRole('button', { name: 'Export what can be read…' }).click()
    await expect(banner).toContainText(
      /claims and \d+ sources were copied to .*project \(recovered\)\.attest/
    )
    expect(
      fs.existsSync(path.join(path.dirname(attest.projectPath), 'project (recovered).attest'))
    ).toBe(true)
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `damaged-exported-light.png`) })
    await app.settle()
  })
})
