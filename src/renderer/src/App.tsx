import { useState } from 'react'
import { errorMessage } from './api'
import { InUseScreen } from './components/InUseScreen'
import { SaveBanner } from './components/SaveBanner'
import { Sidebar, type ViewId } from './components/Sidebar'
import { ClaimsView } from './features/claims/ClaimsView'
import { ImportHost } from './features/import/ImportHost'
import { ReaderNavigationContext, useReaderRoute } from './features/reader/readerNavigation'
import { ReaderView } from './features/reader/ReaderView'
import { SourcesView } from './features/sources/SourcesView'
import { TagsView } from './features/tags/TagsView'
import { TimelineView } from './features/timeline/TimelineView'
import { CompareView } from './features/compare/CompareView'
import { DisagreementsView } from './features/compare/DisagreementsView'
import { TrashView } from './features/trash/TrashView'
import { darkGridTheme, lightGridTheme } from './grid/agGrid'
import { useProject } from './hooks/useProject'
import { useTheme } from './hooks/useTheme'
import { readLastView, writeLastView } from './lib/lastView'
import { WorkspaceProvider } from './workspace'

export function App() {
  const { state, stats, refreshStats, retry, reopen } = useProject()
  const { preference, resolved, setPreference } = useTheme()
  const [view, setView] = useState<ViewId>(readLastView)
  // Views are mounted on first visit and then kept, so filters, selection and scroll stay.
  const [visited, setVisited] = useState<ReadonlySet<ViewId>>(() => new Set([view]))
  const gridTheme = resolved === 'dark' ? darkGridTheme : lightGridTheme

  const show = (next: ViewId) => {
    setView(next)
    writeLastView(next)
    setVisited((current) => (current.has(next) ? current : new Set([...current, next])))
  }
  const reader = useReaderRoute(view, show, {
    reader: 'reader',
    claims: 'claims',
    sources: 'sources'
  })

  if (state.status === 'loading') {
    return (
      <div className="splash" aria-busy="true">
        <p>Opening project…</p>
      </div>
    )
  }
  if (state.status === 'in-use') {
    return <InUseScreen holder={state.holder} onReopen={reopen} />
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
    <WorkspaceProvider info={info} stats={stats} refreshStats={refreshStats} onShow={show}>
      <ReaderNavigationContext.Provider value={reader.navigation}>
        <ImportHost onOpenSource={(id) => reader.navigation.openSource(id)}>
          <div className="app">
            <Sidebar
              project={info}
              stats={stats}
              view={view}
              onView={show}
              theme={preference}
              onTheme={setPreference}
              reading={reader.target ? { title: reader.title ?? 'Opening…' } : null}
            />
            <main className="main">
              <SaveBanner />
              <ClaimsView theme={gridTheme} active={view === 'claims'} />
              {visited.has('sources') ? (
                <SourcesView theme={gridTheme} active={view === 'sources'} />
              ) : null}
              {visited.has('tags') ? <TagsView active={view === 'tags'} /> : null}
              {visited.has('timeline') ? <TimelineView active={view === 'timeline'} /> : null}
              {visited.has('disagreements') ? (
                <DisagreementsView active={view === 'disagreements'} />
              ) : null}
              {visited.has('compare') ? <CompareView active={view === 'compare'} /> : null}
              {visited.has('trash') ? (
                <TrashView theme={gridTheme} active={view === 'trash'} />
              ) : null}
              {reader.target ? (
                <ReaderView
                  key={reader.target.sourceId}
                  sourceId={reader.target.sourceId}
                  focusCitationId={reader.target.citationId}
                  focusNonce={reader.target.nonce}
                  active={view === 'reader'}
                  backLabel={reader.returnTo === 'claims' ? 'Claims' : 'Sources'}
                  onBack={reader.back}
                  onOpenClaim={reader.navigation.openClaim}
                  onTitle={reader.setTitle}
                />
              ) : null}
            </main>
          </div>
        </ImportHost>
      </ReaderNavigationContext.Provider>
    </WorkspaceProvider>
  )
}
