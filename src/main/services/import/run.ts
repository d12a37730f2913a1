import { and, eq } from 'drizzle-orm'
import { stringify } from 'csv-stringify/sync'
import {
  IMPORT_FIELDS,
  IMPORT_KEYS,
  IMPORT_PROBLEM_LIMIT,
  type ImportDelimiter,
  type ImportEncoding,
  type ImportFieldName,
  type ImportInspection,
  type ImportKind,
  type ImportMapping,
  type ImportMappingRow,
  type ImportOutcome,
  type ImportProblem,
  type ImportRun,
  importMapping
} from '@shared/domain/import'
import { autoMapping, misEncoded } from '@shared/domain/importText'
import { issueCode } from '@shared/i18n/issues'
import { tFor } from '@shared/i18n/i18n'
import { APP_LANGUAGES } from '@shared/i18n/languages'
import { text } from '@shared/domain/primitives'
import { importMappings } from '../../db/schema'
import { closeDatabase, openDatabase } from '../../db/connection'
import { createContext, type ServiceContext } from '../core/context'
import { AppError } from '../core/errors'
import { writeTx } from '../core/tx'
import { loadSettings } from '../settings/settings'
import { type Cells, type GroupedImport, IMPORT_ADAPTERS, type Report } from './kinds'
import { detect, type ImportBytes, readRecords } from './source'

export interface ImportOptions {
  kind: ImportKind
  bytes: ImportBytes
  /** null: detected from the file. */
  encoding: ImportEncoding | null
  delimiter: ImportDelimiter | null
  mapping: ImportMapping
  /** The field existing records are matched by; null: the kind's default key. */
  key: ImportFieldName | null
  /** false: a dry run — every row is written and checked exactly as in a commit, then rolled back. */
  commit: boolean
  onProgress?: (rows: number) => void
}

/** Thrown inside the write transaction to roll it back: a dry run, or a commit with bad rows. */
class RollBack extends Error {}

const PROGRESS_EVERY = 1000

const headerCell = text().max(200)

/** A header row the mapping can name: at most 200 columns of at most 200 characters of text (not a binary or mis-split file). */
function headerOf(cells: string[]): string[] {
  if (cells.length > 200 || cells.some((c) => !headerCell.safeParse(c).success)) throw new AppError('VALIDATION', 'errors.import.badHeader')
  return cells
}

function settingsOf(o: Pick<ImportOptions, 'bytes' | 'encoding' | 'delimiter'>) {
  const found = o.encoding && o.delimiter ? null : detect(o.bytes)
  return { encoding: o.encoding ?? found!.encoding, delimiter: o.delimiter ?? found!.delimiter }
}

/** A field's labels in every language, for matching headers and for naming the field in a message. */
const labels = (name: ImportFieldName) => APP_LANGUAGES.map((l) => tFor(l)(`import.fields.${name}`))

interface ImportPass {
  /** Checks and writes the rows one at a time, yielding after each; null when the header already failed. */
  rows: Generator<number, void> | null
  /** Agreements are written after their last row is read: then the rows count again, as they are written. */
  writing(): boolean
  problemCount(): number
  outcome(committed: boolean): ImportOutcome
}

/**
 * Reads, checks and writes a CSV file of one kind (ADR 0023). Every row goes through the API's create schema
 * and the kind's own service (create, or update when the key finds a record) inside the caller's ONE write transaction;
 * a dry run, or any bad row, rolls everything back, so a failure halfway writes nothing. Rows are read one at a
 * time; only the keys seen (for duplicates within the file) and the first problems are kept.
 */
