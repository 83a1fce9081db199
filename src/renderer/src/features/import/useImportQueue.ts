import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { sourceFields } from '../../../../shared/schemas'
import type { DocumentDraft } from '../../../../shared/documentTypes'
import type { Reliability, SourceKind } from '../../../../shared/domain'
import type { SourceWithContent } from '../../../../shared/types'
import { call, errorMessage } from '../../api'
import { fileToBase64, isReferenceFile, MAX_FILE_BYTES, tooLargeMessage } from './readFile'

/** The metadata the analyst confirms or corrects before a document becomes a source. */
export type DraftFields = {
  title: string
  url: string
  publisher: string
  author: string
  publishedAt: string
  language: string
  kind: SourceKind
  reliability: Reliability | null
}

export type Duplicate = {
  /** The source already in the project, or null when it is another document of this import. */
  id: string | null
  title: string
  trashed: boolean
}

export type ImportItem = {
  key: string
  /** The file name, or "Pasted text". */
  label: string
  status: 'reading' | 'ready' | 'failed' | 'saving'
  /** Why the document cannot be imported (binary, empty, too large…). */
  error: string | null
  draft: DocumentDraft | null
  fields: DraftFields
  duplicate: Duplicate | null
  /** For duplicates: undecided until the analyst chooses. */
  decision: 'ask' | 'import'
  /** Why saving failed (e.g. a field the core refused). */
  saveError: string | null
}

const EMPTY_FIELDS: DraftFields = {
  title: '',
  url: '',
  publisher: '',
  author: '',
  publishedAt: '',
  language: '',
  kind: 'article',
  reliability: null
}

function fieldsOf(draft: DocumentDraft): DraftFields {
  return {
    title: draft.title,
    url: draft.url ?? '',
    publisher: draft.publisher ?? '',
    author: draft.author ?? '',
    publishedAt: draft.publishedAt ?? '',
    language: draft.language ?? '',
    kind: 'article',
    reliability: null
  }
}

const VALIDATORS = {
  title: sourceFields.title,
  url: sourceFields.url,
  publisher: sourceFields.publisher,
  author: sourceFields.author,
  publishedAt: sourceFields.publishedAt,
  language: sourceFields.language
} as const

export type CheckedField = keyof typeof VALIDATORS

/** The sentence the core would answer for a field, checked as the analyst types. */
export function fieldErrors(fields: DraftFields): Partial<Record<CheckedField, string>> {
  const errors: Partial<Record<CheckedField, string>> = {}
  for (const name of Object.keys(VALIDATORS) as CheckedField[]) {
    const result = VALIDATORS[name].safeParse(fields[name])
    if (!result.success) errors[name] = result.error.issues[0]?.message ?? 'This is not valid'
  }
  return errors
}

/** Ready to save: read, valid, and (for duplicates) the analyst chose to import it anyway. */
export function isImportable(item: ImportItem): boolean {
  return (
    item.status === 'ready' &&
    item.draft !== null &&
    (item.duplicate === null || item.decision === 'import') &&
    Object.keys(fieldErrors(item.fields)).length === 0
  )
}

/** An item once the core has read it; the same text earlier in the list makes it a duplicate. */
function readyItem(
  item: ImportItem,
  draft: DocumentDraft,
  list: readonly ImportItem[]
): ImportItem {
  const index = list.indexOf(item)
  const twin = list.find(
    (other, i) =>
      other.key !== item.key && other.draft?.contentHash === draft.contentHash && i < index
  )
  const duplicate: Duplicate | null = draft.duplicateOf
    ? { ...draft.duplicateOf }
    : twin
      ? { id: null, title: twin.label, trashed: false }
      : null
  return {
    ...item,
    status: 'ready',
    draft,
    fields: fieldsOf(draft),
    duplicate,
    decision: duplicate ? 'ask' : 'import'
  }
}

let nextKey = 1

/** Files are read and analysed a few at a time: a drop of fifty must not send fifty at once. */
const MAX_PARALLEL = 3
let running = 0
const waiting: (() => void)[] = []

async function limited<T>(task: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve))
  running++
  try {
    return await task()
  } finally {
    running--
    waiting.shift()?.()
  }
}

