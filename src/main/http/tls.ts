import { X509Certificate } from 'node:crypto'
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface HostCertificate {
  key: string
  cert: string
  /** SHA-256 of the certificate, colon-separated hex: what a client pins and a person compares. */
  fingerprint: string
  keyFile: string
  certFile: string
}

/**
 * The shop server's self-signed certificate, made on first start and kept next to the database
 * (`hooldus-host.key` readable by the owner only, `hooldus-host.crt`): the same certificate, and so the same
 * fingerprint, on every later start — paired clients pin it (docs/adr/0033-shop-server.md).
 */
export async function hostCertificate(dir: string, names: readonly string[]): Promise<HostCertificate> {
  const keyFile = join(dir, 'hooldus-host.key')
  const certFile = join(dir, 'hooldus-host.crt')
  if (!existsSync(keyFile) || !existsSync(certFile)) {
    const ips = names.filter((n) => /^[\d.]+$/.test(n) || n.includes(':'))
    const dns = names.filter((n) => !ips.includes(n))
    // Loaded here, once per certificate ever made: the X.509 library is a tenth of every start of the host and the CLI.
    const { generate } = await import('selfsigned')
    const now = new Date()
    const made = await generate([{ name: 'commonName', value: dns[0] ?? 'hooldus' }], {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate: now,
      notAfterDate: new Date(now.getTime() + 20 * 365 * 24 * 3600 * 1000),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [...dns.map((value) => ({ type: 2 as const, value })), ...ips.map((ip) => ({ type: 7 as const, ip }))]
        }
      ]
    })
    // The key first, with its mode from the start, so that it is never readable by others even for a moment.
    writeFileSync(keyFile, made.private, { mode: 0o600 })
    chmodSync(keyFile, 0o600)
    writeFileSync(certFile, made.cert)
  }
  const key = readFileSync(keyFile, 'utf8')
  const cert = readFileSync(certFile, 'utf8')
  return { key, cert, fingerprint: new X509Certificate(cert).fingerprint256, keyFile, certFile }
}
