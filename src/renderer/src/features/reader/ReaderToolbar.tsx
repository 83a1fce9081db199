import type { Ref } from 'react'
import { FindBox, type Find } from './FindBox'
import { BackIcon, ClaimPlusIcon, PencilIcon, QuoteIcon } from './icons'

type Props = {
  backLabel: string
  onBack: () => void
  find: Find
  findRef: Ref<HTMLInputElement>
  cleanView: boolean
  onToggleClean: () => void
  editing: boolean
  canEdit: boolean
  onEdit: () => void
  /** A passage is selected: it can become a claim or a citation. */
  hasSelection: boolean
  newClaimTitle: string
  citeTitle: string
  onNewClaim: () => void
  onCite: () => void
}

// Pressing these buttons must not clear the selection they act on.
const keepSelection = (event: { preventDefault: () => void }) => event.preventDefault()

export function ReaderToolbar(props: Props) {
  const { editing, hasSelection } = props
  return (
    <header className="toolbar reader-toolbar">
      <button
        type="button"
        className="button button-quiet reader-back"
        onClick={props.onBack}
        title={`Back to ${props.backLabel}`}
      >
        <BackIcon />
        {props.backLabel}
      </button>
      <FindBox find={props.find} inputRef={props.findRef} />
      <div className="toolbar-spacer" />
      <button
        type="button"
        role="switch"
        aria-checked={props.cleanView}
        className="switch"
        onClick={props.onToggleClean}
        title="Set aside image file names, captions, counters and other page clutter"
        disabled={editing}
      >
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        Clean view
      </button>
      <button
        type="button"
        className="button button-quiet"
        onClick={props.onEdit}
        disabled={!props.canEdit || editing}
        title="Correct the source's text; citations are found again when you save"
      >
        <PencilIcon />
        Edit text
      </button>
      <button
        type="button"
        className="button"
        disabled={!hasSelection || editing}
        title={props.citeTitle}
        onMouseDown={keepSelection}
        onClick={props.onCite}
      >
        <QuoteIcon />
        Cite for claim…
      </button>
      <button
        type="button"
        className="button button-primary"
        disabled={!hasSelection || editing}
        title={props.newClaimTitle}
        onMouseDown={keepSelection}
        onClick={props.onNewClaim}
      >
        <ClaimPlusIcon />
        New claim from selection
      </button>
    </header>
  )
}
