import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { changedAt, createdAt, updatedAt, updatedBy, versionColumn } from './common'
import { slaDefinitions } from './slaSetup'

const codeName = () => ({
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  version: versionColumn()
})

export const customerGroups = sqliteTable('customer_groups', {
  ...codeName(),
  /** The default SLA of the group's customers' orders. */
  slaId: integer('sla_id').references(() => slaDefinitions.id)
})
export const skills = sqliteTable('skills', codeName())
export const serviceObjectGroups = sqliteTable('service_object_groups', codeName())

export const dispatchTeams = sqliteTable('dispatch_teams', {
  ...codeName(),
  ownerWorkerId: integer('owner_worker_id')
})

export const workers = sqliteTable(
  'workers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    name: text('name').notNull(),
    email: text('email').notNull().default(''),
    phone: text('phone').notNull().default(''),
    roles: text('roles', { mode: 'json' }).$type<string[]>().notNull(),
    teamId: integer('team_id').references(() => dispatchTeams.id),
    homeBase: text('home_base').notNull().default(''),
    /** WGS84 degrees of the home base; null until entered. The planner starts and ends the day there. */
    homeLatitude: real('home_latitude'),
    homeLongitude: real('home_longitude'),
    workingHours: text('working_hours', { mode: 'json' }),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    version: versionColumn()
  },
  (t) => [index('workers_team_idx').on(t.teamId), index('workers_name_idx').on(t.name)]
)

export const workerSkills = sqliteTable(
  'worker_skills',
  {
    workerId: integer('worker_id')
      .notNull()
      .references(() => workers.id, { onDelete: 'cascade' }),
    skillId: integer('skill_id')
      .notNull()
      .references(() => skills.id)
  },
  (t) => [primaryKey({ columns: [t.workerId, t.skillId] }), index('worker_skills_skill_idx').on(t.skillId)]
)

export const items = sqliteTable(
  'items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    name: text('name').notNull(),
    unit: text('unit').notNull().default('pcs'),
    costPrice: integer('cost_price').notNull().default(0),
    salesPrice: integer('sales_price').notNull().default(0),
    serialTracked: integer('serial_tracked', { mode: 'boolean' }).notNull().default(false),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    version: versionColumn()
  },
  (t) => [index('items_name_idx').on(t.name)]
)

export const categories = sqliteTable(
  'categories',
  {
    ...codeName(),
    type: text('type').notNull(),
    unit: text('unit').notNull().default('h'),
    costPrice: integer('cost_price').notNull().default(0),
    salesPrice: integer('sales_price').notNull().default(0)
  },
  (t) => [check('categories_type_check', sql`${t.type} in ('hour','expense','fee')`)]
)

export const serviceTasks = sqliteTable('service_tasks', {
  ...codeName(),
  description: text('description').notNull().default(''),
  defaultDurationMinutes: integer('default_duration_minutes').notNull().default(60)
})

export const serviceTaskSkills = sqliteTable(
  'service_task_skills',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => serviceTasks.id, { onDelete: 'cascade' }),
    skillId: integer('skill_id')
      .notNull()
      .references(() => skills.id)
  },
  (t) => [primaryKey({ columns: [t.taskId, t.skillId] }), index('service_task_skills_skill_idx').on(t.skillId)]
)

export const customers = sqliteTable(
  'customers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    name: text('name').notNull(),
    groupId: integer('group_id').references(() => customerGroups.id),
    language: text('language').notNull().default('et'),
    email: text('email').notNull().default(''),
    phone: text('phone').notNull().default(''),
    vatNumber: text('vat_number').notNull().default(''),
    /** Estonian registry code (registrikood) or a foreign company number. */
    registryCode: text('registry_code').notNull().default(''),
    /** ISO 3166-1 alpha-2: decides reverse charge (an EU business outside Estonia with a VAT number). */
    country: text('country').notNull().default('EE'),
    billingAddress: text('billing_address').notNull().default(''),
    /** Overrides the company's default payment terms; null uses them. */
    paymentTermsDays: integer('payment_terms_days'),
    invoiceEmail: text('invoice_email').notNull().default(''),
    /** Peppol participant id or e-invoice operator address (e.g. 0191:12345678). */
    einvoiceAddress: text('einvoice_address').notNull().default(''),
    notes: text('notes').notNull().default(''),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    updatedBy: updatedBy(),
    version: versionColumn()
  },
  (t) => [index('customers_name_idx').on(t.name), index('customers_group_idx').on(t.groupId)]
)

export const customerSites = sqliteTable(
  'customer_sites',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    name: text('name').notNull(),
    street: text('street').notNull(),
    city: text('city').notNull(),
    postalCode: text('postal_code').notNull().default(''),
    country: text('country').notNull().default('EE'),
    accessNotes: text('access_notes').notNull().default(''),
    /** WGS84 degrees; null until entered or picked on the map. Travel times are estimated from them. */
    latitude: real('latitude'),
    longitude: real('longitude')
  },
  (t) => [index('customer_sites_customer_idx').on(t.customerId), index('customer_sites_street_idx').on(t.street)]
)

export const customerContacts = sqliteTable(
  'customer_contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    name: text('name').notNull(),
    role: text('role').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default('')
  },
  (t) => [index('customer_contacts_customer_idx').on(t.customerId)]
)

export const serviceObjects = sqliteTable(
  'service_objects',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    name: text('name').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    siteId: integer('site_id').references(() => customerSites.id),
    itemId: integer('item_id').references(() => items.id),
    groupId: integer('group_id').references(() => serviceObjectGroups.id),
    serialNumber: text('serial_number').notNull().default(''),
    installationDate: text('installation_date'),
    /** The warranty's first day; null = from installation (or unknown). Shown at intake (docs/adr/0018). */
    warrantyStart: text('warranty_start'),
    warrantyEnd: text('warranty_end'),
    parentId: integer('parent_id'),
    notes: text('notes').notNull().default(''),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    updatedAt: changedAt(),
    updatedBy: updatedBy(),
    version: versionColumn()
  },
  (t) => [
    index('service_objects_customer_idx').on(t.customerId),
    index('service_objects_site_idx').on(t.siteId),
    index('service_objects_serial_idx').on(t.serialNumber),
    index('service_objects_parent_idx').on(t.parentId),
    index('service_objects_name_idx').on(t.name)
  ]
)
