import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { runCli } from '../../src/main/cli/cli'

export const ROOT = resolve(import.meta.dirname, '../..')
/** Inside the project, so that the bundles resolve node_modules and drizzle/ as the sources do. */
export const BUNDLE_DIR = join(ROOT, 'node_modules/.cache/hooldus-tests')

/** What `bundle.ts` builds before the tests run, by the name a test spawns it by. */
export const BUNDLED = {
  cli: 'src/main/cli/index.ts',
  generateChild: 'tests/support/generateChild.ts',
  holdChild: 'tests/support/holdChild.ts',
  invoiceChild: 'tests/support/invoiceChild.ts',
  saveChild: 'tests/support/saveChild.ts'
} as const

export const bundled = (name: keyof typeof BUNDLED): string => join(BUNDLE_DIR, `${name}.cjs`)

/** Variables a test sets itself and must never inherit from the shell that runs the suite. */
const OWN = ['HOOLDUS_DB', 'HOOLDUS_PASSWORD', 'HOOLDUS_FAULT']

export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const k of OWN) delete env[k]
  return { ...env, ...extra }
}

/** The CLI as a child process, as `npm run cli` runs it: for what only a process shows (its exit code, its streams). */
export function cliProcess(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bundled('cli'), ...args], { cwd: ROOT, encoding: 'utf8', env: childEnv(env), timeout: 60000 })
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr }
}

/**
 * The CLI run in this process through `runCli`, as `src/main/cli/index.ts` runs it (lines on stdout and stderr, a
 * failure as one `hooldus:` line and exit code 1). Each child process cost over a second of CPU just to load the
 * main process's code, and the CLI tests ran sixty of them.
 */
export async function cli(args: string[], env: Record<string, string> = {}) {
  let out = ''
  let err = ''
  let code: number
  try {
    code = await runCli(args, { out: (line) => (out += `${line}\n`), err: (line) => (err += `${line}\n`), env: childEnv(env) })
  } catch (e) {
    err += `hooldus: ${e instanceof Error ? e.message : String(e)}\n`
    code = 1
  }
  return { code, out, err }
}
