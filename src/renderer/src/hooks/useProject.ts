import { useCallback, useEffect, useState } from 'react'
import type { ProjectHolder, ProjectInfo, Stats } from '../../../shared/types'
import { ApiError, call } from '../api'
import { useToasts } from '../components/Toasts'

type ProjectState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  /** Another Attest process has it open: the window names it and offers the choices. */
  | { status: 'in-use'; holder: ProjectHolder }
  | { status: 'ready'; info: ProjectInfo }

/** The open project and its record counts; `refreshStats` after anything changes them. */
export function useProject() {
  const [state, setState] = useState<ProjectState>({ status: 'loading' })
  const [stats, setStats] = useState<Stats | null>(null)
  const [attempt, setAttempt] = useState(0)
  const toasts = useToasts()

  useEffect(() => {
    let current = true
    Promise.all([call('project.info', {}), call('stats', {})]).then(
      ([info, counts]) => {
        if (!current) return
        setState({ status: 'ready', info })
        setStats(counts)
      },
      (error: unknown) => {
        if (!current) return
        if (!(error instanceof ApiError && error.code === 'in_use')) {
          setState({ status: 'failed', error })
          return
        }
        call('project.holder', {}).then(
          (holder) => {
            if (current)
              setState(holder ? { status: 'in-use', holder } : { status: 'failed', error })
          },
          () => {
            if (current) setState({ status: 'failed', error })
          }
        )
      }
    )
    return () => {
      current = false
    }
  }, [attempt])

  const refreshStats = useCallback(() => {
    call('stats', {}).then(setStats, toasts.error)
  }, [toasts])

  const retry = useCallback(() => {
    setState({ status: 'loading' })
    setAttempt((count) => count + 1)
  }, [])

  /** Opens the project again from the "in use" screen: taking it over, or for reading only. */
  const reopen = useCallback(
    async (mode: 'retry' | 'take-over' | 'read-only') => {
      try {
        await call('project.reopen', { mode })
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 'in_use')) throw error
      }
      retry()
    },
    [retry]
  )

  return { state, stats, refreshStats, retry, reopen }
}
