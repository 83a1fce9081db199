import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { api, exited, serve } from './helpers/serve'
import { REPO_ROOT, tempDir } from './helpers/tempProject'

function attest(args: string[], home: string) {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/attest.js'), ...args], {
    env: { ...process.env, ATTEST_HOME: home },
    encoding: 'utf8'
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('attest serve and the project lock', () => {
  it('names the other computer that holds a project and takes it over with --take-over', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'shared.attest')
    expect(attest(['new', file], dir).code).toBe(0)
    const foreign = JSON.stringify({
      pid: 31337,
      host: 'office-desktop',
      start: '5',
      nonce: 'abc',
      since: '2026-03-04T05:06:07.000Z'
    })
    fs.writeFileSync(`${file}.lock`, foreign)

    // The server starts all the same: the page names the holder and offers the way out.
    const waiting = await serve(file, dir)
    const message =
      'Cannot open shared.attest: it is in use by Attest on the computer "office-desktop" (pid 31337, since 2026-03-04 05:06 UTC). If Attest is no longer running on office-desktop, take the project over: add --take-over to the command (attest serve or attest import).'
    expect(await api(waiting, 'claims.list', {})).toMatchObject({
      json: { ok: false, error: { code: 'in_use', message } }
    })
    expect((await api(waiting, 'project.holder', {})).json).toEqual({
      ok: true,
      value: {
        host: 'office-desktop',
        pid: 31337,
        since: '2026-03-04T05:06:07.000Z',
        otherHost: true,
        message
      }
    })
    expect(fs.readFileSync(`${file}.lock`, 'utf8')).toBe(foreign)
    // "Take over" in the page.
    expect((await api(waiting, 'project.reopen', { mode: 'take-over' })).json).toEqual({
      ok: true,
      value: { reopened: true }
    })
    expect(JSON.parse(fs.readFileSync(`${file}.lock`, 'utf8'))).toMatchObject({
      pid: waiting.child.pid
    })
    expect((await api(waiting, 'stats', {})).json).toMatchObject({ ok: true })
    waiting.child.kill('SIGTERM')
    await exited(waiting.child)
    fs.writeFileSync(`${file}.lock`, foreign)

    const served = await serve(file, dir, ['--take-over'])
    const lock = JSON.parse(fs.readFileSync(`${file}.lock`, 'utf8')) as { pid: number }
    expect(lock.pid).toBe(served.child.pid)
    // A second server on this computer cannot take over from the first, which is alive; it
    // can open the project for reading only.
    const second = await serve(file, dir, ['--take-over'])
    const refused = await api(second, 'project.reopen', { mode: 'take-over' })
    expect(refused.json.error?.code).toBe('in_use')
    expect(refused.json.error?.message).toContain(
      `it is in use by another Attest process on this computer (pid ${served.child.pid}`
    )
    expect((await api(second, 'project.holder', {})).json.value).toMatchObject({
      pid: served.child.pid,
      otherHost: false
    })
    expect((await api(second, 'project.reopen', { mode: 'read-only' })).json.ok).toBe(true)
    expect((await api(second, 'project.health', {})).json.value).toMatchObject({
      readOnly: 'shared.attest is open for reading only: changes cannot be saved.'
    })
    second.child.kill('SIGTERM')
    await exited(second.child)
    expect(JSON.parse(fs.readFileSync(`${file}.lock`, 'utf8'))).toMatchObject({
      pid: served.child.pid
    })
    served.child.kill('SIGTERM')
    await exited(served.child)
    expect(fs.existsSync(`${file}.lock`)).toBe(false)
  })

  it('imports into a project locked from another computer only with --take-over', () => {
    const dir = tempDir()
    const file = path.join(dir, 'shared.attest')
    const document = path.join(dir, 'note.txt')
    fs.writeFileSync(document, 'Harbour note\n\nThe ferry runs twice a day from 1 March 2026.\n')
    expect(attest(['new', file], dir).code).toBe(0)
    const foreign = JSON.stringify({
      pid: 31337,
      host: 'office-desktop',
      start: '5',
      nonce: 'abc',
      since: '2026-03-04T05:06:07.000Z'
    })
    fs.writeFileSync(`${file}.lock`, foreign)

    const refused = attest(['import', file, document], dir)
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toContain('it is in use by Attest on the computer "office-desktop"')
    expect(fs.readFileSync(`${file}.lock`, 'utf8')).toBe(foreign)
    expect(attest(['stats', file, '--json'], dir).stdout).toContain('"sources":0')

    const taken = attest(['import', file, document, '--take-over'], dir)
    expect(taken.stderr).toBe('')
    expect(taken.stdout).toContain('1 of 1 documents imported')
    expect(taken.code).toBe(0)
    // The import let go of the lock it took over; the other computer's is gone with it.
    expect(fs.existsSync(`${file}.lock`)).toBe(false)
    expect(attest(['stats', file, '--json'], dir).stdout).toContain('"sources":1')
  })

  it('opens a project at once after the server holding it was killed', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'killed.attest')
    const first = await serve(file, dir)
    first.child.kill('SIGKILL')
    // No wait for the exit: the killed server may not be reaped yet.
    const second = await serve(file, dir)
    second.child.kill('SIGTERM')
    await exited(second.child)
    await exited(first.child)
  })
})
