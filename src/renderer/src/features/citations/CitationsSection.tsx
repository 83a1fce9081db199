import { useState } from 'react'
import { Section } from '../details/Section'
import { CitationList } from './CitationList'

type Props = {
  claimId: string
  reloadKey: string | number
  onChanged: () => void
}

/** The claim's citations, as a section of the detail panel. */
export function CitationsSection({ claimId, reloadKey, onChanged }: Props) {
  const [count, setCount] = useState<number | undefined>(undefined)
  return (
    <Section title="Citations" count={count}>
      <CitationList
        claimId={claimId}
        reloadKey={reloadKey}
        onChanged={onChanged}
        onCount={setCount}
      />
    </Section>
  )
}
