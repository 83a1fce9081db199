import { useCallback, useEffect, useState } from 'react'
import type { ProjectInfo, Stats } from '../../../shared/types'
import { call } from '../api'
import { useToasts } from '../components/Toasts'

type ProjectState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
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
        if (current) setState({ status: 'failed', error })
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

  return { state, stats, refreshStats, retry }
}
