import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import type { ShopConnectInput, ShopStatus } from '@shared/api/bridge'
import type { ApiResult } from '@shared/api/result'
import type { T } from '@shared/i18n/i18n'
import { apiError } from '../api/pipeline'
import { pairWithShop, ShopClient, type ShopPairing } from './shopClient'

/** Electron's `safeStorage` (OS keychain / DPAPI / libsecret), taken as a parameter so that this file never imports Electron. */
export interface KeyProtector {
  isEncryptionAvailable(): boolean
  encryptString(plain: string): Buffer
  decryptString(encrypted: Buffer): string
}

interface StoredShop extends Omit<ShopPairing, 'key'> {
  machine: string
  /** The pairing key, base64 of safeStorage's bytes when `protected`, else as issued (no keychain on this system). */
  key: string
  protected: boolean
}

/**
 * Which database this installation works on: its own (no file) or a paired shop server (the file in the app's
 * user-data folder). Read once at start; connecting and going back to the own database rewrite it.
 */
export class ShopLink {
  private client: ShopClient | null = null
  private machine = ''

  constructor(
    private readonly file: string,
    private readonly protector: KeyProtector | null,
    readonly t: () => T
  ) {
    const stored = this.read()
    if (stored) {
      this.client = new ShopClient(stored.pairing, t)
      this.machine = stored.machine
    }
  }

  /** The paired server the API goes to; null while the app works on its own database. */
  get remote(): ShopClient | null {
    return this.client
  }

  status(): ShopStatus {
    const p = this.client?.pairing
    return p
      ? { mode: 'shop', address: p.address, fingerprint: p.fingerprint, machine: this.machine }
      : { mode: 'local', address: null, fingerprint: null, machine: null }
  }

  /** Pairs with a server; only a pairing that worked replaces the current choice. */
  async connect(input: ShopConnectInput): Promise<ApiResult<ShopStatus>> {
    const machine = input.machine.trim()
    if (!machine) return { ok: false, error: apiError(this.t(), 'VALIDATION', 'errors.shop.noMachine') }
    const paired = await pairWithShop({ ...input, machine }, this.t())
    if (!paired.ok) return paired
    this.write(paired.data, machine)
    this.client?.close()
    this.client = new ShopClient(paired.data, this.t)
    this.machine = machine
    return { ok: true, data: this.status() }
  }

  /** Back to this computer's own database; the pairing is forgotten (pairing again needs a new code). */
  useOwnDatabase(): ShopStatus {
    rmSync(this.file, { force: true })
    this.client?.close()
    this.client = null
    this.machine = ''
    return this.status()
  }

  private read(): { pairing: ShopPairing; machine: string } | null {
    if (!existsSync(this.file)) return null
    try {
      const s = JSON.parse(readFileSync(this.file, 'utf8')) as StoredShop
      const key = s.protected ? (this.protector?.decryptString(Buffer.from(s.key, 'base64')) ?? '') : s.key
      if (!s.address || !s.fingerprint || !key) return null
      return { pairing: { address: s.address, fingerprint: s.fingerprint, clientId: s.clientId, key }, machine: s.machine }
    } catch {
      // A file that cannot be read (or a key the keychain no longer opens) is no pairing: the app starts on its own database.
      return null
    }
  }

  private write(pairing: ShopPairing, machine: string): void {
    const protect = this.protector?.isEncryptionAvailable() === true
    const stored: StoredShop = {
      address: pairing.address,
      fingerprint: pairing.fingerprint,
      clientId: pairing.clientId,
      machine,
      key: protect ? this.protector!.encryptString(pairing.key).toString('base64') : pairing.key,
      protected: protect
    }
    const partial = `${this.file}.part`
    writeFileSync(partial, JSON.stringify(stored, null, 2), { mode: 0o600 })
    renameSync(partial, this.file)
  }
}
