/** Requests for CSV exports and PDF briefings. */
export const exportRequests = {} as const
