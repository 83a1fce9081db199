import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test as base, expect } from '@playwright/test'
import { AppPage } from './pages/AppPage'

const ROOT = path.resolve(__dirname, '../..')
const BIN = path.join(ROOT, 'bin', 'attest.js')
const READY = /Attest is serving .+ at (http:\/\/\S+)/
const START_TIMEOUT_MS = 20_000
const STOP_TIMEOUT_MS = 15_000

export type AttestServer = {
  /** The URL `attest serve` printed, token included. */
  url: string
  origin: string
  token: string
  projectPath: string
  /**
   * Stops the server (it checkpoints on SIGTERM) and serves the same file again, running
   * `between` while it is stopped.
   */
  restart(between?: () => void | Promise<void>): Promise<string>
  /** Called before the server stops, so the page can finish what it is asking (set by `app`). */
  beforeStop?: () => Promise<void>
  /** Calls the HTTP API directly, e.g. to seed records. */
  api<T = unknown>(name: string, input: unknown): Promise<T>
}

type Running = { child: ChildProcess; url: string }

function startServer(
  projectPath: string,
  home: string,
  log: string[],
  env: Record<string, string> = {}
): Promise<Running> {
  const child = spawn(process.execPath, [BIN, 'serve', projectPath, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, ...env, ATTEST_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  return new Promise((resolve, reject) => {
    let stdout = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`attest serve did not start within ${START_TIMEOUT_MS} ms`))
    }, START_TIMEOUT_MS)
    child.stdout?.setEncoding('utf8')
    child.stderr?.setEncoding('utf8')
    child.stdout?.on('data', (chunk: string) => {
      log.push(`[stdout] ${chunk}`)
      stdout += chunk
      const match = READY.exec(stdout)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve({ child, url: match[1] })
      }
    })
    child.stderr?.on('data', (chunk: string) => log.push(`[stderr] ${chunk}`))
    child.once('exit', (code, signal) => {
      log.push(`[exit] code=${String(code)} signal=${String(signal)}\n`)
      clearTimeout(timer)
      reject(new Error(`attest serve exited early (code ${String(code)}):\n${log.join('')}`))
    })
  })
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

function tokenOf(url: string): string {
  return new URL(url).hash.replace(/^#token=/, '')
}

type Fixtures = {
  /** Extra environment for `attest serve` (e.g. ATTEST_FAULTS for the fault suite). */
  serverEnv: Record<string, string>
  attest: AttestServer
  app: AppPage
  consoleProblems: string[]
}

export const test = base.extend<Fixtures>({
  serverEnv: [{}, { option: true }],
  attest: async ({ serverEnv }, use, testInfo) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-e2e-'))
    const home = path.join(dir, 'home')
    const projectPath = path.join(dir, 'project.attest')
    const log: string[] = []
    execFileSync(process.execPath, [BIN, 'new', projectPath], {
      cwd: ROOT,
      env: { ...process.env, ATTEST_HOME: home }
    })
    let running = await startServer(projectPath, home, log, serverEnv)

    const server: AttestServer = {
      url: running.url,
      origin: new URL(running.url).origin,
      token: tokenOf(running.url),
      projectPath,
      async restart(between) {
        await server.beforeStop?.()
        await stopServer(running.child)
        await between?.()
        log.push('[test] restarting\n')
        running = await startServer(projectPath, home, log, serverEnv)
        server.url = running.url
        server.origin = new URL(running.url).origin
        server.token = tokenOf(running.url)
        return running.url
      },
      async api<T>(name: string, input: unknown): Promise<T> {
        const response = await fetch(`${server.origin}/api/${name}`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${server.token}`,
            'Content-Type': 'application/json'
          },
          body: JSON.stringify(input)
        })
        const body = (await response.json()) as
          { ok: true; value: T } | { ok: false; error: { code: string; message: string } }
        if (!body.ok) throw new Error(`${name} failed: ${body.error.message}`)
        return body.value
      }
    }

    try {
      await use(server)
    } finally {
      await stopServer(running.child)
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('attest-serve.log', {
          body: log.join('') || '(no output)',
          contentType: 'text/plain'
        })
      }
      fs.rmSync(dir, { recursive: true, force: true })
    }
  },

  // Console errors, uncaught exceptions and AG Grid warnings fail the test.
  consoleProblems: [
    async ({ page }, use) => {
      const problems: string[] = []
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
      page.on('console', (message) => {
        const text = message.text()
        if (message.type() === 'error' || (message.type() === 'warning' && /AG Grid/i.test(text))) {
          problems.push(`${message.type()}: ${text}`)
        }
      })
      await use(problems)
      expect(problems, 'the page logged errors').toEqual([])
    },
    { auto: true }
  ],

  app: async ({ page, attest }, use) => {
    const app = new AppPage(page)
    // A server stopped under an unanswered request makes the browser log a connection error:
    // let the page's last requests (counts, undo state) finish first, then leave the page, so
    // that its save-health poll does not knock on the stopped server. A restart is followed
    // by opening the app at the new address.
    attest.beforeStop = async () => {
      await app.settle()
      await page.goto('about:blank')
    }
    await app.open(attest.url)
    await use(app)
    await app.settle()
  }
})

export { expect }
