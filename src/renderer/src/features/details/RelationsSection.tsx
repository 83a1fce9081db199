import { useId, useMemo, useState } from 'react'
import {
  RELATION_KINDS,
  STATUS_LABELS,
  type ClaimStatus,
  type RelationKind
} from '../../../../shared/domain'
import type { Claim, Relation } from '../../../../shared/types'
import { call } from '../../api'
import { CloseIcon, PlusIcon } from '../../components/Icons'
import { useToasts } from '../../components/Toasts'
import { Pill } from '../../grid/cells'
import { useDebouncedValue } from '../../hooks/useDebouncedValue'
import { useRemote } from '../../hooks/useRemote'
import { RELATION_CHOICES, RELATION_PHRASES } from './relationText'
import { Section } from './Section'

type RelationsSectionProps = {
  claimId: string
  reloadKey: string
  onChanged: () => void
  /** Shows another claim in the panel. */
  onOpenClaim: (id: string) => void
}

type Group = { key: string; heading: string; relations: Relation[] }

function groupRelations(relations: readonly Relation[]): Group[] {
  const groups: Group[] = []
  for (const kind of RELATION_KINDS) {
    for (const direction of ['out', 'in'] as const) {
      const members = relations.filter((r) => r.kind === kind && r.direction === direction)
      if (!members.length) continue
      const phrase = RELATION_PHRASES[kind]
      groups.push({
        key: `${kind}-${direction}`,
        heading: direction === 'out' ? `${capital(phrase.out)} →` : `← ${capital(phrase.in)}`,
        relations: members
      })
    }
  }
  return groups
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

const isStatus = (status: string): status is ClaimStatus => status in STATUS_LABELS

/** How this claim stands to others, by kind and direction; add by finding a claim, remove. */
export function RelationsSection({
  claimId,
  reloadKey,
  onChanged,
  onOpenClaim
}: RelationsSectionProps) {
  const toasts = useToasts()
  const [adding, setAdding] = useState(false)
  const { data: relations } = useRemote(
    `${claimId}:${reloadKey}`,
    () => call('relations.list', { claimId }),
    toasts.error
  )
  const groups = useMemo(() => groupRelations(relations ?? []), [relations])

  const remove = (relation: Relation) => {
    call('relations.delete', { id: relation.id }).then(() => {
      toasts.info('Relation removed')
      onChanged()
    }, toasts.error)
  }

  return (
    <Section
      title="Relations"
      count={relations?.length}
      action={
        adding ? null : (
          <button
            type="button"
            className="button button-small button-quiet"
            onClick={() => setAdding(true)}
          >
            <PlusIcon />
            Add relation
          </button>
        )
      }
    >
      {groups.map((group) => (
        <div key={group.key} className="relation-group">
          <h4 className="relation-heading">{group.heading}</h4>
          <ul className="relation-list">
            {group.relations.map((relation) => (
              <li key={relation.id} className="relation">
                <button
                  type="button"
                  className="relation-claim"
                  title="Show this claim"
                  onClick={() => onOpenClaim(relation.other.id)}
                >
                  <span className="relation-text">{relation.other.text}</span>
                  <span className="relation-meta">
                    {isStatus(relation.other.status) ? (
                      <Pill
                        tone={relation.other.status}
                        label={STATUS_LABELS[relation.other.status]}
                      />
                    ) : null}
                    {relation.other.deleted ? (
                      <span className="cell-muted">In the Trash</span>
                    ) : null}
                  </span>
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove relation: ${group.heading} ${relation.other.text}`}
                  title="Remove relation"
                  onClick={() => remove(relation)}
                >
                  <CloseIcon />
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {relations && !relations.length && !adding ? (
        <p className="detail-empty">No related claims yet.</p>
      ) : null}
      {adding ? (
        <AddRelation
          claimId={claimId}
          onDone={() => setAdding(false)}
          onAdded={() => {
            setAdding(false)
            onChanged()
          }}
        />
      ) : null}
    </Section>
  )
}

type AddRelationProps = { claimId: string; onDone: () => void; onAdded: () => void }

function AddRelation({ claimId, onDone, onAdded }: AddRelationProps) {
  const toasts = useToasts()
  const findId = useId()
  const [kind, setKind] = useState<RelationKind>('corroborates')
  const [typed, setTyped] = useState('')
  const query = useDebouncedValue(typed.trim(), 200)
  const { data: found, loadedKey } = useRemote(
    query ? `find:${query}` : null,
    () => call('claims.list', { limit: 8, filter: { query } }),
    toasts.error
  )
  const results = (query && loadedKey === `find:${query}` ? (found?.rows ?? []) : []).filter(
    (claim: Claim) => claim.id !== claimId
  )

  const relate = (other: Claim) => {
    call('relations.create', { fromClaimId: claimId, toClaimId: other.id, kind }).then(() => {
      toasts.info(`Related: ${RELATION_PHRASES[kind].out} “${other.text.slice(0, 48)}”`)
      onAdded()
    }, toasts.error)
  }

  return (
    <div className="relation-add">
      <div className="relation-add-row">
        <span className="relation-add-lead">This claim</span>
        <select
          className="detail-input detail-select"
          aria-label="Relation"
          value={kind}
          onChange={(event) => setKind(event.target.value as RelationKind)}
        >
          {RELATION_KINDS.map((choice) => (
            <option key={choice} value={choice}>
              {RELATION_CHOICES[choice].toLowerCase()}
            </option>
          ))}
        </select>
      </div>
      <input
        id={findId}
        type="search"
        className="detail-input"
        aria-label="Find a claim"
        placeholder="Find a claim by its words…"
        autoFocus
        value={typed}
        spellCheck={false}
        onChange={(event) => setTyped(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault()
            event.stopPropagation()
            onDone()
          }
        }}
      />
      {query ? (
        <ul className="relation-results" aria-label="Matching claims">
          {results.map((claim) => (
            <li key={claim.id}>
              <button type="button" className="relation-result" onClick={() => relate(claim)}>
                <span className="relation-text">{claim.text}</span>
              </button>
            </li>
          ))}
          {loadedKey === `find:${query}` && !results.length ? (
            <li className="detail-empty">No other claim matches.</li>
          ) : null}
        </ul>
      ) : null}
      <div className="note-actions">
        <button type="button" className="button button-small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </div>
  )
}
