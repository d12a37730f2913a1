import { sql } from 'drizzle-orm'
import { check, index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdAt, versionColumn } from './common'
import { workers } from './masterdata'

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  passwordSalt: text('password_salt').notNull(),
  /** JSON array of role names. */
  roles: text('roles', { mode: 'json' }).$type<string[]>().notNull(),
  workerId: integer('worker_id').references(() => workers.id),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lastFailedAt: integer('last_failed_at'),
  lastSignInAt: integer('last_sign_in_at'),
  /** Bumped when the password, the roles or `active` change; a session signed in under another value has ended. */
  securityStamp: integer('security_stamp').notNull().default(0),
  /** The language of the screens, messages and internal documents; 'et' or 'en'. */
  language: text('language').notNull().default('et'),
  /** How the user's CSV exports are written: 'spreadsheet' (Estonian Excel) or 'standard' (RFC 4180). */
  csvDialect: text('csv_dialect').notNull().default('spreadsheet'),
  createdAt: createdAt(),
  version: versionColumn()
})

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    userId: integer('user_id').references(() => users.id),
    entity: text('entity').notNull(),
    entityId: integer('entity_id').notNull(),
    action: text('action').notNull(),
    before: text('before'),
    after: text('after')
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    check('audit_log_action_check', sql`${t.action} in ('create','update','delete')`)
  ]
)

export const settings = sqliteTable(
  'settings',
  {
    id: integer('id').primaryKey(),
    companyName: text('company_name').notNull(),
    companyAddress: text('company_address').notNull().default(''),
    companyRegNo: text('company_reg_no').notNull().default(''),
    companyVatNumber: text('company_vat_number').notNull().default(''),
    /** The name on invoices when it differs from the short company name (e.g. with the legal form). */
    companyLegalName: text('company_legal_name').notNull().default(''),
    companyPostalCode: text('company_postal_code').notNull().default(''),
    companyCity: text('company_city').notNull().default(''),
    /** ISO 3166-1 alpha-2. */
    companyCountry: text('company_country').notNull().default('EE'),
    companyPhone: text('company_phone').notNull().default(''),
    companyEmail: text('company_email').notNull().default(''),
    companyWeb: text('company_web').notNull().default(''),
    /** [{ iban, bankName, bic }]; the first is printed on invoices and used in e-invoices. */
    bankAccounts: text('bank_accounts', { mode: 'json' })
      .notNull()
      .default(sql`'[]'`),
    paymentTermsDays: integer('payment_terms_days').notNull().default(14),
    invoiceFooter: text('invoice_footer').notNull().default(''),
    /** A PNG or JPEG as a data URL (shown on documents), '' for none. */
    logo: text('logo').notNull().default(''),
    currency: text('currency').notNull().default('EUR'),
    timeZone: text('time_zone').notNull().default('Europe/Tallinn'),
    /** The language of new users and customers, and of the screens before anyone signs in. */
    language: text('language').notNull().default('et'),
    vatRates: text('vat_rates', { mode: 'json' }).notNull(),
    workingHours: text('working_hours', { mode: 'json' }).notNull(),
    holidays: text('holidays', { mode: 'json' }).notNull(),
    /** A running SLA target with this many business minutes or fewer left shows as at risk. */
    slaAtRiskMinutes: integer('sla_at_risk_minutes').notNull().default(120),
    /** Cancelling a clock or missing a target needs a reason code (asked at sign-off at the latest). */
    slaReasonRequired: integer('sla_reason_required', { mode: 'boolean' }).notNull().default(true),
    /**
     * Orders generated from agreements get SLA clocks too (from their planned start). Off = only orders made
     * by hand (under an agreement or not) are measured, as in the reference module (docs/adr/0007).
     */
    slaOnGeneratedOrders: integer('sla_on_generated_orders', { mode: 'boolean' }).notNull().default(true),
    /** The board refuses to plan work further than this many hours in the past. */
    dispatchPastLimitHours: integer('dispatch_past_limit_hours').notNull().default(24),
    /** A session unused for longer than this is signed out. */
    sessionIdleHours: integer('session_idle_hours').notNull().default(12),
    /** A return's deadline is its created date plus this many days. */
    rmaValidityDays: integer('rma_validity_days').notNull().default(30),
    /** The straight-line travel model (shared/planner/travel.ts, ADR 0029): road km per straight km. */
    travelRoadFactor: real('travel_road_factor').notNull().default(1.3),
    /** Average speed on the road, km/h. */
    travelSpeedKmh: integer('travel_speed_kmh').notNull().default(60),
    /** Minutes added to every trip between two places (parking, walking to the door). */
    travelOverheadMinutes: integer('travel_overhead_minutes').notNull().default(5),
    /**
     * The map's tile source, a Leaflet URL template ({z}/{x}/{y}); empty = no tiles, a plain background (ADR 0031):
     * nothing leaves the machine until the shop chooses a server.
     */
    mapTileUrl: text('map_tile_url').notNull().default(''),
    /** The tile provider's attribution, shown in the map's corner (OpenStreetMap's licence requires one). */
    mapTileAttribution: text('map_tile_attribution').notNull().default(''),
    /** A closed order counts as fixed the first time when no other order visits the same object within this many days (ADR 0027). */
    firstTimeFixDays: integer('first_time_fix_days').notNull().default(30),
    version: versionColumn()
  },
  (t) => [check('settings_single_row', sql`${t.id} = 1`)]
)

export const numberSequences = sqliteTable('number_sequences', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  prefix: text('prefix').notNull().default(''),
  nextNumber: integer('next_number').notNull().default(1),
  padding: integer('padding').notNull().default(6),
  version: versionColumn()
})
