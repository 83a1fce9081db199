import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  aboutPanelOptions,
  addRecentProject,
  DEFAULT_WINDOW,
  droppedProjectPath,
  fitWindowState,
  mainWindowOptions,
  projectFromArgv,
  RECENT_LIMIT,
  readRecentProjects,
  readWindowState,
  senderTrusted,
  taskbarProgress,
  writeWindowState
} from '../../src/main/shell'
import { APP_ORIGIN } from '../../src/main/hardening'

let dir = ''
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-shell-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('the main window', () => {
  const options = (packaged: boolean) =>
    mainWindowOptions({ packaged, dark: false, preload: '/app/preload.js', state: DEFAULT_WINDOW })

  it.each([true, false])('isolates the page (packaged: %s)', (packaged) => {
    const prefs = options(packaged).webPreferences
    expect(prefs).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false
    })
  })

  it('has developer tools only in development', () => {
    expect(options(true).webPreferences?.devTools).toBe(false)
    expect(options(false).webPreferences?.devTools).toBe(true)
  })

  it('opens where it was left, at least at its minimum size', () => {
    const state = { x: 40, y: 30, width: 1000, height: 700, maximized: false }
    const window = mainWindowOptions({ packaged: true, dark: true, preload: 'p', state })
    expect(window).toMatchObject({ x: 40, y: 30, width: 1000, height: 700, show: false })
    expect(window.minWidth).toBe(900)
    expect(window.backgroundColor).toBe('#18191b')
  })
})

describe('who may call the project (IPC sender)', () => {
  const ok = {
    fromMainWindow: true,
    topFrame: true,
    url: `${APP_ORIGIN}/index.html`,
    appOrigin: APP_ORIGIN
  }
  it('accepts our window’s top frame on our origin', () => {
    expect(senderTrusted(ok)).toBe(true)
  })
  it.each([
    ['another window', { ...ok, fromMainWindow: false }],
    ['a sub-frame', { ...ok, topFrame: false }],
    ['a page that navigated away', { ...ok, url: 'https://example.org/' }],
    ['a file: page', { ...ok, url: 'file:///tmp/x.html' }],
    ['a look-alike scheme', { ...ok, url: 'attest://app.evil/' }],
    ['an empty URL', { ...ok, url: '' }],
    ['no known origin', { ...ok, appOrigin: '' }]
  ])('refuses %s', (_what, sender) => {
    expect(senderTrusted(sender)).toBe(false)
  })
})

describe('the project a launch names (argv, second instance)', () => {
  it.each([
    [['/opt/Attest/attest', 'report.attest'], true, '/home/u/report.attest'],
    [['/opt/Attest/attest', '--no-sandbox', '/data/Q3.ATTEST'], true, '/data/Q3.ATTEST'],
    [['electron', '.', 'notes/a.attest'], false, '/home/u/notes/a.attest'],
    [['electron', '.', '--inspect=9229'], false, null],
    [['/opt/Attest/attest'], true, null],
    [['/opt/Attest/attest', 'notes.txt'], true, null],
    [
      ['C:\\Attest\\Attest.exe', '--allow-file-access-from-files', 'x.attest'],
      true,
      '/home/u/x.attest'
    ]
  ])('%j (packaged %s) opens %s', (argv, packaged, expected) => {
    expect(projectFromArgv(argv, { packaged, cwd: '/home/u' })).toBe(expected)
  })
})

