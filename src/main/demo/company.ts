import { deflateSync } from 'node:zlib'
import type { Sqlite } from '../db/connection'
import { slug } from './names'

/**
 * The demo company's invoice details: checksum-valid registry code, KMKR number and IBANs (LHV and SEB, with
 * their BICs), an address in Tallinn, 14 days to pay, a footer and a logo. The company name stays the one
 * given at setup; no random numbers are drawn, so the rest of the demo is unchanged.
 */
export function writeCompanyDetails(s: Sqlite): void {
  const row = s.prepare('select company_name as name, language from settings where id = 1').get() as { name: string; language: string }
  const domain = `${slug(row.name) || 'hooldus'}.example`
  const legalName = /\b(OÜ|AS)$/.test(row.name) ? row.name : `${row.name} OÜ`
  const footer =
    row.language === 'et'
      ? 'Täname koostöö eest! Hooldus- ja remonditöödele kehtib 6-kuuline garantii. Küsimused arvete kohta: arved@' + domain
      : 'Thank you for your business. Service and repair work carries a 6-month warranty. Questions about invoices: arved@' + domain
  s.prepare(
    `update settings set company_legal_name = ?, company_reg_no = ?, company_vat_number = ?, company_address = ?, company_postal_code = ?,
       company_city = ?, company_country = 'EE', company_phone = ?, company_email = ?, company_web = ?, bank_accounts = ?,
       payment_terms_days = 14, invoice_footer = ?, logo = ?, version = version + 1
     where id = 1`
  ).run(
    legalName,
    '14872366',
    'EE102158371',
    'Peterburi tee 46',
    '11415',
    'Tallinn',
    '+372 640 1234',
    `arved@${domain}`,
    `www.${domain}`,
    JSON.stringify([
      { iban: 'EE267700771004815261', bankName: 'AS LHV Pank', bic: 'LHVBEE22' },
      { iban: 'EE501022000045637911', bankName: 'AS SEB Pank', bic: 'EEUHEE2X' }
    ]),
    footer,
    demoLogo()
  )
}

/* ---------- the logo: a small PNG drawn here, so the demo ships no binary file ---------- */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(data: Buffer): number {
  let c = 0xffffffff
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** An RGBA image as a PNG (8-bit, no filter). */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height)
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1)
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), row + 1 + x * 4)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 6, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0))
  ])
}

/** A blue disc with a white snowflake-like cross and a warm dot: heating and cooling service. */
export function demoLogo(): string {
  const size = 96
  const c = size / 2
  const png = encodePng(size, size, (x, y) => {
    const dx = x + 0.5 - c
    const dy = y + 0.5 - c
    const r = Math.hypot(dx, dy)
    if (r > 46) return [0, 0, 0, 0]
    if (Math.hypot(dx - 18, dy + 18) < 9) return [0xf2, 0x8c, 0x28, 255]
    const arm = Math.min(Math.abs(dx), Math.abs(dy), Math.abs(dx - dy) / Math.SQRT2, Math.abs(dx + dy) / Math.SQRT2)
    if (r < 34 && arm < 3.2) return [255, 255, 255, 255]
    return [0x1f, 0x4e, 0x79, 255]
  })
  return `data:image/png;base64,${png.toString('base64')}`
}
