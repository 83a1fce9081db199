import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { call, openLocalCore } from '../../src/server/core'
import { api, exited, serve } from './helpers/serve'
import { tempDir } from './helpers/tempProject'

describe('crash recovery', () => {
  it('keeps every acknowledged write when the server is killed with SIGKILL', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'crash.attest')
    const served = await serve(file, path.join(dir, 'home'))
    const acknowledged: string[] = []
    // Writes go out back to back; the kill lands right after the last acknowledgement,
    // with the idle checkpoint never having run.
    for (let i = 0; i < 60; i++) {
      const text = `Acknowledged claim number ${i}`
      const { json } = await api(served, 'claims.create', { text })
      expect(json.ok).toBe(true)
      acknowledged.push(text)
      if (i % 20 === 19) {
        await api(served, 'claims.update', {
          id: (json.value as { id: string }).id,
          changes: { status: 'contested' }
        })
      }
    }
    served.child.kill('SIGKILL')
    await exited(served.child)

    const core = await openLocalCore({ projectPath: file, deviceId: 'test', idleCheckpointMs: 0 })
    const list = await call(core, 'claims.list', {
      limit: 1000,
      sort: [{ field: 'text', direction: 'asc' }]
    })
    expect(list.total).toBe(acknowledged.length)
    expect(new Set(list.rows.map((row) => row.text))).toEqual(new Set(acknowledged))
    expect(list.rows.filter((row) => row.status === 'contested')).toHaveLength(3)
    await core.close()
  })

  it('keeps writes acknowledged while another request was in flight at the kill', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'crash2.attest')
    const served = await serve(file, path.join(dir, 'home'))
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => api(served, 'sources.create', { title: `Report ${i}` }))
    )
    expect(results.every((result) => result.json.ok)).toBe(true)
    // Fire more without waiting, then kill: those may or may not survive, the 40 must.
    for (let i = 0; i < 10; i++)
      void api(served, 'sources.create', { title: `Late ${i}` }).catch(() => undefined)
    served.child.kill('SIGKILL')
    await exited(served.child)
    const core = await openLocalCore({ projectPath: file, deviceId: 'test', idleCheckpointMs: 0 })
    const list = await call(core, 'sources.list', { limit: 1000 })
    const titles = new Set(list.rows.map((row) => row.title))
    for (let i = 0; i < 40; i++) expect(titles.has(`Report ${i}`)).toBe(true)
    await core.close()
  })
})
