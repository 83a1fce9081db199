import os from 'node:os'
import type { ProjectHolder } from '../shared/types'
import { AttestError, fail, ok, toAppError, type Result } from '../shared/result'
import type { Core, CoreOptions } from './core'
import { parseRequest } from './dispatch'
import { lockHolderAt } from './store/lock'

type Opener = (options: CoreOptions) => Promise<Core>

/**
 * The project a window shows (`attest serve`), which may be in use by another Attest process
 * when the window opens. Then every request answers `in_use`, `project.holder` names the
 * holder, and `project.reopen` tries again — as before, taking the project over (a holder on
 * another computer only), or for reading only — so the window can offer the choice instead
 * of the server refusing to start.
 */
export async function openServedCore(options: CoreOptions, open: Opener): Promise<Core> {
  let core: Core | null = null
  let holder: ProjectHolder | null = null
  let reopening: Promise<Result<unknown>> | null = null

  const attempt = async (extra: Partial<CoreOptions>): Promise<void> => {
    try {
      core = await open({ ...options, ...extra })
      holder = null
    } catch (error) {
      const found = error instanceof AttestError && error.code === 'conflict'
      const record = found ? lockHolderAt(`${options.projectPath}.lock`) : null
      if (!found || !record) throw error
      holder = {
        host: record.host,
        pid: record.pid,
        since: record.since || null,
        otherHost: record.host !== os.hostname(),
        message: error.message
      }
    }
  }
  await attempt({})

  const reopen = async (payload: unknown): Promise<Result<unknown>> => {
    const parsed = parseRequest('project.reopen', payload)
    if (!parsed.ok) return parsed.error
    const { mode } = parsed.input as { mode: 'retry' | 'take-over' | 'read-only' }
    try {
      await attempt(
        mode === 'take-over' ? { takeOver: true } : mode === 'read-only' ? { readOnly: true } : {}
      )
    } catch (error) {
      return { ok: false, error: toAppError(error) }
    }
    const still = holder as ProjectHolder | null
    return still ? fail('in_use', still.message) : ok({ reopened: true })
  }

  return {
    projectPath: options.projectPath,
    invoke(name, payload) {
      if (core) return core.invoke(name, payload)
      if (name === 'project.holder') return Promise.resolve(ok(holder))
      if (name === 'project.reopen') {
        // One attempt at a time: a second click waits for the first.
        reopening ??= reopen(payload).finally(() => {
          reopening = null
        })
        return reopening
      }
      return Promise.resolve(fail('in_use', holder?.message ?? 'The project is not open.'))
    },
    async close() {
      await (core as Core | null)?.close()
    }
  }
}
