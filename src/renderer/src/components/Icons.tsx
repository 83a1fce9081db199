import type { ReactNode } from 'react'

/** Small stroke icons (16px, currentColor), drawn inline so the app needs no icon files. */
function Icon({ children, size = 16 }: { children: ReactNode; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  )
}

export const ClaimsIcon = () => (
  <Icon>
    <path d="M3 3.5h10M3 6.5h10M3 9.5h6" />
    <path d="M11 10.5l1.25 1.25L14.5 9.5" />
  </Icon>
)

export const SourcesIcon = () => (
  <Icon>
    <path d="M3.5 2.5h6l3 3v8h-9z" />
    <path d="M9.5 2.5v3h3M5.5 8.5h5M5.5 11h3.5" />
  </Icon>
)

export const PlusIcon = () => (
  <Icon>
    <path d="M8 3v10M3 8h10" />
  </Icon>
)

export const TrashIcon = () => (
  <Icon>
    <path d="M2.5 4.5h11M6.5 4.5V3a.5.5 0 0 1 .5-.5h2a.5.5 0 0 1 .5.5v1.5" />
    <path d="M4 4.5l.6 8.1a1 1 0 0 0 1 .9h4.8a1 1 0 0 0 1-.9l.6-8.1" />
  </Icon>
)

export const SearchIcon = () => (
  <Icon>
    <circle cx="7" cy="7" r="4.25" />
    <path d="M10.25 10.25L13.5 13.5" />
  </Icon>
)

export const CloseIcon = () => (
  <Icon size={14}>
    <path d="M4 4l8 8M12 4l-8 8" />
  </Icon>
)

export const SunIcon = () => (
  <Icon size={14}>
    <circle cx="8" cy="8" r="2.75" />
    <path d="M8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1.05 1.05M11.55 11.55l1.05 1.05M3.4 12.6l1.05-1.05M11.55 4.45l1.05-1.05" />
  </Icon>
)

export const MoonIcon = () => (
  <Icon size={14}>
    <path d="M13 9.5A5.5 5.5 0 0 1 6.5 3a5.5 5.5 0 1 0 6.5 6.5z" />
  </Icon>
)

export const MonitorIcon = () => (
  <Icon size={14}>
    <rect x="2" y="2.75" width="12" height="8.5" rx="1.25" />
    <path d="M6 13.5h4M8 11.25v2.25" />
  </Icon>
)

export const LogoMark = () => (
  <svg width="22" height="22" viewBox="0 0 22 22" aria-hidden="true" focusable="false">
    <rect width="22" height="22" rx="6" fill="var(--accent)" />
    <path
      d="M6.5 11.5l3 3 6-7"
      fill="none"
      stroke="var(--accent-contrast)"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
)

export const CalendarIcon = () => (
  <Icon size={14}>
    <rect x="2.5" y="3.5" width="11" height="10" rx="1.5" />
    <path d="M2.5 6.5h11M5.5 2v3M10.5 2v3" />
  </Icon>
)

export const ChevronDownIcon = () => (
  <Icon size={12}>
    <path d="M4.5 6.5L8 10l3.5-3.5" />
  </Icon>
)

export const ChevronRightIcon = () => (
  <Icon size={12}>
    <path d="M6.5 4.5L10 8l-3.5 3.5" />
  </Icon>
)

export const UndoIcon = () => (
  <Icon>
    <path d="M5.5 3.5L2.5 6.5l3 3" />
    <path d="M2.5 6.5h7a4 4 0 0 1 0 8H7" />
  </Icon>
)

export const RedoIcon = () => (
  <Icon>
    <path d="M10.5 3.5l3 3-3 3" />
    <path d="M13.5 6.5h-7a4 4 0 0 0 0 8H9" />
  </Icon>
)

export const TagIcon = () => (
  <Icon>
    <path d="M2.5 3.5v4l6 6a1 1 0 0 0 1.4 0l3.6-3.6a1 1 0 0 0 0-1.4l-6-6h-4a1 1 0 0 0-1 1z" />
    <circle cx="5.5" cy="5.5" r="1" />
  </Icon>
)

export const UntagIcon = () => (
  <Icon>
    <path d="M2.5 3.5v4l6 6a1 1 0 0 0 1.4 0l3.6-3.6a1 1 0 0 0 0-1.4l-6-6h-4a1 1 0 0 0-1 1z" />
    <path d="M5 8.5l3.5-3.5" />
  </Icon>
)

export const ColumnsIcon = () => (
  <Icon>
    <rect x="2.5" y="3" width="11" height="10" rx="1.5" />
    <path d="M6.25 3v10M9.75 3v10" />
  </Icon>
)

export const PanelRightIcon = () => (
  <Icon>
    <rect x="2.5" y="3" width="11" height="10" rx="1.5" />
    <path d="M9.5 3v10" />
  </Icon>
)

export const FilterIcon = () => (
  <Icon size={14}>
    <path d="M2.5 3.5h11l-4.25 5v4l-2.5 1v-5z" />
  </Icon>
)

