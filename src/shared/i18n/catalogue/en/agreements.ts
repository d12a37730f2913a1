/** Service agreements, their editor, templates, generation. */
export const agreements = {}
