import { parentPort, workerData, type MessagePort } from 'node:worker_threads'
import { toAppError, type Result } from '../../shared/result'
import type { WorkerData, WorkerReply, WorkerRequest } from '../core'
import { configureDiagnostics } from '../diagnostics'
import { runRequest } from '../dispatch'
import { Caches, type CoreContext } from '../records/context'
import { ProjectStore } from './projectStore'

if (!parentPort) throw new Error('The store worker must run in a worker thread')
const port: MessagePort = parentPort

const options = workerData as WorkerData
configureDiagnostics({
  dir: options.logDir,
  echo: options.logEcho ? (text) => process.stderr.write(`${text}\n`) : null
})
const reply = (message: WorkerReply): void => port.postMessage(message)

async function main(): Promise<void> {
  let store: ProjectStore
  try {
    store = await ProjectStore.open(options.projectPath, options)
  } catch (error) {
    reply({ type: 'failed', error: toAppError(error) })
    process.exit(0)
  }
  const ctx: CoreContext = { store, deviceId: options.deviceId, caches: new Caches() }
  // Requests run one after another, in the order they arrive.
  let queue: Promise<unknown> = Promise.resolve()
  port.on('message', (request: WorkerRequest) => {
    queue = queue.then(async () => {
      if (request.type === 'close') {
        let result: Result<unknown> = { ok: true, value: null }
        try {
          store.close()
        } catch (error) {
          result = { ok: false, error: toAppError(error) }
        }
        reply({ type: 'result', id: request.id, result })
        port.close()
        return
      }
      const result = await runRequest(ctx, request.name, request.input)
      reply({ type: 'result', id: request.id, result })
    })
  })
  reply({ type: 'ready', projectPath: store.path })
}

void main()
