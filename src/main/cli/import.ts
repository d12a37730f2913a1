import { basename, extname } from 'node:path'
import { IMPORT_KEYS, IMPORT_KINDS, type ImportFieldName, type ImportKind, type ImportOutcome } from '@shared/domain/import'
import { type ApiHost, runMethod } from '../api/pipeline'
import type { ServiceContext } from '../services/core/context'
import { inspectImport, mappingByName, runImport } from '../services/import/run'
import type { Command, CommandInput } from './commands'
import { actingUser, CliError, cliCaller, cliCount, cliLanguage, cliText, describeApiError, helpLines, openDb, usageError } from './session'

const str = (v: CommandInput['values'][string]) => (typeof v === 'string' ? v : undefined)
const isKind = (k: string): k is ImportKind => (IMPORT_KINDS as readonly string[]).includes(k)

/**
 * `import <kind> <file>`: the app's import from a file on disk, read in chunks (no upload size limit). The
 * mapping is the one saved in the app for --mapping (or for the file's name), else the headers' own; a
 * dry run checks every row and writes nothing. Problems on stdout, one per line, or all in one JSON object.
 */
export const importFile: Command = {
  name: 'import',
  usage:
    'import <customers|serviceObjects|items|workers|agreements> <file.csv> [--dry-run] [--mapping <source>] [--key <field>] [--json] [--user name]',
  summary: () => cliText('import.cli.summary'),
  details: () => helpLines(cliText('import.cli.details')),
  options: ['dry-run', 'mapping', 'key', 'json', 'user'],
  async run({ args, values, dbFile, out, err }) {
    const [kind, path, ...extra] = args
    if (kind === undefined || path === undefined || extra.length) throw usageError(cliText('import.cli.needsKindAndFile'))
    if (!isKind(kind)) throw usageError(cliText('import.cli.unknownKind', { kind }))
    const dryRun = values['dry-run'] === true
    const json = values.json === true
    const mappingName = str(values.mapping)
    const key = (str(values.key) ?? null) as ImportFieldName | null
    const source = mappingName ?? basename(path, extname(path))

    const db = await openDb(dbFile, { create: false, log: err })
    try {
      const session = actingUser(db.conn, str(values.user))
      const host: ApiHost = { conn: db.conn, log: (m, e) => err(`${m}: ${String(e)}`) }
      const started = performance.now()
      let detected = { encoding: 'utf-8', delimiter: ';' }
      // The same method, permission and input checks as the app; the file is read from disk, not uploaded.
      const handler = (ctx: ServiceContext, input: { key: ImportFieldName | null }) => {
        const bytes = { path }
        const inspection = inspectImport(ctx, { kind, source, bytes, encoding: null, delimiter: null })
        detected = { encoding: inspection.encoding, delimiter: inspection.delimiter }
        const mapping = mappingName ? mappingByName(ctx, kind, mappingName) : inspection.mapping
        const onProgress = json ? undefined : (rows: number) => err(cliText('import.cli.progress', { rows }))
        return runImport(ctx, {
          kind,
          bytes,
          encoding: inspection.encoding,
          delimiter: inspection.delimiter,
          mapping,
          key: input.key,
          commit: !dryRun,
          onProgress
        })
      }
      const outcome = await runMethod(
        host,
        cliCaller,
        session,
        dryRun ? 'import.dryRun' : 'import.start',
        { kind, source, content: '', mapping: [], key },
        { handler: handler as never, language: cliLanguage() }
      )
      if (!outcome.ok) throw new CliError(describeApiError(outcome.error, { key: '--key', kind: '<kind>' }))
      const r = outcome.data as ImportOutcome
      const problems = r.problems.map((p) => ({ ...p, message: cliText(p.code, p.params as never) }))
      if (json) {
        out(
          JSON.stringify({
            kind,
            file: path,
            source,
            dryRun,
            ...detected,
            key: key ?? IMPORT_KEYS[kind][0],
            rows: r.rows,
            created: r.created,
            updated: r.updated,
            committed: r.committed,
            problemCount: r.problemCount,
            problems,
            durationMs: Math.round(performance.now() - started)
          })
        )
      } else {
        for (const p of problems) out(cliText('import.cli.problemLine', { line: p.line, column: p.column ?? '—', reason: p.message }))
        if (r.problemCount === 0)
          out(cliText(dryRun ? 'import.cli.checked' : 'import.cli.imported', { rows: r.rows, created: r.created, updated: r.updated }))
      }
      if (r.problemCount > 0) throw new CliError(cliCount('import.cli.failed', r.problemCount))
    } finally {
      db.close()
    }
  }
}