function openPass(ctx: ServiceContext, o: Omit<ImportOptions, 'commit' | 'onProgress'>): ImportPass {
  const { encoding, delimiter } = settingsOf(o)
  const fields = IMPORT_FIELDS[o.kind]
  const problems: ImportProblem[] = []
  let problemCount = 0
  const problem = (p: ImportProblem) => {
    problemCount++
    if (problems.length < IMPORT_PROBLEM_LIMIT) problems.push(p)
  }
  let rows = 0
  let created = 0
  let updated = 0
  let writing = false
  const pass = (rowsOf: Generator<number, void> | null): ImportPass => ({
    rows: rowsOf,
    writing: () => writing,
    problemCount: () => problemCount,
    outcome: (committed) => ({ rows, created, updated, problems, problemCount, committed })
  })

  const records = readRecords(o.bytes, encoding, delimiter)
  const header = records.next()
  if (header.done) {
    problem({ line: 1, column: null, field: null, code: 'errors.import.empty', params: {} })
    return pass(null)
  }
  const headers = headerOf(header.value.cells)
  const mapped = new Map<ImportFieldName, number>()
  for (const m of o.mapping) {
    if (m.field === null) continue
    const at = headers.indexOf(m.column)
    if (at < 0) problem({ line: 1, column: m.column, field: m.field, code: 'errors.import.noSuchColumn', params: { column: m.column } })
    else if (mapped.has(m.field))
      problem({
        line: 1,
        column: m.column,
        field: m.field,
        code: 'errors.import.fieldTwice',
        params: { field: { key: `import.fields.${m.field}` } }
      })
    else mapped.set(m.field, at)
  }
  for (const f of fields) {
    if (f.required && !mapped.has(f.name))
      problem({
        line: 1,
        column: null,
        field: f.name,
        code: 'errors.import.missingColumn',
        params: { field: { key: `import.fields.${f.name}` } }
      })
  }
  const key = o.key ?? IMPORT_KEYS[o.kind][0]!
  if (!IMPORT_KEYS[o.kind].includes(key))
    problem({ line: 1, column: null, field: key, code: 'errors.import.notAKey', params: { field: { key: `import.fields.${key}` } } })
  else if (o.key !== null && !mapped.has(key))
    problem({ line: 1, column: null, field: key, code: 'errors.import.missingColumn', params: { field: { key: `import.fields.${key}` } } })
  if (problemCount > 0) {
    // Closes the file the reader holds open.
    records.return(undefined)
    return pass(null)
  }

  const columnOf = (field: ImportFieldName | null) => {
    const at = field === null ? undefined : mapped.get(field)
    return at === undefined ? null : (headers[at] ?? null)
  }
  const seen = new Map<string, number>()
  // A generator: the caller runs it inside its write transaction, all at once or a slice per turn (the job).
  const cellsOf = (raw: string[], bad: Report) => {
    const cells: Cells = {}
    for (const [field, at] of mapped) {
      const value = raw[at] ?? ''
      if (misEncoded(value)) bad(field, 'errors.import.encoding', { encoding })
      cells[field] = value
    }
    return cells
  }
  const badOn =
    (line: number): Report =>
    (field, code, params = {}) =>
      problem({ line, column: columnOf(field), field, code, params })
  // Agreements: the rows of one record are read first, the records written after the last row.
  function* grouped(adapter: GroupedImport): Generator<number, void> {
    for (const { line, cells: raw } of records) {
      rows++
      yield rows
      const bad = badOn(line)
      adapter.row(line, cellsOf(raw, bad), bad)
    }
    writing = true
    const written = yield* adapter.write((line, field, code, params) => badOn(line)(field, code, params))
    created += written.created
    updated += written.updated
  }
  function* each(): Generator<number, void> {
    const adapter = IMPORT_ADAPTERS[o.kind](ctx)
    if ('row' in adapter) return yield* grouped(adapter)
    for (const { line, cells: raw } of records) {
      rows++
      yield rows
      const bad = badOn(line)
      const before = problemCount
      const cells = cellsOf(raw, bad)
      const keyValue = mapped.has(key) ? (cells[key] ?? '') : ''
      let found: ReturnType<typeof adapter.find> = null
      if (keyValue !== '') {
        const first = seen.get(keyValue)
        if (first !== undefined) bad(key, 'errors.import.duplicateKey', { value: keyValue, first })
        else seen.set(keyValue, line)
        found = adapter.find(key, keyValue)
        if (found === 'ambiguous') bad(key, 'errors.import.ambiguousKey', { value: keyValue })
      }
      if (problemCount > before) continue
      const existing = found === 'ambiguous' ? null : found
      const input = adapter.build(cells, existing?.base ?? null, bad)
      if (problemCount > before) continue
      const parsed = adapter.schema.safeParse(input)
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const { code, params } = issueCode(issue)
          bad(adapter.fieldOf(issue.path as (string | number)[]), code, params)
        }
        continue
      }
      try {
        if (existing) {
          adapter.update({ ...(parsed.data as object), id: existing.id, version: existing.version })
          updated++
        } else {
          adapter.create(parsed.data)
          created++
        }
      } catch (e) {
        // The service's own transaction (a savepoint here) has undone the row; the reason goes to the list.
        if (!(e instanceof AppError)) throw e
        const issues = e.issues ?? []
        if (issues.length === 0) bad(null, e.key, e.params)
        for (const i of issues)
          bad(
            adapter.fieldOf(i.path),
            e.key === 'errors.duplicate' ? e.key : i.code,
            e.key === 'errors.duplicate' ? e.params : (i.params ?? {})
          )
      }
    }
    adapter.finish?.()
  }
  return pass(each())
}

