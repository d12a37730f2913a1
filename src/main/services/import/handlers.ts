import type { importContract } from '@shared/api/domains/import'
import type { ParsedInput } from '@shared/api/contract'
import type { HandlersOf } from '../core/handlers'
import type { ServiceContext } from '../core/context'
import { cancelImport, getImportRun, importTemplate, inspectImport, listMappings, runImport, saveMapping, startImport } from './run'

type ImportCall = ParsedInput<'import.dryRun'>

const optionsOf = (i: ImportCall) => ({
  kind: i.kind,
  bytes: { buffer: Buffer.from(i.content, 'base64') },
  encoding: i.encoding,
  delimiter: i.delimiter,
  mapping: i.mapping,
  key: i.key
})

export const importHandlers = {
  'import.inspect': (ctx: ServiceContext, i) => inspectImport(ctx, { ...i, bytes: { buffer: Buffer.from(i.content, 'base64') } }),
  'import.dryRun': (ctx, i) => runImport(ctx, { ...optionsOf(i), commit: false }),
  'import.start': (ctx, i) => startImport(ctx, optionsOf(i), i.source),
  'import.run': getImportRun,
  'import.cancel': cancelImport,
  'import.mappings': listMappings,
  'import.saveMapping': saveMapping,
  'import.template': importTemplate
} satisfies HandlersOf<typeof importContract>
