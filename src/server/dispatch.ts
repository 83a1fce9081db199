import { z } from 'zod'
import { contract, isRequestName, type RequestName } from '../shared/contract'
import { AttestError, fail, toAppError, type Result } from '../shared/result'
import { recordUnexpected } from './diagnostics'
import { handlers, type Handler } from './handlers'
import type { CoreContext } from './records/context'

/**
 * Describes a schema failure in one sentence a user can act on: the first problem only, and
 * the field's path only when the message does not already name the field.
 */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'The request is not valid.'
  const generic = /^(Invalid|Too|Unrecognized|Expected)/.test(issue.message)
  const where = issue.path.length && generic ? `${issue.path.join('.')}: ` : ''
  return `${where}${issue.message}`
}

/** Parses an untrusted payload for request `name`; the front doors call this first. */
export function parseRequest(
  name: string,
  payload: unknown
): { ok: true; name: RequestName; input: unknown } | { ok: false; error: Result<never> } {
  if (!isRequestName(name)) {
    return { ok: false, error: fail('unknown_request', `There is no request named "${name}".`) }
  }
  const parsed = contract[name].input.safeParse(payload ?? {})
  if (!parsed.success) {
    return { ok: false, error: fail('invalid_input', describeIssues(parsed.error)) }
  }
  return { ok: true, name, input: parsed.data }
}

/** Runs an already-parsed request against the open project. Never throws. */
export async function runRequest(
  ctx: CoreContext,
  name: RequestName,
  input: unknown
): Promise<Result<unknown>> {
  // The window's health poll is not the user working; everything else is.
  if (name !== 'project.health') ctx.store.noteActivity()
  try {
    const handler = handlers[name] as Handler<RequestName>
    const value = await handler(ctx, input as never)
    return { ok: true, value }
  } catch (error) {
    recordUnexpected(error, `request ${name}`)
    const appError = toAppError(error)
    if (
      !(error instanceof AttestError) &&
      /disk image is malformed|not a database/i.test(appError.message)
    ) {
      return fail(
        'io',
        'This part of the project cannot be read: the file is damaged. Export what can still be read into a new project.'
      )
    }
    if (!(error instanceof AttestError) && /constraint failed/i.test(appError.message)) {
      return fail('conflict', describeConstraint(appError.message))
    }
    return { ok: false, error: appError }
  }
}

function describeConstraint(message: string): string {
  if (/UNIQUE/i.test(message)) return 'That would create a duplicate of an existing record.'
  if (/FOREIGN KEY/i.test(message)) return 'That refers to a record that does not exist.'
  const check = /CHECK constraint failed: (.+)$/i.exec(message)
  if (check) return `That value is not allowed here (the rule "${check[1]}" was broken).`
  return message
}
