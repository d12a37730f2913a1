import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The `electronFuses:` block of electron-builder.yml as key → value. A small exact parse (two-space
 * indented `key: true|false` lines) rather than a YAML library the project does not depend on.
 */
function fuses(): Record<string, boolean> {
  const lines = readFileSync(join(import.meta.dirname, '../../electron-builder.yml'), 'utf8').split('\n')
  const start = lines.indexOf('electronFuses:')
  expect(start, 'electron-builder.yml has an electronFuses block').toBeGreaterThanOrEqual(0)
  const out: Record<string, boolean> = {}
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue
    const m = /^ {2}([A-Za-z]+): (true|false)$/.exec(line)
    if (!m) break
    out[m[1]!] = m[2] === 'true'
  }
  return out
}

describe('Electron fuses in the installer build', () => {
  it('turns off running as Node, NODE_OPTIONS and --inspect, and turns on asar integrity, asar-only loading and cookie encryption', () => {
    expect(fuses()).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true
    })
  })

  it('keeps the app in an asar archive, which the integrity and asar-only fuses rely on', () => {
    expect(readFileSync(join(import.meta.dirname, '../../electron-builder.yml'), 'utf8')).toMatch(/^asar: true$/m)
  })
})
