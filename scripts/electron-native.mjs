/* global process, console, Buffer */
/**
 * better-sqlite3 for Electron's ABI, kept apart from node_modules.
 *
 * node_modules/better-sqlite3 stays built for Node (tests, CLI, browser mode); the Electron build goes
 * to native/electron/better_sqlite3.node, which src/main/electron/main.ts passes to better-sqlite3 as
 * `nativeBinding` (and which electron-builder ships as resources/native/better_sqlite3.node). So
 * `npm start` and `npm test` never undo each other's build.
 *
 * The binary is made in a scratch copy of the package with @electron/rebuild: a prebuilt binary from
 * better-sqlite3's releases when there is one, otherwise compiled against Electron's headers. Both
 * need the internet. Used by scripts/start.mjs and as electron-builder's `beforePack` hook.
 */
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  closeSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const nativeDir = join(root, 'native', 'electron')
export const nativeFile = join(nativeDir, 'better_sqlite3.node')
const stampFile = join(nativeDir, 'build.json')
const moduleDir = join(root, 'node_modules', 'better-sqlite3')

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'))

/** What the binary must match: the Electron version, the better-sqlite3 version, the platform and CPU. */
export function nativeTarget({ electronVersion, platform = process.platform, arch = process.arch } = {}) {
  return {
    electronVersion: electronVersion ?? readJson(join(root, 'node_modules', 'electron', 'package.json')).version,
    betterSqlite3: readJson(join(moduleDir, 'package.json')).version,
    platform,
    arch
  }
}

const sameTarget = (a, b) => ['electronVersion', 'betterSqlite3', 'platform', 'arch'].every((k) => a[k] === b[k])

export function nativeIsCurrent(target) {
  if (!existsSync(nativeFile) || !existsSync(stampFile)) return false
  try {
    return sameTarget(readJson(stampFile), target)
  } catch {
    return false
  }
}

/** The platform a native binary was built for, read from its first bytes (ELF, PE or Mach-O). */
export function binaryPlatform(file) {
  const head = Buffer.alloc(4)
  const fd = openSync(file, 'r')
  try {
    readSync(fd, head, 0, 4, 0)
  } finally {
    closeSync(fd)
  }
  if (head.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))) return 'linux'
  if (head[0] === 0x4d && head[1] === 0x5a) return 'win32'
  const magic = head.readUInt32BE(0)
  if ([0xfeedfacf, 0xcffaedfe, 0xfeedface, 0xcefaedfe, 0xcafebabe].includes(magic)) return 'darwin'
  return 'unknown'
}

async function rebuildIn(work, target) {
  const options = {
    buildPath: work,
    electronVersion: target.electronVersion,
    platform: target.platform,
    arch: target.arch,
    onlyModules: ['better-sqlite3'],
    force: true
  }
  let rebuild = null
  try {
    ;({ rebuild } = await import('@electron/rebuild')) // comes with electron-builder
  } catch {
    rebuild = null
  }
  if (rebuild) {
    await rebuild(options)
    return
  }
  const cli = ['--yes', '@electron/rebuild', '--version', target.electronVersion, '--arch', target.arch]
  const r = spawnSync('npx', [...cli, '--platform', target.platform, '--module-dir', work, '--only', 'better-sqlite3', '--force'], {
    stdio: 'inherit',
    shell: process.platform === 'win32'
  })
  if (r.status !== 0) throw new Error(`@electron/rebuild failed (exit ${r.status ?? r.signal})`)
}

/**
 * Makes native/electron/better_sqlite3.node for the target unless it is already there. Throws with a
 * readable message when it cannot (offline, no compiler, no prebuilt binary for another platform).
 */
export async function ensureElectronNative(target = nativeTarget(), { log = console.log } = {}) {
  if (nativeIsCurrent(target)) return nativeFile
  log(
    `Building better-sqlite3 ${target.betterSqlite3} for Electron ${target.electronVersion} (${target.platform}-${target.arch}) into ${relative(root, nativeFile)} …`
  )
  mkdirSync(join(root, '.tmp'), { recursive: true })
  const work = mkdtempSync(join(root, '.tmp', 'electron-native-'))
  try {
    const copy = join(work, 'node_modules', 'better-sqlite3')
    // A clean copy without the Node build, so that nothing in node_modules is touched.
    cpSync(moduleDir, copy, { recursive: true, filter: (src) => relative(moduleDir, src).split(sep)[0] !== 'build' })
    writeFileSync(
      join(work, 'package.json'),
      JSON.stringify({ name: 'hooldus-native', version: '0.0.0', private: true, dependencies: { 'better-sqlite3': target.betterSqlite3 } })
    )
    await rebuildIn(work, target)
    const built = join(copy, 'build', 'Release', 'better_sqlite3.node')
    if (!existsSync(built)) throw new Error('the rebuild finished but produced no build/Release/better_sqlite3.node')
    const kind = binaryPlatform(built)
    if (kind !== target.platform) {
      throw new Error(
        `the binary that came out is for ${kind}, not ${target.platform}: native modules cannot be cross-compiled — build on ${target.platform}`
      )
    }
    mkdirSync(nativeDir, { recursive: true })
    copyFileSync(built, `${nativeFile}.tmp`)
    renameSync(`${nativeFile}.tmp`, nativeFile)
    writeFileSync(stampFile, `${JSON.stringify(target, null, 2)}\n`)
    return nativeFile
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

const ARCH_NAMES = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' }

/**
 * electron-builder `beforePack` hook (electron-builder.yml): makes the binary that extraResources ships
 * for the platform and CPU being packed. npmRebuild is off, so node_modules keeps its Node build.
 */
export async function beforePack(context) {
  const arch = typeof context.arch === 'number' ? ARCH_NAMES[context.arch] : String(context.arch)
  const electronVersion = context.packager?.info?.framework?.version ?? context.packager?.config?.electronVersion ?? undefined
  await ensureElectronNative(
    nativeTarget({ electronVersion, platform: context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName, arch }),
    {
      log: (m) => console.log(`  • ${m}`)
    }
  )
}

export default beforePack
