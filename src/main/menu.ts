import { BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron'
import { COMMAND_CHANNEL, type MenuCommand } from '../shared/bridge'

function send(command: MenuCommand): void {
  BrowserWindow.getFocusedWindow()?.webContents.send(COMMAND_CHANNEL, command)
}

/**
 * The application menu. Undo and Redo are sent to the page, which undoes typing in a text
 * field or, elsewhere, the last change to the project.
 */
export function buildMenu(): void {
  const isMac = process.platform === 'darwin'
  const item = (label: string, accelerator: string, command: MenuCommand) => ({
    label,
    accelerator,
    click: () => send(command)
  })
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        item('Import Documents…', 'CmdOrCtrl+I', 'import'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    {
      label: 'Edit',
      submenu: [
        item('Undo', 'CmdOrCtrl+Z', 'undo'),
        item('Redo', isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y', 'redo'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        item('Find', 'CmdOrCtrl+F', 'find')
      ]
    },
    { role: 'viewMenu' },
    { role: 'windowMenu' }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
