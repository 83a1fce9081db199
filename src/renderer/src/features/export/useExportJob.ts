import { useCallback, useEffect, useRef, useState } from 'react'
import type { ExportKind } from '../../../../shared/contractExports'
import { call, errorMessage } from '../../api'
import { downloadExport, isDesktop, saveExportInApp, type ExportStartInput } from './transport'

/**
 * One CSV export at a time: start it, follow its progress, cancel it, and hand the finished
 * file over (the app's save dialog, or the browser's download). A job still running when the
 * dialog closes is cancelled; nothing is left behind.
 */
export type JobState =
  | { phase: 'idle' }
  | { phase: 'running'; jobId: string; what: ExportKind; rows: number; total: number }
  | { phase: 'saving'; jobId: string; what: ExportKind; rows: number }
  /** Finished, but the save dialog was dismissed: the file waits for another try. */
  | { phase: 'ready'; jobId: string; what: ExportKind; rows: number; fileName: string }
  | { phase: 'done'; what: ExportKind; rows: number; fileName: string; path: string | null }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string }

const POLL_MS = 150

export function useExportJob() {
  const [state, setState] = useState<JobState>({ phase: 'idle' })
  const current = useRef<{ jobId: string } | null>(null)
  const mounted = useRef(true)

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
      const job = current.current
      // Closing the dialog stops a running export and frees an unsaved one.
      if (job) void call('export.release', { jobId: job.jobId }).catch(() => undefined)
    }
  }, [])

  const update = useCallback((next: JobState) => {
    if (mounted.current) setState(next)
  }, [])

  const deliver = useCallback(
    async (jobId: string, what: ExportKind, rows: number, fileName: string) => {
      update({ phase: 'saving', jobId, what, rows })
      if (isDesktop()) {
        const saved = await saveExportInApp(jobId)
        if (!saved.saved) {
          update({ phase: 'ready', jobId, what, rows, fileName })
          return
        }
        current.current = null
        update({ phase: 'done', what, rows, fileName, path: saved.path })
        return
      }
      await downloadExport(jobId, fileName)
      current.current = null
      update({ phase: 'done', what, rows, fileName, path: null })
    },
    [update]
  )

  const start = useCallback(
    async (input: ExportStartInput) => {
      try {
        const started = await call('export.start', input)
        current.current = { jobId: started.jobId }
        update({
          phase: 'running',
          jobId: started.jobId,
          what: input.what,
          rows: 0,
          total: started.total
        })
        for (;;) {
          await new Promise((resolve) => window.setTimeout(resolve, POLL_MS))
          if (!mounted.current || current.current?.jobId !== started.jobId) return
          const status = await call('export.status', { jobId: started.jobId })
          if (status.state === 'running') {
            update({
              phase: 'running',
              jobId: started.jobId,
              what: input.what,
              rows: status.rows,
              total: status.total
            })
            continue
          }
          if (status.state === 'cancelled') {
            current.current = null
            update({ phase: 'cancelled' })
            return
          }
          if (status.state === 'failed') {
            current.current = null
            update({ phase: 'failed', message: status.error ?? 'The export failed.' })
            return
          }
          await deliver(started.jobId, input.what, status.rows, status.fileName)
          return
        }
      } catch (error) {
        update({ phase: 'failed', message: errorMessage(error) })
      }
    },
    [deliver, update]
  )

  const retrySave = useCallback(async () => {
    if (state.phase !== 'ready') return
    try {
      await deliver(state.jobId, state.what, state.rows, state.fileName)
    } catch (error) {
      update({ phase: 'failed', message: errorMessage(error) })
    }
  }, [deliver, state, update])

  const cancel = useCallback(async () => {
    const job = current.current
    if (!job) return
    try {
      await call('export.cancel', { jobId: job.jobId })
    } catch (error) {
      update({ phase: 'failed', message: errorMessage(error) })
    }
  }, [update])

  return { state, start, cancel, retrySave }
}
