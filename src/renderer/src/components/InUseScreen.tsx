import { useState } from 'react'
import type { ProjectHolder } from '../../../shared/types'
import { errorMessage } from '../api'

type Mode = 'retry' | 'take-over' | 'read-only'

function sinceText(since: string | null): string {
  if (!since) return ''
  const date = new Date(since)
  if (Number.isNaN(date.getTime())) return ''
  return `, since ${date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}`
}

/**
 * The project is open in another Attest process: who has it, and what this window can do —
 * wait and try again, open it for reading only, or (a holder on another computer, which may
 * have crashed) take it over.
 */
export function InUseScreen({
  holder,
  onReopen
}: {
  holder: ProjectHolder
  onReopen: (mode: Mode) => Promise<void>
}) {
  const [busy, setBusy] = useState<Mode | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const run = (mode: Mode) => {
    setBusy(mode)
    setFailure(null)
    onReopen(mode).catch((error: unknown) => {
      setFailure(errorMessage(error))
      setBusy(null)
    })
  }
  const where = holder.otherHost ? `on the computer “${holder.host}”` : 'on this computer'
  return (
    <div className="splash">
      <div
        className="splash-card in-use"
        role="alertdialog"
        aria-labelledby="in-use-title"
        aria-describedby="in-use-body"
      >
        <h1 id="in-use-title">This project is in use</h1>
        <div id="in-use-body">
          <p>
            Attest {where} has it open (process {holder.pid}
            {sinceText(holder.since)}). Only one Attest can save to a project at a time.
          </p>
          {holder.otherHost ? (
            <p>
              If Attest is no longer running on {holder.host} — it crashed, or that computer was
              switched off — you can take the project over. If it is still running there, its
              changes from now on will not be saved.
            </p>
          ) : (
            <p>
              Close the project in that window first, then try again; or open it here for reading
              only.
            </p>
          )}
          {failure ? (
            <p className="in-use-error" role="alert">
              {failure}
            </p>
          ) : null}
        </div>
        <div className="in-use-actions">
          {holder.otherHost ? (
            <button
              type="button"
              className="button button-danger"
              disabled={busy !== null}
              onClick={() => run('take-over')}
            >
              Take over from {holder.host}
            </button>
          ) : null}
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => run('read-only')}
          >
            Open read-only
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy !== null}
            onClick={() => run('retry')}
          >
            Try again
          </button>
        </div>
      </div>
    </div>
  )
}
