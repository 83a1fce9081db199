import type { RequestInput } from '../../../../shared/contract'
import type { BriefingOptionsInput } from '../../../../shared/contractExports'
import type { ShellOutputs } from '../../../../shared/exportTypes'
import { ERROR_CODES, type ErrorCode } from '../../../../shared/result'
import { ApiError, readToken } from '../../api'

/**
 * Delivering finished files. In the app the shell asks the user where to save (the page never
 * names a path); in browser mode the file comes over HTTP with the access token and is saved
 * through the browser's own download.
 */

export const isDesktop = (): boolean => window.attest !== undefined

type ShellInput = {
  'shell.saveExport': { jobId: string }
  'shell.saveBriefingPdf': BriefingOptionsInput
  'shell.saveBriefingDocx': BriefingOptionsInput
  'shell.openLink': { url: string }
}

async function shell<K extends keyof ShellOutputs>(
  name: K,
  input: ShellInput[K]
): Promise<ShellOutputs[K]> {
  const bridge = window.attest
  if (!bridge) throw new ApiError('internal', 'Saving files needs the desktop app.')
  const result = await bridge.invoke(name, input)
  if (!result.ok) throw new ApiError(result.error.code, result.error.message)
  return result.value as ShellOutputs[K]
}

export const saveExportInApp = (jobId: string) => shell('shell.saveExport', { jobId })
export const saveBriefingInApp = (options: BriefingOptionsInput) =>
  shell('shell.saveBriefingPdf', options)

function authHeaders(): Record<string, string> {
  return { Authorization: `Bearer ${readToken() ?? ''}` }
}

/** The core's error sentence from a failed file request. */
async function failure(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } }
    const code = ERROR_CODES.find((known) => known === body.error?.code) ?? 'internal'
    if (body.error?.message) return new ApiError(code satisfies ErrorCode, body.error.message)
  } catch {
    // Not JSON: fall through to a generic sentence.
  }
  return new ApiError('io', `Attest answered ${response.status}; the file was not saved.`)
}

/** Hands a blob to the browser's download manager under `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started by now; give slow machines a moment before letting go.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000)
}

export async function downloadExport(jobId: string, fileName: string): Promise<void> {
  let response: Response
  try {
    response = await fetch(`/api/export.download?job=${encodeURIComponent(jobId)}`, {
      headers: authHeaders()
    })
  } catch {
    throw new ApiError('io', 'Attest is not reachable. Is it still running?')
  }
  if (!response.ok) throw await failure(response)
  saveBlob(await response.blob(), fileName)
}

export async function downloadBriefingPdf(
  options: BriefingOptionsInput,
  fileName: string
): Promise<{ pages: number }> {
  let response: Response
  try {
    response = await fetch('/api/briefing.pdf', {
      method: 'POST',
      headers: { ...authHeaders(), 'Content-Type': 'application/json' },
      body: JSON.stringify(options)
    })
  } catch {
    throw new ApiError('io', 'Attest is not reachable. Is it still running?')
  }
  if (!response.ok || response.headers.get('content-type') !== 'application/pdf') {
    throw await failure(response)
  }
  saveBlob(await response.blob(), fileName)
  return { pages: Number(response.headers.get('x-attest-pages') ?? 0) }
}

export const saveBriefingDocxInApp = (options: BriefingOptionsInput) =>
  shell('shell.saveBriefingDocx', options)

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/**
 * Browser mode: the host writes the Word briefing, with pictures of its charts and timeline
 * drawn by its browser, and the page downloads it.
 */
export async function downloadBriefingDocx(
  options: BriefingOptionsInput
): Promise<{ fileName: string }> {
  let response: Response
  try {
    response = await fetch('/api/briefing.word', {
      method: 'POST',
      headers: { ...authHeaders(), 'Content-Type': 'application/json' },
      body: JSON.stringify(options)
    })
  } catch {
    throw new ApiError('io', 'Attest is not reachable. Is it still running?')
  }
  if (!response.ok || response.headers.get('content-type') !== DOCX_TYPE) {
    throw await failure(response)
  }
  const disposition = response.headers.get('content-disposition') ?? ''
  const named = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1]
  const fileName = named ? decodeURIComponent(named) : 'Briefing.docx'
  saveBlob(await response.blob(), fileName)
  return { fileName }
}

export type ExportStartInput = RequestInput<'export.start'>
