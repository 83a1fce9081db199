import type { ReactNode } from 'react'

/** The reader's own stroke icons (16px grid, currentColor), like components/Icons. */
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

export const ChevronUpIcon = () => (
  <Icon size={14}>
    <path d="M4 10l4-4 4 4" />
  </Icon>
)

export const ChevronDownIcon = () => (
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

export const LinkIcon = () => (
  <Icon>
    <path d="M7 9a2.5 2.5 0 0 0 3.5 0l2-2A2.5 2.5 0 0 0 9 3.5l-.75.75" />
    <path d="M9 7a2.5 2.5 0 0 0-3.5 0l-2 2A2.5 2.5 0 0 0 7 12.5l.75-.75" />
  </Icon>
)

export const PencilIcon = () => (
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
