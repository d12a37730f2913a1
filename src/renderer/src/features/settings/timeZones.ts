/** The zones a Baltic or Nordic service company is most likely in, first in the list. */
export const COMMON_TIME_ZONES = [
  'Europe/Tallinn',
  'Europe/Riga',
  'Europe/Vilnius',
  'Europe/Helsinki',
  'Europe/Stockholm',
  'Europe/Oslo',
  'Europe/Copenhagen',
  'Europe/Warsaw',
  'Europe/Berlin',
  'Europe/London',
  'UTC'
]

/** Every zone the runtime knows (Intl.supportedValuesOf where available), common ones first. */
export function timeZoneOptions(current: string, labels: { common: string; all: string }): { group: string; items: string[] }[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
  const common = COMMON_TIME_ZONES.includes(current) || !current ? COMMON_TIME_ZONES : [current, ...COMMON_TIME_ZONES]
  const rest = all.filter((z) => !common.includes(z))
  return rest.length
    ? [
        { group: labels.common, items: common },
        { group: labels.all, items: rest }
      ]
    : [{ group: labels.common, items: common }]
}
