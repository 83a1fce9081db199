import { describe, expect, it } from 'vitest'
import { describeChange, groupHistory } from '../../src/renderer/src/features/details/historyText'
import type { HistoryEntry, Tag } from '../../src/shared/types'

const CLAIM = 'c1'
const tag: Tag = {
  id: 't1',
  parentId: 'p',
  name: 'Trade',
  path: 'Economy / Trade',
  colour: null,
  description: null,
  claimCount: 1,
  sourceCount: 0
}
const tags = new Map([[tag.id, tag]])

let seq = 100
function entry(change: Partial<HistoryEntry>): HistoryEntry {
  return {
    seq: seq--,
    operation: 'Edit claim',
    kind: 'edit',
    recordKind: 'claim',
    recordId: CLAIM,
    field: 'status',
    oldValue: null,
    newValue: null,
    at: '2025-09-21T08:00:00.000Z',
    deviceId: 'laptop',
    ...change
  }
}

describe('history text', () => {
  it('says each change in words', () => {
    const said = (change: Partial<HistoryEntry>) => describeChange(entry(change), CLAIM, tags)
    expect(said({ field: 'status', oldValue: 'unverified', newValue: 'contested' })).toBe(
      'Status: unverified → contested'
    )
    expect(said({ field: 'credibility', oldValue: null, newValue: 2 })).toMatch(
      /^Credibility: empty → 2 \(\w[\w ]*\)$/
    )
    expect(said({ field: 'text', oldValue: 'a'.repeat(80), newValue: 'Short' })).toBe(
      `Text: “${'a'.repeat(39)}…” → “Short”`
    )
    expect(said({ field: '*', oldValue: null, newValue: { text: 'x' } })).toBe('Created')
    expect(said({ field: '*', oldValue: { text: 'x' }, newValue: null })).toBe('Deleted for good')
    expect(said({ field: 'deletedAt', oldValue: null, newValue: '2025-01-01' })).toBe(
      'Moved to the Trash'
    )
    expect(said({ field: 'deletedAt', oldValue: '2025-01-01', newValue: null })).toBe(
      'Restored from the Trash'
    )
    expect(said({ field: 'content', oldValue: 'a', newValue: 'b' })).toBe('Text changed')
  })

  it('names tags by path, and says when the tag is gone', () => {
    const tagged = entry({ recordKind: 'claimTag', field: '*', newValue: { tagId: 't1' } })
    expect(describeChange(tagged, CLAIM, tags)).toBe('Tagged “Economy / Trade”')
    const untagged = entry({ recordKind: 'claimTag', field: '*', oldValue: { tagId: 'gone' } })
    expect(describeChange(untagged, CLAIM, tags)).toBe('Untagged with a tag since deleted')
  })

  it('reads a relation from the side of the record shown', () => {
    const relation = entry({
      recordKind: 'relation',
      field: '*',
      newValue: { kind: 'contradicts', fromClaimId: CLAIM, toClaimId: 'c2' },
      otherClaimText: 'Exports fell in 2024'
    })
    expect(describeChange(relation, CLAIM, tags)).toBe(
      'Relation added: contradicts → “Exports fell in 2024”'
    )
    expect(describeChange(relation, 'c2', tags)).toBe(
      'Relation added: ← contradicted by “Exports fell in 2024”'
    )
  })

  it('groups one operation’s changes, oldest first inside, newest operation first', () => {
    const later = { operation: 'Bulk edit', at: '2025-09-21T09:00:00.000Z' }
    const groups = groupHistory(
      [
        entry({ ...later, field: 'confidence', oldValue: 10, newValue: 80 }),
        entry({ ...later, field: 'status', oldValue: 'unverified', newValue: 'refuted' }),
        entry({ field: '*', newValue: { text: 'x' } })
      ],
      CLAIM,
      tags
    )
    expect(groups.map((group) => [group.operation, group.lines])).toEqual([
      ['Bulk edit', ['Status: unverified → refuted', 'Confidence: 10 → 80']],
      ['Edit claim', ['Created']]
    ])
  })

  it('keeps two operations of the same name apart when their times differ', () => {
    const groups = groupHistory(
      [
        entry({ at: '2025-09-21T09:00:00.000Z', oldValue: 'contested', newValue: 'refuted' }),
        entry({ at: '2025-09-21T08:00:00.000Z', oldValue: 'unverified', newValue: 'contested' })
      ],
      CLAIM,
      tags
    )
    expect(groups).toHaveLength(2)
  })
})
