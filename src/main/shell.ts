import fs from 'node:fs'
import path from 'node:path'
import type { AboutPanelOptionsOptions, BrowserWindowConstructorOptions } from 'electron'
import { writeFileAtomic } from '../server/store/files'
import { originOf } from './hardening'

/*
 * The desktop shell's remaining decisions as pure functions (and small file stores on real
 * files), so that src/main/index.ts only wires them to Electron and tests/unit/shell.test.ts
 * covers them under Node.
 */

export type WindowState = {
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}
export type Rect = { x: number; y: number; width: number; height: number }

export const DEFAULT_WINDOW: WindowState = { width: 1280, height: 800, maximized: false }
const MIN_WIDTH = 900
const MIN_HEIGHT = 560

/** The main window: context isolation, the sandbox, no Node, no <webview>, no tools when packaged. */
export function mainWindowOptions(options: {
  packaged: boolean
  dark: boolean
  preload: string
  state: WindowState
}): BrowserWindowConstructorOptions {
  const { state } = options
  return {
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: 'Attest',
    backgroundColor: options.dark ? '#18191b' : '#f7f7f5',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      devTools: !options.packaged,
      spellcheck: true
    }
  }
}

/**
 * Only our own window's top frame, showing our own origin, may call the project: not a
 * sub-frame (the briefing preview), not another window, not a page that navigated away.
 */
export function senderTrusted(sender: {
  fromMainWindow: boolean
  topFrame: boolean
  url: string
  appOrigin: string
}): boolean {
  if (!sender.fromMainWindow || !sender.topFrame || sender.appOrigin === '') return false
  return originOf(sender.url) === sender.appOrigin
}

/**
 * The project a command line names (a double-clicked .attest file on Windows and Linux, or a
 * second launch): the first argument ending in .attest that is not a switch, resolved
 * against the launch's working folder. A development run has `electron .` in front.
 */
export function projectFromArgv(
  argv: readonly string[],
  options: { packaged: boolean; cwd: string }
): string | null {
  const args = argv.slice(options.packaged ? 1 : 2).filter((arg) => !arg.startsWith('-'))
  const file = args.find((arg) => arg.toLowerCase().endsWith('.attest'))
  return file ? path.resolve(options.cwd, file) : null
}

/** A window state put back only where it is still visible on one of today's displays. */
export function fitWindowState(state: WindowState, displays: readonly Rect[]): WindowState {
  const width = Math.max(MIN_WIDTH, Math.round(state.width))
  const height = Math.max(MIN_HEIGHT, Math.round(state.height))
  const { x, y } = state
  if (x === undefined || y === undefined) return { width, height, maximized: state.maximized }
  // Visible: at least 100×50 px of the title bar area inside some display.
  const visible = displays.some(
    (d) =>
      x + width - 100 >= d.x && x + 100 <= d.x + d.width && y >= d.y && y + 50 <= d.y + d.height
  )
  return visible
    ? { x: Math.round(x), y: Math.round(y), width, height, maximized: state.maximized }
    : { width, height, maximized: state.maximized }
}

const finite = (value: unknown): value is number => typeof value === 'number' && isFinite(value)

export function readWindowState(dir: string): WindowState {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(dir, 'window.json'), 'utf8')) as Record<
      string,
      unknown
    >
    if (!finite(raw.width) || !finite(raw.height)) return DEFAULT_WINDOW
    return {
      ...(finite(raw.x) && finite(raw.y) ? { x: raw.x, y: raw.y } : {}),
      width: raw.width,
      height: raw.height,
      maximized: raw.maximized === true
    }
  } catch {
    return DEFAULT_WINDOW
  }
}

export function writeWindowState(dir: string, state: WindowState): void {
  fs.mkdirSync(dir, { recursive: true })
  writeFileAtomic(path.join(dir, 'window.json'), Buffer.from(JSON.stringify(state, null, 2)))
}

export const RECENT_LIMIT = 10

/** Recent projects, newest first, only those that still exist. */
export function readRecentProjects(dir: string): string[] {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(dir, 'recent.json'), 'utf8')) as unknown
    if (!Array.isArray(raw)) return []
    return raw
      .filter((entry): entry is string => typeof entry === 'string' && path.isAbsolute(entry))
      .filter((entry) => fs.existsSync(entry))
      .slice(0, RECENT_LIMIT)
  } catch {
    return []
  }
}

export function addRecentProject(dir: string, project: string): string[] {
  const file = path.resolve(project)
  const list = [file, ...readRecentProjects(dir).filter((entry) => entry !== file)].slice(
    0,
    RECENT_LIMIT
  )
  fs.mkdirSync(dir, { recursive: true })
  writeFileAtomic(path.join(dir, 'recent.json'), Buffer.from(JSON.stringify(list, null, 2)))
  return list
}

/** Help ▸ About (the app menu's About on macOS): Attest's version and the runtime's. */
export function aboutPanelOptions(options: {
  appVersion: string
  versions: { electron?: string; chrome?: string; node?: string; v8?: string }
}): AboutPanelOptionsOptions {
  const { versions } = options
  const runtime = [
    `Electron ${versions.electron ?? '?'}`,
    `Chromium ${versions.chrome ?? '?'}`,
    `Node.js ${versions.node ?? '?'}`,
    `V8 ${versions.v8 ?? '?'}`
  ].join('\n')
  return {
    applicationName: 'Attest',
    applicationVersion: options.appVersion,
    version: runtime.replace(/\n/g, ', '),
    credits: runtime,
    copyright: 'Copyright © 2026 the Attest authors. MIT licence.'
  }
}

/** Shell requests that print or write a whole briefing: the taskbar/dock shows them busy. */
const LONG_SHELL_REQUESTS = new Set(['shell.saveBriefingPdf', 'shell.saveBriefingDocx'])

/**
 * The value for BrowserWindow.setProgressBar while a shell request runs: 2 (Electron's
 * "indeterminate") for the long ones, null when the bar is left alone; -1 clears it.
 */
export function taskbarProgress(request: string): 2 | null {
  return LONG_SHELL_REQUESTS.has(request) ? 2 : null
}

/** The path a dropped .attest file sends (OPEN_PROJECT_CHANNEL): absolute, a project, there. */
export function droppedProjectPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 4096 || value.includes('\0')) return null
  if (!path.isAbsolute(value) || !value.toLowerCase().endsWith('.attest')) return null
  try {
    return fs.statSync(value).isFile() ? path.resolve(value) : null
  } catch {
    return null
  }
}
