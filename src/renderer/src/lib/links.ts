import type { MouseEvent } from 'react'

/**
 * A click on a link to the outside (a source's URL, a URL cell). In the desktop app the page
 * never opens it itself: the shell shows the full address and asks first, and opens only
 * http, https and mailto links. In browser mode the browser opens it in a new tab with no
 * opener and no referrer (the anchor's rel), which is the browser's own ask-free behaviour.
 */
export function onExternalLinkClick(event: MouseEvent<HTMLAnchorElement>, url: string): void {
  const bridge = window.attest
  if (!bridge) return
  event.preventDefault()
  void bridge.invoke('shell.openLink', { url }).then((result) => {
    if (!result.ok) window.alert(result.error.message)
  })
}
