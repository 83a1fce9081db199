import { useEffect, useState } from 'react'
import type { Citation } from '../../../../shared/documentTypes'
import { call } from '../../api'
import { useToasts } from '../../components/Toasts'
import { countLabel } from '../../lib/format'
import { Section } from '../details/Section'
import { BookIcon } from './icons'
import { requestOpenSource } from './readerNavigation'

type Props = { sourceId: string; reloadKey: string | number }

/** In a source's detail panel: the way into the reader, and what has been cited from it. */
export function SourceReadingSection({ sourceId, reloadKey }: Props) {
  const toasts = useToasts()
  const [citations, setCitations] = useState<Citation[] | null>(null)

  useEffect(() => {
    let live = true
    call('citations.list', { sourceId }).then(
      (list) => {
        if (live) setCitations(list)
      },
      (error: unknown) => {
        if (live) toasts.error(error)
      }
    )
    return () => {
      live = false
    }
  }, [sourceId, reloadKey, toasts])

  const orphaned = citations?.filter((c) => c.anchorStatus === 'orphaned').length ?? 0
  const claims = new Set(citations?.map((c) => c.claimId)).size

  return (
    <Section title="Text">
      <div className="source-reading">
        <button
          type="button"
          className="button"
          onClick={() => requestOpenSource(sourceId)}
          title="Read the source, highlight passages and make claims of them"
        >
          <BookIcon />
          Read
        </button>
        {citations ? (
          <span className="source-reading-summary">
            {citations.length === 0
              ? 'Nothing cited yet'
              : `${countLabel(citations.length, 'passage', 'passages')} cited for ${countLabel(claims, 'claim', 'claims')}`}
            {orphaned > 0 ? (
              <span className="source-reading-orphans">
                {' · '}
                {countLabel(orphaned, 'citation', 'citations')} not found in the text
              </span>
            ) : null}
          </span>
        ) : null}
      </div>
    </Section>
  )
}
