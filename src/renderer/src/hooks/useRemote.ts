import { useEffect, useRef, useState } from 'react'

/**
 * Data from the core, fetched again whenever `key` changes (the record, or a revision that
 * says it changed). While the next answer is on its way the last one stays on screen;
 * an answer that arrives after a newer request is dropped.
 */
export function useRemote<T>(
  key: string | null,
  load: () => Promise<T>,
  onError: (error: unknown) => void
): { data: T | undefined; loadedKey: string | null } {
  const [state, setState] = useState<{ data: T | undefined; loadedKey: string | null }>({
    data: undefined,
    loadedKey: null
  })
  const latest = useRef({ load, onError })
  useEffect(() => {
    latest.current = { load, onError }
  })

  useEffect(() => {
    if (key === null) return
    let current = true
    latest.current.load().then(
      (data) => {
        if (current) setState({ data, loadedKey: key })
      },
      (error: unknown) => {
        if (current) latest.current.onError(error)
      }
    )
    return () => {
      current = false
    }
  }, [key])

  return state
}
