import { WARRANTY_STATUSES } from '@shared/domain/intake'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROLES } from '@shared/auth/roles'
import { ERROR_CODES } from '@shared/api/result'
import { AGREEMENT_STATUSES } from '@shared/api/domains/agreements'
import { COMBINE_RULES } from '@shared/domain/agreements'
import { INVOICE_STATUSES } from '@shared/domain/billing'
import { ASSIGNMENT_STATUSES } from '@shared/domain/dispatch'
import { LANGUAGES as CUSTOMER_LANGUAGES, LINE_CATEGORY_TYPES, WORKER_ROLES } from '@shared/domain/masterdata'
import { LINE_STATUSES, LINE_TYPES, ORDER_VIEWS, ORIGINS, PAYMENT_METHODS, PRIORITIES, PROGRESS } from '@shared/domain/orders'
import { SLA_TARGET_KINDS } from '@shared/domain/slaBadge'
import { DISPOSITION_ACTIONS, RETURN_EVENTS, RETURN_LINE_STATUSES, RETURN_STATUSES, STOCK_LOCATIONS } from '@shared/domain/returns'
import {
  FEE_KINDS,
  FEE_STATUSES,
  GROUP_UPDATE_FIELDS,
  PERIOD_CODES,
  REVENUE_PERIODS,
  REVERSAL_MODES,
  RUN_STATUSES
} from '@shared/domain/subscriptions'
import { INTERVAL_UNITS, WINDOW_KINDS } from '@shared/recurrence'
import { en } from '@shared/i18n/catalogue/en'
import { et } from '@shared/i18n/catalogue/et'
import { APP_LANGUAGES, CSV_DIALECTS } from '@shared/i18n/languages'
import { CSV_FIELDS } from '../../src/main/api/csvColumns'
import { DEFAULT_INTERVALS, DEFAULT_WINDOWS } from '../../src/main/services/agreements/setup'
import { REPAIR_CODE_KINDS } from '../../src/shared/domain/repair'
import { BOM_CHANGE_KINDS } from '../../src/shared/domain/serviceBom'
import { RECORD_KINDS, UNIQUE_KINDS } from '../../src/main/services/core/errors'
import { DEFAULT_SEQUENCES } from '../../src/main/services/core/sequences'
import { DEFAULT_REASONS, DEFAULT_STAGES } from '../../src/main/services/orders/stages'
import { DEFAULT_DISPOSITIONS, DEFAULT_RETURN_REASONS } from '../../src/main/services/returns/setup'
import { DEFAULT_VAT_RATES } from '../../src/main/services/settings/settings'
import { DEFAULT_SLA_REASONS } from '../../src/main/services/sla/definitions'
import { UNPLANNED_CODES } from '../../src/shared/planner/solver'
import { IMPORT_FIELD_NAMES, IMPORT_KINDS } from '../../src/shared/domain/import'
import { MARGIN_GROUPINGS, PROGRESS_GROUPINGS, REPORT_KINDS } from '@shared/domain/reports'

type Tree = { [k: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(key, v)
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv)
  }
  return out
}

const EN = leaves(en as Tree)
const ET = leaves(et as Tree)
const variables = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort()
/** i18next's plural forms: 'rows_one' and 'rows_other' are the key 'rows'. */
const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '')

/**
 * Keys a program builds from a value instead of naming them: each group is checked against the values
 * it is built from, so that a label is neither missing nor left over when an enum changes.
 */
