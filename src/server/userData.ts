import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { writeFileAtomic } from './store/files'

/**
 * The per-user folder Attest keeps its settings in: the same folder Electron's
 * app.getPath('userData') gives for "Attest", so the app and the CLI share it.
 * ATTEST_HOME overrides it (tests, portable installs).
 */
export function userDataDir(): string {
  if (process.env.ATTEST_HOME) return path.resolve(process.env.ATTEST_HOME)
  const home = os.homedir()
  if (process.platform === 'win32') {
    return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Attest')
  }
  if (process.platform === 'darwin') {
    return path.join(home, 'Library', 'Application Support', 'Attest')
  }
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Attest')
}

type Settings = { deviceId: string; lastProject?: string }

function settingsFile(dir: string): string {
  return path.join(dir, 'settings.json')
}

export function readSettings(dir = userDataDir()): Settings {
  fs.mkdirSync(dir, { recursive: true })
  try {
    const parsed = JSON.parse(fs.readFileSync(settingsFile(dir), 'utf8')) as Partial<Settings>
    if (typeof parsed.deviceId === 'string' && parsed.deviceId.length > 0) {
      return {
        deviceId: parsed.deviceId,
        lastProject: typeof parsed.lastProject === 'string' ? parsed.lastProject : undefined
      }
    }
  } catch {
    // No settings yet, or unreadable ones: start fresh with a new device id below.
  }
  const settings: Settings = { deviceId: randomUUID() }
  writeSettings(settings, dir)
  return settings
}

export function writeSettings(settings: Settings, dir = userDataDir()): void {
  fs.mkdirSync(dir, { recursive: true })
  writeFileAtomic(settingsFile(dir), Buffer.from(JSON.stringify(settings, null, 2)))
}

/** The project to open when none is named: the last one used, or a new one. */
export function defaultProjectPath(dir = userDataDir()): string {
  const settings = readSettings(dir)
  if (settings.lastProject && fs.existsSync(settings.lastProject)) return settings.lastProject
  return path.join(dir, 'My project.attest')
}

export function rememberProject(projectPath: string, dir = userDataDir()): void {
  const settings = readSettings(dir)
  writeSettings({ ...settings, lastProject: path.resolve(projectPath) }, dir)
}
