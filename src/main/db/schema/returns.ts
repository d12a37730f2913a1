import { sql } from 'drizzle-orm'
import { type AnySQLiteColumn, check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdAt, versionColumn } from './common'
import { categories, customerContacts, customers, customerSites, items, serviceObjects } from './masterdata'
import { invoiceLines, invoices, serviceOrders } from './orders'
import { users } from './system'

export const returnReasonGroups = sqliteTable('return_reason_groups', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  version: versionColumn()
})

/** Why a customer sends something back; may add a handling charge (a category or item at an amount) to the credit note. */
export const returnReasons = sqliteTable('return_reasons', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  groupId: integer('group_id').references(() => returnReasonGroups.id),
  chargeCategoryId: integer('charge_category_id').references(() => categories.id),
  chargeItemId: integer('charge_item_id').references(() => items.id),
  /** Net cents, 0 = no charge. */
  chargeAmount: integer('charge_amount').notNull().default(0),
  version: versionColumn()
})

/** What is done with a returned line; the action decides the effects (credit, stock, replacement, shipment). */
export const dispositionCodes = sqliteTable(
  'disposition_codes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    action: text('action').notNull(),
    version: versionColumn()
  },
  (t) => [
    check(
      'disposition_codes_action_check',
      sql`${t.action} in ('creditOnly','credit','replaceCredit','replaceScrap','returnToCustomer','scrap','repairReturn')`
    )
  ]
)

export const returnOrders = sqliteTable(
  'return_orders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The RMA number, from the returnOrder sequence; printed as a barcode on the parcel label. */
    number: text('number').notNull().unique(),
    status: text('status').notNull().default('created'),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    contactId: integer('contact_id').references(() => customerContacts.id),
    siteId: integer('site_id').references(() => customerSites.id),
    reasonId: integer('reason_id')
      .notNull()
      .references(() => returnReasons.id),
    createdDate: text('created_date').notNull(),
    deadline: text('deadline').notNull(),
    /** The service order the return came from (a technician brought the part back). */
    sourceOrderId: integer('source_order_id').references(() => serviceOrders.id),
    /** The order a replacement or repair disposition made (the last one, when several lines made one). */
    replacementOrderId: integer('replacement_order_id').references(() => serviceOrders.id),
    /** The invoice of the reason's handling charge, made with the first credit of the return. */
    chargeInvoiceId: integer('charge_invoice_id').references(() => invoices.id),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
    createdBy: integer('created_by').references(() => users.id),
    version: versionColumn()
  },
  (t) => [
    index('return_orders_status_idx').on(t.status, t.createdDate),
    index('return_orders_customer_idx').on(t.customerId, t.createdDate),
    index('return_orders_reason_idx').on(t.reasonId, t.createdDate),
    index('return_orders_created_idx').on(t.createdDate),
    index('return_orders_source_order_idx').on(t.sourceOrderId),
    check('return_orders_status_check', sql`${t.status} in ('created','open','closed','cancelled')`)
  ]
)

export const returnLines = sqliteTable(
  'return_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    returnId: integer('return_id')
      .notNull()
      .references(() => returnOrders.id),
    lineNo: integer('line_no').notNull(),
    itemId: integer('item_id').references(() => items.id),
    serviceObjectId: integer('service_object_id').references(() => serviceObjects.id),
    description: text('description').notNull(),
    /** Thousandths. */
    quantity: integer('quantity').notNull(),
    unit: text('unit').notNull().default(''),
    /** Net cents per unit, from the invoice line (or typed by a manager). */
    returnPrice: integer('return_price').notNull().default(0),
    vatCode: text('vat_code').notNull().default(''),
    vatRate: integer('vat_rate').notNull().default(0),
    invoiceLineId: integer('invoice_line_id').references(() => invoiceLines.id),
    dispositionId: integer('disposition_id').references(() => dispositionCodes.id),
    replacementItemId: integer('replacement_item_id').references(() => items.id),
    /** Replacement shipped before the item arrived (only allowed while expected). */
    upFrontOrderId: integer('up_front_order_id').references(() => serviceOrders.id),
    status: text('status').notNull().default('expected'),
    quarantine: integer('quarantine', { mode: 'boolean' }).notNull().default(false),
    inspectionNote: text('inspection_note').notNull().default(''),
    /** The line this one was split from at a partial arrival. */
    splitFromId: integer('split_from_id').references((): AnySQLiteColumn => returnLines.id),
    /** The credit note line and the order the disposition made. */
    creditLineId: integer('credit_line_id').references(() => invoiceLines.id),
    resultOrderId: integer('result_order_id').references(() => serviceOrders.id),
    registeredAt: integer('registered_at'),
    version: versionColumn()
  },
  (t) => [
    index('return_lines_return_idx').on(t.returnId, t.lineNo),
    index('return_lines_invoice_line_idx').on(t.invoiceLineId),
    index('return_lines_result_order_idx').on(t.resultOrderId),
    index('return_lines_queue_idx').on(t.quarantine, t.status),
    check('return_lines_status_check', sql`${t.status} in ('expected','registered','received','credited','closed')`)
  ]
)

/** Every status change of a return and its lines, for the timeline on the return page. */
export const returnEvents = sqliteTable(
  'return_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    returnId: integer('return_id')
      .notNull()
      .references(() => returnOrders.id),
    lineId: integer('line_id').references(() => returnLines.id),
    at: integer('at').notNull(),
    userId: integer('user_id').references(() => users.id),
    event: text('event').notNull(),
    detail: text('detail').notNull().default('')
  },
  (t) => [index('return_events_return_idx').on(t.returnId, t.at)]
)

/** Just enough stock keeping that a returned part is somewhere: signed movements per item and location. */
export const stockMovements = sqliteTable(
  'stock_movements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    location: text('location').notNull(),
    /** Thousandths; negative leaves the location. */
    quantity: integer('quantity').notNull(),
    returnLineId: integer('return_line_id').references(() => returnLines.id),
    at: integer('at').notNull()
  },
  (t) => [
    index('stock_movements_item_idx').on(t.itemId, t.location),
    index('stock_movements_return_line_idx').on(t.returnLineId),
    check('stock_movements_location_check', sql`${t.location} in ('stock','quarantine','scrap','atCustomer')`)
  ]
)

/** An item sent back to the customer (return to customer, repaired and returned). */
export const returnShipments = sqliteTable(
  'return_shipments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    returnLineId: integer('return_line_id')
      .notNull()
      .references(() => returnLines.id),
    date: text('date').notNull(),
    quantity: integer('quantity').notNull(),
    note: text('note').notNull().default('')
  },
  (t) => [index('return_shipments_line_idx').on(t.returnLineId)]
)

/** A serial replaced on a customer's service object, and the return that did it. */
export const objectSerialHistory = sqliteTable(
  'object_serial_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    serviceObjectId: integer('service_object_id')
      .notNull()
      .references(() => serviceObjects.id),
    oldSerial: text('old_serial').notNull(),
    newSerial: text('new_serial').notNull(),
    date: text('date').notNull(),
    returnLineId: integer('return_line_id').references(() => returnLines.id)
  },
  (t) => [index('object_serial_history_object_idx').on(t.serviceObjectId)]
)
