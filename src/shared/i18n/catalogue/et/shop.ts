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
