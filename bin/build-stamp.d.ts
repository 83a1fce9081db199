/** Types for build-stamp.js (plain CommonJS so that bin/attest.js can use it unbuilt). */
declare const buildStamp: {
  sourceHash(): string
  isCurrent(): boolean
  ensureBuilt(onBuild?: () => void): string | null
  stampFile: string
}
export default buildStamp
