import type { Result } from './result'

/** What the preload exposes to the page as `window.attest`: one typed door, nothing else. */
export type AttestBridge = {
  invoke(name: string, input: unknown): Promise<Result<unknown>>
  /** Native-only actions (file dialogs, printing) the page may ask the shell for. */
  platform: 'electron'
}

export const IPC_CHANNEL = 'attest:invoke'
