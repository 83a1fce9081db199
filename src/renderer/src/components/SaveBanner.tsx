import { useEffect, useState } from 'react'
import type { ProjectHealth } from '../../../shared/types'
import { SAVING_PROBLEM_EVENT, call } from '../api'

const POLL_OK_MS = 5_000
const POLL_PROBLEM_MS = 1_500

/**
 * Says so, at the top of the window, while changes cannot reach the disk (a full disk, a
 * disk that refuses writes). It asks the store again every few seconds and goes away by
 * itself once the store reports saving is back to normal.
 */
export function SaveBanner() {
  const [health, setHealth] = useState<ProjectHealth | null>(null)

  useEffect(() => {
    let timer: number | undefined
    let current = true
    const poll = (): void => {
      call('project.health', {}).then(
        (next) => {
          if (!current) return
          setHealth(next)
          timer = window.setTimeout(poll, next.saving === 'ok' ? POLL_OK_MS : POLL_PROBLEM_MS)
        },
        () => {
          if (current) timer = window.setTimeout(poll, POLL_PROBLEM_MS)
        }
      )
    }
    const now = (): void => {
      window.clearTimeout(timer)
      poll()
    }
    poll()
    window.addEventListener(SAVING_PROBLEM_EVENT, now)
    return () => {
      current = false
      window.clearTimeout(timer)
      window.removeEventListener(SAVING_PROBLEM_EVENT, now)
    }
  }, [])

  if (!health || health.saving === 'ok' || !health.message) return null
  return (
    <div className="save-banner" role="alert">
      <strong>{health.saving === 'disk_full' ? 'Disk full' : 'Not saving'}</strong>
      <span>{health.message}</span>
    </div>
  )
}
