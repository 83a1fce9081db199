// citation-js ships no type declarations; these are the parts used by import/references.ts.
declare module '@citation-js/core' {
  export class Cite {
    static async(data: unknown, options?: { forceType?: string }): Promise<Cite>
    data: unknown[]
  }
}
declare module '@citation-js/plugin-ris'
declare module '@citation-js/plugin-bibtex'
