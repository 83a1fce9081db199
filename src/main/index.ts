import { readFile } from 'node:fs/promises'
import path from 'node:path'
import {
  app,
  BrowserWindow,
  ipcMain,
  nativeTheme,
  protocol,
  session,
  type WebContents
} from 'electron'
import { IPC_CHANNEL } from '../shared/bridge'
import { isShellRequest } from '../shared/contractExports'
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

let core: Core | null = null
let mainWindow: BrowserWindow | null = null

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

function projectFromArgs(): string | null {
  const args = process.argv.slice(app.isPackaged ? 1 : 2).filter((arg) => !arg.startsWith('-'))
  const file = args.find((arg) => arg.endsWith('.attest'))
  return file ? path.resolve(file) : null
}

/** Only our own top-level page may call in; sub-frames and other pages are refused. */
function isTrustedSender(frame: Electron.WebFrameMain | null, contents: WebContents): boolean {
  return (
    mainWindow !== null &&
    contents === mainWindow.webContents &&
    frame !== null &&
    frame === contents.mainFrame
  )
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
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Attest',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#18191b' : '#f7f7f5',
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: !app.isPackaged,
      spellcheck: true
    }
  })
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  mainWindow.on('closed', () => {
    mainWindow = null
  })
  void mainWindow.loadURL(entry.url)
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
  const dataDir = process.env.ATTEST_HOME ? userDataDir() : app.getPath('userData')
  configureDiagnostics({ dir: dataDir })
  const file = projectFromArgs() ?? defaultProjectPath(dataDir)
  // In use by another Attest: the window opens all the same and offers the choices.
  core = await openServedCore(
    { projectPath: file, deviceId: readSettings(dataDir).deviceId, create: true },
    openWorkerCore
  )
  rememberProject(file, dataDir)

  ipcMain.handle(IPC_CHANNEL, async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame, event.sender)) {
      return fail('forbidden', 'This window may not use the project.')
    }
    if (typeof name !== 'string' || !core) return fail('invalid_input', 'Malformed request.')
    // Save dialogs, printing and links are the shell's; the page names what, the user decides.
    if (isShellRequest(name)) return handleShellRequest(core, mainWindow, name, input)
    return core.invoke(name, input)
  })

  buildMenu()
  createWindow()
}

app.setName('Attest')
app.enableSandbox()
app.on('web-contents-created', (_event, contents) => guardContents(contents))

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
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
