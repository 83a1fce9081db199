/** Output types of the export requests (contractExports.ts). */
export type ExportOutputs = Record<never, never>
