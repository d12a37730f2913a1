import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startWebHost, type WebHost } from '../../src/main/http/server'
import { freshDb } from '../support/db'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function start() {
  const { conn } = await freshDb()
  const dir = mkdtempSync(join(tmpdir(), 'hooldus-web-'))
  const rendererDir = join(dir, 'renderer')
  mkdirSync(rendererDir, { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>')
  const logged: unknown[] = []
  const host: WebHost = await startWebHost({ conn, rendererDir, port: 0, log: (m, e) => logged.push([m, e]) })
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  cleanups.push(() => host.close())
  return { host, port: host.port, token: host.token, logged, rendererDir }
}

/** Sends bytes as they are (a request line no HTTP client would build) and answers the status code. */
function raw(port: number, text: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text))
    let got = ''
    socket.on('data', (c: Buffer) => {
      got += c.toString('latin1')
      const m = /^HTTP\/1\.1 (\d{3})/.exec(got)
      if (m) {
        resolve(Number(m[1]))
        socket.destroy()
      }
    })
    socket.on('error', reject)
    socket.on('close', () => reject(new Error(`connection closed without a status line: ${JSON.stringify(got)}`)))
  })
}

function get(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent: false, headers: { host: `127.0.0.1:${port}` } }, (res) => {
      res.resume()
      resolve(res.statusCode!)
    })
    req.on('error', reject)
    req.end()
  })
}

async function statusCall(port: number, token: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth.status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hooldus-token': token },
    body: '{}'
  })
  return res.status
}

describe('browser-mode host against malformed URLs', () => {
  it('answers 400 to a broken percent-encoding in a page path and keeps serving', async () => {
    const { port, token } = await start()
    expect(await get(port, '/%E0%A4%A')).toBe(400)
    expect(await get(port, '/assets/%E0%A4%A.js')).toBe(400)
    expect(await statusCall(port, token)).toBe(200)
  })

  it('answers 400 to a broken percent-encoding in an export path and keeps serving', async () => {
    const { port, token } = await start()
    expect(await get(port, '/export/%E0%A4%A')).toBe(400)
    expect(await statusCall(port, token)).toBe(200)
  })

  it('answers 400 to a request line whose target is not a URL and keeps serving', async () => {
    const { port, token } = await start()
    expect(await raw(port, `GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`)).toBe(400)
    expect(await raw(port, `GET //[ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`)).toBe(400)
    expect(await statusCall(port, token)).toBe(200)
  })

  it('answers 500, logs, and keeps serving when a handler throws synchronously', async () => {
    const { port, token, logged, rendererDir } = await start()
    // index.html is read synchronously on each page request: without it the static handler throws.
    rmSync(join(rendererDir, 'index.html'))
    expect(await get(port, '/')).toBe(500)
    expect(logged).toHaveLength(1)
    expect(await statusCall(port, token)).toBe(200)
  })
})
