import { call, type Core } from '../../../src/server/core'
import type { CoreContext } from '../../../src/server/records/context'
import { cite } from './exportFixture'

type Project = Core & { ctx: CoreContext }

export const SCRIPT_CLAIM = '<script>alert(1)</script> was found in a press-release template'

/** A small, realistic project: trade between Viet Nam, Japan and Germany (invented). */
export async function seedBriefingProject(project: Project) {
  const trade = await call(project, 'tags.create', { name: 'Trade', colour: '#2f7d4f' })
  const rice = await call(project, 'tags.create', { name: 'Rice', parentId: trade.id })
  const energy = await call(project, 'tags.create', { name: 'Energy' })

  const wire = await call(project, 'sources.create', {
    title: "Viet Nam's exports to Japan rise 12% in first quarter",
    publisher: 'Viet Nam Trade Wire',
    url: 'https://example.org/trade-wire/2024/04/exports-japan-q1',
    publishedAt: '2024-04-05',
    reliability: 'B',
    content:
      'Exports to Japan reached US$5.9 billion in the first three months, up 12 per cent. ' +
      'Rice shipments doubled as Japanese buyers sought new suppliers. ' +
      'Officials declined to say whether the trend would last.'
  })
  const nord = await call(project, 'sources.create', {
    title: 'Außenhandel: Deutschland und Vietnam vertiefen Rohstoffpartnerschaft',
    publisher: 'Wirtschaftsdienst Nord',
    url: 'https://example.de/wirtschaft/vietnam-rohstoffe',
    publishedAt: '2024-03-18',
    reliability: 'C',
    content:
      'Die Lieferungen seltener Erden aus Vietnam sollen bis 2026 verdreifacht werden. ' +
      'Kritiker bezweifeln, dass die Förderkapazität ausreicht.'
  })
  const blog = await call(project, 'sources.create', {
    title: 'Post by an unnamed rice trader',
    reliability: 'E',
    content: 'Rice exports to Japan actually fell in March, whatever the ministry says.'
  })
  const trashed = await call(project, 'sources.create', {
    title: 'A withdrawn source nobody should see',
    content: 'Withdrawn text.'
  })

  const exportsClaim = await call(project, 'claims.create', {
    text: "Vietnam's exports to Japan rose 12% year on year in the first quarter of 2024.",
    status: 'corroborated',
    eventDate: '2024-03-31',
    credibility: 2,
    confidence: 85,
    tagIds: [trade.id]
  })
  const riceClaim = await call(project, 'claims.create', {
    text: 'Rice shipments to Japan doubled in the first quarter.',
    status: 'contested',
    eventDate: '2024-03-31',
    credibility: 3,
    confidence: 55,
    tagIds: [rice.id]
  })
  const earthsClaim = await call(project, 'claims.create', {
    text: 'Germany and Viet Nam plan to triple rare-earth deliveries by 2026.',
    status: 'unverified',
    eventDate: '2024-03-18',
    credibility: 3,
    tagIds: [energy.id, trade.id]
  })
  const scriptClaim = await call(project, 'claims.create', {
    text: SCRIPT_CLAIM,
    status: 'refuted',
    credibility: 5
  })
  const trashedClaim = await call(project, 'claims.create', { text: 'A trashed claim' })

  const quotes = {
    exports: 'Exports to Japan reached US$5.9 billion in the first three months, up 12 per cent.',
    rice: 'Rice shipments doubled as Japanese buyers sought new suppliers.',
    riceAgainst: 'Rice exports to Japan actually fell in March, whatever the ministry says.',
    earths: 'Die Lieferungen seltener Erden aus Vietnam sollen bis 2026 verdreifacht werden.'
  }
  cite(project, exportsClaim.id, wire.id, quotes.exports, { locator: 'para. 1' })
  cite(project, riceClaim.id, wire.id, quotes.rice, { locator: 'para. 2' })
  cite(project, riceClaim.id, blog.id, quotes.riceAgainst, { stance: 'contradicts' })
  cite(project, earthsClaim.id, nord.id, quotes.earths)
  cite(project, earthsClaim.id, trashed.id, 'Withdrawn text.')
  await call(project, 'sources.delete', { ids: [trashed.id] })
  await call(project, 'claims.delete', { ids: [trashedClaim.id] })

  await call(project, 'notes.create', {
    targetKind: 'claim',
    targetId: riceClaim.id,
    body: 'Customs data for March are due on 20 April; check before the minister’s visit.'
  })
  await call(project, 'relations.create', {
    fromClaimId: riceClaim.id,
    toClaimId: exportsClaim.id,
    kind: 'corroborates'
  })

  return {
    tags: { trade, rice, energy },
    sources: [wire, nord, blog],
    trashedSource: trashed,
    claims: [exportsClaim, riceClaim, earthsClaim, scriptClaim],
    trashedClaim,
    quotes: Object.values(quotes)
  }
}
