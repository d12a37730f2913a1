/** CSV column headers, by list. */
export const csv = {}