describe('window size and place', () => {
  const display = { x: 0, y: 0, width: 1920, height: 1080 }

  it('is kept in a file and read back', () => {
    const state = { x: 100, y: 80, width: 1200, height: 760, maximized: true }
    writeWindowState(dir, state)
    expect(readWindowState(dir)).toEqual(state)
  })

  it('starts at the default size without a file or with a broken one', () => {
    expect(readWindowState(dir)).toEqual(DEFAULT_WINDOW)
    fs.writeFileSync(path.join(dir, 'window.json'), '{"width": "wide"')
    expect(readWindowState(dir)).toEqual(DEFAULT_WINDOW)
  })

  it('stays where it was when that is still on a display', () => {
    const state = { x: 100, y: 80, width: 1200, height: 760, maximized: false }
    expect(fitWindowState(state, [display])).toEqual(state)
  })

  it('drops the place when its display is gone, keeping the size', () => {
    const state = { x: 2500, y: 80, width: 1200, height: 760, maximized: false }
    expect(fitWindowState(state, [display])).toEqual({ width: 1200, height: 760, maximized: false })
  })

  it('never comes back smaller than its minimum', () => {
    expect(fitWindowState({ width: 10, height: 10, maximized: false }, [display])).toEqual({
      width: 900,
      height: 560,
      maximized: false
    })
  })
})

describe('recent projects', () => {
  const project = (name: string) => {
    const file = path.join(dir, name)
    fs.writeFileSync(file, '')
    return file
  }

  it('lists the newest first, once each', () => {
    const a = project('a.attest')
    const b = project('b.attest')
    addRecentProject(dir, a)
    addRecentProject(dir, b)
    addRecentProject(dir, a)
    expect(readRecentProjects(dir)).toEqual([a, b])
  })

  it('forgets projects that no longer exist and keeps at most the limit', () => {
    const files = Array.from({ length: RECENT_LIMIT + 3 }, (_, i) => project(`${i}.attest`))
    for (const file of files) addRecentProject(dir, file)
    expect(readRecentProjects(dir)).toHaveLength(RECENT_LIMIT)
    fs.rmSync(files.at(-1) ?? '')
    expect(readRecentProjects(dir)[0]).toBe(files.at(-2))
  })

  it('reads a damaged list as empty', () => {
    fs.writeFileSync(path.join(dir, 'recent.json'), '["relative.attest", 3')
    expect(readRecentProjects(dir)).toEqual([])
  })
})

describe('About', () => {
  it('names Attest’s version and the Electron, Chromium, Node and V8 it runs on', () => {
    const about = aboutPanelOptions({
      appVersion: '0.1.0',
      versions: { electron: '41.7.1', chrome: '146.0.1', node: '24.1.0', v8: '14.6' }
    })
    expect(about.applicationName).toBe('Attest')
    expect(about.applicationVersion).toBe('0.1.0')
    expect(about.credits).toBe('Electron 41.7.1\nChromium 146.0.1\nNode.js 24.1.0\nV8 14.6')
    expect(about.version).toContain('Electron 41.7.1, Chromium 146.0.1')
  })
})

describe('taskbar / dock progress', () => {
  it('shows the app busy while a briefing is printed or written', () => {
    expect(taskbarProgress('shell.saveBriefingPdf')).toBe(2)
    expect(taskbarProgress('shell.saveBriefingDocx')).toBe(2)
  })
  it('leaves the bar alone for quick requests', () => {
    expect(taskbarProgress('shell.openLink')).toBeNull()
    expect(taskbarProgress('shell.saveExport')).toBeNull()
  })
})

describe('a dropped project file', () => {
  it('opens an existing .attest file by its absolute path', () => {
    const file = path.join(dir, 'Dropped.ATTEST')
    fs.writeFileSync(file, '')
    expect(droppedProjectPath(file)).toBe(file)
  })
  it.each([
    ['a relative path', 'x.attest'],
    ['another kind of file', '/tmp/notes.txt'],
    ['a missing file', '/nowhere/gone.attest'],
    ['a NUL byte', '/tmp/a\0.attest'],
    ['not a string', 42]
  ])('refuses %s', (_what, value) => {
    expect(droppedProjectPath(value)).toBeNull()
  })
  it('refuses a folder named like a project', () => {
    const folder = path.join(dir, 'folder.attest')
    fs.mkdirSync(folder)
    expect(droppedProjectPath(folder)).toBeNull()
  })
})
