/** Errors cross every boundary as data, never as thrown exceptions. */

export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'unknown_request',
  'unauthorized',
  'forbidden',
  'unsupported_version',
  'not_a_project',
  'io',
  'disk_full',
  'read_only',
  'in_use',
  'cancelled',
  'internal'
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export type AppError = { code: ErrorCode; message: string }
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message }
})

/** Thrown inside the core; turned into `{ ok: false }` at the boundary. */
export class AttestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'AttestError'
  }
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AttestError) return { code: error.code, message: error.message }
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'internal', message: `Unexpected error: ${message}` }
}
