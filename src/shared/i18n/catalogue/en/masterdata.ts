/** Customers, sites, service objects, workers, items, teams, service tasks, code tables. */
export const masterdata = {}
