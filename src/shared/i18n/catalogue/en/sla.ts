/** Service-level agreements, clocks, the compliance report. */
export const sla = {}
