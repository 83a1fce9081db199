import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ProjectStore } from '../../src/server/store/projectStore'
import { LATEST_VERSION } from '../../src/server/store/migrations'
import { tempDir } from './helpers/tempProject'

/*
 * The schema of a new project, object by object, against a committed copy. A migration that
 * changes more (or less) than it means to shows here as a diff. After adding a migration on
 * purpose, run `npm run schema:snapshot` and commit tests/unit/__snapshots__/schema.sql.
 */
describe('schema', () => {
  it('of a new project equals the committed snapshot', async () => {
    const store = await ProjectStore.open(path.join(tempDir(), 'fresh.attest'), {
      create: true,
      idleCheckpointMs: 0
    })
    const { version, objects } = store.read((db) => ({
      version: Number(db.pluck('PRAGMA user_version')),
      objects: db.all<{ type: string; name: string; sql: string }>(
        `SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name`
      )
    }))
    store.close()
    expect(version).toBe(LATEST_VERSION)
    const text = [
      `-- The schema of a new project (user_version ${version}), from sqlite_master.`,
      '-- Regenerate after adding a migration: npm run schema:snapshot',
      '',
      ...objects.map((object) => `-- ${object.type} ${object.name}\n${object.sql.trim()};\n`)
    ].join('\n')
    await expect(
      text,
      'A new project\'s schema differs from tests/unit/__snapshots__/schema.sql. If a migration changed it on purpose, run "npm run schema:snapshot" and commit the file.'
    ).toMatchFileSnapshot('./__snapshots__/schema.sql')
  })
})
