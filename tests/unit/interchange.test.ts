import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { Cite } from '@citation-js/core'
import { call } from '../../src/server/core'
import { REPO_ROOT, tempDir, tempProject } from './helpers/tempProject'

type Project = Awaited<ReturnType<typeof tempProject>>
type Json = Record<string, unknown>

// Text an attacker could put in a source or a claim: markup, a script end tag, JSON
// breakers, line and paragraph separators, an emoji and a right-to-left override.
const HOSTILE =
  'Exports fell </script><script>alert("x")</script> & "rose" \\ \u2028\u2029 🚢 \u202e'

const ARTICLE = [
  'Ferry traffic resumes',
  '',
  'Ferry crossings restarted on Monday after two days of closures, the operator said.',
  '',
  `A reader wrote: ${HOSTILE}`
].join('\n')

async function project(
  file?: string
): Promise<{ project: Project; sourceId: string; claimId: string }> {
  const p = await tempProject(file)
  const source = await call(p, 'sources.create', {
    title: 'Ferry traffic resumes',
    url: 'https://kystavisa.example/ferry',
    publisher: 'Kystavisa',
    author: 'Solberg, Ingrid; Fjord Ferries AS',
    publishedAt: '2025-11-03',
    language: 'nb',
    reliability: 'B',
    content: ARTICLE
  })
  await call(p, 'sources.create', { title: 'Annual outlook', kind: 'report', content: 'x' })
  const claim = await call(p, 'claims.create', {
    text: 'Ferry crossings restarted on Monday',
    status: 'corroborated',
    credibility: 2,
    eventDate: '2025-11-03'
  })
  const hostile = await call(p, 'claims.create', { text: HOSTILE, status: 'refuted' })
  await call(p, 'claims.create', { text: 'Not graded yet' })
  const start = ARTICLE.indexOf('Ferry crossings restarted')
  await call(p, 'citations.create', {
    claimId: claim.id,
    sourceId: source.id,
    start,
    end: start + 'Ferry crossings restarted on Monday'.length,
    note: 'The operator confirmed by phone.'
  })
  const at = ARTICLE.indexOf(HOSTILE)
  await call(p, 'citations.create', {
    claimId: hostile.id,
    sourceId: source.id,
    start: at,
    end: at + HOSTILE.length,
    stance: 'contradicts',
    note: HOSTILE
  })
  return { project: p, sourceId: source.id, claimId: claim.id }
}

function parsed(text: string): unknown {
  // Safe inside <script type="application/ld+json">: no markup characters, no separators.
  expect(text).not.toMatch(/[<>&\u2028\u2029]/)
  return JSON.parse(text)
}

const isIri = (value: unknown) =>
  typeof value === 'string' && /^(?:https?:\/\/[^\s]+|urn:uuid:[0-9a-f-]{36})$/.test(value)
const isDate = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(value)

// CSL-JSON 1.0.2 (citationstyles.org csl-data.json): item types and the variables used here.
const CSL_TYPES = new Set(
  'article article-journal article-magazine article-newspaper bill book broadcast chapter classic collection dataset document entry entry-dictionary entry-encyclopedia event figure graphic hearing interview legal_case legislation manuscript map motion_picture musical_score pamphlet paper-conference patent performance periodical personal_communication post post-weblog regulation report review review-book software song speech standard thesis treaty webpage'.split(
    ' '
  )
)
const CSL_VARIABLES = new Set([
  'id',
  'type',
  'title',
  'author',
  'container-title',
  'publisher',
  'issued',
  'accessed',
  'URL',
  'DOI',
  'language',
  'note'
])

function checkCslItem(item: Json) {
  expect(['string', 'number']).toContain(typeof item.id)
  expect(CSL_TYPES.has(item.type as string)).toBe(true)
  for (const key of Object.keys(item)) expect(CSL_VARIABLES.has(key)).toBe(true)
  for (const name of (item.author as Json[] | undefined) ?? []) {
    const keys = Object.keys(name).sort()
    expect([['family', 'given'], ['literal']]).toContainEqual(keys)
  }
  for (const key of ['issued', 'accessed']) {
    const date = item[key] as { 'date-parts': number[][] } | undefined
    if (!date) continue
    expect(date['date-parts']).toHaveLength(1)
    expect(date['date-parts'][0]!.every((part) => Number.isInteger(part))).toBe(true)
  }
}

