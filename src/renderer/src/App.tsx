import { useState } from 'react'
import { errorMessage } from './api'
import { Sidebar, type ViewId } from './components/Sidebar'
import { ClaimsView } from './features/claims/ClaimsView'
import { SourcesView } from './features/sources/SourcesView'
import { darkGridTheme, lightGridTheme } from './grid/agGrid'
import { useProject } from './hooks/useProject'
import { useTheme } from './hooks/useTheme'

export function App() {
  const { state, stats, refreshStats, retry } = useProject()
  const { preference, resolved, setPreference } = useTheme()
  const [view, setView] = useState<ViewId>('claims')
  const gridTheme = resolved === 'dark' ? darkGridTheme : lightGridTheme

  if (state.status === 'loading') {
    return (
      <div className="splash" aria-busy="true">
        <p>Opening project…</p>
      </div>
    )
  }
  if (state.status === 'failed') {
    return (
      <div className="splash">
        <div className="splash-card" role="alert">
          <h1>The project could not be opened</h1>
          <p>{errorMessage(state.error)}</p>
          <button type="button" className="button button-primary" onClick={retry}>
            Try again
          </button>
        </div>
      </div>
    )
  }

  const { info } = state
  return (
    <div className="app">
      <Sidebar
        project={info}
        stats={stats}
        view={view}
        onView={setView}
        theme={preference}
        onTheme={setPreference}
      />
      <main className="main">
        {view === 'claims' ? (
          <ClaimsView projectPath={info.path} theme={gridTheme} onChanged={refreshStats} />
        ) : (
          <SourcesView projectPath={info.path} theme={gridTheme} onChanged={refreshStats} />
        )}
      </main>
    </div>
  )
}
