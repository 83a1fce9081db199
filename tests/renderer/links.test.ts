// @vitest-environment jsdom
import type { MouseEvent } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { onExternalLinkClick } from '../../src/renderer/src/lib/links'
import type { AttestBridge } from '../../src/shared/bridge'
import type { Result } from '../../src/shared/result'

/** A click on an anchor, as React hands it to onClick. */
function click(): { event: MouseEvent<HTMLAnchorElement>; prevented: () => boolean } {
  let prevented = false
  const event = {
    preventDefault: () => {
      prevented = true
    }
  } as MouseEvent<HTMLAnchorElement>
  return { event, prevented: () => prevented }
}

/** The preload's bridge is the process boundary: what crosses it is what we check. */
function desktopBridge(answer: Result<unknown>): Array<[string, unknown]> {
  const calls: Array<[string, unknown]> = []
  const bridge: AttestBridge = {
    platform: 'electron',
    invoke: async (name, input) => {
      calls.push([name, input])
      return answer
    },
    onCommand: () => () => undefined
  }
  window.attest = bridge
  return calls
}

afterEach(() => {
  delete window.attest
})

describe('clicking a link from a document', () => {
  it('in the desktop app, the page does not open it but asks the shell, which asks the user', () => {
    const calls = desktopBridge({ ok: true, value: { opened: false } })
    const { event, prevented } = click()
    onExternalLinkClick(event, 'https://news.example.vn/ties-52-years')
    expect(prevented()).toBe(true)
    expect(calls).toEqual([['shell.openLink', { url: 'https://news.example.vn/ties-52-years' }]])
  })

  it('a link the shell refuses is explained in a sentence', async () => {
    desktopBridge({
      ok: false,
      error: { code: 'invalid_input', message: 'Links of type "file:" are not opened.' }
    })
    const alerts: string[] = []
    window.alert = (message?: unknown) => {
      alerts.push(String(message))
    }
    onExternalLinkClick(click().event, 'file:///etc/passwd')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(alerts).toEqual(['Links of type "file:" are not opened.'])
  })

  it('in browser mode the browser opens it itself (new tab, no opener)', () => {
    const { event, prevented } = click()
    onExternalLinkClick(event, 'https://news.example.vn/')
    expect(prevented()).toBe(false)
  })
})
