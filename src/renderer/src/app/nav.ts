import {
  IconBinaryTree2,
  IconCalendarUser,
  IconCalendarTime,
  IconFolders,
  IconRepeat,
  IconAddressBook,
  IconBox,
  IconCalendarRepeat,
  IconCategory,
  IconChecklist,
  IconClipboardList,
  IconClockHour4,
  IconCreditCard,
  IconFileInvoice,
  IconLayoutBoard,
  IconListNumbers,
  IconReceiptRefund,
  IconRoute,
  IconSettings,
  IconSitemap,
  IconTool,
  IconUser,
  IconUsers,
  IconUsersGroup,
  IconBolt,
  IconBuildingBank,
  IconAlarm,
  IconChartBar,
  IconMessageReport,
  IconChartLine,
  IconTag,
  IconTools,
  IconStethoscope,
  IconHierarchy,
  IconBuildingWarehouse,
  IconFileImport,
  IconGauge,
  IconHome,
  IconReportAnalytics
} from '@tabler/icons-react'
import type { Permission } from '@shared/auth/roles'
import type { app } from '@shared/i18n/catalogue/en/app'

type Nav = typeof app.nav
/** Catalogue keys of the navigation's labels (named literally here, so the unused-key check sees them). */
export type NavLabelKey = `app.nav.${Exclude<keyof Nav, 'sections'>}`
export type NavSectionKey = `app.nav.sections.${keyof Nav['sections']}`

export interface NavItem {
  labelKey: NavLabelKey
  path: string
  icon: typeof IconUser
  permission?: Permission
}

/**
 * Office work: the lists, setup and the board (read-only without `dispatch.plan`) that only whoever works on orders in
 * the office uses. A technician's menu keeps what their day needs: orders, My work, customers, objects, items, repairs.
 */
const OFFICE: Permission = 'orders.write'

export interface NavSection {
  section: NavSectionKey
  items: NavItem[]
}

