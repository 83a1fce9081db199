import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { describeWithSeeds, SEEDS_DIR } from './helpers/seeds'
import { REPO_ROOT, tempDir } from './helpers/tempProject'

function attest(args: string[], home: string) {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/attest.js'), ...args], {
    env: { ...process.env, ATTEST_HOME: home },
    encoding: 'utf8'
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

type FactJson = {
  sourceId: string
  quote: string
  sentence: string
  kind: string
  low: number | null
  high: number | null
  unit: string | null
  from: string | null
  to: string | null
  status: string
}
type SideJson = { sourceId: string; quote: string; sentence: string }
type PairJson = { a: SideJson; b: SideJson; outcome: string; reason: string }

function projectWith(documents: Record<string, string>): { dir: string; file: string } {
  const dir = tempDir()
  const file = path.join(dir, 'facts.attest')
  expect(attest(['new', file], dir).code).toBe(0)
  const paths = Object.entries(documents).map(([name, text]) => {
    const doc = path.join(dir, name)
    fs.writeFileSync(doc, text)
    return doc
  })
  const imported = attest(['import', file, ...paths], dir)
  expect(imported.code, imported.stderr).toBe(0)
  return { dir, file }
}

// Written for this test: a ferry line reported in English and in Norwegian.
const FERRY_EN = [
  'New ferry line',
  '',
  'Published 14 March 2026',
  '',
  'The ferry line between the mainland and Moskenes carried 310,000 passengers in 2025, the operator said on Tuesday. From April tickets cost 15% more, and the ships are full every summer.'
].join('\n')
const FERRY_NB = [
  'Ny fergerute',
  '',
  'Publisert 15. mars 2026',
  '',
  'Fergeruten mellom Bodø og Moskenes fraktet 290 000 passasjerer i 2025, opplyser rederiet. Billettene blir 15 % dyrere fra april.'
].join('\n')

describe('attest facts and attest discrepancies', () => {
  it('prints every fact in the shape asked for, and one source with --source', () => {
    const { dir, file } = projectWith({ 'ferry-en.txt': FERRY_EN, 'ferry-nb.txt': FERRY_NB })
    const all = attest(['facts', file, '--json'], dir)
    expect(all.code, all.stderr).toBe(0)
    const { facts } = JSON.parse(all.stdout) as { facts: FactJson[] }
    const passengers = facts.find((fact) => fact.quote === '290 000 passasjerer')
    expect(passengers).toMatchObject({
      kind: 'quantity',
      low: 290000,
      high: 290000,
      unit: 'passasjerer',
      from: null,
      to: null,
      status: 'actual'
    })
    expect(passengers?.sentence).toMatch(/^Fergeruten mellom Bodø/)
    for (const key of [
      'sourceId',
      'quote',
      'sentence',
      'kind',
      'low',
      'high',
      'unit',
      'from',
      'to',
      'status'
    ]) {
      expect(passengers).toHaveProperty(key)
    }
    const sources = new Set(facts.map((fact) => fact.sourceId))
    expect(sources.size).toBe(2)
    const one = passengers?.sourceId as string
    const only = attest(['facts', file, '--source', one, '--json'], dir)
    const onlyFacts = (JSON.parse(only.stdout) as { facts: FactJson[] }).facts
    expect(onlyFacts.length).toBeGreaterThan(0)
    expect(onlyFacts.every((fact) => fact.sourceId === one)).toBe(true)
    // Independent sources: no origin named.
    expect(
      onlyFacts.every((fact) => (fact as { sameOriginAs?: unknown }).sameOriginAs === null)
    ).toBe(true)
  })

  it('lists the passenger counts as a conflict and the price rise as consistent', () => {
    const { dir, file } = projectWith({ 'ferry-en.txt': FERRY_EN, 'ferry-nb.txt': FERRY_NB })
    const result = attest(['discrepancies', file, '--json'], dir)
    expect(result.code, result.stderr).toBe(0)
    const { pairs } = JSON.parse(result.stdout) as { pairs: PairJson[] }
    const find = (quote: string): PairJson | undefined =>
      pairs.find((pair) => pair.a.quote === quote || pair.b.quote === quote)
    expect(find('310,000 passengers')).toMatchObject({ outcome: 'conflict' })
    expect(find('310,000 passengers')?.reason).toBe('310,000 passengers vs 290,000 passasjerer')
    expect(find('15%')).toMatchObject({ outcome: 'consistent' })
    for (const pair of pairs) {
      expect((pair as { sameOrigin?: boolean }).sameOrigin).toBe(false)
      expect(pair.a.sourceId).not.toBe(pair.b.sourceId)
      expect(pair.a.sentence).toContain(pair.a.quote)
      expect(pair.b.sentence).toContain(pair.b.quote)
    }
  })

  it('refuses a bad --source with one clear line', () => {
    const { dir, file } = projectWith({ 'ferry-en.txt': FERRY_EN })
    const result = attest(['facts', file, '--source', 'ferry', '--json'], dir)
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toMatch(/^attest: .*not a record id/)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  })
})

const NORWEGIAN_SEED = path.join(SEEDS_DIR, '000_f4b2f788e06a7ca8.txt')
const GERMAN_SEED = path.join(SEEDS_DIR, '004_ec7a597c115a94a0.txt')

describeWithSeeds('facts on the seed articles', [NORWEGIAN_SEED, GERMAN_SEED], () => {
  it('finds the disagreements of the two seeds and leaves the agreeing figures unflagged', () => {
    const dir = tempDir()
    const file = path.join(dir, 'seeds.attest')
    attest(['new', file], dir)
    expect(attest(['import', file, NORWEGIAN_SEED, GERMAN_SEED], dir).code).toBe(0)

    const { facts } = JSON.parse(attest(['facts', file, '--json'], dir).stdout) as {
      facts: FactJson[]
    }
    const fact = (quote: string): FactJson | undefined => facts.find((f) => f.quote === quote)
    expect(fact('mer enn 60 vietnamesiske doktorgradsstudenter')).toMatchObject({
      low: 60,
      high: null
    })
    expect(fact('63 vietnamesische Doktoranden')).toMatchObject({ low: 63, high: 63 })
    // "fra oktober i år": the year comes from the article's date, 21 Sep 2025.
    expect(facts.filter((f) => f.quote === 'oktober i år').map((f) => f.from)).toContain(
      '2025-10-01'
    )
    expect(fact('September 2025')).toMatchObject({ from: '2025-09-01', to: null })
    expect(fact('42,5 Milliarden US-Dollar')).toMatchObject({ low: 42.5e9, unit: 'USD' })
    expect(fact('50 milliarder dollar')).toMatchObject({ low: 50e9, unit: 'USD', status: 'actual' })
    expect(fact('50 Milliarden US-Dollar')).toMatchObject({ low: 50e9, status: 'forecast' })
    expect(fact('rundt 20 milliarder USD')).toMatchObject({ low: 20e9, unit: 'USD' })
    expect(fact('rund 20 Milliarden US-Dollar')).toMatchObject({ low: 20e9, unit: 'USD' })

    const { pairs } = JSON.parse(attest(['discrepancies', file, '--json'], dir).stdout) as {
      pairs: PairJson[]
    }
    const pair = (a: string, b: string): PairJson | undefined =>
      pairs.find((p) => p.a.quote === a && p.b.quote === b)
    // 63 is one of the values "more than 60" allows: not a contradiction, but a sharper figure.
    expect(
      pair('mer enn 60 vietnamesiske doktorgradsstudenter', '63 vietnamesische Doktoranden')
    ).toMatchObject({ outcome: 'more-precise' })
    expect(pair('oktober i år', 'September 2025')).toMatchObject({
      outcome: 'conflict',
      reason: 'starts 2025-10-01 vs 2025-09-01'
    })
    const trade = pairs.filter(
      (p) => p.a.quote === '50 milliarder dollar' && /Milliarden US-Dollar$/.test(p.b.quote)
    )
    expect(trade.length).toBeGreaterThan(0)
    for (const p of trade) expect(['not-comparable', 'conflict']).toContain(p.outcome)
    expect(pair('250 doktorgradsstudenter', '250 Personen')?.outcome).toBe('consistent')
    expect(pair('rundt 20 milliarder USD', 'rund 20 Milliarden US-Dollar')?.outcome).toBe(
      'consistent'
    )
  })
})
