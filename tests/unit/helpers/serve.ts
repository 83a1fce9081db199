import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { REPO_ROOT } from './tempProject'

export type Served = {
  child: ChildProcess
  url: string
  origin: string
  token: string
  port: number
}

/**
 * Starts the built `attest serve` on a project in a child process, with `args` after the
 * file and `env` added to the environment (ATTEST_FAULTS).
 */
export function serve(
  projectPath: string,
  home: string,
  args: string[] = [],
  env: Record<string, string> = {}
): Promise<Served> {
  const child = spawn(
    process.execPath,
    [path.join(REPO_ROOT, 'bin/attest.js'), 'serve', projectPath, '--port', '0', ...args],
    {
      env: { ...process.env, ATTEST_HOME: home, ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${output}`)), 20_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /Attest is serving .* at (http:\/\/127\.0\.0\.1:(\d+)\/#token=(\S+))/.exec(
        output
      )
      if (match) {
        clearTimeout(timer)
        child.stdout?.off('data', onData)
        resolve({
          child,
          url: match[1] as string,
          origin: `http://127.0.0.1:${match[2]}`,
          port: Number(match[2]),
          token: match[3] as string
        })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`serve exited with ${code}: ${output}`))
    })
  })
}

export async function api(
  served: Served,
  name: string,
  body: unknown,
  headers: Record<string, string> = {}
): Promise<{
  status: number
  json: { ok: boolean; value?: unknown; error?: { code: string; message: string } }
}> {
  const response = await fetch(`${served.origin}/api/${name}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${served.token}`,
      'Content-Type': 'application/json',
      ...headers
    },
    body: JSON.stringify(body)
  })
  return { status: response.status, json: (await response.json()) as never }
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
}
