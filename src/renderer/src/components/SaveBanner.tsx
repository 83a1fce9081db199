import { useEffect, useState } from 'react'
import type { ProjectHealth, SalvageResult } from '../../../shared/types'
import { SAVING_PROBLEM_EVENT, call, errorMessage } from '../api'

const POLL_OK_MS = 5_000
const POLL_PROBLEM_MS = 1_500

type Salvage =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; result: SalvageResult }
  | { status: 'failed'; message: string }

function describeSalvage(result: SalvageResult): string {
  const claims = result.copied.claims ?? 0
  const sources = result.copied.sources ?? 0
  return `${claims.toLocaleString()} claims and ${sources.toLocaleString()} sources were copied to ${result.path}. Open that file to go on working.`
}

/**
 * Says so, at the top of the window, while changes cannot reach the disk (a full disk, a
 * disk that refuses writes) or the project is open read-only (a damaged file, with the offer
 * to export what can be read into a new project). It asks the store again every few seconds
 * and goes away by itself once saving is back to normal.
 */
export function SaveBanner() {
  const [health, setHealth] = useState<ProjectHealth | null>(null)
  const [salvage, setSalvage] = useState<Salvage>({ status: 'idle' })

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

  const exportReadable = (): void => {
    setSalvage({ status: 'running' })
    call('project.salvage', {}).then(
      (result) => setSalvage({ status: 'done', result }),
      (error: unknown) => setSalvage({ status: 'failed', message: errorMessage(error) })
    )
  }

  if (health?.readOnly) {
    return (
      <div className="save-banner" role="alert">
        <strong>Read-only</strong>
        <span>
          {salvage.status === 'done'
            ? describeSalvage(salvage.result)
            : salvage.status === 'failed'
              ? salvage.message
              : health.readOnly}
        </span>
        {health.damaged && salvage.status !== 'done' ? (
          <button
            type="button"
            className="button"
            disabled={salvage.status === 'running'}
            onClick={exportReadable}
          >
            {salvage.status === 'running' ? 'Exporting…' : 'Export what can be read…'}
          </button>
        ) : null}
      </div>
    )
  }
  if (!health || health.saving === 'ok' || !health.message) return null
  return (
    <div className="save-banner" role="alert">
      <strong>{health.saving === 'disk_full' ? 'Disk full' : 'Not saving'}</strong>
      <span>{health.message}</span>
    </div>
  )
}
