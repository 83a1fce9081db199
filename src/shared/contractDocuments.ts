/** Requests for importing documents, reading them, and citing them (see records for claims). */
export const documentRequests = {} as const
