import type { RequestInput, RequestName } from '../../shared/contract'
import type { ErrorCode, Result } from '../../shared/result'
import type { RequestOutput } from '../../shared/types'

/** A request the core refused or could not answer; `message` is a sentence for the user. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

const TOKEN_KEY = 'attest.token'
const UNREACHABLE = 'Attest is not reachable. Is it still running?'

/**
 * Browser mode: `attest serve` prints a URL ending in `#token=…`. The token is kept in
 * sessionStorage so a reload works, and taken out of the address bar so it is not copied
 * along with the URL.
 */
export function readToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash)
  if (match?.[1]) {
    const token = decodeURIComponent(match[1])
    try {
      sessionStorage.setItem(TOKEN_KEY, token)
      history.replaceState(null, '', window.location.pathname + window.location.search)
    } catch {
      // Storage disabled: keep the token in the address bar so a reload still works.
    }
    return token
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY)
  } catch {
    return null
  }
}

let cachedToken: string | null | undefined

async function overHttp(name: RequestName, input: unknown): Promise<Result<unknown>> {
  if (cachedToken === undefined) cachedToken = readToken()
  let response: Response
  try {
    response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${cachedToken ?? ''}`,
        'Content-Type': 'application/json'
      },
      body: JSON.stringify(input)
    })
  } catch {
    throw new ApiError('io', UNREACHABLE)
  }
  let body: unknown
  try {
    body = await response.json()
  } catch {
    throw new ApiError('io', UNREACHABLE)
  }
  if (!isResult(body))
    throw new ApiError('internal', 'Attest sent an answer this page cannot read.')
  return body
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false
  if (value.ok === true) return 'value' in value
  return (
    'error' in value &&
    typeof value.error === 'object' &&
    value.error !== null &&
    'message' in value.error
  )
}

export const SAVING_PROBLEM_EVENT = 'attest:saving-problem'

/** Calls the core: through the preload bridge in the app, over HTTP in browser mode. */
export async function call<K extends RequestName>(
  name: K,
  input: RequestInput<K>
): Promise<RequestOutput<K>> {
  let result: Result<unknown>
  if (window.attest) {
    try {
      result = await window.attest.invoke(name, input)
    } catch {
      throw new ApiError('io', UNREACHABLE)
    }
  } else {
    result = await overHttp(name, input)
  }
  if (!result.ok) {
    if (result.error.code === 'unauthorized' && !window.attest) {
      throw new ApiError(
        'unauthorized',
        'This page’s access key is no longer valid. Open the address that “attest serve” printed.'
      )
    }
    // The banner that reports saving problems asks again at once.
    if (['disk_full', 'io', 'read_only'].includes(result.error.code)) {
      window.dispatchEvent(new Event(SAVING_PROBLEM_EVENT))
    }
    throw new ApiError(result.error.code, result.error.message)
  }
  // The core answers each request with its declared output type (src/shared/types.ts).
  return result.value as RequestOutput<K>
}

/** The sentence to show for anything thrown while talking to the core. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message
  if (error instanceof Error) return `Something went wrong: ${error.message}`
  return `Something went wrong: ${String(error)}`
}
