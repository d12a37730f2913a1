import type { shopClient as en } from '../en/shopClient'
import type { Shape } from '../shape'

/** Töölauarakendus töökoja serveri kliendina: millise andmebaasiga see töötab ja sidumine (teema 21). */
export const shopClient: Shape<typeof en> = {
  ownDatabase: 'Töötab selle arvuti oma andmebaasiga',
  onServer: 'Töötab töökoja serveriga {{address}} nimega {{machine}}',
  fingerprint: 'Serveri sertifikaat (SHA-256)',
  connect: 'Ühenda töökoja serveriga',
  pairAgain: 'Seo uuesti',
  useOwn: 'Kasuta selle arvuti oma andmebaasi',
  intro:
    'Töökoja server näitab oma aadressi ja sidumiskoodi seadete all. Sellest sidumisest alates usaldab see arvuti ainult selle serveri sertifikaati.',
  address: 'Serveri aadress',
  addressHint: 'Näiteks töökoja-arvuti:5179 või https://192.168.1.10:5179',
  code: 'Sidumiskood',
  machine: 'Selle arvuti nimi',
  machineHint: 'Server näitab oma kliente selle nime järgi',
  pair: 'Seo'
}
