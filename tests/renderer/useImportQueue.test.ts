// @vitest-environment jsdom
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  isImportable,
  useImportQueue,
  type ImportQueue
} from '../../src/renderer/src/features/import/useImportQueue'
import type { DocumentDraft } from '../../src/shared/documentTypes'
import type { Result } from '../../src/shared/result'

/*
 * The import queue as the dialog uses it, with the desktop bridge (window.attest) answered
 * by a stand-in for the core: documents.prepare and sources.create only, each answer held
 * until the test lets it go, so that order and parallelism are the test's to choose.
 */

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

type Call = {
  name: string
  input: Record<string, unknown>
  answer: (result: Result<unknown>) => void
}
let calls: Call[] = []
let inFlight = 0
let mostInFlight = 0
let root: Root
let queue: ImportQueue

function Probe() {
  queue = useImportQueue()
  return null
}

beforeEach(async () => {
  calls = []
  inFlight = 0
  mostInFlight = 0
  window.attest = {
    platform: 'electron',
    onCommand: () => () => undefined,
    invoke: (name, input) =>
      new Promise((resolve) => {
        inFlight++
        mostInFlight = Math.max(mostInFlight, inFlight)
        calls.push({
          name,
          input: input as Record<string, unknown>,
          answer: (result) => {
            inFlight--
            resolve(result)
          }
        })
      })
  }
  root = createRoot(document.createElement('div'))
  await act(async () => root.render(createElement(Probe)))
})

afterEach(async () => {
  await act(async () => root.unmount())
  delete window.attest
})

function draft(text: string, fileName: string, change: Partial<DocumentDraft> = {}): DocumentDraft {
  return {
    title: text.split('\n')[0] ?? fileName,
    url: null,
    publisher: null,
    author: null,
    publishedAt: '2025-09-21',
    language: 'en',
    content: text,
    contentHash: `hash:${text}`,
    clutter: [],
    fileName,
    format: 'text',
    layout: null,
    duplicateOf: null,
    ...change
  }
}

/** Lets the pending requests named `name` answer (the core's reply), then lets React render. */
async function answer(name: string, reply: (call: Call) => Result<unknown>): Promise<void> {
  await act(async () => {
    for (const call of calls.filter((c) => c.name === name)) {
      calls.splice(calls.indexOf(call), 1)
      call.answer(reply(call))
    }
  })
}

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)))

const prepared = (call: Call): Result<unknown> => {
  const text = String(call.input.text ?? atob(String(call.input.dataBase64)))
  return { ok: true, value: draft(text, String(call.input.fileName)) }
}

describe('import queue', () => {
  it('marks the second copy of the same text in one import as its duplicate', async () => {
    await act(async () => {
      queue.addText('Rice exports rose\nBy 12%.')
      queue.addText('Rice exports rose\nBy 12%.')
    })
    await answer('documents.prepare', prepared)
    const [first, second] = queue.items
    expect(first).toMatchObject({ status: 'ready', duplicate: null, decision: 'import' })
    expect(second).toMatchObject({
      status: 'ready',
      duplicate: { id: null, title: 'Pasted text', trashed: false },
      decision: 'ask'
    })
    expect(isImportable(second!)).toBe(false)
    await act(async () => queue.decide(second!.key, 'import'))
    expect(isImportable(queue.items[1]!)).toBe(true)
  })

  it('shows the core’s sentence for a refused document, and never sends one too large', async () => {
    const big = new File(['x'], 'huge.txt')
    Object.defineProperty(big, 'size', { value: 25 * 1024 * 1024 })
    await act(async () => {
      queue.addFiles([big, new File([new Uint8Array([0, 1, 2])], 'photo.txt')])
    })
    await settle()
    expect(calls.map((call) => call.input.fileName)).toEqual(['photo.txt'])
    await answer('documents.prepare', () => ({
      ok: false,
      error: { code: 'invalid_input', message: 'photo.txt is not a text document.' }
    }))
    expect(queue.items.map((item) => [item.label, item.status, item.error])).toEqual([
      [
        'huge.txt',
        'failed',
        'huge.txt is 25.0 MB; documents larger than 20 MB cannot be imported.'
      ],
      ['photo.txt', 'failed', 'photo.txt is not a text document.']
    ])
  })

  it('reads at most three documents at a time, and every one in the end', async () => {
    const files = Array.from({ length: 7 }, (_, i) => new File([`Report ${i}`], `r${i}.txt`))
    await act(async () => {
      queue.addFiles(files)
    })
    for (let round = 0; round < 5 && queue.items.some((i) => i.status === 'reading'); round++) {
      await settle()
      expect(inFlight).toBeLessThanOrEqual(3)
      await answer('documents.prepare', prepared)
    }
    expect(mostInFlight).toBe(3)
    expect(queue.items.map((item) => item.fields.title)).toEqual(files.map((_, i) => `Report ${i}`))
    expect(queue.items.every((item) => item.status === 'ready')).toBe(true)
  })

  it('saves the importable documents; one the core refuses stays, with its reason', async () => {
    await act(async () => {
      queue.addText('Accepted report')
      queue.addText('Refused report')
      queue.addText('Undecided duplicate')
    })
    await answer('documents.prepare', (call) => {
      const text = String(call.input.text)
      return {
        ok: true,
        value: draft(text, 'Pasted text', {
          duplicateOf: text.startsWith('Undecided')
            ? { id: 's9', title: 'Already here', trashed: true }
            : null
        })
      }
    })
    let done: Promise<{ failed: number; created: unknown[] }> = Promise.resolve({
      failed: -1,
      created: []
    })
    await act(async () => {
      done = queue.importAll()
    })
    // One at a time: the second waits for the first.
    for (let i = 0; i < 2; i++) {
      expect(calls.map((call) => call.name)).toEqual(['sources.create'])
      await answer('sources.create', (call) =>
        call.input.title === 'Refused report'
          ? { ok: false, error: { code: 'invalid_input', message: 'The URL is not valid.' } }
          : { ok: true, value: { id: 's1', title: call.input.title } }
      )
    }
    const result = await done
    expect(result).toMatchObject({ failed: 1, created: [{ id: 's1' }] })
    expect(queue.items.map((item) => [item.fields.title, item.status, item.saveError])).toEqual([
      ['Refused report', 'ready', 'The URL is not valid.'],
      ['Undecided duplicate', 'ready', null]
    ])
  })
})
