import path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { RequestName, RequestInput } from '../shared/contract'
import { AttestError, fail, type AppError, type Result } from '../shared/result'
import type { RequestOutput } from '../shared/types'
import { diagnosticsSettings } from './diagnostics'
import { parseRequest, runRequest } from './dispatch'
import { Caches, type CoreContext } from './records/context'
import { ProjectStore, type OpenOptions } from './store/projectStore'

export type CoreOptions = OpenOptions & {
  projectPath: string
  deviceId: string
}

/** What the store worker starts with: the project, and where unexpected errors are logged. */
export type WorkerData = CoreOptions & { logDir: string | null; logEcho: boolean }

/** An open project, whichever thread it lives on. */
export interface Core {
  readonly projectPath: string
  /** Parses `payload` from unknown and runs the request. Never throws. */
  invoke(name: string, payload: unknown): Promise<Result<unknown>>
  close(): Promise<void>
}

/** Typed convenience over `invoke` for our own code (CLI, tests). */
export async function call<K extends RequestName>(
  core: Core,
  name: K,
  input: RequestInput<K>
): Promise<RequestOutput<K>> {
  const result = await core.invoke(name, input)
  if (!result.ok) throw new AttestError(result.error.code, result.error.message)
  return result.value as RequestOutput<K>
}

/** Runs the store on the calling thread: for the CLI's one-shot commands and tests. */
export async function openLocalCore(options: CoreOptions): Promise<Core & { ctx: CoreContext }> {
  const store = await ProjectStore.open(options.projectPath, options)
  const ctx: CoreContext = { store, deviceId: options.deviceId, caches: new Caches() }
  let queue: Promise<unknown> = Promise.resolve()
  return {
    ctx,
    projectPath: store.path,
    invoke(name, payload) {
      const parsed = parseRequest(name, payload)
      if (!parsed.ok) return Promise.resolve(parsed.error)
      const run = queue.then(() => runRequest(ctx, parsed.name, parsed.input))
      queue = run.catch(() => undefined)
      return run
    },
    async close() {
      await queue
      store.close()
    }
  }
}

export type WorkerRequest =
  { type: 'call'; id: number; name: RequestName; input: unknown } | { type: 'close'; id: number }
export type WorkerReply =
  | { type: 'ready'; projectPath: string }
  | { type: 'failed'; error: AppError }
  | { type: 'result'; id: number; result: Result<unknown> }

/**
 * Runs the store on a worker thread so that long queries, imports and exports never block
 * the thread that serves windows or HTTP.
 */
export function openWorkerCore(options: CoreOptions & { workerPath?: string }): Promise<Core> {
  const workerPath = options.workerPath ?? path.join(__dirname, 'storeWorker.js')
  const { workerPath: _ignored, ...options_ } = options
  const workerData: WorkerData = { ...options_, ...diagnosticsSettings() }
  const worker = new Worker(workerPath, { workerData })
  const pending = new Map<number, (result: Result<unknown>) => void>()
  let nextId = 1
  let exited = false

  const failAll = (message: string): void => {
    for (const resolve of pending.values()) resolve(fail('io', message))
    pending.clear()
  }

  return new Promise((resolveOpen, rejectOpen) => {
    let opened = false
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'ready') {
        opened = true
        resolveOpen(core(reply.projectPath))
      } else if (reply.type === 'failed') {
        rejectOpen(new AttestError(reply.error.code, reply.error.message))
      } else {
        pending.get(reply.id)?.(reply.result)
        pending.delete(reply.id)
      }
    })
    worker.on('error', (error) => {
      if (!opened) rejectOpen(error)
      failAll(`The project stopped unexpectedly: ${error.message}`)
    })
    worker.on('exit', () => {
      exited = true
      failAll('The project is closed.')
    })

    function send(request: WorkerRequest): Promise<Result<unknown>> {
      if (exited) return Promise.resolve(fail('io', 'The project is closed.'))
      return new Promise((resolve) => {
        pending.set(request.id, resolve)
        worker.postMessage(request)
      })
    }

    function core(projectPath: string): Core {
      return {
        projectPath,
        invoke(name, payload) {
          const parsed = parseRequest(name, payload)
          if (!parsed.ok) return Promise.resolve(parsed.error)
          return send({ type: 'call', id: nextId++, name: parsed.name, input: parsed.input })
        },
        async close() {
          if (exited) return
          const result = await send({ type: 'close', id: nextId++ })
          await new Promise<void>((resolve) => {
            if (exited) resolve()
            else worker.once('exit', () => resolve())
          })
          if (!result.ok) throw new AttestError(result.error.code, result.error.message)
        }
      }
    }
  })
}