// schema.org ClaimReview as Google documents it: required claimReviewed, reviewRating with
// alternateName, url; recommended author, datePublished, itemReviewed (a Claim).
function checkClaimReview(review: Json) {
  expect(review['@context']).toBe('https://schema.org')
  expect(review['@type']).toBe('ClaimReview')
  expect(typeof review.claimReviewed).toBe('string')
  expect((review.claimReviewed as string).length).toBeGreaterThan(0)
  expect(isIri(review.url)).toBe(true)
  const rating = review.reviewRating as Json
  expect(rating['@type']).toBe('Rating')
  expect(typeof rating.alternateName).toBe('string')
  if (rating.ratingValue !== undefined) {
    expect(rating.ratingValue).toBeGreaterThanOrEqual(rating.worstRating as number)
    expect(rating.ratingValue).toBeLessThanOrEqual(rating.bestRating as number)
  }
  const author = review.author as Json
  expect(['Organization', 'Person']).toContain(author['@type'])
  expect(typeof author.name).toBe('string')
  expect(isDate(review.datePublished)).toBe(true)
  const item = review.itemReviewed as Json
  expect(item['@type']).toBe('Claim')
  for (const work of item.appearance as Json[]) {
    expect(work['@type']).toBe('CreativeWork')
    if (work.url !== undefined) expect(isIri(work.url)).toBe(true)
  }
}

// W3C Web Annotation Data Model: @context, id (an IRI), type "Annotation", target; a
// TextQuoteSelector has exact (prefix/suffix optional), a TextPositionSelector start <= end.
function checkAnnotation(annotation: Json) {
  expect(isIri(annotation.id)).toBe(true)
  expect(annotation.type).toBe('Annotation')
  const target = annotation.target as Json
  expect(isIri(target.source)).toBe(true)
  const selectors = target.selector as Json[]
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector')!
  const position = selectors.find((s) => s.type === 'TextPositionSelector')!
  expect(typeof quote.exact).toBe('string')
  expect(Number.isInteger(position.start) && Number.isInteger(position.end)).toBe(true)
  expect(position.start as number).toBeLessThanOrEqual(position.end as number)
  for (const body of annotation.body as Json[]) {
    expect(body.type).toBe('TextualBody')
    expect(typeof body.value).toBe('string')
  }
}

