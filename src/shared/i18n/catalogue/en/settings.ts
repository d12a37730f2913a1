/** Company settings, users, stages, number sequences. */
export const settings = {
  company: {
    title: 'Company',
    name: 'Company name',
    regNo: 'Registry code',
    vatNumber: 'VAT number',
    address: 'Address',
    currency: 'Currency',
    timeZone: 'Time zone',
    timeZoneHint: 'Working hours, SLA clocks and dates run in this zone',
    language: 'Language',
    languageHint: 'Of new users and customers, and of the sign-in screen'
  }
}
