import path from 'node:path'
import {
  app,
  BrowserWindow,
  ipcMain,
  nativeTheme,
  session,
  shell,
  type WebContents
} from 'electron'
import { IPC_CHANNEL } from '../shared/bridge'
import { isShellRequest } from '../shared/contractExports'
import { fail } from '../shared/result'
import { openWorkerCore, type Core } from '../server/core'
import { CONTENT_SECURITY_POLICY } from '../server/http'
import { defaultProjectPath, readSettings, rememberProject, userDataDir } from '../server/userData'
import { handleShellRequest } from './exportShell'
import { buildMenu } from './menu'

let core: Core | null = null
let mainWindow: BrowserWindow | null = null

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
      spellcheck: true
    }
  })
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  mainWindow.on('closed', () => {
    mainWindow = null
  })

  const contents = mainWindow.webContents
  contents.setWindowOpenHandler(({ url }) => {
    // Links in sources open in the user's browser, never inside the app.
    if (/^https?:\/\//i.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())

  if (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) {
    void mainWindow.loadURL(process.env.ELECTRON_RENDERER_URL)
  } else {
    void mainWindow.loadFile(path.join(__dirname, '../renderer/index.html'))
  }
}

async function start(): Promise<void> {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
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
    const allowed =
      /^(file|devtools|data|blob):/i.test(details.url) ||
      (!!process.env.ELECTRON_RENDERER_URL &&
        details.url.startsWith(process.env.ELECTRON_RENDERER_URL))
    callback({ cancel: !allowed })
  })

  // ATTEST_HOME (tests, portable installs) wins over Electron's per-user folder.
  const dataDir = process.env.ATTEST_HOME ? userDataDir() : app.getPath('userData')
  const file = projectFromArgs() ?? defaultProjectPath(dataDir)
  core = await openWorkerCore({
    projectPath: file,
    deviceId: readSettings(dataDir).deviceId,
    create: true
  })
  rememberProject(file, dataDir)

  ipcMain.handle(IPC_CHANNEL, async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame, event.sender)) {
      return fail('forbidden', 'This window may not use the project.')
    }
    if (typeof name !== 'string' || !core) return fail('invalid_input', 'Malformed request.')
    // Save dialogs and printing are the shell's; the page names what, the user picks where.
    if (isShellRequest(name)) return handleShellRequest(core, mainWindow, name, input)
    return core.invoke(name, input)
  })

  buildMenu()
  createWindow()
}

app.setName('Attest')
app.enableSandbox()

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
