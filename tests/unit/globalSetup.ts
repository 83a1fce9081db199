import buildStamp from '../../bin/build-stamp.js'

/**
 * The unit tests spawn the CLI (bin/attest.js) and its store worker from out/: they must run
 * the code in the tree, not an older build. Builds once before any test file when out/ does
 * not match the sources.
 */
export default function setup(): void {
  const failed = buildStamp.ensureBuilt(() =>
    process.stdout.write('Building the app from the current sources…\n')
  )
  if (failed) throw new Error(`The app does not build, so no test can run:\n${failed}`)
}
