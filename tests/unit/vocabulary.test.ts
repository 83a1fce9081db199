import { describe, expect, it } from 'vitest'
import {
  ANCHOR_STATUSES,
  CITATION_STANCES,
  CLAIM_STATUSES,
  RELATION_KINDS,
  RELIABILITY_GRADES,
  SOURCE_KINDS,
  isOneOf
} from '../../src/shared/domain'
import { LATEST_VERSION } from '../../src/server/store/migrations'
import { ProjectStore } from '../../src/server/store/projectStore'
import { SqliteDb, loadSqlJs } from '../../src/server/store/sqlite'

/** Every `column … CHECK (… column IN (…))` of the schema a new project gets, by table.column. */
async function checkLists(): Promise<Map<string, string[]>> {
  const SQL = await loadSqlJs()
  const db = new SqliteDb(new SQL.Database(), ['PRAGMA foreign_keys = ON'])
  ProjectStore.migrate(db, ':memory:', LATEST_VERSION)
  const lists = new Map<string, string[]>()
  for (const { name, sql } of db.all<{ name: string; sql: string }>(
    `SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL`
  )) {
    for (const match of sql.matchAll(
      /CHECK\s*\((?:\s*(\w+) IS NULL OR)?\s*(\w+) IN \(([^)]*)\)/g
    )) {
      const values = (match[3] ?? '').split(',').map((v) => v.trim().replace(/^'(.*)'$/, '$1'))
      lists.set(`${name}.${match[2]}`, values)
    }
  }
  db.close()
  return lists
}

/** The constants the code checks with, against the columns whose CHECK must say the same. */
const VOCABULARIES: Record<string, readonly string[]> = {
  'claims.status': CLAIM_STATUSES,
  'sources.kind': SOURCE_KINDS,
  'sources.reliability': RELIABILITY_GRADES,
  'relations.kind': RELATION_KINDS,
  'citations.stance': CITATION_STANCES,
  'citations.anchor_status': ANCHOR_STATUSES
}

describe('one vocabulary', () => {
  it('every CHECK (… IN …) list in the schema equals its constant in src/shared/domain', async () => {
    const lists = await checkLists()
    for (const [column, values] of Object.entries(VOCABULARIES)) {
      expect(lists.get(column), column).toEqual([...values])
    }
  })

  it('a new CHECK list in a migration is either a domain vocabulary or declared internal', async () => {
    const internal = new Set([
      'operations.kind',
      'operations.undone',
      'operations.redoable',
      'notes.target_kind',
      'briefings.group_by',
      'facts.owner_kind'
    ])
    const lists = await checkLists()
    expect([...internal].filter((column) => !lists.has(column))).toEqual([])
    const unknown = [...lists.keys()].filter(
      (column) => !(column in VOCABULARIES) && !internal.has(column)
    )
    expect(unknown).toEqual([])
  })

  it('isOneOf accepts exactly the listed values', () => {
    expect(isOneOf(CITATION_STANCES, 'mentions')).toBe(true)
    expect(isOneOf(CITATION_STANCES, 'Mentions')).toBe(false)
    expect(isOneOf(RELIABILITY_GRADES, undefined)).toBe(false)
    expect(isOneOf(CLAIM_STATUSES, 'refuted')).toBe(true)
  })
})
