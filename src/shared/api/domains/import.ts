import { z } from 'zod'
import { idInput } from '../common'
import { method } from '../define'
import {
  IMPORT_KINDS,
  importFile,
  importInput,
  importInspection,
  importMappingRow,
  importOutcome,
  importRun,
  importTemplate,
  saveMappingInput
} from '../../domain/import'

const kindInput = z.object({ kind: z.enum(IMPORT_KINDS) })

/** CSV import of master data (ADR 0023). */
export const importContract = {
  /** Encoding, delimiter, header, first rows and the mapping to start from (the saved one for the source). */
  'import.inspect': method(importFile, importInspection, 'import.run'),
  /** Checks every row exactly as an import would and writes nothing. */
  'import.dryRun': method(importInput, importOutcome, 'import.run'),
  /** Starts the all-or-nothing import as a job; poll import.run for it. */
  'import.start': method(importInput, importRun, 'import.run'),
  'import.run': method(idInput, importRun, 'import.run'),
  /** Stops a running import: everything it wrote is rolled back. */
  'import.cancel': method(idInput, importRun, 'import.run'),
  'import.mappings': method(kindInput, z.array(importMappingRow), 'import.run'),
  'import.saveMapping': method(saveMappingInput, importMappingRow, 'import.run'),
  /** An empty file with the kind's columns in the reader's language. */
  'import.template': method(kindInput, importTemplate, 'import.run')
}