export const NAV: NavSection[] = [
  {
    section: 'app.nav.sections.service',
    items: [
      { labelKey: 'app.nav.managerHome', path: '/home/manager', icon: IconGauge, permission: 'reports.read' },
      { labelKey: 'app.nav.dispatcherHome', path: '/home/dispatcher', icon: IconHome, permission: 'dispatch.plan' },
      { labelKey: 'app.nav.serviceOrders', path: '/orders', icon: IconClipboardList },
      { labelKey: 'app.nav.invoices', path: '/invoices', icon: IconFileInvoice, permission: 'invoices.read' },
      { labelKey: 'app.nav.bankStatements', path: '/bank-statements', icon: IconBuildingBank, permission: 'invoices.create' },
      { labelKey: 'app.nav.agreements', path: '/agreements', icon: IconCalendarRepeat, permission: OFFICE },
      { labelKey: 'app.nav.dispatch', path: '/dispatch', icon: IconLayoutBoard, permission: OFFICE },
      { labelKey: 'app.nav.myWork', path: '/my-work', icon: IconCalendarUser, permission: 'orders.register' },
      { labelKey: 'app.nav.slas', path: '/slas', icon: IconClockHour4, permission: OFFICE },
      { labelKey: 'app.nav.slaAtRisk', path: '/sla-at-risk', icon: IconAlarm, permission: OFFICE },
      { labelKey: 'app.nav.slaCompliance', path: '/sla-compliance', icon: IconChartBar, permission: 'sla.report' },
      { labelKey: 'app.nav.reports', path: '/reports/margin', icon: IconReportAnalytics, permission: 'reports.read' },
      { labelKey: 'app.nav.returns', path: '/returns', icon: IconReceiptRefund, permission: 'returns.read' },
      { labelKey: 'app.nav.returnStock', path: '/return-stock', icon: IconBuildingWarehouse, permission: 'returns.read' },
      { labelKey: 'app.nav.subscriptions', path: '/subscriptions', icon: IconCreditCard, permission: 'invoices.read' },
      { labelKey: 'app.nav.subscriptionRevenue', path: '/subscription-revenue', icon: IconChartLine, permission: 'invoices.read' },
      { labelKey: 'app.nav.repairs', path: '/repairs', icon: IconTools },
      { labelKey: 'app.nav.repairAnalysis', path: '/repair-analysis', icon: IconChartBar, permission: 'orders.write' }
    ]
  },
  {
    section: 'app.nav.sections.customers',
    items: [
      { labelKey: 'app.nav.customers', path: '/customers', icon: IconAddressBook },
      { labelKey: 'app.nav.serviceObjects', path: '/service-objects', icon: IconTool },
      { labelKey: 'app.nav.customerGroups', path: '/customer-groups', icon: IconUsersGroup, permission: OFFICE },
      { labelKey: 'app.nav.objectGroups', path: '/object-groups', icon: IconSitemap, permission: OFFICE }
    ]
  },
  {
    section: 'app.nav.sections.resources',
    items: [
      { labelKey: 'app.nav.workers', path: '/workers', icon: IconUser, permission: OFFICE },
      { labelKey: 'app.nav.teams', path: '/teams', icon: IconUsers, permission: OFFICE },
      { labelKey: 'app.nav.skills', path: '/skills', icon: IconBolt, permission: OFFICE }
    ]
  },
  {
    section: 'app.nav.sections.catalogue',
    items: [
      { labelKey: 'app.nav.items', path: '/items', icon: IconBox },
      { labelKey: 'app.nav.categories', path: '/categories', icon: IconCategory, permission: OFFICE },
      { labelKey: 'app.nav.tasks', path: '/tasks', icon: IconChecklist, permission: OFFICE },
      { labelKey: 'app.nav.bomTemplates', path: '/bom-templates', icon: IconHierarchy, permission: OFFICE }
    ]
  },
  {
    section: 'app.nav.sections.agreementSetup',
    items: [
      { labelKey: 'app.nav.agreementGroups', path: '/agreement-groups', icon: IconFolders, permission: OFFICE },
      { labelKey: 'app.nav.serviceIntervals', path: '/service-intervals', icon: IconRepeat, permission: OFFICE },
      { labelKey: 'app.nav.timeWindows', path: '/time-windows', icon: IconCalendarTime, permission: OFFICE },
      { labelKey: 'app.nav.templateGroups', path: '/template-groups', icon: IconBinaryTree2, permission: OFFICE }
    ]
  },
  {
    section: 'app.nav.sections.subscriptionSetup',
    items: [
      { labelKey: 'app.nav.subscriptionGroups', path: '/subscription-groups', icon: IconFolders, permission: OFFICE },
      { labelKey: 'app.nav.subscriptionPrices', path: '/subscription-prices', icon: IconTag, permission: 'invoices.read' }
    ]
  },
  {
    section: 'app.nav.sections.administration',
    items: [
      { labelKey: 'app.nav.users', path: '/users', icon: IconUsers, permission: 'users.manage' },
      { labelKey: 'app.nav.sequences', path: '/sequences', icon: IconListNumbers, permission: OFFICE },
      { labelKey: 'app.nav.stages', path: '/stages', icon: IconRoute, permission: OFFICE },
      { labelKey: 'app.nav.slaReasons', path: '/sla-reasons', icon: IconMessageReport, permission: OFFICE },
      { labelKey: 'app.nav.returnReasons', path: '/return-reasons', icon: IconMessageReport, permission: 'returns.read' },
      { labelKey: 'app.nav.returnReasonGroups', path: '/return-reason-groups', icon: IconFolders, permission: 'returns.read' },
      { labelKey: 'app.nav.dispositionCodes', path: '/disposition-codes', icon: IconListNumbers, permission: 'returns.read' },
      { labelKey: 'app.nav.repairCodes', path: '/repair-codes', icon: IconStethoscope, permission: OFFICE },
      { labelKey: 'app.nav.settings', path: '/settings', icon: IconSettings, permission: OFFICE },
      { labelKey: 'app.nav.import', path: '/import', icon: IconFileImport, permission: 'import.run' }
    ]
  }
]

/** The menu a user sees: the entries their permissions allow, without sections left empty. */
export function navFor(can: (permission: Permission) => boolean): NavSection[] {
  return NAV.map((s) => ({ ...s, items: s.items.filter((item) => !item.permission || can(item.permission)) })).filter(
    (s) => s.items.length > 0
  )
}
