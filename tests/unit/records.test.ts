import { describe, expect, it } from 'vitest'
import { call, openLocalCore } from '../../src/server/core'
import { tempProject } from './helpers/tempProject'

type Project = Awaited<ReturnType<typeof tempProject>>

async function claim(project: Project, text: string, extra: Record<string, unknown> = {}) {
  return call(project, 'claims.create', { text, ...extra })
}

async function texts(project: Project, filter: Record<string, unknown> = {}) {
  const list = await call(project, 'claims.list', {
    filter,
    sort: [{ field: 'text', direction: 'asc' }]
  })
  return list.rows.map((row) => row.text)
}

async function expectError(promise: Promise<unknown>, code: string, message: RegExp) {
  await expect(promise).rejects.toMatchObject({ code, message: expect.stringMatching(message) })
}

describe('claims and grades', () => {
  it('stores Admiralty grades and confidence, and refuses bad values with a specific message', async () => {
    const project = await tempProject()
    const created = await claim(project, 'Japan received 63 PhD students', {
      credibility: 2,
      confidence: 70,
      eventDate: '2025-09'
    })
    expect(created).toMatchObject({ credibility: 2, confidence: 70, eventDate: '2025-09' })
    await expectError(claim(project, '   '), 'invalid_input', /claim text cannot be empty/)
    await expectError(
      call(project, 'claims.update', { id: created.id, changes: { status: 'wrong' as never } }),
      'invalid_input',
      /Status must be one of/
    )
    await expectError(
      call(project, 'claims.update', { id: created.id, changes: { credibility: 'G' as never } }),
      'invalid_input',
      /Credibility is an Admiralty grade from 1 to 6/
    )
    await expectError(
      call(project, 'sources.create', { title: 'x', reliability: 'G' as never }),
      'invalid_input',
      /Reliability is an Admiralty grade from A to F/
    )
    await expectError(
      call(project, 'claims.update', { id: created.id, changes: { eventDate: '2025-02-30' } }),
      'invalid_input',
      /does not exist in the calendar/
    )
    // Nothing was half-applied.
    expect(await call(project, 'claims.get', { id: created.id })).toMatchObject({
      status: 'unverified',
      credibility: 2
    })
  })

  it('sorts by any column and pages through results', async () => {
    const project = await tempProject()
    for (const [text, credibility] of [
      ['b', 3],
      ['a', 1],
      ['c', null]
    ] as const) {
      await claim(project, text, { credibility })
    }
    const byCredibility = await call(project, 'claims.list', {
      sort: [{ field: 'credibility', direction: 'desc' }]
    })
    expect(byCredibility.rows.map((row) => row.text)).toEqual(['b', 'a', 'c'])
    const page = await call(project, 'claims.list', {
      offset: 1,
      limit: 1,
      sort: [{ field: 'text', direction: 'asc' }]
    })
    expect(page).toMatchObject({ total: 3, rows: [{ text: 'b' }] })
  })

  it('answers a page before counting a large list, then counts exactly on request', async () => {
    const project = await tempProject()
    const tag = await call(project, 'tags.create', { name: 'Trade' })
    for (const text of ['a', 'b', 'c', 'd', 'e']) {
      await claim(project, text, { tagIds: text === 'e' ? [] : [tag.id] })
    }
    const filter = { tagIds: [tag.id] }
    // The first page of a longer list knows only that there are at least as many as it shows.
    const first = await call(project, 'claims.list', { limit: 2, filter })
    expect(first).toMatchObject({ total: 2, totalAtLeast: true })
    expect(first.rows.map((row) => row.text)).toEqual(['d', 'c'])
    expect(await call(project, 'claims.count', { filter })).toEqual({ total: 4 })
    // Counted, the pages carry the exact figure until the next change.
    expect(await call(project, 'claims.list', { offset: 2, limit: 2, filter })).toMatchObject({
      total: 4,
      rows: [{ text: 'b' }, { text: 'a' }]
    })
    await call(project, 'claims.tag', {
      ids: [first.rows[0]?.id as string],
      tagId: tag.id,
      tagged: false
    })
    const after = await call(project, 'claims.list', { limit: 2, filter })
    expect(after).toMatchObject({ total: 2, totalAtLeast: true })
    expect(await call(project, 'claims.count', { filter })).toEqual({ total: 3 })
    // "Select all": every id the filter matches, newest first, loaded or not.
    const { ids } = await call(project, 'claims.ids', { filter })
    const expected = (await call(project, 'claims.list', { limit: 10, filter })).rows
    expect(ids).toEqual(expected.map((row) => row.id))
    expect(ids).toHaveLength(3)
    // The last page ends the list: its count is exact without asking.
    expect(await call(project, 'claims.list', { limit: 10 })).toMatchObject({ total: 5 })
    expect((await call(project, 'claims.list', { limit: 10 })).totalAtLeast).toBeUndefined()
  })
})

