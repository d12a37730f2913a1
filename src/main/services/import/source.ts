import { closeSync, openSync, readSync } from 'node:fs'
import { parse } from 'csv-parse'
import type { ImportDelimiter, ImportEncoding } from '@shared/domain/import'
import { detectDelimiter, detectEncoding, hasUtf8Bom } from '@shared/domain/importText'
import { AppError } from '../core/errors'

/** Where the bytes come from: an uploaded file in memory or a file on disk (the command line, the bench). */
export type ImportBytes = { buffer: Uint8Array } | { path: string }

export interface CsvRecord {
  /** The line the record starts on (the header is line 1). */
  line: number
  cells: string[]
}

const CHUNK = 64 * 1024

/** Reads the bytes in chunks without holding the file: a file on disk is read 64 KB at a time. */
function* chunks(bytes: ImportBytes): Generator<Uint8Array> {
  if ('buffer' in bytes) {
    for (let at = 0; at < bytes.buffer.length; at += CHUNK) yield bytes.buffer.subarray(at, at + CHUNK)
    return
  }
  const fd = openSync(bytes.path, 'r')
  try {
    const buf = Buffer.alloc(CHUNK)
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null)
      if (n === 0) return
      // The parser keeps what it needs of a chunk, so the buffer can be reused for the next one.
      yield buf.subarray(0, n)
    }
  } finally {
    closeSync(fd)
  }
}

/** The first 64 KB: enough to tell the encoding and the header line. */
function head(bytes: ImportBytes): Uint8Array {
  for (const c of chunks(bytes)) return Uint8Array.from(c)
  return new Uint8Array()
}

export function detect(bytes: ImportBytes): { encoding: ImportEncoding; delimiter: ImportDelimiter } {
  const h = head(bytes)
  const encoding = detectEncoding(h)
  const text = new TextDecoder(encoding).decode(h)
  return { encoding, delimiter: detectDelimiter(text.split(/\r?\n/, 1)[0] ?? '') }
}

/**
 * The records of a CSV file, one at a time and synchronously, so a whole import runs inside one write
 * transaction (better-sqlite3 transactions cannot await) while only a chunk of the file is in memory.
 * Invalid bytes decode to U+FFFD; the rows holding them are reported, not guessed at.
 */
export function* readRecords(bytes: ImportBytes, encoding: ImportEncoding, delimiter: ImportDelimiter): Generator<CsvRecord> {
  const decoder = new TextDecoder(encoding)
  const parser = parse({ delimiter, info: true, relax_column_count: true, skip_empty_lines: true, trim: true })
  const drain = function* (): Generator<CsvRecord> {
    for (let r = parser.read() as { record: string[]; info: { lines: number } } | null; r !== null; r = parser.read()) {
      // info.lines is the line the record ends on; a quoted cell may span lines.
      const newlines = r.record.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0)
      yield { line: r.info.lines - newlines, cells: r.record }
    }
  }
  // The stream reports a parse error as an event on the next tick; `errored` holds it at once.
  parser.on('error', () => {})
  const failed = () => {
    const err = parser.errored as { lines?: number } | null
    if (err) throw new AppError('VALIDATION', 'errors.import.malformed', { line: err.lines ?? 0 })
  }
  let first = true
  for (const chunk of chunks(bytes)) {
    // TextDecoder drops a UTF-8 BOM itself; a BOM before Windows-1257 text would be three odd letters.
    const data = first && encoding === 'windows-1257' && hasUtf8Bom(chunk) ? chunk.subarray(3) : chunk
    first = false
    parser.write(decoder.decode(data, { stream: true }))
    failed()
    yield* drain()
  }
  parser.end(decoder.decode())
  failed()
  yield* drain()
}
