import type { AttestBridge } from '../shared/bridge'

declare global {
  interface Window {
    /** Present in the desktop app; absent in browser mode, where the HTTP API is used. */
    attest?: AttestBridge
  }
}
