import type { ReactNode } from 'react'

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      width={14}
      height={14}
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

/** Two columns side by side. */
export const CompareIcon = () => (
  <Icon>
    <rect x="2" y="2.5" width="5" height="11" rx="1" />
    <rect x="9" y="2.5" width="5" height="11" rx="1" />
  </Icon>
)

/** "Not equal". */
export const DisagreeIcon = () => (
  <Icon>
    <path d="M3 6h10M3 10h10M10.5 3l-5 10" />
  </Icon>
)
