/** The command line's help and messages. */
export const cli = {
  seeHelp: '{{message}} (see --help)',
  debugHint: '{{message}} (set HOOLDUS_DEBUG=1 for details)',
  langOption: '--lang must be et or en, not "{{value}}"',
  needsSubCommand: '"{{group}}" needs a sub-command: {{commands}}',
  unknownSubCommand: 'Unknown command "{{command}}"; try "{{commands}}"',
  unknownCommand: 'Unknown command "{{command}}"',
  foreignOptions: '"{{command}}" does not take --{{options}}',
  someOptions: 'Some options need attention.',
  noDatabase: 'There is no database at {{file}}. Create one with "migrate" or "demo", or pass --db <file>.',
  backedUp: 'Backed up the database to {{file}} before migrating it.',
  noUser: 'There is no user "{{user}}" in this database.',
  userDisabled: 'The user "{{user}}" is disabled.',
  noAdministrator: 'This database has no active administrator; pass --user <name>.',
  langHelp: '  --lang et|en  the language of messages (default: the --user’s, else the company’s)'
}
