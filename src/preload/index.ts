import { contextBridge, ipcRenderer, webUtils } from 'electron'
import {
  COMMAND_CHANNEL,
  IPC_CHANNEL,
  MENU_COMMANDS,
  OPEN_PROJECT_CHANNEL,
  type AttestBridge,
  type MenuCommand
} from '../shared/bridge'
import type { Result } from '../shared/result'

const bridge: AttestBridge = {
  invoke: (name, input) => ipcRenderer.invoke(IPC_CHANNEL, name, input) as Promise<Result<unknown>>,
  platform: 'electron',
  onCommand: (listener) => {
    const handler = (_event: Electron.IpcRendererEvent, command: unknown): void => {
      if (MENU_COMMANDS.includes(command as MenuCommand)) listener(command as MenuCommand)
    }
    ipcRenderer.on(COMMAND_CHANNEL, handler)
    return () => ipcRenderer.off(COMMAND_CHANNEL, handler)
  },
  openDroppedProject: (file) => {
    const where = webUtils.getPathForFile(file)
    if (!where.toLowerCase().endsWith('.attest')) return false
    ipcRenderer.send(OPEN_PROJECT_CHANNEL, where)
    return true
  }
}

contextBridge.exposeInMainWorld('attest', bridge)
