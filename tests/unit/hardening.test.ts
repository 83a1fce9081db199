import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  APP_ENTRY,
  APP_ORIGIN,
  confirmExternalDialog,
  externalLinkDecision,
  navigationAllowed,
  originOf,
  permissionAllowed,
  rendererEntry,
  requestAllowed,
  resolveAppFile
} from '../../src/main/hardening'
import { menuTemplate } from '../../src/main/menuTemplate'
import { CONTENT_SECURITY_POLICY } from '../../src/server/http'
import type { MenuItemConstructorOptions } from 'electron'

const ROOT = path.resolve(__dirname, '../..')

describe('where the window loads from', () => {
  const devUrl = 'http://localhost:5173/'
  it.each([
    { packaged: true, env: { ELECTRON_RENDERER_URL: devUrl }, url: APP_ENTRY, dev: false },
    { packaged: true, env: {}, url: APP_ENTRY, dev: false },
    { packaged: false, env: { ELECTRON_RENDERER_URL: devUrl }, url: devUrl, dev: true },
    { packaged: false, env: {}, url: APP_ENTRY, dev: false },
    // Not a loopback dev server: ignored even in development.
    {
      packaged: false,
      env: { ELECTRON_RENDERER_URL: 'https://evil.example/' },
      url: APP_ENTRY,
      dev: false
    },
    {
      packaged: false,
      env: { ELECTRON_RENDERER_URL: 'file:///tmp/x.html' },
      url: APP_ENTRY,
      dev: false
    },
    { packaged: false, env: { ELECTRON_RENDERER_URL: 'not a url' }, url: APP_ENTRY, dev: false }
  ])('packaged=$packaged env=$env → $url', ({ packaged, env, url, dev }) => {
    expect(rendererEntry({ packaged, env })).toEqual({ url, dev })
  })

  it('the app origin is attest://app', () => {
    expect(APP_ENTRY).toBe('attest://app/index.html')
    expect(originOf(APP_ENTRY)).toBe(APP_ORIGIN)
  })
})

describe('navigation guard (will-navigate, will-frame-navigate)', () => {
  const appOrigin = APP_ORIGIN
  it.each([
    ['attest://app/index.html', true, true],
    ['attest://app/index.html#/claims', true, true],
    ['attest://other/index.html', true, false],
    ['https://news.example.vn/article', true, false],
    ['http://localhost:5173/', true, false],
    ['file:///etc/passwd', true, false],
    ['javascript:alert(1)', true, false],
    ['data:text/html,<script>alert(1)</script>', true, false],
    ['about:srcdoc', true, false],
    ['blob:attest://app/5b8e', true, false],
    // The sandboxed briefing preview is a sub-frame with its own document.
    ['about:srcdoc', false, true],
    ['about:blank', false, true],
    ['blob:attest://app/5b8e', false, true],
    ['blob:https://evil.example/5b8e', false, false],
    ['https://news.example.vn/article', false, false],
    ['file:///etc/passwd', false, false]
  ])('%s (main frame: %s) → allowed %s', (url, mainFrame, allowed) => {
    expect(navigationAllowed(url, { appOrigin, mainFrame })).toBe(allowed)
  })

  it('in development the dev server is the app origin, and only it', () => {
    const dev = originOf('http://localhost:5173/')!
    expect(
      navigationAllowed('http://localhost:5173/#/x', { appOrigin: dev, mainFrame: true })
    ).toBe(true)
    expect(navigationAllowed('http://localhost:5174/', { appOrigin: dev, mainFrame: true })).toBe(
      false
    )
  })
})

describe('session request filter', () => {
  it.each([
    ['attest://app/assets/index.js', false, true],
    ['data:font/woff2;base64,AAAA', false, true],
    ['blob:attest://app/1', false, true],
    ['file:///tmp/attest-print-1/briefing.html', false, true],
    ['https://fonts.example.com/a.woff2', false, false],
    ['http://127.0.0.1:8080/api', false, false],
    ['ws://localhost:5173/', false, false],
    ['devtools://devtools/bundled/inspector.html', false, false],
    ['devtools://devtools/bundled/inspector.html', true, true]
  ])('%s (dev: %s) → allowed %s', (url, dev, allowed) => {
    expect(requestAllowed(url, { appOrigin: APP_ORIGIN, dev })).toBe(allowed)
  })
})

describe('permissions', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'fullscreen'
  ])('%s is refused', (permission) => expect(permissionAllowed(permission)).toBe(false))
})

