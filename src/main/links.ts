import { dialog, shell, type BrowserWindow } from 'electron'
import { fail, type Result } from '../shared/result'
import { confirmExternalDialog, externalLinkDecision } from './hardening'

/**
 * Opens a link outside the app only after the user has seen its full address and said yes;
 * only http, https and mailto links are ever handed to the operating system.
 */
export async function openLinkAfterAsking(
  owner: BrowserWindow | null,
  url: unknown
): Promise<Result<{ opened: boolean }>> {
  const link = externalLinkDecision(url)
  if (!link.ok) return fail('invalid_input', link.reason)
  const question = confirmExternalDialog(link)
  const answer = owner
    ? await dialog.showMessageBox(owner, question)
    : await dialog.showMessageBox(question)
  if (answer.response !== 1) return { ok: true, value: { opened: false } }
  await shell.openExternal(link.url)
  return { ok: true, value: { opened: true } }
}
