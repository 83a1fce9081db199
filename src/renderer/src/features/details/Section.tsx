import { useId } from 'react'
import type { ReactNode } from 'react'

type SectionProps = {
  title: string
  count?: number
  action?: ReactNode
  children: ReactNode
}

/** A titled part of the detail panel; its heading names the region for assistive tech. */
export function Section({ title, count, action, children }: SectionProps) {
  const headingId = useId()
  return (
    <section className="detail-section" aria-labelledby={headingId}>
      <header className="detail-section-header">
        <h3 id={headingId} className="detail-section-title">
          {title}
        </h3>
        {count ? <span className="detail-section-count">{count}</span> : null}
        <span className="detail-section-spacer" />
        {action}
      </header>
      {children}
    </section>
  )
}
