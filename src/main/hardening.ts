import path from 'node:path'

/**
 * Every security decision of the desktop shell, as pure functions of their inputs, so that
 * they are tested under Node without an Electron binary. `index.ts` only wires them to
 * Electron's events.
 */

/** The privileged scheme the app's own pages are served from (never file://). */
export const APP_SCHEME = 'attest'
export const APP_HOST = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY = `${APP_ORIGIN}/index.html`

export type RendererEntry = { url: string; dev: boolean }

/**
 * Where the window loads from. The dev server URL that electron-vite sets is honoured only
 * in an unpackaged build and only when it is a loopback http URL; a packaged build always
 * loads its own files, whatever the environment says.
 */
export function rendererEntry(options: {
  packaged: boolean
  env: Record<string, string | undefined>
}): RendererEntry {
  const devUrl = options.packaged ? undefined : devServerUrl(options.env.ELECTRON_RENDERER_URL)
  return devUrl ? { url: devUrl, dev: true } : { url: APP_ENTRY, dev: false }
}

function devServerUrl(value: string | undefined): string | undefined {
  if (!value) return undefined
  try {
    const url = new URL(value)
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
    return url.protocol === 'http:' && loopback ? url.href : undefined
  } catch {
    return undefined
  }
}

/** The origin of what the window loaded: our scheme, or the dev server in development. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url)
    if (parsed.protocol === `${APP_SCHEME}:`) return `${APP_SCHEME}://${parsed.host}`
    return parsed.origin === 'null' ? null : parsed.origin
  } catch {
    return null
  }
}

/**
 * May a frame navigate to `url`? The top frame only within the app's own origin; a sub-frame
 * (the sandboxed briefing preview) also to its own document (about:srcdoc, about:blank) and
 * to blob: URLs the app made. Everything else — http(s), file:, javascript:, other schemes —
 * is refused.
 */
export function navigationAllowed(
  url: string,
  options: { appOrigin: string; mainFrame: boolean }
): boolean {
  if (originOf(url) === options.appOrigin && !url.startsWith('blob:')) return true
  if (options.mainFrame) return false
  if (url === 'about:srcdoc' || url === 'about:blank') return true
  return url.startsWith(`blob:${options.appOrigin}/`)
}

/**
 * Which requests the session lets through: the app's own origin (and the dev server in
 * development), blob:/data: the page made, file: for the hidden print window's temp file,
 * and devtools: in development only. The app makes no network requests.
 */
export function requestAllowed(url: string, options: { appOrigin: string; dev: boolean }): boolean {
  if (/^(data|blob|file):/i.test(url)) return true
  if (options.dev && /^devtools:/i.test(url)) return true
  return originOf(url) === options.appOrigin
}

/** Cameras, notifications, geolocation, clipboard reads…: the app asks for none of them. */
export function permissionAllowed(_permission: string): boolean {
  return false
}

export type ExternalLink =
  | { ok: true; url: string; scheme: 'http' | 'https' | 'mailto'; host: string }
  | { ok: false; reason: string }

/**
 * A link from an imported document or a record, before anything opens it: only http, https
 * and mailto are ever handed to the operating system; the URL is normalised by the WHATWG
 * parser, so what the dialog shows is what would open.
 */
export function externalLinkDecision(raw: unknown): ExternalLink {
  if (typeof raw !== 'string' || raw.trim() === '') {
    return { ok: false, reason: 'The link is empty.' }
  }
  if (raw.length > 4096) return { ok: false, reason: 'The link is longer than 4096 characters.' }
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return { ok: false, reason: 'The link is not a valid URL.' }
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase()
  if (scheme !== 'http' && scheme !== 'https' && scheme !== 'mailto') {
    return {
      ok: false,
      reason: `Links of type "${scheme}:" are not opened; only http, https and mailto links are.`
    }
  }
  if (scheme !== 'mailto' && url.hostname === '') {
    return { ok: false, reason: 'The link names no host.' }
  }
  if (url.username || url.password) {
    return { ok: false, reason: 'Links that carry a user name or password are not opened.' }
  }
  const host = scheme === 'mailto' ? url.pathname.split('@').pop() || '' : url.host
  return { ok: true, url: url.href, scheme, host }
}

export type ConfirmDialog = {
  type: 'question'
  title: string
  message: string
  detail: string
  buttons: string[]
  defaultId: number
  cancelId: number
  noLink: true
}

/** The question asked before a link leaves the app: the host in bold words, the full URL. */
export function confirmExternalDialog(link: Extract<ExternalLink, { ok: true }>): ConfirmDialog {
  const where =
    link.scheme === 'mailto'
      ? `Write an email (to ${link.host || 'no address'}) in your mail program?`
      : `Open ${link.host} in your browser?`
  return {
    type: 'question',
    title: 'Open link',
    message: where,
    detail: `The full address is:\n${link.url}\n\nThe link comes from a document or record in this project; open it only if you trust it.`,
    buttons: ['Cancel', link.scheme === 'mailto' ? 'Write email' : 'Open in browser'],
    defaultId: 0,
    cancelId: 0,
    noLink: true
  }
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8'
}

export type AppFile =
  | { ok: true; file: string; mime: string }
  | { ok: false; status: 400 | 403 | 404 | 405; reason: string }

/**
 * Maps a request on the app's scheme to a file under `root` (out/renderer). Only our host,
 * only GET and HEAD: a path that climbs out of `root` (`..`, encoded or not, backslashes,
 * NUL) is refused with 403; an unknown file type with 404, so nothing is served as a type it
 * is not. `/` is index.html.
 */
export function resolveAppFile(requestUrl: string, root: string, method = 'GET'): AppFile {
  if (method !== 'GET' && method !== 'HEAD') {
    return { ok: false, status: 405, reason: 'Only GET.' }
  }
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return { ok: false, status: 400, reason: 'Not a URL.' }
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { ok: false, status: 404, reason: 'Not the app.' }
  }
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return { ok: false, status: 400, reason: 'Malformed percent-encoding.' }
  }
  if (pathname.includes('\0') || pathname.includes('\\')) {
    return { ok: false, status: 403, reason: 'Refused path.' }
  }
  const segments = pathname.split('/').filter((part) => part !== '')
  if (segments.some((part) => part === '..' || part === '.')) {
    return { ok: false, status: 403, reason: 'Refused path.' }
  }
  const relative = segments.length === 0 ? 'index.html' : segments.join('/')
  const base = path.resolve(root)
  const file = path.resolve(base, relative)
  if (file !== base && !file.startsWith(base + path.sep)) {
    return { ok: false, status: 403, reason: 'Refused path.' }
  }
  const mime = MIME_TYPES[path.extname(file).toLowerCase()]
  if (!mime) return { ok: false, status: 404, reason: 'Unknown file type.' }
  return { ok: true, file, mime }
}
