/** The printed documents (PDF): work description, receipt, invoice, credit note, day sheet, SLA report. */
export const documents = {}