/**
 * Reads, checks and writes a whole file in one write transaction, synchronously: the dry run, the command line
 * and the bench. A dry run, or any bad row, rolls everything back.
 */
export function runImport(ctx: ServiceContext, o: ImportOptions): ImportOutcome {
  const pass = openPass(ctx, o)
  if (!pass.rows) return pass.outcome(false)
  const rows = pass.rows
  try {
    writeTx(ctx, () => {
      // The rows read; agreements count again while they are written, which the command line does not show.
      let read = 0
      for (const n of rows) {
        if (pass.writing()) continue
        read = n
        if (n % PROGRESS_EVERY === 0) o.onProgress?.(n)
      }
      o.onProgress?.(read)
      if (!o.commit || pass.problemCount() > 0) throw new RollBack()
    })
  } catch (e) {
    if (!(e instanceof RollBack)) throw e
    return pass.outcome(false)
  }
  return pass.outcome(true)
}

/** The detected (or chosen) encoding and delimiter, the header and first rows, and the mapping to start from. */
export function inspectImport(
  ctx: ServiceContext,
  i: { kind: ImportKind; source: string; bytes: ImportBytes; encoding: ImportEncoding | null; delimiter: ImportDelimiter | null }
): ImportInspection {
  const { encoding, delimiter } = settingsOf(i)
  const sample: string[][] = []
  for (const r of readRecords(i.bytes, encoding, delimiter)) {
    sample.push(r.cells)
    if (sample.length > 5) break
  }
  const headers = headerOf(sample.shift() ?? [])
  const saved = findMapping(ctx, i.kind, i.source)
  if (saved) {
    const byColumn = new Map(saved.mapping.map((m) => [m.column, m.field]))
    return {
      encoding,
      delimiter,
      headers,
      sample,
      mapping: headers.map((column) => ({ column, field: byColumn.get(column) ?? null })),
      saved: true
    }
  }
  return { encoding, delimiter, headers, sample, mapping: autoMapping(headers, IMPORT_FIELDS[i.kind], labels), saved: false }
}

/* ---------- saved mappings ---------- */

function findMapping(ctx: ServiceContext, kind: ImportKind, source: string): ImportMappingRow | null {
  const r = ctx.db
    .select()
    .from(importMappings)
    .where(and(eq(importMappings.kind, kind), eq(importMappings.source, source)))
    .get()
  return r ? { ...r, kind: r.kind as ImportKind, mapping: importMapping.parse(r.mapping) } : null
}

export function listMappings(ctx: ServiceContext, i: { kind: ImportKind }): ImportMappingRow[] {
  return ctx.db
    .select()
    .from(importMappings)
    .where(eq(importMappings.kind, i.kind))
    .orderBy(importMappings.source)
    .all()
    .map((r) => ({ ...r, kind: r.kind as ImportKind, mapping: importMapping.parse(r.mapping) }))
}

export function saveMapping(ctx: ServiceContext, i: { kind: ImportKind; source: string; mapping: ImportMapping }): ImportMappingRow {
  writeTx(ctx, () => {
    ctx.db
      .insert(importMappings)
      .values({ kind: i.kind, source: i.source, mapping: i.mapping, updatedAt: ctx.now() })
      .onConflictDoUpdate({ target: [importMappings.kind, importMappings.source], set: { mapping: i.mapping, updatedAt: ctx.now() } })
      .run()
  })
  return findMapping(ctx, i.kind, i.source)!
}

/** The mapping saved under `name` for the kind; the command line's --mapping. */
export function mappingByName(ctx: ServiceContext, kind: ImportKind, name: string): ImportMapping {
  const m = findMapping(ctx, kind, name)
  if (!m) throw new AppError('NOT_FOUND', 'errors.import.noMapping', { name })
  return m.mapping
}

