import { useMemo } from 'react'
import { call } from '../../api'
import { useToasts } from '../../components/Toasts'
import { useRemote } from '../../hooks/useRemote'
import { formatRelative, formatTimestamp } from '../../lib/format'
import { useWorkspace } from '../../workspace'
import { groupHistory } from './historyText'
import { Section } from './Section'

type HistorySectionProps = { recordId: string; reloadKey: string }

const LIMIT = 200

/** Every change to the record, its tags, notes and relations: who, when, old → new. */
export function HistorySection({ recordId, reloadKey }: HistorySectionProps) {
  const toasts = useToasts()
  const { info, tagsById } = useWorkspace()
  const { data: entries } = useRemote(
    `${recordId}:${reloadKey}`,
    () => call('history.list', { recordId, limit: LIMIT }),
    toasts.error
  )
  const groups = useMemo(
    () => groupHistory(entries ?? [], recordId, tagsById),
    [entries, recordId, tagsById]
  )

  return (
    <Section title="History">
      <ol className="history">
        {groups.map((group) => (
          <li key={group.key} className={`history-group history-${group.kind}`}>
            <div className="history-head">
              <span className="history-operation">{group.operation}</span>
              <span className="history-when">
                <time dateTime={group.at} title={formatTimestamp(group.at)}>
                  {formatRelative(group.at)}
                </time>
                {' · '}
                <span title={`Device ${group.deviceId}`}>
                  {group.deviceId === info.deviceId ? 'this device' : 'another device'}
                </span>
              </span>
            </div>
            <ul className="history-lines">
              {group.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {entries && entries.length >= LIMIT ? (
        <p className="detail-empty">Showing the latest {LIMIT} changes.</p>
      ) : null}
    </Section>
  )
}
