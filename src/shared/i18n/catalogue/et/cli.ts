import type { cli as en } from '../en/cli'
import type { Shape } from '../shape'

export const cli: Shape<typeof en> = {
  seeHelp: '{{message}} (vt --help)',
  debugHint: '{{message}} (üksikasjad: HOOLDUS_DEBUG=1)',
  langOption: '--lang peab olema et või en, mitte "{{value}}"',
  needsSubCommand: '"{{group}}" vajab alamkäsku: {{commands}}',
  unknownSubCommand: 'Tundmatu käsk "{{command}}"; proovi "{{commands}}"',
  unknownCommand: 'Tundmatu käsk "{{command}}"',
  foreignOptions: '"{{command}}" ei võta võtit --{{options}}',
  someOptions: 'Mõni võti vajab tähelepanu.',
  noDatabase: 'Andmebaasi {{file}} pole. Loo see käsuga "migrate" või "demo" või anna --db <fail>.',
  backedUp: 'Andmebaasist tehti enne uuendamist varukoopia: {{file}}.',
  noUser: 'Selles andmebaasis pole kasutajat "{{user}}".',
  userDisabled: 'Kasutaja "{{user}}" on suletud.',
  noAdministrator: 'Selles andmebaasis pole aktiivset administraatorit; anna --user <nimi>.',
  langHelp: '  --lang et|en  teadete keel (vaikimisi --user kasutaja oma, muidu ettevõtte oma)'
}