/** The documents of one import: read by the core, confirmed by the analyst, then saved. */
export function useImportQueue() {
  const [items, setItems] = useState<ImportItem[]>([])
  const itemsRef = useRef(items)
  useEffect(() => {
    itemsRef.current = items
  })

  const update = useCallback((key: string, change: (item: ImportItem) => ImportItem) => {
    setItems((list) => list.map((item) => (item.key === key ? change(item) : item)))
  }, [])

  const prepare = useCallback(
    async (
      key: string,
      input: { fileName: string } & ({ dataBase64: string } | { text: string })
    ) => {
      try {
        const draft = await call('documents.prepare', input)
        setItems((list) =>
          list.map((item) => (item.key === key ? readyItem(item, draft, list) : item))
        )
      } catch (error) {
        update(key, (item) => ({ ...item, status: 'failed', error: errorMessage(error) }))
      }
    },
    [update]
  )

  /** A reference file: its one item becomes one item per record ("refs.ris · 2 of 5"). */
  const prepareReferences = useCallback(
    async (key: string, input: { fileName: string; dataBase64: string }) => {
      try {
        const { drafts } = await call('references.prepare', input)
        setItems((list) => {
          const at = list.findIndex((item) => item.key === key)
          const placeholder = list[at]
          if (!placeholder) return list
          const records = drafts.map((draft, i) => ({
            item: {
              ...placeholder,
              key: `${key}-${i + 1}`,
              label:
                drafts.length === 1
                  ? input.fileName
                  : `${input.fileName} · ${i + 1} of ${drafts.length}`
            },
            draft
          }))
          const next = [...list.slice(0, at), ...records.map((r) => r.item), ...list.slice(at + 1)]
          return next.map((item) => {
            const record = records.find((r) => r.item.key === item.key)
            return record ? readyItem(item, record.draft, next) : item
          })
        })
      } catch (error) {
        update(key, (item) => ({ ...item, status: 'failed', error: errorMessage(error) }))
      }
    },
    [update]
  )

  const addItem = useCallback((label: string, status: ImportItem['status'], error?: string) => {
    const key = `doc-${nextKey++}`
    const item: ImportItem = {
      key,
      label,
      status,
      error: error ?? null,
      draft: null,
      fields: { ...EMPTY_FIELDS, title: label },
      duplicate: null,
      decision: 'import',
      saveError: null
    }
    setItems((list) => [...list, item])
    return key
  }, [])

  /** Reads files (in the page) and asks the core what they are. */
  const addFiles = useCallback(
    (files: readonly File[]): string[] => {
      const keys: string[] = []
      for (const file of files) {
        if (file.size > MAX_FILE_BYTES) {
          keys.push(addItem(file.name, 'failed', tooLargeMessage(file)))
          continue
        }
        const key = addItem(file.name, 'reading')
        keys.push(key)
        void limited(async () => {
          let dataBase64: string
          try {
            dataBase64 = await fileToBase64(file)
          } catch (error) {
            update(key, (item) => ({
              ...item,
              status: 'failed',
              error: `${file.name} could not be read: ${errorMessage(error)}`
            }))
            return
          }
          if (isReferenceFile(file.name)) {
            await prepareReferences(key, { fileName: file.name, dataBase64 })
          } else await prepare(key, { fileName: file.name, dataBase64 })
        })
      }
      return keys
    },
    [addItem, prepare, prepareReferences, update]
  )

  const addText = useCallback(
    (text: string): string => {
      const key = addItem('Pasted text', 'reading')
      void limited(() => prepare(key, { fileName: 'Pasted text', text }))
      return key
    },
    [addItem, prepare]
  )

  const remove = useCallback((key: string) => {
    setItems((list) => list.filter((item) => item.key !== key))
  }, [])

  const setFields = useCallback(
    (key: string, change: Partial<DraftFields>) => {
      update(key, (item) => ({ ...item, fields: { ...item.fields, ...change }, saveError: null }))
    },
    [update]
  )

  const decide = useCallback(
    (key: string, decision: ImportItem['decision']) => {
      update(key, (item) => ({ ...item, decision }))
    },
    [update]
  )

  /** Saves every importable document, one by one; the ones saved leave the queue. */
  const importAll = useCallback(async (): Promise<{
    created: SourceWithContent[]
    failed: number
  }> => {
    const created: SourceWithContent[] = []
    let failed = 0
    for (const item of itemsRef.current.filter(isImportable)) {
      const { draft, fields } = item
      if (!draft) continue
      update(item.key, (current) => ({ ...current, status: 'saving', saveError: null }))
      try {
        const source = await call('sources.create', {
          title: fields.title,
          url: fields.url,
          publisher: fields.publisher,
          author: fields.author,
          publishedAt: fields.publishedAt,
          language: fields.language,
          kind: fields.kind,
          reliability: fields.reliability,
          content: draft.content,
          layout: draft.layout
        })
        created.push(source)
        remove(item.key)
      } catch (error) {
        failed++
        update(item.key, (current) => ({
          ...current,
          status: 'ready',
          saveError: errorMessage(error)
        }))
      }
    }
    return { created, failed }
  }, [remove, update])

  const clear = useCallback(() => setItems([]), [])

  return useMemo(
    () => ({ items, addFiles, addText, remove, setFields, decide, importAll, clear }),
    [items, addFiles, addText, remove, setFields, decide, importAll, clear]
  )
}

export type ImportQueue = ReturnType<typeof useImportQueue>
