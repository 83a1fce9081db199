import type { ReactNode } from 'react'
import type { ProjectInfo, Stats } from '../../../shared/types'
import type { ThemePreference } from '../hooks/useTheme'
import {
  CalendarIcon,
  ClaimsIcon,
  CompareIcon,
  DisagreeIcon,
  LogoMark,
  MonitorIcon,
  MoonIcon,
  SourcesIcon,
  SunIcon,
  TagIcon,
  TrashIcon
} from './Icons'
import { BookIcon } from '../features/reader/icons'

export type ViewId =
  'claims' | 'sources' | 'tags' | 'timeline' | 'disagreements' | 'compare' | 'trash' | 'reader'

type SidebarProps = {
  project: ProjectInfo
  stats: Stats | null
  view: ViewId
  onView: (view: ViewId) => void
  theme: ThemePreference
  onTheme: (theme: ThemePreference) => void
  /** The source open in the reader, if any: it gets its own entry. */
  reading?: { title: string } | null
}

const VIEWS: {
  id: ViewId
  label: string
  icon: ReactNode
  count: (stats: Stats) => number | null
}[] = [
  { id: 'claims', label: 'Claims', icon: <ClaimsIcon />, count: (stats) => stats.claims },
  { id: 'sources', label: 'Sources', icon: <SourcesIcon />, count: (stats) => stats.sources },
  { id: 'tags', label: 'Tags', icon: <TagIcon />, count: (stats) => stats.tags ?? 0 },
  { id: 'timeline', label: 'Timeline', icon: <CalendarIcon />, count: () => null },
  { id: 'disagreements', label: 'Disagreements', icon: <DisagreeIcon />, count: () => null },
  { id: 'compare', label: 'Compare', icon: <CompareIcon />, count: () => null },
  {
    id: 'trash',
    label: 'Trash',
    icon: <TrashIcon />,
    count: (stats) => (stats.trashedClaims ?? 0) + (stats.trashedSources ?? 0)
  }
]

const THEMES: { id: ThemePreference; label: string; icon: ReactNode }[] = [
  { id: 'system', label: 'Match system', icon: <MonitorIcon /> },
  { id: 'light', label: 'Light', icon: <SunIcon /> },
  { id: 'dark', label: 'Dark', icon: <MoonIcon /> }
]

export function Sidebar({ project, stats, view, onView, theme, onTheme, reading }: SidebarProps) {
  return (
    <aside className="sidebar">
      <div className="sidebar-brand">
        <LogoMark />
        <span>Attest</span>
      </div>
      <div className="sidebar-project" title={project.path}>
        <span className="sidebar-caption">Project</span>
        <span className="sidebar-project-name">{project.name}</span>
      </div>
      <nav className="sidebar-nav" aria-label="Views">
        {VIEWS.map((item) => (
          <button
            key={item.id}
            type="button"
            className="nav-item"
            aria-current={view === item.id ? 'page' : undefined}
            onClick={() => onView(item.id)}
          >
            {item.icon}
            <span className="nav-label">{item.label}</span>
            <span className="nav-count">
              {stats ? (item.count(stats)?.toLocaleString() ?? '') : ''}
            </span>
          </button>
        ))}
        {reading ? (
          <button
            type="button"
            className="nav-item nav-item-reader"
            aria-current={view === 'reader' ? 'page' : undefined}
            aria-label={`Reader: ${reading.title}`}
            title={reading.title}
            onClick={() => onView('reader')}
          >
            <BookIcon />
            <span className="nav-label nav-reader-label">
              <span>Reader</span>
              <span className="nav-sublabel">{reading.title}</span>
            </span>
          </button>
        ) : null}
      </nav>
      <div className="sidebar-footer">
        <div className="segmented" role="radiogroup" aria-label="Appearance">
          {THEMES.map((option) => (
            <button
              key={option.id}
              type="button"
              role="radio"
              aria-checked={theme === option.id}
              aria-label={option.label}
              title={option.label}
              className="segmented-option"
              onClick={() => onTheme(option.id)}
            >
              {option.icon}
            </button>
          ))}
        </div>
      </div>
    </aside>
  )
}
