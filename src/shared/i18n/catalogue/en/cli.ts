/**
 * The command line's help, output and messages. Counted nouns are i18next plurals ('rows_one',
 * 'rows_other') with the number, already in the language's format, as {{n}}.
 */
export const cli = {
  seeHelp: '{{message}} (see --help)',
  debugHint: '{{message}} (set HOOLDUS_DEBUG=1 for details)',
  langOption: '--lang must be et or en, not "{{value}}"',
  needsSubCommand: '"{{group}}" needs a sub-command: {{commands}}',
  unknownSubCommand: 'Unknown command "{{command}}"; try "{{commands}}"',
  unknownCommand: 'Unknown command "{{command}}"',
  foreignOptions: '"{{command}}" does not take --{{options}}',
  someOptions: 'Some options need attention.',
  noDatabase: 'There is no database at {{file}}. Create one with "migrate" or "demo", or pass --db <file>.',
  backedUp: 'Backed up the database to {{file}} before migrating it.',
  noUser: 'There is no user "{{user}}" in this database.',
  userDisabled: 'The user "{{user}}" is disabled.',
  noAdministrator: 'This database has no active administrator; pass --user <name>.',
  langHelp: '  --lang et|en  the language of messages (default: the --user’s, else the company’s)',
  positiveNumber: '{{option}} must be a positive number, not "{{value}}"',
  help: {
    intro: 'Hooldus command line: the same services and permission checks as the app, on a database file.',
    usage: 'Usage: npm run cli -- <command> [options]',
    commands: 'Commands:',
    helpCommand: 'This text; "help <command>" or "<command> --help" for one command',
    everyCommand: 'Options of every command:',
    db: "  --db <file>   the database (default: $HOOLDUS_DB, else hooldus.db in the app's data folder)",
    help: '  -h, --help    help',
    examples: 'Examples:',
    commandUsage: 'Usage: npm run cli -- {{usage}} [--db <file>]'
  },
  migrate: {
    summary: 'Create the database, or bring it to this version of Hooldus (backs it up first)',
    details: 'A database written by a newer Hooldus is refused and left unchanged.',
    existing: 'Database {{file}} is at schema version {{version}}.',
    created: 'New database {{file}} is at schema version {{version}}.'
  },
  backup: {
    summary: 'Copy the database to <file>; safe while the app is running',
    details: '--force   overwrite <file> when it exists',
    needsFile: 'backup needs the file to write, e.g. backup hooldus-2025-06-01.db',
    oneFile: 'backup takes one file, not "{{args}}"',
    sameFile: 'The backup file cannot be the database itself.',
    exists: '{{file}} already exists; pass --force to overwrite it.',
    noDatabase: 'There is no database at {{file}}; pass --db <file>.',
    done: 'Backed up {{file}} to {{target}}.'
  },
  demo: {
    summary: 'Fill an empty database with a demo service company (scale 1 = 80 customers, 400 objects)',
    details:
      '--scale n       multiplies customers, sites and service objects (100 = 8,000 customers, about 200,000 service orders)\n' +
      '--seed n        another seed gives another (but again repeatable) company\n' +
      '--company name  company name in the settings of a new database (default "{{company}}")\n' +
      'Refuses a database that already has customers or other master data.',
    noArguments: 'demo takes no arguments, not "{{args}}"',
    seed: '--seed must be a whole number, not "{{value}}"',
    heading: 'Demo data in {{file}} (scale {{scale}}, {{seconds}} s):',
    masterData: '  {{customers}}, {{sites}}, {{contacts}}, {{serviceObjects}} ({{components}}),',
    workers: '  {{workers}} ({{technicians}} in {{teams}}), {{items}}, {{serviceTasks}},',
    orders: '  {{serviceOrders}} over {{weeks}} back and 4 ahead ({{lines}}, {{templates}}), {{invoices}}',
    agreements: '  {{agreements}} ({{groups}}; {{lines}}) — create their orders with "agreements generate"',
    gold: '{{n}} gold',
    silver: '{{n}} silver',
    bronze: '{{n}} bronze',
    signIn: 'Sign in with:',
    nameTaken: '(name was taken; not created)',
    customers_one: '{{n}} customer',
    customers_other: '{{n}} customers',
    sites_one: '{{n}} site',
    sites_other: '{{n}} sites',
    contacts_one: '{{n}} contact',
    contacts_other: '{{n}} contacts',
    serviceObjects_one: '{{n}} service object',
    serviceObjects_other: '{{n}} service objects',
    components_one: '{{n}} component',
    components_other: '{{n}} components',
    workers_one: '{{n}} worker',
    workers_other: '{{n}} workers',
    technicians_one: '{{n}} technician',
    technicians_other: '{{n}} technicians',
    teams_one: '{{n}} dispatch team',
    teams_other: '{{n}} dispatch teams',
    items_one: '{{n}} item',
    items_other: '{{n}} items',
    serviceTasks_one: '{{n}} service task',
    serviceTasks_other: '{{n}} service tasks',
    serviceOrders_one: '{{n}} service order',
    serviceOrders_other: '{{n}} service orders',
    weeks_one: '{{n}} week',
    weeks_other: '{{n}} weeks',
    lines_one: '{{n}} line',
    lines_other: '{{n}} lines',
    templates_one: '{{n}} template',
    templates_other: '{{n}} templates',
    invoices_one: '{{n}} invoice',
    invoices_other: '{{n}} invoices',
    agreements_one: '{{n}} service agreement',
    agreements_other: '{{n}} service agreements'
  },
  export: {
    summary: 'Write a list as CSV (UTF-8), the same columns as "Export" in the app',
    details:
      '<list>            one of: {{lists}}\n' +
      "--q text          search text, as in the list's search box\n" +
      '--filter k=v      a list filter, e.g. --filter active=true --filter groupId=2\n' +
      '--user name       act as this user (default: the first active administrator)\n' +
      "--lang et|en      language of the headers and labels (default: the user's)\n" +
      '--csv-dialect d   spreadsheet (semicolons, decimal comma, BOM: Excel in Estonia) or standard (RFC 4180);\n' +
      "                  default: the user's",
    unknownList: 'Unknown list "{{name}}"; lists: {{lists}}',
    filterSyntax: '--filter takes key=value, not "{{value}}"',
    unknownFilter: 'Unknown filter "{{key}}" for {{list}}; filters: {{filters}}',
    noFilters: 'Unknown filter "{{key}}" for {{list}}; it has no filters',
    needsList: 'export needs a list: {{lists}}',
    oneList: 'export takes one list, not "{{args}}"',
    needsOut: 'export needs --out <file.csv>',
    lang: '--lang is one of: {{languages}}',
    dialect: '--csv-dialect is one of: {{dialects}}',
    done: 'Exported {{rows}} of {{list}} to {{file}} (as {{user}}).',
    rows_one: '{{n}} row',
    rows_other: '{{n}} rows'
  },
  usersAdd: {
    summary: 'Add a user who can sign in to the app',
    details:
      '--role          {{roles}}; repeat for several\n' +
      '--password pw   at least 8 characters; better: leave it out and set HOOLDUS_PASSWORD\n' +
      '--worker no     link the user to a worker (technicians see their own work)\n' +
      '--user name     act as this user (default: the first active administrator).\n' +
      'When the database has no active administrator yet, the new user must get --role administrator.',
    needsName: 'users add needs a user name, e.g. users add mari --name "Mari Maasikas" --role dispatcher',
    oneName: 'users add takes one user name, not "{{args}}"',
    needsPassword: 'Give the password with --password or in HOOLDUS_PASSWORD',
    noWorker: 'There is no worker {{worker}}.',
    firstAdministrator: 'This database has no active administrator; the first user must get --role administrator.',
    done: 'Added user "{{user}}" ({{name}}; {{roles}}).',
    doneWithWorker: 'Added user "{{user}}" ({{name}}; {{roles}}) linked to {{worker}}.'
  },
  pdf: {
    summary: 'Write a work description, work receipt, invoice or credit note as PDF, the same as in the app',
    details:
      '<document>      {{documents}}\n' +
      '<number>        the service order (SO-…), invoice / credit note (INV-…, CRN-…) or return (RMA-…) number\n' +
      '--out file      where to write (default: the file name the app offers, in the current folder)\n' +
      '--user name     act as this user (default: the first active administrator); a technician gets only their own orders',
    needsDocument: 'pdf needs a document ({{documents}}) and a number, e.g. pdf invoice INV-000012',
    unknownDocument: 'Unknown document "{{name}}"; documents: {{documents}}',
    needsOrderNumber: 'pdf {{document}} needs the number of the service order',
    needsInvoiceNumber: 'pdf {{document}} needs the number of the invoice',
    needsCreditNoteNumber: 'pdf {{document}} needs the number of the credit note',
    oneNumber: 'pdf takes a document and one number, not "{{args}}"',
    noOrder: 'There is no service order {{number}}.',
    noInvoice: 'There is no invoice {{number}}.',
    noCreditNote: 'There is no credit note {{number}}.',
    invoiceNotCreditNote: '{{number}} is an invoice, not a credit note; use "pdf invoice {{number}}".',
    creditNoteNotInvoice: '{{number}} is a credit note, not an invoice; use "pdf credit-note {{number}}".',
    done: 'Wrote {{document}} {{number}} to {{file}} (as {{user}}).',
    workDescription: 'work description',
    workReceipt: 'work receipt',
    invoice: 'invoice',
    creditNote: 'credit note',
    returnOrder: 'return order (RMA)',
    returnAcknowledgement: 'return acknowledgement',
    needsReturnNumber: 'pdf {{document}} needs the RMA number of the return',
    noReturn: 'There is no return {{number}}.'
  },
  einvoice: {
    summary: 'Write an invoice or credit note as an e-invoice (EN 16931 UBL XML, Peppol BIS Billing 3.0), the same as in the app',
    details:
      '<number>        the invoice or credit note number (INV-…, CRN-…)\n' +
      '--out file      where to write (default: the file name the app offers, in the current folder)\n' +
      '--user name     act as this user (default: the first active administrator); needs the right to read invoices',
    needsNumber: 'einvoice needs the number of an invoice or credit note, e.g. einvoice INV-000012',
    oneNumber: 'einvoice takes one number, not "{{args}}"',
    noInvoice: 'There is no invoice or credit note {{number}}.',
    done: 'Wrote e-invoice {{number}} to {{file}} (as {{user}}).'
  },
  generate: {
    summary: 'Create the service orders agreements call for in a date range (for scheduled runs)',
    details:
      '--from, --to    the range, both days included, at most ten years\n' +
      '--agreement no  only this agreement (repeat for several); default: every agreement in force\n' +
      '--json          print one JSON object: orders, lines, skipped, conflicts, agreements, orderNumbers …\n' +
      '--user name     act as this user (default: the first active administrator); needs the right to generate\n' +
      'Running it again over the same dates creates nothing twice: occurrences made before are skipped, also\n' +
      'when their order lines were cancelled, moved or deleted since. Each agreement is written whole, so an\n' +
      'interrupted run keeps whole agreements only; run it again to complete it.',
    noArguments: 'agreements generate takes no arguments, not "{{args}}"',
    needsRange: 'agreements generate needs --from and --to, e.g. --from 2026-01-01 --to 2026-03-31',
    noAgreement: 'There is no agreement {{number}}.',
    starting: 'Generating service orders for {{from}} … {{to}} as {{user}} …',
    startingSome: 'Generating service orders for {{from}} … {{to}} ({{agreements}}) as {{user}} …',
    progress: '  {{done}}/{{total}} agreements, {{orders}}',
    nothing: 'Nothing to create for {{from}} … {{to}}: {{inForce}} in force, {{skipped}} made before ({{seconds}} s).',
    created: 'Created {{orders}} ({{first}} … {{last}}) with {{lines}} {{agreements}} for {{from}} … {{to}} ({{seconds}} s).',
    outcome: '  {{skipped}} skipped (made before); {{conflicts}} on a closed day (flagged as calendar conflict); {{inForce}} in force.',
    agreements_one: '{{n}} agreement',
    agreements_other: '{{n}} agreements',
    orders_one: '{{n}} order',
    orders_other: '{{n}} orders',
    serviceOrders_one: '{{n}} service order',
    serviceOrders_other: '{{n}} service orders',
    lines_one: '{{n}} line',
    lines_other: '{{n}} lines',
    fromAgreements_one: 'from {{n}} agreement',
    fromAgreements_other: 'from {{n}} agreements',
    occurrences_one: '{{n}} occurrence',
    occurrences_other: '{{n}} occurrences'
  },
  subscriptions: {
    summary: 'Create the subscription fees due up to a date (for scheduled runs)',
    details:
      '--to date       fees for every invoicing period that starts on or before this date\n' +
      '--group CODE    only the subscriptions of this group; default: every active subscription\n' +
      '--json          print one JSON object: created, skipped, subscriptions …\n' +
      '--user name     act as this user (default: the first active administrator)\n' +
      'A fee is made once per subscription and period: running it again, or after an interrupted run, creates\n' +
      'only the missing fees (missed periods are caught up).',
    noArguments: 'subscriptions generate takes no arguments, not "{{args}}"',
    needsTo: 'subscriptions generate needs --to, e.g. --to 2026-03-31',
    noGroup: 'There is no subscription group {{code}}.',
    progress: '  {{done}}/{{total}} subscriptions, {{created}} fees created',
    done: 'Created {{created}} fees, skipped {{skipped}} made before, {{subscriptions}} subscriptions up to {{to}} ({{seconds}} s).'
  },
  plan: {
    summary: 'Plan an instance file with the planner, without a database',
    details:
      '<instance.json>  jobs, technicians, shifts, skills, windows, deadlines; the format is in docs/adr/0020\n' +
      '--seconds N      stop searching after N seconds at the latest (default 10)\n' +
      '--seed N         the random seed: the same seed gives the same plan (default 1)\n' +
      '--iterations N   ruin-and-recreate rounds after the first plan (default 500)\n' +
      '--json           print the plan as one JSON object: routes, unplanned jobs, objective parts, reasons\n' +
      'Exit code 2: the file is not a valid instance; the message names the JSON path of the first error.',
    needsFile: 'plan solve needs one instance file, e.g. plan solve instance.json',
    wholeNumber: '{{option}} must be a whole number of at least {{min}}, not "{{value}}"',
    unreadable: 'Cannot read {{file}}: {{message}}',
    malformed: '{{file}} is not a valid instance: {{path}}: {{message}}',
    done:
      'Planned {{planned}} jobs on {{days}} technician days, {{unplanned}} left unplanned, {{missed}} SLA deadlines missed; ' +
      'driving {{hours}} h, {{km}} km; {{late}} min late against requested windows, {{overtime}} min overtime ({{seconds}} s).',
    unplanned: {
      NO_TECHNICIANS: 'no technicians in the team',
      WINDOW_INVERTED: 'the requested window closes before it opens',
      NO_LOCATION: 'the site has no coordinates',
      NO_QUALIFIED_TECHNICIAN: 'no technician has the skills',
      NO_SHIFT: 'no qualified technician works in the window',
      NO_ROOM: 'no free slot left for a qualified technician'
    }
  }
}
