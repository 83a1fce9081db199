import { useState } from 'react'
import type { KeyedPair, PairSource } from '../../../../shared/pairTypes'
import { call } from '../../api'
import { Dialog } from '../../components/Dialog'
import { useToasts } from '../../components/Toasts'
import { useWorkspace } from '../../workspace'

type Props = {
  pair: KeyedPair
  sources: ReadonlyMap<string, PairSource>
  onClose: () => void
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()

/** Two claims with their citations and a relation, from one pair: one step to undo. */
export function MakeClaimsDialog({ pair, sources, onClose }: Props) {
  const workspace = useWorkspace()
  const toasts = useToasts()
  const [aText, setAText] = useState(oneLine(pair.a.sentence))
  const [bText, setBText] = useState(oneLine(pair.b.sentence))
  const [relation, setRelation] = useState<'contradicts' | 'corroborates'>(
    pair.outcome === 'consistent' ? 'corroborates' : 'contradicts'
  )
  const [quote, setQuote] = useState<'sentence' | 'figure'>('sentence')
  const [busy, setBusy] = useState(false)
  const titleOf = (id: string) => sources.get(id)?.title ?? 'the source'

  const submit = async () => {
    setBusy(true)
    try {
      await call('pairs.makeClaims', { key: pair.key, relation, aText, bText, quote })
      toasts.info(
        `Made two claims that ${relation === 'contradicts' ? 'contradict' : 'corroborate'} each other`
      )
      workspace.changed({ records: true })
      onClose()
    } catch (error) {
      toasts.error(error)
      setBusy(false)
    }
  }

  return (
    <Dialog
      title="Make claims of this pair"
      description={pair.reason}
      onClose={onClose}
      width={620}
    >
      <form
        className="make-claims"
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        {[
          { side: pair.a, value: aText, set: setAText, name: 'First claim' },
          { side: pair.b, value: bText, set: setBText, name: 'Second claim' }
        ].map(({ side, value, set, name }) => (
          <label key={name} className="make-claims-field">
            <span className="field-label">
              {name} <span className="field-optional">cites {titleOf(side.sourceId)}</span>
            </span>
            <textarea
              className="field-input field-textarea"
              value={value}
              rows={3}
              required
              onChange={(event) => set(event.target.value)}
            />
          </label>
        ))}
        <fieldset className="fieldset make-claims-options">
          <legend className="field-label">The claims</legend>
          <label className="pairs-toggle">
            <input
              type="radio"
              className="checkbox"
              name="relation"
              checked={relation === 'contradicts'}
              onChange={() => setRelation('contradicts')}
            />
            contradict each other
          </label>
          <label className="pairs-toggle">
            <input
              type="radio"
              className="checkbox"
              name="relation"
              checked={relation === 'corroborates'}
              onChange={() => setRelation('corroborates')}
            />
            corroborate each other
          </label>
        </fieldset>
        <fieldset className="fieldset make-claims-options">
          <legend className="field-label">Each citation quotes</legend>
          <label className="pairs-toggle">
            <input
              type="radio"
              className="checkbox"
              name="quote"
              checked={quote === 'sentence'}
              onChange={() => setQuote('sentence')}
            />
            the sentence
          </label>
          <label className="pairs-toggle">
            <input
              type="radio"
              className="checkbox"
              name="quote"
              checked={quote === 'figure'}
              onChange={() => setQuote('figure')}
            />
            only the figure
          </label>
        </fieldset>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || !aText.trim() || !bText.trim()}
          >
            Make claims
          </button>
        </div>
      </form>
    </Dialog>
  )
}
