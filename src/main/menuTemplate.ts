import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../shared/bridge'

/**
 * The application menu as data, a pure function of the build and platform. Undo and Redo are
 * sent to the page, which undoes typing in a text field or, elsewhere, the last change to the
 * project. A packaged build has no developer tools and no reload in its View menu: a reload
 * would drop unsaved dialog state, and the tools would open the page to anyone at the keyboard.
 */
export function menuTemplate(
  options: {
    packaged: boolean
    platform: string
    /** Recent projects, newest first (src/main/shell.ts), for File ▸ Open Recent. */
    recent?: readonly string[]
    openRecent?: (file: string) => void
  },
  send: (command: MenuCommand) => void
): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin'
  const item = (label: string, accelerator: string, command: MenuCommand) => ({
    label,
    accelerator,
    click: () => send(command)
  })
  const zoom: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' }
  ]
  const developer: MenuItemConstructorOptions[] = options.packaged
    ? []
    : [
        { role: 'reload' },
        { role: 'forceReload' },
        { role: 'toggleDevTools' },
        { type: 'separator' }
      ]
  const recent = options.recent ?? []
  const openRecent: MenuItemConstructorOptions = {
    label: 'Open Recent',
    submenu:
      recent.length === 0
        ? [{ label: 'No recent projects', enabled: false }]
        : recent.map((file) => ({ label: file, click: () => options.openRecent?.(file) }))
  }
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        openRecent,
        { type: 'separator' },
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
    { label: 'View', submenu: [...developer, ...zoom] },
    { role: 'windowMenu' },
    // macOS has About in the app menu.
    ...(isMac
      ? []
      : [{ label: 'Help', submenu: [{ role: 'about' as const, label: 'About Attest' }] }])
  ]
}
