import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from './fixtures'

const SHOTS = process.env.ATTEST_SHOTS
const BIN = path.resolve(__dirname, '../../bin/attest.js')

test('a project locked from another computer: the window names it and takes it over', async ({
  app,
  attest,
  page
}) => {
  await attest.api('claims.create', { text: 'Kept across the take-over' })
  const lockFile = `${attest.projectPath}.lock`
  const foreign = {
    pid: 31337,
    host: 'office-desktop',
    start: '5',
    nonce: 'abc',
    since: '2026-03-04T05:06:07.000Z'
  }
  const url = await attest.restart(() => fs.writeFileSync(lockFile, JSON.stringify(foreign)))
  await page.goto(url)

  const screen = page.getByRole('alertdialog', { name: 'This project is in use' })
  await expect(screen).toBeVisible()
  await expect(screen).toContainText('Attest on the computer “office-desktop” has it open')
  await expect(screen).toContainText('process 31337')
  await expect(screen).toContainText('its changes from now on will not be saved')
  if (SHOTS) {
    fs.mkdirSync(SHOTS, { recursive: true })
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.waitForTimeout(150)
      await page.screenshot({ path: path.join(SHOTS, `timeline-in-use-${scheme}.png`) })
    }
    await page.emulateMedia({ colorScheme: 'light' })
  }
  // Nothing was taken until the user chose.
  expect(JSON.parse(fs.readFileSync(lockFile, 'utf8'))).toEqual(foreign)

  await app.button('Take over from office-desktop').click()
  await expect(app.nav('Claims')).toBeVisible()
  await expect(app.row('Claims', 'Kept across the take-over')).toBeVisible()
  expect(JSON.parse(fs.readFileSync(lockFile, 'utf8')).host).not.toBe('office-desktop')
})

test('a project open in another Attest on this computer opens read-only on request', async ({
  app,
  attest,
  page
}) => {
  await attest.api('claims.create', { text: 'Read while the other one writes' })
  // A second live holder: another `attest serve` of the same file, started while ours is off.
  let other: ReturnType<typeof spawn> | null = null
  const url = await attest.restart(
    () =>
      new Promise<void>((resolve, reject) => {
        other = spawn(process.execPath, [BIN, 'serve', attest.projectPath, '--port', '0'], {
          env: {
            ...process.env,
            ATTEST_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'attest-other-'))
          },
          stdio: ['ignore', 'pipe', 'pipe']
        })
        other.stdout?.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('Attest is serving')) resolve()
        })
        other.once('exit', () => reject(new Error('the other server exited')))
      })
  )
  try {
    await page.goto(url)
    const screen = page.getByRole('alertdialog', { name: 'This project is in use' })
    await expect(screen).toContainText('Attest on this computer has it open')
    await expect(app.button('Take over from office-desktop')).toHaveCount(0)
    await expect(screen.getByRole('button', { name: /^Take over/ })).toHaveCount(0)
    await app.button('Open read-only').click()
    await expect(app.row('Claims', 'Read while the other one writes')).toBeVisible()
    await expect(page.getByRole('alert').filter({ hasText: 'Read-only' })).toContainText(
      'is open for reading only'
    )
  } finally {
    const child = other as ReturnType<typeof spawn> | null
    child?.removeAllListeners('exit')
    child?.kill('SIGTERM')
  }
})