const BUILT: Record<string, readonly string[]> = {
  'common.errorTitle': ERROR_CODES,
  'format.languages': APP_LANGUAGES,
  'format.csvDialects': CSV_DIALECTS,
  'enums.role': ROLES,
  'enums.workerRole': WORKER_ROLES,
  'enums.combineRule': COMBINE_RULES,
  'enums.assignmentStatus': ASSIGNMENT_STATUSES,
  'enums.priority': PRIORITIES,
  'cli.plan.unplanned': UNPLANNED_CODES,
  'enums.progress': PROGRESS,
  'enums.lineType': LINE_TYPES,
  'enums.customerLanguage': CUSTOMER_LANGUAGES,
  'enums.slaTarget': SLA_TARGET_KINDS,
  'enums.returnStatus': RETURN_STATUSES,
  'enums.returnLineStatus': RETURN_LINE_STATUSES,
  'enums.dispositionAction': DISPOSITION_ACTIONS,
  'enums.stockLocation': STOCK_LOCATIONS,
  'returns.events': RETURN_EVENTS,
  'csv.columns': CSV_FIELDS,
  'import.fields': IMPORT_FIELD_NAMES,
  'import.kinds': IMPORT_KINDS,
  'intake.warrantyStatus': WARRANTY_STATUSES,
  'csv.origin': ORIGINS,
  'csv.invoiceKind': ['invoice', 'credit'],
  'csv.revenuePeriod': REVENUE_PERIODS,
  'invoices.status': INVOICE_STATUSES,
  'invoices.payments.methods': PAYMENT_METHODS,
  'csv.intervalUnit': INTERVAL_UNITS,
  'masterdata.categories.types': LINE_CATEGORY_TYPES,
  'masterdata.categories.units': LINE_CATEGORY_TYPES,
  'agreements.status': AGREEMENT_STATUSES,
  'agreements.intervals.units': INTERVAL_UNITS,
  'agreements.timeWindows.kinds': WINDOW_KINDS,
  'orders.lineStatus': LINE_STATUSES,
  'orders.views': ORDER_VIEWS,
  'orders.origin': ORIGINS,
  'app.search.kind': ['order', 'customer', 'contact', 'serviceObject', 'site', 'agreement', 'invoice'],
  'app.search.group': ['order', 'customer', 'contact', 'serviceObject', 'site', 'agreement', 'invoice'],
  'common.audit.action': ['create', 'update', 'delete'],
  'seeds.stages': DEFAULT_STAGES.map((s) => s.code),
  'seeds.stageReasons': DEFAULT_REASONS.map((r) => r.code),
  'seeds.slaReasons': DEFAULT_SLA_REASONS.map((r) => r.code),
  'seeds.intervals': DEFAULT_INTERVALS.map((i) => i.code),
  'seeds.windows': DEFAULT_WINDOWS.map((w) => w.code),
  'seeds.sequences': DEFAULT_SEQUENCES.map((q) => q.code),
  'seeds.vatRates': DEFAULT_VAT_RATES.map((r) => r.code),
  'seeds.dispositionCodes': DEFAULT_DISPOSITIONS.map(([code]) => code),
  'seeds.returnReasons': DEFAULT_RETURN_REASONS,
  'errors.record': RECORD_KINDS,
  'errors.another': UNIQUE_KINDS,
  'errors.sla.target': SLA_TARGET_KINDS,
  'planDay.target': SLA_TARGET_KINDS,
  'planDay.unplanned': UNPLANNED_CODES,
  'enums.periodCode': PERIOD_CODES,
  'subscriptions.invoiceLine': FEE_KINDS,
  'subscriptions.feeKind': FEE_KINDS,
  'subscriptions.feeStatus': FEE_STATUSES,
  'subscriptions.generate.status': RUN_STATUSES,
  'subscriptions.groupUpdate.fields': GROUP_UPDATE_FIELDS,
  'subscriptions.parameters.reverseModes': REVERSAL_MODES,
  'repair.kinds': REPAIR_CODE_KINDS,
  'repair.structure.change': ['added', 'removed', 'changed'],
  'repair.structure.kind': BOM_CHANGE_KINDS,
  'reports.kinds': REPORT_KINDS,
  'reports.margin.group': MARGIN_GROUPINGS,
  'reports.margin.by': MARGIN_GROUPINGS,
  'reports.progress.group': PROGRESS_GROUPINGS,
  'reports.progress.by': PROGRESS_GROUPINGS
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return path.includes('i18n/catalogue') ? [] : sources(path)
    return /\.(ts|tsx)$/.test(name) ? [readFileSync(path, 'utf8')] : []
  })
}

describe('the catalogues', () => {
  it('have the same keys in Estonian and English, none empty, with the same {{variables}}', () => {
    expect([...ET.keys()].sort()).toEqual([...EN.keys()].sort())
    for (const [key, text] of EN) {
      expect(text.trim(), `en ${key}`).not.toBe('')
      expect(ET.get(key)!.trim(), `et ${key}`).not.toBe('')
      expect(variables(ET.get(key)!), `variables of ${key}`).toEqual(variables(text))
    }
  })

  it('label every value of the enums whose labels are built from the value, and nothing else', () => {
    for (const [group, values] of Object.entries(BUILT)) {
      const keys = [...EN.keys()].filter((k) => k.startsWith(`${group}.`)).map((k) => k.slice(group.length + 1))
      expect(keys.sort(), group).toEqual([...values].sort())
    }
  })

  it('hold no key that no program uses', () => {
    const code = sources(resolve(import.meta.dirname, '../../src')).join('\n')
    const unused = [...new Set([...EN.keys()].map(baseKey))].filter(
      (key) => !Object.keys(BUILT).some((g) => key.startsWith(`${g}.`)) && !code.includes(`'${key}'`) && !code.includes(`"${key}"`)
    )
    expect(unused).toEqual([])
  })
})
