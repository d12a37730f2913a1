/** The shop server: its pairing page and the operations page in Settings (docs/adr/0033). */
export const shop = {
  pairPage: {
    title: 'Pair with the Hooldus shop server',
    intro: 'Type the pairing code shown on the shop server (its console or Settings → Operations).',
    code: 'Pairing code',
    machine: 'Name of this device',
    machineDefault: 'Phone',
    pair: 'Pair'
  },
  tab: 'Operations',
  server: {
    title: 'Shop server',
    notServing:
      'This installation does not serve the shop’s network. Start it with “npm run serve” or the setting “Serve this database to the shop’s network”.',
    addresses: 'Addresses',
    fingerprint: 'Certificate fingerprint (SHA-256)',
    fingerprintHint: 'A workstation shows the same fingerprint when it pairs; if it differs, do not pair.'
  },
  serve: {
    title: 'Serve this database to the shop’s network',
    hint: 'Workstations and phones in the shop pair with this computer and work on its database while it runs. The shop server card below shows the address, fingerprint and pairing code.',
    on: 'On',
    off: 'Off',
    listen: 'Listen address',
    listenHint: '0.0.0.0:5179 = every network',
    names: 'LAN names',
    namesHint: 'Names or addresses the shop’s machines reach this computer by, e.g. shop-pc.lan, 192.168.1.10',
    apply: 'Apply',
    running: 'Serving at {{url}}'
  },
  code: {
    title: 'Pairing code',
    validUntil: 'Valid until {{time}}',
    expired: 'Expired',
    burnt: 'Burnt after too many wrong tries',
    renew: 'New code'
  },
  clients: {
    title: 'Paired clients',
    empty: 'No workstation or phone is paired yet.',
    machine: 'Machine',
    signedIn: 'Signed in',
    since: 'Since',
    lastSeen: 'Last seen',
    paired: 'Paired',
    nobody: 'Nobody',
    revoked: 'Revoked {{time}}',
    revoke: 'Revoke',
    confirmTitle: 'Revoke this pairing?',
    confirm: '{{machine}} can no longer reach the server and its users are signed out at once. It can be paired again with a new code.',
    done: 'Pairing revoked'
  },
  backup: {
    title: 'Backups',
    file: 'File'
  }
}