describe('links leaving the app', () => {
  it.each([
    ['https://news.example.vn/ties-52-years', 'https', 'news.example.vn'],
    ['HTTP://Example.COM:8080/a?b=c#d', 'http', 'example.com:8080'],
    ['https://xn--80ak6aa92e.com/', 'https', 'xn--80ak6aa92e.com'],
    ['mailto:desk@example.org', 'mailto', 'example.org']
  ])('%s is asked about (%s, host %s)', (raw, scheme, host) => {
    const link = externalLinkDecision(raw)
    expect(link).toMatchObject({ ok: true, scheme, host })
  })

  it('an internationalised host is shown as its punycode, so a look-alike is visible', () => {
    const link = externalLinkDecision('https://аррӏе.com/login')
    expect(link).toMatchObject({ ok: true, host: 'xn--80ak6aa92e.com' })
  })

  it.each([
    ['javascript:alert(1)', 'Links of type "javascript:" are not opened'],
    ['file:///etc/passwd', 'Links of type "file:"'],
    ['data:text/html,hi', 'Links of type "data:"'],
    ['vbscript:msgbox', 'Links of type "vbscript:"'],
    ['smb://host/share', 'Links of type "smb:"'],
    ['ms-msdt:/id PCWDiagnostic', 'Links of type "ms-msdt:"'],
    ['attest://app/index.html', 'Links of type "attest:"'],
    ['https://user:secret@example.com/', 'user name or password'],
    ['not a url', 'not a valid URL'],
    ['', 'empty'],
    [42, 'empty'],
    ['https://example.com/' + 'a'.repeat(5000), 'longer than 4096']
  ])('%s is refused: %s', (raw, reason) => {
    const link = externalLinkDecision(raw)
    expect(link.ok).toBe(false)
    if (!link.ok) expect(link.reason).toContain(reason)
  })

  it('the dialog shows the host and the whole URL, and Cancel is the default', () => {
    const link = externalLinkDecision('https://news.example.vn/a/very/long/path?q=1#frag')
    if (!link.ok) throw new Error('expected a link')
    const dialog = confirmExternalDialog(link)
    expect(dialog.message).toBe('Open news.example.vn in your browser?')
    expect(dialog.detail).toContain('https://news.example.vn/a/very/long/path?q=1#frag')
    expect(dialog.buttons[dialog.defaultId]).toBe('Cancel')
    expect(dialog.buttons[dialog.cancelId]).toBe('Cancel')
    expect(dialog.buttons[1]).toBe('Open in browser')
  })
})

describe('the attest:// file server', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-scheme-'))
  fs.mkdirSync(path.join(root, 'assets'))

  it.each([
    ['attest://app/', 'index.html', 'text/html; charset=utf-8'],
    ['attest://app/index.html', 'index.html', 'text/html; charset=utf-8'],
    ['attest://app/assets/index-1a2b.js', 'assets/index-1a2b.js', 'text/javascript; charset=utf-8'],
    ['attest://app/assets/index-1a2b.css', 'assets/index-1a2b.css', 'text/css; charset=utf-8'],
    ['attest://app/assets/noto-sans.woff2', 'assets/noto-sans.woff2', 'font/woff2'],
    ['attest://app/assets/sql-wasm.wasm', 'assets/sql-wasm.wasm', 'application/wasm'],
    ['attest://app/assets/icon.svg', 'assets/icon.svg', 'image/svg+xml'],
    ['attest://app/assets/a%20b.js?v=1#x', 'assets/a b.js', 'text/javascript; charset=utf-8']
  ])('%s → %s as %s', (url, file, mime) => {
    expect(resolveAppFile(url, root)).toEqual({ ok: true, file: path.join(root, file), mime })
  })

  it.each([
    ['attest://app/..%2f..%2fsecret.js', 403],
    ['attest://app/assets%5c..%5c..%5csecret.js', 403],
    ['attest://app/index.html%00.js', 403],
    ['attest://app/%E0%A4%A', 400],
    ['attest://other/index.html', 404],
    ['https://app/index.html', 404],
    ['attest://app/project.attest', 404],
    ['attest://app/assets/index.js.exe', 404],
    ['attest://app/README', 404]
  ])('%s is refused with %i', (url, status) => {
    const result = resolveAppFile(url, root)
    expect(result).toMatchObject({ ok: false, status })
  })

  it.each([
    'attest://app/../../../etc/passwd.txt',
    'attest://app/%2e%2e/%2e%2e/etc/passwd.txt',
    'attest://app/assets/%2E%2E/%2E%2E/secret.js'
  ])('%s never leaves the folder (the URL parser folds dot segments into the root)', (url) => {
    const result = resolveAppFile(url, root)
    expect(result.ok && result.file.startsWith(root + path.sep)).toBe(true)
  })

  it('only GET and HEAD are served', () => {
    expect(resolveAppFile('attest://app/', root, 'POST')).toMatchObject({ ok: false, status: 405 })
    expect(resolveAppFile('attest://app/', root, 'HEAD')).toMatchObject({ ok: true })
  })

  it('serves every file of the built renderer with a known type, and its CSP is the strict one', () => {
    const out = path.join(ROOT, 'out', 'renderer')
    const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8')
    // Every script and stylesheet is a relative file of our own, found on attest://app/.
    const refs = [...html.matchAll(/(?:src|href)="(\.\/[^"]+)"/g)].map((match) => match[1]!)
    expect(refs.length).toBeGreaterThan(0)
    for (const ref of refs) {
      const served = resolveAppFile(new URL(ref, APP_ENTRY).href, out)
      expect(served, ref).toMatchObject({ ok: true })
      if (served.ok) expect(fs.existsSync(served.file), ref).toBe(true)
    }
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    for (const file of fs.readdirSync(path.join(out, 'assets'))) {
      expect(resolveAppFile(`${APP_ORIGIN}/assets/${file}`, out), file).toMatchObject({ ok: true })
    }
    // The meta policy is the header policy minus what a meta tag cannot carry.
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    const header = CONTENT_SECURITY_POLICY.replace(/; frame-ancestors 'none'$/, '')
    expect(meta).toBe(header)
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|file:|https?:|\*/)
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
  })
})

