import { contextBridge, ipcRenderer } from 'electron'
import { IPC_CHANNEL, type AttestBridge } from '../shared/bridge'
import type { Result } from '../shared/result'

const bridge: AttestBridge = {
  invoke: (name, input) => ipcRenderer.invoke(IPC_CHANNEL, name, input) as Promise<Result<unknown>>,
  platform: 'electron'
}

contextBridge.exposeInMainWorld('attest', bridge)
