import { useEffect, useState } from 'react'
import type { SimilarClaim } from '../../../../shared/factTypes'
import { call } from '../../api'

/** Claims sharing figures or names with `text`, asked for once typing pauses. */
export function SimilarClaims({
  text,
  lang,
  onOpen
}: {
  text: string
  /** The language the claim is written in (extraction rules); English when absent. */
  lang?: string
  onOpen: (claimId: string) => void
}) {
  const [claims, setClaims] = useState<SimilarClaim[]>([])
  useEffect(() => {
    let live = true
    const trimmed = text.trim()
    if (trimmed.length < 3) return
    const timer = window.setTimeout(() => {
      call('claims.similar', {
        text: trimmed,
        ...(lang && /^[a-z]{2,3}$/.test(lang) ? { lang } : {})
      }).then(
        (result) => live && setClaims(result.claims),
        () => live && setClaims([])
      )
    }, 300)
    return () => {
      live = false
      window.clearTimeout(timer)
    }
  }, [text, lang])
  // A text too short to compare shows nothing, whatever the last answer was.
  if (claims.length === 0 || text.trim().length < 3) return null
  return (
    <section className="similar-claims" aria-label="Similar claims exist">
      <p className="similar-claims-title">Similar claims exist</p>
      <ul>
        {claims.map((claim) => (
          <li key={claim.id}>
            <button type="button" className="similar-claim" onClick={() => onOpen(claim.id)}>
              <span className="similar-claim-text">{claim.text}</span>
              <span className="similar-claim-shared">Shares {claim.shared.join(', ')}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
