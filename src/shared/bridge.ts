import type { Result } from './result'

/** What the preload exposes to the page as `window.attest`: one typed door, nothing else. */
export type AttestBridge = {
  invoke(name: string, input: unknown): Promise<Result<unknown>>
  /** Native-only actions (file dialogs, printing) the page may ask the shell for. */
  platform: 'electron'
  /** Menu commands the page carries out (undo/redo decide between text and project). */
  onCommand(listener: (command: MenuCommand) => void): () => void
  /**
   * A dropped .attest file: the shell opens it as the project (src/main/shell.ts checks the
   * path). False when the file is not a project, so the page handles the drop as usual.
   */
  openDroppedProject?(file: File): boolean
}

export const OPEN_PROJECT_CHANNEL = 'attest:open-project'

export const MENU_COMMANDS = ['undo', 'redo', 'import', 'find'] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

export const IPC_CHANNEL = 'attest:invoke'
export const COMMAND_CHANNEL = 'attest:command'
