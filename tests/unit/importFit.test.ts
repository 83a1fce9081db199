import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { call, openLocalCore } from '../../src/server/core'
import { prepareImport } from '../../src/server/import'
import { ellipsize } from '../../src/server/import/fit'
import { contract } from '../../src/shared/contract'
import { SOURCE_LIMITS } from '../../src/shared/schemas'
import { tempDir } from './helpers/tempProject'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

/** An article whose metadata is far longer than a source accepts. */
function hugeMetadataPage(): string {
  const title = 'Rice exports rise again '.repeat(210) // 5,040 characters
  const site = 'The Very Long Gazette '.repeat(46) // 1,012 characters
  const canonical = `https://example.org/${'a'.repeat(3000)}`
  return `<!doctype html><html><head><title>${title}</title>
<meta property="og:site_name" content="${site}">
<meta name="author" content="${'Ann Author '.repeat(60)}">
<link rel="canonical" href="${canonical}"></head>
<body><article><p>The ministry said exports rose by four percent in March.</p></article></body></html>`
}

describe('proposed metadata fits what saving a source accepts', () => {
  it('cuts a 5,040-character title, a 1,012-character site name and a 660-character author with an ellipsis and drops a 3,020-character URL', () => {
    const result = prepareImport(utf8(hugeMetadataPage()), 'long.html')
    if (!result.ok) throw new Error(result.message)
    const { draft } = result
    expect(draft.title.length).toBeLessThanOrEqual(SOURCE_LIMITS.title)
    expect(draft.title.length).toBeGreaterThan(SOURCE_LIMITS.title * 0.8)
    expect(draft.title).toMatch(/^Rice exports rise again .*\S…$/)
    expect(draft.publisher?.length).toBeLessThanOrEqual(SOURCE_LIMITS.publisher)
    expect(draft.publisher).toMatch(/^The Very Long Gazette .*…$/)
    expect(draft.author?.length ?? 0).toBeLessThanOrEqual(SOURCE_LIMITS.author)
    expect(draft.url).toBeNull()
    const parsed = contract['sources.create'].input.safeParse({
      title: draft.title,
      url: draft.url,
      publisher: draft.publisher,
      author: draft.author,
      publishedAt: draft.publishedAt,
      language: draft.language,
      content: draft.content
    })
    expect(parsed.error?.issues ?? []).toEqual([])
  })

  it('and the save accepts it in a real project', async () => {
    const result = prepareImport(utf8(hugeMetadataPage()), 'long.html')
    if (!result.ok) throw new Error(result.message)
    const { draft } = result
    const core = await openLocalCore({
      projectPath: path.join(tempDir(), 'fit.attest'),
      deviceId: 'test',
      create: true,
      idleCheckpointMs: 0
    })
    try {
      const source = await call(core, 'sources.create', {
        title: draft.title,
        url: draft.url,
        publisher: draft.publisher,
        author: draft.author,
        publishedAt: draft.publishedAt,
        language: draft.language,
        content: draft.content
      })
      expect(source.title).toBe(draft.title)
    } finally {
      await core.close()
    }
  })

  it('keeps a URL that fits, and text that fits as it is', () => {
    const page = `<html><head><title>Short</title><link rel="canonical" href="https://example.org/a"></head><body><p>Some text of the article.</p></body></html>`
    const result = prepareImport(utf8(page), 'short.html')
    if (!result.ok) throw new Error(result.message)
    expect(result.draft.title).toBe('Short')
    expect(result.draft.url).toBe('https://example.org/a')
  })
})

describe('ellipsize', () => {
  it.each([
    ['fits', 'abc', 5, 'abc'],
    ['cut at a word', 'one two three four five', 20, 'one two three four…'],
    ['cut inside a long word', 'x'.repeat(30), 10, `${'x'.repeat(9)}…`],
    ['never splits a surrogate pair', `${'a'.repeat(8)}😀😀`, 10, `${'a'.repeat(8)}…`]
  ])('%s', (_name, text, max, expected) => {
    const cut = ellipsize(text, max)
    expect(cut).toBe(expected)
    expect(cut.length).toBeLessThanOrEqual(max)
  })
})
