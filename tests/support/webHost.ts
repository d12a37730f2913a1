import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import { startWebHost, type WebHost, type WebHostOptions } from '../../src/main/http/server'
import { freshDb } from './db'

/**
 * A browser-mode host on a fresh database and a free loopback port, serving an empty page as the renderer;
 * closed and removed when the test ends.
 */
export async function startTestHost(options: Partial<Omit<WebHostOptions, 'conn' | 'rendererDir'>> = {}) {
  const { conn } = await freshDb()
  const dir = mkdtempSync(join(tmpdir(), 'hooldus-web-'))
  const rendererDir = join(dir, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>')
  const host: WebHost = await startWebHost({ conn, rendererDir, port: 0, ...options })
  onTestFinished(async () => {
    await host.close()
    rmSync(dir, { recursive: true, force: true })
  })
  return { conn, host, port: host.port, token: host.token }
}
