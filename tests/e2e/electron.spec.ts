import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'
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

function launch(dir: string, projectPath: string): Promise<ElectronApplication> {
  return electron.launch({
    executablePath: executable ?? undefined,
    args: [path.join(ROOT, 'out', 'main', 'index.js'), projectPath],
    cwd: ROOT,
    env: {
      ...process.env,
      ATTEST_HOME: path.join(dir, 'home'),
      XDG_CONFIG_HOME: path.join(dir, 'config')
    }
  })
}

/** Clicks an application menu item as the user would (File ▸ …, Edit ▸ Undo). */
async function clickMenu(app: ElectronApplication, top: string, label: string): Promise<void> {
  await app.evaluate(
    ({ Menu }, [top, label]) => {
      const menu = Menu.getApplicationMenu()?.items.find((item) => item.label === top)
      const item = menu?.submenu?.items.find((entry) => entry.label === label)
      if (!item) throw new Error(`No menu item ${top} ▸ ${label}`)
      item.click()
    },
    [top, label] as const
  )
}

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

  test('undoes from the Edit menu, and saves a PDF through printToPDF and the save dialog', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-electron-'))
    const projectPath = path.join(dir, 'desk.attest')
    const pdfPath = path.join(dir, 'Briefing.pdf')
    const claim = 'Rice exports to Japan rose by a fifth in the first half of 2025.'
    const app = await launch(dir, projectPath)
    try {
      const window = await app.firstWindow()
      const page = new AppPage(window)
      await expect(page.nav('Claims')).toBeVisible()
      await page.createClaim(claim)
      await expect(page.count('1 claim')).toBeVisible()

      await clickMenu(app, 'Edit', 'Undo')
      await expect(window.getByText(claim)).toHaveCount(0)
      await clickMenu(app, 'Edit', 'Redo')
      await expect(page.count('1 claim')).toBeVisible()

      // The save dialog answers with a path in the test's folder, as a user choosing it would.
      await app.evaluate(({ dialog }, file) => {
        dialog.showSaveDialog = () => Promise.resolve({ canceled: false, filePath: file })
      }, pdfPath)
      await window.getByRole('button', { name: 'Export…', exact: true }).click()
      const exportDialog = window.getByRole('dialog', { name: 'Export' })
      await exportDialog.getByRole('tab', { name: 'Briefing (PDF, Word)' }).click()
      await exportDialog.getByLabel('Title').fill('Desk briefing')
      await exportDialog.getByRole('button', { name: 'Save PDF' }).click()
      await expect.poll(() => fs.existsSync(pdfPath), { timeout: 20_000 }).toBe(true)
      expect(fs.readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-')
      const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' })
      expect(text.replace(/\s+/g, ' ')).toContain(claim)
    } finally {
      await app.close()
    }
    // The window's size and place are kept for the next start.
    const state = JSON.parse(fs.readFileSync(path.join(dir, 'home', 'window.json'), 'utf8')) as {
      width: number
    }
    expect(state.width).toBeGreaterThanOrEqual(900)
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