describe('full-text quick search', () => {
  it('finds words with or without diacritics, in claim text and in notes', async () => {
    const project = await tempProject()
    const met = await claim(project, 'Phạm Minh Chính met the governor of Gunma')
    await claim(project, 'Trade reached 42.5 bn USD in ten months')
    const other = await claim(project, 'A forum was held in Quảng Ninh')
    await call(project, 'notes.create', {
      targetKind: 'claim',
      targetId: other.id,
      body: 'Check the delegate count: sixteen municipalities'
    })
    expect(await texts(project, { query: 'Pham Minh Chinh' })).toEqual([met.text])
    expect(await texts(project, { query: 'phạm minh' })).toEqual([met.text])
    expect(await texts(project, { query: 'quang ninh' })).toEqual([other.text])
    expect(await texts(project, { query: 'municipalit' })).toEqual([other.text])
    // Operators typed by the user are words, not syntax.
    expect(await texts(project, { query: '"trade" OR NOT' })).toEqual([])
    expect(await texts(project, { query: 'trade' })).toEqual([
      'Trade reached 42.5 bn USD in ten months'
    ])
  })
})

describe('tags', () => {
  it('builds a codebook tree, filters by a tag and its sub-tags, refuses cycles and duplicates', async () => {
    const project = await tempProject()
    const economy = await call(project, 'tags.create', { name: 'Economy', colour: '#2266AA' })
    const trade = await call(project, 'tags.create', { name: 'Trade', parentId: economy.id })
    const defence = await call(project, 'tags.create', { name: 'Defence' })
    expect(trade.path).toBe('Economy / Trade')
    expect(economy.colour).toBe('#2266aa')
    const a = await claim(project, 'Trade reached 50 bn USD', { tagIds: [trade.id] })
    const b = await claim(project, 'Security dialogue resumed')
    await call(project, 'claims.tag', { ids: [b.id], tagId: defence.id, tagged: true })
    expect(await texts(project, { tagIds: [economy.id] })).toEqual([a.text])
    expect(await texts(project, { tagIds: [defence.id] })).toEqual([b.text])
    await expectError(
      call(project, 'tags.update', { id: economy.id, changes: { parentId: trade.id } }),
      'invalid_input',
      /cannot be moved under itself or one of its sub-tags/
    )
    await expectError(
      call(project, 'tags.create', { name: 'economy' }),
      'conflict',
      /already a tag named "economy"/
    )
    await expectError(
      call(project, 'tags.create', { name: 'a/b' }),
      'invalid_input',
      /cannot contain "\/"/
    )
    const moved = await call(project, 'tags.update', {
      id: trade.id,
      changes: { parentId: null, name: 'Commerce' }
    })
    expect(moved.path).toBe('Commerce')
    expect((await call(project, 'claims.get', { id: a.id })).tags.map((tag) => tag.path)).toEqual([
      'Commerce'
    ])
  })

  it('tags and untags in bulk, and merges two tags so their records keep one', async () => {
    const project = await tempProject()
    const ids: string[] = []
    for (let i = 0; i < 30; i++) ids.push((await claim(project, `Claim ${i}`)).id)
    const japan = await call(project, 'tags.create', { name: 'Japan' })
    const jp = await call(project, 'tags.create', { name: 'JP' })
    expect(
      await call(project, 'claims.tag', { ids: ids.slice(0, 20), tagId: japan.id, tagged: true })
    ).toEqual({ changed: 20 })
    expect(
      await call(project, 'claims.tag', { ids: ids.slice(10), tagId: jp.id, tagged: true })
    ).toEqual({ changed: 20 })
    expect(
      await call(project, 'claims.tag', { ids: ids.slice(0, 5), tagId: japan.id, tagged: false })
    ).toEqual({ changed: 5 })
    const merged = await call(project, 'tags.merge', { sourceId: jp.id, targetId: japan.id })
    expect(merged.claimCount).toBe(25)
    expect((await call(project, 'tags.list', {})).map((tag) => tag.name)).toEqual(['Japan'])
    // Undo brings the merged tag back with exactly its records.
    await call(project, 'history.undo', {})
    const tags = await call(project, 'tags.list', {})
    expect(tags.map((tag) => [tag.name, tag.claimCount])).toEqual([
      ['Japan', 15],
      ['JP', 20]
    ])
  })
})

