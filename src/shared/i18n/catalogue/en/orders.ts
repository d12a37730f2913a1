/** Service orders: the list, the order page, lines, stages, sign-off, posting. */
export const orders = {}
