import type { Shape } from '../shape'
import type { shop as en } from '../en/shop'

export const shop: Shape<typeof en> = {
  pairPage: {
    title: 'Seo Hoolduse poe serveriga',
    intro: 'Sisesta poe serveris (konsoolis või Seaded → Käitus) näidatud sidumiskood.',
    code: 'Sidumiskood',
    machine: 'Selle seadme nimi',
    machineDefault: 'Telefon',
    pair: 'Seo'
  },
  tab: 'Käitus',
  server: {
    title: 'Poe server',
    notServing:
      'See paigaldus ei jaga andmebaasi poe võrku. Käivita see käsuga „npm run serve” või seadega „Jaga seda andmebaasi poe võrku”.',
    addresses: 'Aadressid',
    fingerprint: 'Sertifikaadi sõrmejälg (SHA-256)',
    fingerprintHint: 'Tööjaam näitab sidumisel sama sõrmejälge; kui see erineb, ära seo.'
  },
  serve: {
    title: 'Jaga seda andmebaasi poe võrku',
    hint: 'Poe tööjaamad ja telefonid seotakse selle arvutiga ja töötavad selle andmebaasiga, kuni see arvuti töötab. Aadressi, sõrmejälge ja sidumiskoodi näitab allolev poe serveri kaart.',
    on: 'Sees',
    off: 'Väljas',
    listen: 'Kuulamisaadress',
    listenHint: '0.0.0.0:5179 = kõik võrgud',
    names: 'Nimed kohtvõrgus',
    namesHint: 'Nimed või aadressid, millega poe arvutid selle arvutini jõuavad, nt poe-arvuti.lan, 192.168.1.10',
    apply: 'Rakenda',
    running: 'Jagatakse aadressil {{url}}'
  },
  code: {
    title: 'Sidumiskood',
    validUntil: 'Kehtib kuni {{time}}',
    expired: 'Aegunud',
    burnt: 'Liiga paljude valede katsete järel kehtetu',
    renew: 'Uus kood'
  },
  clients: {
    title: 'Seotud kliendid',
    empty: 'Ükski tööjaam ega telefon pole veel seotud.',
    machine: 'Arvuti',
    signedIn: 'Sisse logitud',
    since: 'Alates',
    lastSeen: 'Viimati nähtud',
    paired: 'Seotud',
    nobody: 'Keegi ei ole',
    revoked: 'Tühistatud {{time}}',
    revoke: 'Tühista',
    confirmTitle: 'Tühistada see sidumine?',
    confirm: '{{machine}} ei pääse enam serverisse ja selle kasutajad logitakse kohe välja. Selle saab uue koodiga uuesti siduda.',
    done: 'Sidumine tühistatud'
  },
  backup: {
    title: 'Varukoopiad',
    file: 'Fail'
  }
}
