import { rmSync } from 'node:fs'
import { build } from 'esbuild'
import { BUNDLE_DIR, BUNDLED, ROOT } from './processes'

/**
 * Vitest global setup: bundles the CLI and the child-process scripts once per run. Loading them through
 * tsx compiled the whole main process again in every spawned process (over a second each on this
 * 2-core machine, and the CLI tests spawn dozens); the bundle is the same source, compiled once.
 */
export default async function setup(): Promise<() => void> {
  rmSync(BUNDLE_DIR, { recursive: true, force: true })
  await build({
    entryPoints: Object.fromEntries(Object.entries(BUNDLED).map(([name, source]) => [name, `${ROOT}/${source}`])),
    outdir: BUNDLE_DIR,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    // CommonJS keeps __dirname, by which the database layer finds drizzle/ from wherever the bundle lies.
    format: 'cjs',
    packages: 'external',
    alias: { '@shared': `${ROOT}/src/shared` },
    logLevel: 'warning'
  })
  return () => rmSync(BUNDLE_DIR, { recursive: true, force: true })
}