describe('interchange exports', () => {
  it('writes sources as CSL-JSON that a CSL reader and our own import read back', async () => {
    const { project: p } = await project()
    const file = await call(p, 'export.interchange', { format: 'csl' })
    expect(file).toMatchObject({ records: 2, fileName: 'sources.csl.json' })
    const items = parsed(file.text) as Json[]
    items.forEach(checkCslItem)
    expect(items[0]).toMatchObject({
      type: 'article-newspaper',
      title: 'Ferry traffic resumes',
      author: [{ family: 'Solberg', given: 'Ingrid' }, { literal: 'Fjord Ferries AS' }],
      'container-title': 'Kystavisa',
      issued: { 'date-parts': [[2025, 11, 3]] },
      URL: 'https://kystavisa.example/ferry',
      language: 'nb'
    })
    expect(items[1]).toMatchObject({ type: 'report', title: 'Annual outlook' })
    // citation-js reads it as CSL (what Zotero's CSL-JSON import expects).
    const cite = await Cite.async(JSON.parse(file.text), { forceType: '@csl/list+object' })
    expect(cite.data).toHaveLength(2)
    // Imported into another project, the sources come back with the same fields.
    const other = await tempProject()
    const back = await call(other, 'references.prepare', {
      fileName: 'sources.csl.json',
      dataBase64: Buffer.from(file.text).toString('base64')
    })
    expect(back.drafts[0]).toMatchObject({
      title: 'Ferry traffic resumes',
      author: 'Ingrid Solberg; Fjord Ferries AS',
      publisher: 'Kystavisa',
      publishedAt: '2025-11-03',
      url: 'https://kystavisa.example/ferry',
      language: 'nb'
    })
  })

  it('writes graded claims as ClaimReview with the verdict and the Admiralty grade beside it', async () => {
    const { project: p, claimId } = await project()
    const file = await call(p, 'export.interchange', {
      format: 'claimreview',
      author: 'Coast Desk',
      baseUrl: 'https://desk.example/reviews'
    })
    // The unverified claim without a credibility is not graded, so not exported.
    expect(file.records).toBe(2)
    const reviews = parsed(file.text) as Json[]
    reviews.forEach(checkClaimReview)
    expect(reviews[0]).toMatchObject({
      url: `https://desk.example/reviews#claim-${claimId}`,
      claimReviewed: 'Ferry crossings restarted on Monday',
      author: { '@type': 'Organization', name: 'Coast Desk' },
      reviewRating: {
        alternateName: 'Corroborated',
        ratingValue: 5,
        ratingExplanation: expect.stringMatching(/^Admiralty grade B2 \(/)
      },
      itemReviewed: {
        '@type': 'Claim',
        datePublished: '2025-11-03',
        appearance: [{ url: 'https://kystavisa.example/ferry', headline: 'Ferry traffic resumes' }]
      }
    })
    // Hostile text survives exactly.
    expect(reviews[1]).toMatchObject({
      claimReviewed: HOSTILE,
      reviewRating: { alternateName: 'Refuted', ratingValue: 1 }
    })
  })

  it('writes citations as Web Annotations whose selectors find the quote in the source', async () => {
    const { project: p, sourceId } = await project()
    const file = await call(p, 'export.interchange', { format: 'annotations' })
    expect(file.records).toBe(2)
    const collection = parsed(file.text) as Json
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld')
    expect(collection.type).toBe('AnnotationCollection')
    expect(collection.total).toBe(2)
    const items = (collection.first as Json).items as Json[]
    items.forEach(checkAnnotation)
    const content = (await call(p, 'sources.get', { id: sourceId })).content
    for (const item of items) {
      const selectors = (item.target as Json).selector as Json[]
      const quote = selectors[0] as { exact: string; prefix: string; suffix: string }
      const position = selectors[1] as { start: number; end: number }
      expect(content.slice(position.start, position.end)).toBe(quote.exact)
      expect(content.slice(0, position.start).endsWith(quote.prefix)).toBe(true)
      expect(content.slice(position.end).startsWith(quote.suffix)).toBe(true)
    }
    expect(items[0]).toMatchObject({
      target: { source: 'https://kystavisa.example/ferry' },
      body: [
        { purpose: 'describing', value: 'Ferry crossings restarted on Monday' },
        { purpose: 'tagging', value: 'supports' },
        { purpose: 'commenting', value: 'The operator confirmed by phone.' }
      ]
    })
    expect((items[1]!.body as Json[])[2]).toMatchObject({ value: HOSTILE })
  })

  it('attest export --format csl|claimreview|annotations writes each file', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'desk.attest')
    const { project: p } = await project(file)
    await p.close()
    const attest = (args: string[]) =>
      spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/attest.js'), ...args], {
        env: { ...process.env, ATTEST_HOME: dir },
        encoding: 'utf8'
      })
    const expected = {
      csl: 'Exported 2 sources as CSL-JSON',
      claimreview: 'Exported 2 claim reviews (schema.org ClaimReview)',
      annotations: 'Exported 2 citations as Web Annotations'
    }
    for (const [format, sentence] of Object.entries(expected)) {
      const out = path.join(dir, `${format}.json`)
      const result = attest(['export', file, '--format', format, '--out', out])
      expect(result.stderr).toBe('')
      expect(result.stdout).toContain(sentence)
      expect(() => parsed(fs.readFileSync(out, 'utf8'))).not.toThrow()
    }
    const wrong = attest(['export', file, '--format', 'csl', '--what', 'claims', '--out', 'x'])
    expect(wrong.status).toBe(2)
    expect(wrong.stderr).toContain('--what is not for --format csl')
  })
})
