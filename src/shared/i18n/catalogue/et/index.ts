import type { Shape } from '../shape'
import type { en } from '../en'
import { agreements } from './agreements'
import { app } from './app'
import { backups } from './backups'
import { bank } from './bank'
import { cli } from './cli'
import { common } from './common'
import { csv } from './csv'
import { dispatch } from './dispatch'
import { documents } from './documents'
import { einvoice } from './einvoice'
import { enums } from './enums'
import { errors } from './errors'
import { format } from './format'
import { intake } from './intake'
import { context } from './context'
import { invoices } from './invoices'
import { masterdata } from './masterdata'
import { orders } from './orders'
import { planDay } from './planDay'
import { returns } from './returns'
import { repair } from './repair'
import { seeds } from './seeds'
import { settings } from './settings'
import { sla } from './sla'
import { subscriptions } from './subscriptions'
import { validation } from './validation'
import { importing } from './import'
import { home } from './home'
import { shopClient } from './shopClient'
import { reports } from './reports'
import { shop } from './shop'

export const et: Shape<typeof en> = {
  agreements,
  app,
  backups,
  bank,
  cli,
  common,
  csv,
  dispatch,
  documents,
  einvoice,
  enums,
  errors,
  format,
  intake,
  context,
  invoices,
  masterdata,
  orders,
  planDay,
  returns,
  repair,
  seeds,
  settings,
  sla,
  subscriptions,
  validation,
  import: importing,
  home,
  shopClient,
  reports,
  shop
}
