/** The desktop app as a client of a shop server: which database it works on, and pairing (issue 21). */
export const shopClient = {
  ownDatabase: 'Working on this computer’s own database',
  onServer: 'Working on the shop server {{address}} as {{machine}}',
  fingerprint: 'Server certificate (SHA-256)',
  connect: 'Connect to a shop server',
  pairAgain: 'Pair again',
  useOwn: 'Use this computer’s own database',
  intro:
    'The shop server shows its address and a pairing code under Settings. From this pairing on, this computer trusts only that server’s certificate.',
  address: 'Server address',
  addressHint: 'For example shop-pc:5179 or https://192.168.1.10:5179',
  code: 'Pairing code',
  machine: 'This computer’s name',
  machineHint: 'The server lists its clients by this name',
  pair: 'Pair'
}