/** The headers a file of this kind gets by default: matched by the automatic mapping. */
export function defaultMapping(kind: ImportKind, headers: readonly string[]): ImportMapping {
  return autoMapping(headers, IMPORT_FIELDS[kind], labels)
}

/* ---------- templates ---------- */

/** An empty file with the kind's columns, in the reader's language and the spreadsheet dialect (ADR 0010). */
export function importTemplate(ctx: ServiceContext, i: { kind: ImportKind }): { fileName: string; content: string } {
  const language = ctx.user?.language ?? loadSettings(ctx.db).language
  const t = tFor(language)
  const header = IMPORT_FIELDS[i.kind].map((f) => t(`import.fields.${f.name}`))
  return {
    fileName: `${t(`import.kinds.${i.kind}`)}.csv`,
    content: `\uFEFF${stringify([header], { delimiter: ';', record_delimiter: '\r\n' })}`
  }
}

/* ---------- the background job ---------- */

const runs = new Map<number, ImportRun>()
const cancelled = new Set<number>()
let lastRun = 0
/** How long a slice of the job works before the host answers its other calls (the progress, Cancel). */
const SLICE_MS = 50

/**
 * Starts the commit as a job and answers at once (ADR 0023). The job works a slice per turn of the event loop
 * on a connection of its own that holds ONE write transaction from the first row to the last: the other calls
 * are answered between slices (reads see the database as it was), `done` / `total` count the rows, Cancel or a
 * bad row rolls everything back, and only the end commits. Writes of other calls wait for the job, as for any
 * other writer on the file.
 */
export function startImport(ctx: ServiceContext, o: Omit<ImportOptions, 'commit' | 'onProgress'>, source: string): ImportRun {
  // A file that is not CSV is refused now, not reported later by a failed job; the rows are counted for the progress.
  const { encoding, delimiter } = settingsOf(o)
  let total = -1
  for (const r of readRecords(o.bytes, encoding, delimiter)) if (total++ < 0) headerOf(r.cells)
  const run: ImportRun = {
    id: ++lastRun,
    kind: o.kind,
    status: 'running',
    done: 0,
    total: Math.max(total, 0),
    writing: false,
    outcome: null,
    error: null
  }
  runs.set(run.id, run)
  const conn = openDatabase(ctx.conn.file)
  const job = createContext(conn, ctx.user, ctx.session, ctx.now, ctx.host)
  let pass: ReturnType<typeof openPass> | null = null
  const end = (status: ImportRun['status'], error: string | null = null) => {
    pass?.rows?.return()
    if (conn.sqlite.open && conn.sqlite.inTransaction) conn.sqlite.exec('rollback')
    closeDatabase(conn)
    run.status = status
    run.error = error
  }
  const tick = (): void => {
    try {
      // The host closed its database (app quitting, a test ending): nothing of the job was committed.
      if (!ctx.conn.sqlite.open) return end('failed', 'closed')
      if (cancelled.delete(run.id)) {
        if (pass) run.outcome = pass.outcome(false)
        return end('cancelled')
      }
      if (!pass) {
        conn.sqlite.exec('begin immediate')
        pass = openPass(job, { ...o, encoding, delimiter })
      }
      const rows = pass.rows
      let step = rows?.next() ?? { done: true as const, value: undefined }
      for (const deadline = performance.now() + SLICE_MS; !step.done && performance.now() < deadline;) step = rows!.next()
      if (!step.done) {
        run.done = step.value
        run.writing = pass.writing()
        setImmediate(tick)
        return
      }
      const committed = pass.problemCount() === 0
      conn.sqlite.exec(committed ? 'commit' : 'rollback')
      run.outcome = pass.outcome(committed)
      run.done = run.outcome.rows
      end('done')
      if (committed) saveMapping(ctx, { kind: o.kind, source, mapping: o.mapping })
    } catch (e) {
      end('failed', e instanceof Error ? e.message : String(e))
    }
  }
  setImmediate(tick)
  return { ...run }
}

export function getImportRun(_ctx: ServiceContext, i: { id: number }): ImportRun {
  const run = runs.get(i.id)
  if (!run) throw new AppError('NOT_FOUND', 'errors.import.noRun')
  return { ...run }
}

/** Asks a running import to stop; its next slice rolls everything back. */
export function cancelImport(ctx: ServiceContext, i: { id: number }): ImportRun {
  const run = getImportRun(ctx, i)
  if (run.status === 'running') cancelled.add(run.id)
  return run
}