describe('notes and relations', () => {
  it('adds, edits and deletes timestamped notes', async () => {
    const project = await tempProject()
    const c = await claim(project, 'The forum drew 31 provinces')
    const note = await call(project, 'notes.create', {
      targetKind: 'claim',
      targetId: c.id,
      body: 'Ask the embassy'
    })
    expect(note.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    await call(project, 'notes.update', { id: note.id, body: 'Asked the embassy; waiting' })
    expect((await call(project, 'notes.list', { targetId: c.id })).map((n) => n.body)).toEqual([
      'Asked the embassy; waiting'
    ])
    await call(project, 'notes.delete', { id: note.id })
    expect(await call(project, 'notes.list', { targetId: c.id })).toEqual([])
    await expectError(
      call(project, 'notes.create', {
        targetKind: 'claim',
        targetId: '00000000-0000-4000-8000-000000000000',
        body: 'x'
      }),
      'not_found',
      /That claim does not exist/
    )
  })

  it('relates claims in a direction and refuses self, duplicate and missing claims', async () => {
    const project = await tempProject()
    const a = await claim(project, 'More than 60 PhD students were received')
    const b = await claim(project, '63 PhD students were received')
    const relation = await call(project, 'relations.create', {
      fromClaimId: b.id,
      toClaimId: a.id,
      kind: 'contradicts',
      note: 'numbers differ'
    })
    expect(relation).toMatchObject({ direction: 'out', other: { id: a.id }, kind: 'contradicts' })
    const fromA = await call(project, 'relations.list', { claimId: a.id })
    expect(fromA).toMatchObject([{ direction: 'in', other: { id: b.id, text: b.text } }])
    await expectError(
      call(project, 'relations.create', {
        fromClaimId: a.id,
        toClaimId: a.id,
        kind: 'corroborates'
      }),
      'invalid_input',
      /cannot be related to itself/
    )
    await expectError(
      call(project, 'relations.create', {
        fromClaimId: b.id,
        toClaimId: a.id,
        kind: 'contradicts'
      }),
      'conflict',
      /already related/
    )
    await expectError(
      call(project, 'relations.create', {
        fromClaimId: a.id,
        toClaimId: '00000000-0000-4000-8000-000000000000',
        kind: 'updates'
      }),
      'not_found',
      /one of them does not exist/
    )
  })
})

describe('undo, redo, trash and history', () => {
  it('undoes and redoes edits, bulk edits, deletes and relations, across a reopen', async () => {
    const project = await tempProject()
    const a = await claim(project, 'Trade reached 50 bn USD')
    const b = await claim(project, 'Trade reached 42.5 bn USD in ten months')
    await call(project, 'claims.update', {
      id: a.id,
      changes: { text: 'Trade will reach 50 bn USD', status: 'contested' }
    })
    await call(project, 'claims.bulkUpdate', { ids: [a.id, b.id], changes: { credibility: 3 } })
    await call(project, 'relations.create', { fromClaimId: b.id, toClaimId: a.id, kind: 'updates' })
    await call(project, 'claims.delete', { ids: [b.id] })
    expect(await texts(project)).toEqual(['Trade will reach 50 bn USD'])
    expect(await call(project, 'history.state', {})).toMatchObject({
      canUndo: true,
      undoLabel: 'Delete a claim',
      canRedo: false
    })

    const path = project.file
    await project.close()
    const reopened = Object.assign(
      await openLocalCore({ projectPath: path, deviceId: 'other-device', idleCheckpointMs: 0 }),
      { file: path }
    )
    const undone = await call(reopened, 'history.undo', {})
    expect(undone.done).toBe('Delete a claim')
    expect(undone.affected).toEqual([b.id])
    expect(await texts(reopened)).toEqual([
      'Trade reached 42.5 bn USD in ten months',
      'Trade will reach 50 bn USD'
    ])
    await call(reopened, 'history.undo', {}) // the relation
    expect(await call(reopened, 'relations.list', { claimId: a.id })).toEqual([])
    await call(reopened, 'history.undo', {}) // the bulk credibility
    expect((await call(reopened, 'claims.get', { id: a.id })).credibility).toBeNull()
    await call(reopened, 'history.undo', {}) // the text and status edit
    expect(await call(reopened, 'claims.get', { id: a.id })).toMatchObject({
      text: 'Trade reached 50 bn USD',
      status: 'unverified'
    })

    await call(reopened, 'history.redo', {})
    expect(await call(reopened, 'claims.get', { id: a.id })).toMatchObject({
      text: 'Trade will reach 50 bn USD',
      status: 'contested'
    })
    await call(reopened, 'history.redo', {})
    expect((await call(reopened, 'claims.get', { id: b.id })).credibility).toBe(3)
    // A new edit ends the redo chain.
    await call(reopened, 'claims.update', { id: b.id, changes: { confidence: 40 } })
    expect(await call(reopened, 'history.state', {})).toMatchObject({ canRedo: false })
    // Every change is in the history with old → new values and the device that made it.
    const history = await call(reopened, 'history.list', { recordId: a.id, limit: 100 })
    const textChange = history.find((entry) => entry.field === 'text' && entry.kind === 'edit')
    expect(textChange).toMatchObject({
      oldValue: 'Trade reached 50 bn USD',
      newValue: 'Trade will reach 50 bn USD',
      deviceId: 'test-device'
    })
    expect(
      history.some((entry) => entry.kind === 'undo' && entry.deviceId === 'other-device')
    ).toBe(true)
    await reopened.close()
  })

  it('names the claim at the other end of a relation in the history of both claims', async () => {
    const project = await tempProject()
    const a = await claim(project, 'Trade reached 42.5 bn USD in ten months')
    const b = await claim(project, 'Trade reached 40 bn USD in ten months')
    await call(project, 'relations.create', {
      fromClaimId: a.id,
      toClaimId: b.id,
      kind: 'contradicts'
    })
    const relationLine = async (id: string) =>
      (await call(project, 'history.list', { recordId: id, limit: 20 })).find(
        (entry) => entry.recordKind === 'relation'
      )
    expect(await relationLine(a.id)).toMatchObject({ otherClaimText: b.text })
    expect(await relationLine(b.id)).toMatchObject({ otherClaimText: a.text })
  })

  it('lists, restores and purges the Trash; a purge can still be undone', async () => {
    const project = await tempProject()
    const tag = await call(project, 'tags.create', { name: 'Visits' })
    const c = await claim(project, 'The prime minister visited in April 2025', { tagIds: [tag.id] })
    await call(project, 'notes.create', {
      targetKind: 'claim',
      targetId: c.id,
      body: 'Date confirmed'
    })
    await expectError(
      call(project, 'claims.purge', { ids: [c.id] }),
      'invalid_input',
      /Only claims in the Trash/
    )
    await call(project, 'claims.delete', { ids: [c.id] })
    expect(await texts(project, { trashed: true })).toEqual([c.text])
    await call(project, 'claims.restore', { ids: [c.id] })
    expect(await texts(project)).toEqual([c.text])
    await call(project, 'claims.delete', { ids: [c.id] })
    await call(project, 'claims.purge', { ids: [c.id] })
    expect(await texts(project, { trashed: true })).toEqual([])
    expect((await call(project, 'stats', {})).notes).toBe(0)
    await call(project, 'history.undo', {})
    const back = await call(project, 'claims.get', { id: c.id })
    expect(back.tags.map((t) => t.name)).toEqual(['Visits'])
    expect((await call(project, 'notes.list', { targetId: c.id })).map((n) => n.body)).toEqual([
      'Date confirmed'
    ])
  })

  it('grades many sources in one step that one undo takes back', async () => {
    const project = await tempProject()
    const a = await call(project, 'sources.create', { title: 'Embassy statement' })
    const b = await call(project, 'sources.create', { title: 'Wire report', reliability: 'C' })
    const result = await call(project, 'sources.bulkUpdate', {
      ids: [a.id, b.id],
      changes: { reliability: 'B', kind: 'report' }
    })
    expect(result.changed).toBe(4)
    const graded = await call(project, 'sources.list', {
      sort: [{ field: 'title', direction: 'asc' }]
    })
    expect(graded.rows.map((row) => [row.reliability, row.kind])).toEqual([
      ['B', 'report'],
      ['B', 'report']
    ])
    await call(project, 'history.undo', {})
    const back = await call(project, 'sources.list', {
      sort: [{ field: 'title', direction: 'asc' }]
    })
    expect(back.rows.map((row) => [row.reliability, row.kind])).toEqual([
      [null, 'article'],
      ['C', 'article']
    ])
  })

  it('records nothing for an edit that changes nothing', async () => {
    const project = await tempProject()
    const c = await claim(project, 'Same')
    await call(project, 'claims.update', { id: c.id, changes: { text: 'Same' } })
    const state = await call(project, 'history.state', {})
    expect(state.undoLabel).toBe('Create claim')
  })
})

describe('history of deleted notes and relations', () => {
  it('keeps showing a note or relation after it is deleted, and after a reopen', async () => {
    const project = await tempProject()
    const a = await claim(project, 'Trade reached 42.5 bn USD in ten months')
    const b = await claim(project, 'Trade reached 40 bn USD in ten months')
    const note = await call(project, 'notes.create', {
      targetKind: 'claim',
      targetId: a.id,
      body: 'Figures differ by source'
    })
    await call(project, 'notes.delete', { id: note.id })
    const relation = await call(project, 'relations.create', {
      fromClaimId: a.id,
      toClaimId: b.id,
      kind: 'contradicts'
    })
    await call(project, 'relations.delete', { id: relation.id })
    const lines = async (core: Parameters<typeof call>[0], id: string) =>
      (await call(core, 'history.list', { recordId: id, limit: 50 })).map(
        (entry) => `${entry.recordKind}:${entry.oldValue === null ? 'added' : 'removed'}`
      )
    expect(await lines(project, a.id)).toEqual([
      'relation:removed',
      'relation:added',
      'note:removed',
      'note:added',
      'claim:added'
    ])
    expect(await lines(project, b.id)).toEqual([
      'relation:removed',
      'relation:added',
      'claim:added'
    ])
    await project.close()
    const reopened = await tempProject(project.file)
    expect(await lines(reopened, a.id)).toHaveLength(5)
  })
})
