/** The application frame: start-up, navigation, the user menu, global search, first start and sign-in. */
export const app = {
  noDatabase: 'Hooldus cannot reach its database: {{message}}',
  nav: {
    sections: {
      service: 'Service',
      customers: 'Customers & equipment',
      resources: 'Resources',
      catalogue: 'Catalogue',
      agreementSetup: 'Agreement setup',
      administration: 'Administration'
    },
    serviceOrders: 'Service orders',
    invoices: 'Invoices',
    bankStatements: 'Bank statements',
    agreements: 'Agreements',
    dispatch: 'Dispatch board',
    myWork: 'My work',
    slas: 'SLAs',
    slaAtRisk: 'SLAs at risk',
    slaCompliance: 'SLA compliance',
    repairs: 'Repair history',
    returns: 'Returns',
    subscriptions: 'Subscriptions',
    customers: 'Customers',
    serviceObjects: 'Service objects',
    customerGroups: 'Customer groups',
    objectGroups: 'Object groups',
    workers: 'Workers',
    teams: 'Dispatch teams',
    skills: 'Skills',
    items: 'Items',
    categories: 'Categories',
    tasks: 'Service tasks',
    agreementGroups: 'Agreement groups',
    serviceIntervals: 'Service intervals',
    timeWindows: 'Time windows',
    templateGroups: 'Template groups',
    users: 'Users',
    sequences: 'Number sequences',
    stages: 'Order stages',
    slaReasons: 'SLA reasons',
    repairCodes: 'Repair codes',
    bomTemplates: 'BOM templates',
    settings: 'Settings',
    soon: 'soon',
    arrivesWith: 'Arrives with {{module}}',
    modules: { returns: 'return management', subscriptions: 'service subscriptions' }
  },
  user: {
    signedInAs: 'Signed in as {{username}}',
    signOut: 'Sign out'
  },
  search: {
    button: 'Customers, addresses, serial numbers…',
    placeholder: 'Search customers, addresses, serial numbers…',
    ariaLabel: 'Global search',
    kind: { serviceObject: 'Object', customer: 'Customer', site: 'Site' },
    nothingFound: 'Nothing found for “{{query}}”.',
    hintType: 'Type at least two characters.',
    hintMove: 'to move,',
    hintOpen: 'to open.'
  },
  setup: {
    language: 'Language',
    title: 'Welcome to Hooldus',
    intro: 'This database is new. Create the administrator account to start.',
    companyName: 'Company name',
    username: 'Administrator user name',
    displayName: 'Full name',
    password: 'Password',
    passwordHint: 'At least 8 characters',
    withDemoData: 'Fill with a demo service company (customers, technicians, equipment)',
    demoNote: "The demo company's users and passwords are listed in the README.",
    submit: 'Create administrator'
  },
  signIn: {
    subtitle: '{{company}} — sign in',
    username: 'User name',
    password: 'Password',
    submit: 'Sign in',
    unreachable: 'Cannot reach Hooldus.'
  }
}
