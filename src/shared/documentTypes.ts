/** Output types of the document requests (contractDocuments.ts). */
export type DocumentOutputs = Record<never, never>
