import { app, BrowserWindow, Menu } from 'electron'
import { COMMAND_CHANNEL, type MenuCommand } from '../shared/bridge'
import { menuTemplate } from './menuTemplate'

function send(command: MenuCommand): void {
  BrowserWindow.getFocusedWindow()?.webContents.send(COMMAND_CHANNEL, command)
}

/** Installs the application menu (see menuTemplate for what a packaged build leaves out). */
export function buildMenu(recent: readonly string[], openRecent: (file: string) => void): void {
  const template = menuTemplate(
    { packaged: app.isPackaged, platform: process.platform, recent, openRecent },
    send
  )
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
