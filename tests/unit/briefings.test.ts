import { describe, expect, it } from 'vitest'
import { call } from '../../src/server/core'
import { findBriefing } from '../../src/server/export/briefings'
import { seedBriefingProject } from './helpers/briefingProject'
import { tempProject } from './helpers/tempProject'

describe('stored briefings', () => {
  it('keeps a briefing with its judgements and scope, and reopens it', async () => {
    const project = await tempProject()
    const seeded = await seedBriefingProject(project)
    const claimId = seeded.claims[0]!.id
    const created = await call(project, 'briefings.create', {
      title: '  Viet Nam trade  ',
      author: 'Asia desk',
      audience: 'Minister for Trade',
      classification: 'OFFICIAL',
      date: '2024-04-12',
      bottomLine: 'Trade with Japan is growing; rice is the open question.',
      judgements: [
        { text: 'Exports will keep rising in Q2.', confidence: 'likely', claimIds: [claimId] },
        { text: 'Rice figures are unreliable.', confidence: 'my own word' }
      ],
      scope: { type: 'tag', tagId: seeded.tags.trade.id },
      groupBy: 'status'
    })
    expect(created).toMatchObject({
      title: 'Viet Nam trade',
      audience: 'Minister for Trade',
      date: '2024-04-12',
      judgements: [
        { text: 'Exports will keep rising in Q2.', confidence: 'likely', claimIds: [claimId] },
        { text: 'Rice figures are unreliable.', confidence: 'my own word', claimIds: [] }
      ],
      scope: { type: 'tag', tagId: seeded.tags.trade.id },
      groupBy: 'status',
      include: { citations: true, notes: true }
    })
    const file = project.file
    await project.close()
    const reopened = await tempProject(file)
    expect(await call(reopened, 'briefings.list', {})).toEqual([created])
  })

  it('changes only the fields it is given, and undo and redo put them back', async () => {
    const project = await tempProject()
    const first = await call(project, 'briefings.create', {
      title: 'Weekly',
      bottomLine: 'Nothing new.',
      judgements: [{ text: 'Quiet week.', confidence: 'very likely' }]
    })
    const edited = await call(project, 'briefings.update', {
      id: first.id,
      changes: { bottomLine: 'One new report.' }
    })
    expect(edited).toMatchObject({ title: 'Weekly', bottomLine: 'One new report.' })
    expect(edited.judgements).toEqual(first.judgements)
    await call(project, 'history.undo', {})
    expect(await call(project, 'briefings.get', { id: first.id })).toMatchObject({
      bottomLine: 'Nothing new.'
    })
    await call(project, 'history.redo', {})
    await call(project, 'briefings.delete', { id: first.id })
    expect(await call(project, 'briefings.list', {})).toEqual([])
    await call(project, 'history.undo', {})
    expect(await call(project, 'briefings.get', { id: first.id })).toMatchObject({
      bottomLine: 'One new report.',
      judgements: first.judgements
    })
  })

  it('refuses bad fields with a sentence and keeps the stored briefing', async () => {
    const project = await tempProject()
    const briefing = await call(project, 'briefings.create', { title: 'Kept' })
    await expect(
      call(project, 'briefings.update', { id: briefing.id, changes: { title: '   ' } })
    ).rejects.toThrow('The title cannot be empty')
    await expect(
      call(project, 'briefings.update', { id: briefing.id, changes: { date: '2024-02-30' } })
    ).rejects.toThrow('That day does not exist')
    await expect(
      call(project, 'briefings.create', {
        title: 'x',
        judgements: [{ text: 'y', claimIds: ['not-an-id'] }]
      })
    ).rejects.toThrow('That is not a record id')
    expect(await call(project, 'briefings.get', { id: briefing.id })).toMatchObject({
      title: 'Kept'
    })
  })

  it('is found by its title for the command line', async () => {
    const project = await tempProject()
    const a = await call(project, 'briefings.create', { title: 'Weekly' })
    await call(project, 'briefings.create', { title: 'Monthly' })
    const all = await call(project, 'briefings.list', {})
    expect(findBriefing(all, 'weekly').id).toBe(a.id)
    expect(() => findBriefing(all, 'Daily')).toThrow(
      'There is no briefing called "Daily"; the project has "Monthly", "Weekly"'
    )
    await call(project, 'briefings.create', { title: 'WEEKLY' })
    const again = await call(project, 'briefings.list', {})
    expect(() => findBriefing(again, 'weekly')).toThrow('2 briefings are called "weekly"')
  })
})