export const RestoreIcon = () => (
  <Icon>
    <path d="M3 8a5 5 0 1 0 1.5-3.55" />
    <path d="M2.75 2.75v2.5h2.5" />
  </Icon>
)

export const CheckIcon = () => (
  <Icon size={14}>
    <path d="M3.5 8.5l3 3 6-7" />
  </Icon>
)

export const MoreIcon = () => (
  <Icon>
    <circle cx="3.5" cy="8" r="0.6" />
    <circle cx="8" cy="8" r="0.6" />
    <circle cx="12.5" cy="8" r="0.6" />
  </Icon>
)

export const PencilIcon = () => (
  <Icon size={14}>
    <path d="M10.5 2.75l2.75 2.75-7.5 7.5H3v-2.75z" />
  </Icon>
)

export const StatusIcon = () => (
  <Icon>
    <circle cx="8" cy="8" r="5.25" />
    <path d="M8 2.75a5.25 5.25 0 0 1 0 10.5z" fill="currentColor" />
  </Icon>
)

export const GradeIcon = () => (
  <Icon>
    <rect x="2.5" y="2.5" width="11" height="11" rx="2.5" />
    <path d="M6 10.5l2-5 2 5M6.75 8.75h2.5" />
  </Icon>
)

export const LinkIcon = () => (
  <Icon size={14}>
    <path d="M6.75 9.25a2.5 2.5 0 0 0 3.5 0l2-2a2.5 2.5 0 0 0-3.5-3.5l-.75.75" />
    <path d="M9.25 6.75a2.5 2.5 0 0 0-3.5 0l-2 2a2.5 2.5 0 0 0 3.5 3.5l.75-.75" />
  </Icon>
)

// Reader and import icons.

export const ChevronUpIcon = () => (
  <Icon size={14}>
    <path d="M4 10l4-4 4 4" />
  </Icon>
)

export const FindNextIcon = () => (
  <Icon size={14}>
    <path d="M4 6l4 4 4-4" />
  </Icon>
)

export const BackIcon = () => (
  <Icon>
    <path d="M9.5 3.5L5 8l4.5 4.5" />
  </Icon>
)

export const QuoteIcon = () => (
  <Icon>
    <path d="M3 9.5c0-3 1.2-4.6 3.5-5.5M3 9.5h3v3H3zM9 9.5c0-3 1.2-4.6 3.5-5.5M9 9.5h3v3H9z" />
  </Icon>
)

export const UrlIcon = () => (
  <Icon>
    <path d="M7 9a2.5 2.5 0 0 0 3.5 0l2-2A2.5 2.5 0 0 0 9 3.5l-.75.75" />
    <path d="M9 7a2.5 2.5 0 0 0-3.5 0l-2 2A2.5 2.5 0 0 0 7 12.5l.75-.75" />
  </Icon>
)

export const EditTextIcon = () => (
  <Icon>
    <path d="M10.5 3l2.5 2.5L6 12.5H3.5V10z" />
  </Icon>
)

export const ClaimPlusIcon = () => (
  <Icon>
    <path d="M3 4h7M3 7h7M3 10h4" />
    <path d="M12 9v5M9.5 11.5h5" />
  </Icon>
)

export const ArrowOutIcon = () => (
  <Icon size={14}>
    <path d="M6 3.5h6.5V10M12.5 3.5L4 12" />
  </Icon>
)

export const ImportIcon = () => (
  <Icon>
    <path d="M8 2.5v7.5M5 7l3 3 3-3" />
    <path d="M3 10.5v2a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1v-2" />
  </Icon>
)

/** Export: an arrow leaving the tray (Import's arrow goes into it). */
export const ExportIcon = () => (
  <Icon>
    <path d="M8 10V2.5M5 5.5l3-3 3 3" />
    <path d="M3 10.5v2a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1v-2" />
  </Icon>
)

export const BookIcon = () => (
  <Icon>
    <path d="M2.5 3.5c2-.7 3.8-.5 5.5.8v9c-1.7-1.3-3.5-1.5-5.5-.8z" />
    <path d="M13.5 3.5c-2-.7-3.8-.5-5.5.8v9c1.7-1.3 3.5-1.5 5.5-.8z" />
  </Icon>
)

export const WarningIcon = () => (
  <Icon>
    <path d="M8 2.5l6 10.5H2z" />
    <path d="M8 6.5v3M8 11.25v.01" />
  </Icon>
)

export const FileIcon = () => (
  <Icon>
    <path d="M4 2.5h5l3 3v8H4z" />
    <path d="M9 2.5v3h3" />
  </Icon>
)

/** Two columns side by side. */
export const CompareIcon = () => (
  <Icon size={14}>
    <rect x="2" y="2.5" width="5" height="11" rx="1" />
    <rect x="9" y="2.5" width="5" height="11" rx="1" />
  </Icon>
)

/** "Not equal". */
export const DisagreeIcon = () => (
  <Icon size={14}>
    <path d="M3 6h10M3 10h10M10.5 3l-5 10" />
  </Icon>
)
