/** Vite's `?raw` import: the file's text, bundled into the build (CLI, HTTP host and app alike). */
declare module '*.css?raw' {
  const text: string
  export default text
}
