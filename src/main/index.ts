import { readFile } from 'node:fs/promises'
import path from 'node:path'
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  nativeTheme,
  protocol,
  screen,
  session,
  type WebContents
} from 'electron'
import { IPC_CHANNEL, OPEN_PROJECT_CHANNEL } from '../shared/bridge'
import { isShellRequest } from '../shared/contractExports'
import { LOCAL_ONLY_MESSAGE, LOCAL_ONLY_REQUESTS } from '../shared/contractTables'
import { fail } from '../shared/result'
import { openWorkerCore, type Core } from '../server/core'
import { configureDiagnostics } from '../server/diagnostics'
import { openServedCore } from '../server/servedCore'
import { CONTENT_SECURITY_POLICY } from '../server/http'
import { defaultProjectPath, readSettings, rememberProject, userDataDir } from '../server/userData'
import { handleShellRequest } from './exportShell'
import {
  APP_SCHEME,
  externalLinkDecision,
  navigationAllowed,
  originOf,
  permissionAllowed,
  rendererEntry,
  requestAllowed,
  resolveAppFile
} from './hardening'
import { openLinkAfterAsking } from './links'
import { buildMenu } from './menu'
import {
  aboutPanelOptions,
  addRecentProject,
  droppedProjectPath,
  fitWindowState,
  mainWindowOptions,
  projectFromArgv,
  readWindowState,
  senderTrusted,
  taskbarProgress,
  writeWindowState
} from './shell'

let core: Core | null = null
let mainWindow: BrowserWindow | null = null
let dataDir = ''
let projectFile = ''
// A file macOS asked us to open (open-file) before the app was ready.
let pendingFile: string | null = null

// Decided once: a packaged build never loads a URL from the environment.
const entry = rendererEntry({ packaged: app.isPackaged, env: process.env })
const appOrigin = originOf(entry.url) ?? ''
const rendererRoot = path.join(__dirname, '../renderer')

// Our pages come from attest://app/, a standard, secure origin of their own (not file://,
// which would share one origin with every file on the disk).
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true }
  }
])

/** Only our own top-level page, on our own origin, may call in (src/main/shell.ts). */
function isTrustedSender(frame: Electron.WebFrameMain | null, contents: WebContents): boolean {
  return senderTrusted({
    fromMainWindow: mainWindow !== null && contents === mainWindow.webContents,
    topFrame: frame !== null && frame === contents.mainFrame,
    url: frame?.url ?? '',
    appOrigin
  })
}

/**
 * Every web contents the app ever makes (the window, the print window, any frame) gets the
 * same guard: no new windows (links go through the ask-first path), no navigation away from
 * the app's origin in any frame, no <webview>.
 */
function guardContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (externalLinkDecision(url).ok) {
      void openLinkAfterAsking(BrowserWindow.fromWebContents(contents) ?? mainWindow, url)
    }
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event) => {
    if (!navigationAllowed(event.url, { appOrigin, mainFrame: true })) event.preventDefault()
  })
  contents.on('will-frame-navigate', (event) => {
    if (!navigationAllowed(event.url, { appOrigin, mainFrame: event.isMainFrame })) {
      event.preventDefault()
    }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

function createWindow(): void {
  const displays = screen.getAllDisplays().map((display) => display.workArea)
  const state = fitWindowState(readWindowState(dataDir), displays)
  const window = new BrowserWindow(
    mainWindowOptions({
      packaged: app.isPackaged,
      dark: nativeTheme.shouldUseDarkColors,
      preload: path.join(__dirname, '../preload/index.js'),
      state
    })
  )
  mainWindow = window
  if (state.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())
  // Size and place are kept for the next start (window.json in the user folder).
  window.on('close', () => {
    const bounds = window.getNormalBounds()
    writeWindowState(dataDir, { ...bounds, maximized: window.isMaximized() })
  })
  window.on('closed', () => {
    mainWindow = null
  })
  void window.loadURL(entry.url)
}

/** Serves out/renderer on attest://app/ with its CSP; nothing outside that folder. */
async function serveAppFile(request: Request): Promise<Response> {
  const target = resolveAppFile(request.url, rendererRoot, request.method)
  if (!target.ok) return new Response(target.reason, { status: target.status })
  try {
    const body = await readFile(target.file)
    return new Response(request.method === 'HEAD' ? null : body, {
      headers: {
        'Content-Type': target.mime,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache'
      }
    })
  } catch {
    return new Response('Not found.', { status: 404 })
  }
}

async function start(): Promise<void> {
  protocol.handle(APP_SCHEME, serveAppFile)
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(permissionAllowed(permission))
  )
  ses.setPermissionCheckHandler((_contents, permission) => permissionAllowed(permission))
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY]
      }
    })
  })
  // The app makes no network requests: anything but our own files is cancelled.
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !requestAllowed(details.url, { appOrigin, dev: entry.dev }) })
  })

  // ATTEST_HOME (tests, portable installs) wins over Electron's per-user folder.
  dataDir = process.env.ATTEST_HOME ? userDataDir() : app.getPath('userData')
  configureDiagnostics({ dir: dataDir })
  const named =
    pendingFile ?? projectFromArgv(process.argv, { packaged: app.isPackaged, cwd: process.cwd() })
  await useProject(named ?? defaultProjectPath(dataDir))

  ipcMain.handle(IPC_CHANNEL, async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame, event.sender)) {
      return fail('forbidden', 'This window may not use the project.')
    }
    if (typeof name !== 'string' || !core) return fail('invalid_input', 'Malformed request.')
    // Save dialogs, printing and links are the shell's; the page names what, the user decides.
    if (isShellRequest(name)) {
      // A briefing takes seconds to print: the taskbar/dock icon shows the app is busy.
      const progress = taskbarProgress(name)
      const window = mainWindow
      if (progress !== null) window?.setProgressBar(progress)
      try {
        return await handleShellRequest(core, window, name, input)
      } finally {
        if (progress !== null && !window?.isDestroyed()) window?.setProgressBar(-1)
      }
    }
    if (LOCAL_ONLY_REQUESTS.has(name)) return fail('forbidden', LOCAL_ONLY_MESSAGE)
    return core.invoke(name, input)
  })

  // An .attest file dropped on the window opens it (the preload sends its path).
  ipcMain.on(OPEN_PROJECT_CHANNEL, (event, value: unknown) => {
    const dropped = droppedProjectPath(value)
    if (isTrustedSender(event.senderFrame, event.sender) && dropped) void openProject(dropped)
  })

  createWindow()
}

/** Opens `file` as the project (in use by another Attest: the window offers the choices). */
async function useProject(file: string): Promise<void> {
  core = await openServedCore(
    { projectPath: file, deviceId: readSettings(dataDir).deviceId, create: true },
    openWorkerCore
  )
  projectFile = file
  rememberProject(file, dataDir)
  buildMenu(addRecentProject(dataDir, file), (recent) => void openProject(recent))
}

/**
 * Switches the running app to another project (Open Recent, a second launch, a double-click
 * on macOS): the current one is closed first, so its journal is folded into its file.
 */
async function openProject(file: string): Promise<void> {
  if (file !== projectFile) {
    const previous = core
    core = null
    const previousFile = projectFile
    await previous?.close()
    try {
      await useProject(file)
    } catch (error) {
      dialog.showErrorBox(
        'Attest could not open the project',
        `${file}\n\n${error instanceof Error ? error.message : String(error)}`
      )
      await useProject(previousFile)
    }
    mainWindow?.webContents.reload()
  }
  if (mainWindow?.isMinimized()) mainWindow.restore()
  mainWindow?.focus()
}

app.setName('Attest')
app.setAboutPanelOptions(
  aboutPanelOptions({ appVersion: app.getVersion(), versions: process.versions })
)
app.enableSandbox()
app.on('web-contents-created', (_event, contents) => guardContents(contents))

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  // A second launch (a double-clicked .attest on Windows and Linux) opens its file here.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const file = projectFromArgv(argv, { packaged: app.isPackaged, cwd: workingDirectory })
    if (file && core) void openProject(file)
    else {
      if (mainWindow?.isMinimized()) mainWindow.restore()
      mainWindow?.focus()
    }
  })
  app.on('open-file', (event, file) => {
    event.preventDefault()
    if (core) void openProject(file)
    else pendingFile = file
  })
  app.whenReady().then(start, (error: unknown) => {
    console.error(error)
    app.quit()
  })
  app.on('window-all-closed', () => app.quit())
  let closing = false
  app.on('will-quit', (event) => {
    if (closing || !core) return
    // Fold the journal into the project file before leaving, so it alone holds everything.
    event.preventDefault()
    closing = true
    void core.close().finally(() => app.quit())
  })
}
