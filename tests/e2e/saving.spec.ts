import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from './fixtures'

const SHOTS = process.env.ATTEST_SHOTS

/*
 * The server's disk "fills" for its first 2 writes to the project (the journal append and
 * the first check for space a second later), then has room again.
 */
test.use({
  serverEnv: {
    ATTEST_FAULTS: JSON.stringify([
      { op: 'write', code: 'ENOSPC', match: 'project.attest', times: 2, partial: true }
    ])
  }
})

test('a full disk shows a banner over every view (1 write refused), and it clears itself when space returns', async ({
  app,
  attest,
  page
}) => {
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
  await expect(banner).toBeHidden({ timeout: 20_000 })
  await attest.api('claims.create', { text: 'Saved once there is room' })
  await app.settle()
})
