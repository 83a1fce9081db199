import { RedoIcon, UndoIcon } from '../../components/Icons'
import { useWorkspace } from '../../workspace'

const isMac = /Mac|iPhone|iPad/.test(navigator.platform)
const MOD = isMac ? '⌘' : 'Ctrl+'

/** Undo and Redo, named after what they would undo or redo ("Undo Delete 3 claims"). */
export function UndoRedo() {
  const { history, undo, redo } = useWorkspace()
  return (
    <div className="button-group" role="group" aria-label="History">
      <button
        type="button"
        className="button button-quiet button-icon"
        aria-label="Undo"
        title={history.canUndo ? `Undo ${history.undoLabel ?? ''} (${MOD}Z)` : 'Nothing to undo'}
        disabled={!history.canUndo}
        onClick={() => void undo()}
      >
        <UndoIcon />
      </button>
      <button
        type="button"
        className="button button-quiet button-icon"
        aria-label="Redo"
        title={
          history.canRedo
            ? `Redo ${history.redoLabel ?? ''} (${isMac ? '⇧⌘Z' : 'Ctrl+Shift+Z'})`
            : 'Nothing to redo'
        }
        disabled={!history.canRedo}
        onClick={() => void redo()}
      >
        <RedoIcon />
      </button>
    </div>
  )
}
