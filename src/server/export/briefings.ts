import { randomUUID } from 'node:crypto'
import type { ParsedInput } from '../../shared/contract'
import type { StoredBriefing } from '../../shared/briefingTypes'
import { AttestError } from '../../shared/result'
import type { FieldValues } from '../records/history'
import { mutate, requireFound, type CoreContext } from '../records/context'
import type { SqliteDb } from '../store/sqlite'

/** Briefings kept in the project: one row each, JSON for the judgements, scope and switches. */

type BriefingRow = Omit<StoredBriefing, 'judgements' | 'scope' | 'include'> & {
  judgements: string
  scope: string
  include: string
}

const SELECT = `SELECT id, title, author, audience, classification, briefing_date AS date,
  bottom_line AS bottomLine, judgements, scope, group_by AS groupBy, include,
  created_at AS createdAt, updated_at AS updatedAt FROM briefings`

const INCLUDE_ALL = {
  statusAndCredibility: true,
  citations: true,
  notes: true,
  relations: true,
  sourceReliability: true,
  figureConflicts: true
}

function toBriefing(row: BriefingRow): StoredBriefing {
  return {
    ...row,
    judgements: JSON.parse(row.judgements) as StoredBriefing['judgements'],
    scope: JSON.parse(row.scope) as StoredBriefing['scope'],
    include: { ...INCLUDE_ALL, ...(JSON.parse(row.include) as Partial<StoredBriefing['include']>) }
  }
}

/** Field values as the table stores them: JSON columns as text, so changes compare as text. */
function toFields(values: Partial<ParsedInput<'briefings.create'>>): FieldValues {
  const fields: FieldValues = {}
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue
    fields[key] = typeof value === 'string' ? value : JSON.stringify(value)
  }
  return fields
}

function readBriefing(db: SqliteDb, id: string): StoredBriefing {
  return toBriefing(
    requireFound(db.get<BriefingRow>(`${SELECT} WHERE id = ?`, [id]), 'That briefing')
  )
}

export function listBriefings(ctx: CoreContext): StoredBriefing[] {
  return ctx.store.read((db) =>
    db.all<BriefingRow>(`${SELECT} ORDER BY title COLLATE NOCASE, seq`).map(toBriefing)
  )
}

export function getBriefing(ctx: CoreContext, id: string): StoredBriefing {
  return ctx.store.read((db) => readBriefing(db, id))
}

/** The one briefing called `name` (any case), for the CLI's --briefing. */
export function findBriefing(briefings: readonly StoredBriefing[], name: string): StoredBriefing {
  const wanted = name.trim().toLocaleLowerCase()
  const matches = briefings.filter(
    (briefing) => briefing.title.toLocaleLowerCase() === wanted || briefing.id === name.trim()
  )
  if (matches.length === 1 && matches[0]) return matches[0]
  if (matches.length > 1) {
    throw new AttestError(
      'invalid_input',
      `${matches.length} briefings are called "${name.trim()}"; rename one, or give its id`
    )
  }
  const known = briefings.map((briefing) => `"${briefing.title}"`).join(', ')
  throw new AttestError(
    'not_found',
    `There is no briefing called "${name.trim()}"${known ? `; the project has ${known}` : '; the project has none yet'}`
  )
}

export function createBriefing(
  ctx: CoreContext,
  input: ParsedInput<'briefings.create'>
): StoredBriefing {
  const id = randomUUID()
  mutate(ctx, `Create briefing “${input.title}”`, (op) =>
    op.create('briefing', id, toFields(input))
  )
  return getBriefing(ctx, id)
}

export function updateBriefing(
  ctx: CoreContext,
  input: ParsedInput<'briefings.update'>
): StoredBriefing {
  const current = getBriefing(ctx, input.id)
  mutate(ctx, `Edit briefing “${input.changes.title ?? current.title}”`, (op) =>
    op.update('briefing', input.id, toFields(input.changes))
  )
  return getBriefing(ctx, input.id)
}

export function deleteBriefing(ctx: CoreContext, id: string): { deleted: number } {
  const current = getBriefing(ctx, id)
  mutate(ctx, `Delete briefing “${current.title}”`, (op) => op.remove('briefing', id))
  return { deleted: 1 }
}
