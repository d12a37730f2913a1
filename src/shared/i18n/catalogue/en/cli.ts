/** The command line's help and messages. */
export const cli = {}
