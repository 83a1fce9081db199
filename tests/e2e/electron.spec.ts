import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { AppPage } from './pages/AppPage'

const ROOT = path.resolve(__dirname, '../..')

/** The Electron executable npm installed, or null when its download was skipped. */
function electronExecutable(): string | null {
  const pkg = path.join(ROOT, 'node_modules', 'electron')
  const pathFile = path.join(pkg, 'path.txt')
  if (!fs.existsSync(pathFile)) return null
  const executable = path.join(pkg, 'dist', fs.readFileSync(pathFile, 'utf8').trim())
  return fs.existsSync(executable) ? executable : null
}

const executable = electronExecutable()

test.describe('desktop app', () => {
  test.skip(
    executable === null,
    'No Electron binary in node_modules/electron (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1): ' +
      'the desktop shell is not tested on this machine.'
  )

  test('opens the project named on the command line and saves a claim over IPC', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-electron-'))
    const projectPath = path.join(dir, 'desk.attest')
    const app = await electron.launch({
      executablePath: executable ?? undefined,
      args: [path.join(ROOT, 'out', 'main', 'index.js'), projectPath],
      cwd: ROOT,
      env: {
        ...process.env,
        ATTEST_HOME: path.join(dir, 'home'),
        // Electron's userData (settings, single-instance lock) lives here on Linux.
        XDG_CONFIG_HOME: path.join(dir, 'config')
      }
    })
    try {
      const window = await app.firstWindow()
      const page = new AppPage(window)
      await expect(page.nav('Claims')).toBeVisible()
      const platform = await window.evaluate(
        () => (globalThis as { attest?: { platform?: string } }).attest?.platform
      )
      expect(platform).toBe('electron')

      await page.createClaim('Exports of refined copper to India doubled in 2024.')
      await expect(page.count('1 claim')).toBeVisible()
    } finally {
      await app.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
    expect(fs.existsSync(projectPath)).toBe(true)
  })
})