describe('the application menu', () => {
  const labels = (items: MenuItemConstructorOptions[]): string[] =>
    items.flatMap((item) => [
      String(item.role ?? item.label ?? item.type),
      ...(Array.isArray(item.submenu) ? labels(item.submenu) : [])
    ])

  it.each(['linux', 'win32', 'darwin'])(
    'a packaged build on %s has no developer tools and no reload',
    (platform) => {
      const all = labels(menuTemplate({ packaged: true, platform }, () => undefined))
      expect(all).not.toContain('toggleDevTools')
      expect(all).not.toContain('reload')
      expect(all).not.toContain('forceReload')
      expect(all).not.toContain('viewMenu')
      expect(all).toEqual(expect.arrayContaining(['View', 'zoomIn', 'togglefullscreen']))
    }
  )

  it('a development build keeps them', () => {
    const all = labels(menuTemplate({ packaged: false, platform: 'linux' }, () => undefined))
    expect(all).toEqual(expect.arrayContaining(['toggleDevTools', 'reload', 'forceReload']))
  })

  it('menu commands reach the page', () => {
    const sent: string[] = []
    const template = menuTemplate({ packaged: true, platform: 'linux' }, (command) => {
      sent.push(command)
    })
    const edit = template.find((item) => item.label === 'Edit')!
      .submenu as MenuItemConstructorOptions[]
    const undo = edit.find((item) => item.label === 'Undo')!
    ;(undo.click as () => void)()
    expect(sent).toEqual(['undo'])
  })
})

describe('File ▸ Open Recent', () => {
  const fileMenu = (recent: string[], open: (file: string) => void) =>
    menuTemplate(
      { packaged: true, platform: 'linux', recent, openRecent: open },
      () => undefined
    ).find((item) => item.label === 'File')!.submenu as MenuItemConstructorOptions[]
  const recentMenu = (items: MenuItemConstructorOptions[]) =>
    items.find((item) => item.label === 'Open Recent')!.submenu as MenuItemConstructorOptions[]

  it('lists the recent projects and opens the one clicked', () => {
    const opened: string[] = []
    const items = recentMenu(fileMenu(['/p/a.attest', '/p/b.attest'], (f) => opened.push(f)))
    expect(items.map((item) => item.label)).toEqual(['/p/a.attest', '/p/b.attest'])
    ;(items[1]?.click as () => void)()
    expect(opened).toEqual(['/p/b.attest'])
  })

  it('says so, disabled, when there are none', () => {
    expect(recentMenu(fileMenu([], () => undefined))).toEqual([
      { label: 'No recent projects', enabled: false }
    ])
  })

  it.each(['linux', 'win32', 'darwin'])('is in the File menu on %s', (platform) => {
    const file = menuTemplate({ packaged: true, platform }, () => undefined).find(
      (item) => item.label === 'File'
    )!.submenu as MenuItemConstructorOptions[]
    expect(file.map((item) => item.label ?? item.role ?? item.type)).toEqual([
      'Open Recent',
      'separator',
      'Import Documents…',
      'separator',
      platform === 'darwin' ? 'close' : 'quit'
    ])
  })
})

describe('Help ▸ About', () => {
  it.each(['linux', 'win32'])('is in a Help menu on %s', (platform) => {
    const help = menuTemplate({ packaged: true, platform }, () => undefined).find(
      (item) => item.label === 'Help'
    )
    expect(help?.submenu).toEqual([{ role: 'about', label: 'About Attest' }])
  })
  it('is in the app menu on macOS, with no Help menu of its own', () => {
    const template = menuTemplate({ packaged: true, platform: 'darwin' }, () => undefined)
    expect(template[0]).toEqual({ role: 'appMenu' })
    expect(template.find((item) => item.label === 'Help')).toBeUndefined()
  })
})
