import type { CoreContext } from './context'

/**
 * Per-project view settings (grid columns, widths, order). Journaled like every write, but
 * not part of the undo history: they describe the view, not the analysis.
 */
export function getSetting(ctx: CoreContext, key: string): { value: string | null } {
  return ctx.store.read((db) => ({
    value: db.pluck<string>(`SELECT value FROM settings WHERE key = ?`, [key]) ?? null
  }))
}

export function setSetting(ctx: CoreContext, key: string, value: string): { value: string } {
  ctx.store.write((db) =>
    db.run(
      `INSERT INTO settings (key, value) VALUES (?, ?)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [key, value]
    )
  )
  return { value }
}
