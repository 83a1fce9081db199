/** "1 claim", "1,204 claims". */
export function countLabel(count: number, one: string, many: string): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`
}

/** A grid's row count as it stands: exact, or "at least" while the core counts the rest. */
export type GridTotal = { count: number; atLeast: boolean }

/** "1 claim", "12,400 claims", or "200+ claims, counting…" while the count is on its way. */
export function totalLabel(total: GridTotal, one: string, many: string): string {
  return total.atLeast
    ? `${total.count.toLocaleString()}+ ${many}, counting…`
    : countLabel(total.count, one, many)
}

const MINUTE = 60_000
const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })
const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' })
const dayMonthYear = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric'
})
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime()
}

/** "Just now", "12 min ago", "Today, 14:05", "Yesterday, 09:12", "3 Mar", "3 Mar 2024". */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const elapsed = now.getTime() - date.getTime()
  if (elapsed >= 0 && elapsed < 45_000) return 'Just now'
  if (elapsed >= 0 && elapsed < 60 * MINUTE)
    return `${Math.max(1, Math.round(elapsed / MINUTE))} min ago`
  const days = Math.round((startOfDay(now) - startOfDay(date)) / (24 * 60 * MINUTE))
  if (days === 0) return `Today, ${time.format(date)}`
  if (days === 1) return `Yesterday, ${time.format(date)}`
  if (date.getFullYear() === now.getFullYear()) return dayMonth.format(date)
  return dayMonthYear.format(date)
}

export function formatTimestamp(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : full.format(date)
}

/** formatRelative inside a sentence: "created just now", "edited today, 14:05". */
export function formatRelativeInline(iso: string, now: Date = new Date()): string {
  return formatRelative(iso, now).replace(/^(Just now|Today|Yesterday)/, (word) =>
    word.toLowerCase()
  )
}
