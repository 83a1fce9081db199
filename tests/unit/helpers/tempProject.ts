import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'
import { openLocalCore, type Core } from '../../../src/server/core'
import type { CoreContext } from '../../../src/server/records/context'

const dirs: string[] = []
const cores: Array<Core> = []

afterEach(async () => {
  for (const core of cores.splice(0)) await core.close().catch(() => undefined)
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

/** A fresh temp folder, removed after the test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-test-'))
  dirs.push(dir)
  return dir
}

/** A new project on a real temp file, opened on this thread; closed after the test. */
export async function tempProject(
  file = path.join(tempDir(), 'project.attest')
): Promise<Core & { ctx: CoreContext; file: string }> {
  const core = await openLocalCore({
    projectPath: file,
    deviceId: 'test-device',
    create: true,
    idleCheckpointMs: 0
  })
  cores.push(core)
  return Object.assign(core, { file })
}

export const REPO_ROOT = path.resolve(__dirname, '../../..')
