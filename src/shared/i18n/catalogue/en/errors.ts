/** Messages of the errors the services raise, by code. */
export const errors = {}
