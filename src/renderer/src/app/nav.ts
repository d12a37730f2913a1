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
  IconAlarm,
  IconChartBar,
  IconMessageReport
} from '@tabler/icons-react'
import type { Permission } from '@shared/auth/roles'

export interface NavItem {
  label: string
  path: string
  icon: typeof IconUser
  permission?: Permission
  /** Modules whose issue has not landed yet are listed, but not yet usable. */
  comingWith?: string
}

export const NAV: { section: string; items: NavItem[] }[] = [
  {
    section: 'Service',
    items: [
      { label: 'Service orders', path: '/orders', icon: IconClipboardList },
      { label: 'Invoices', path: '/invoices', icon: IconFileInvoice, permission: 'invoices.read' },
      { label: 'Agreements', path: '/agreements', icon: IconCalendarRepeat },
      { label: 'Dispatch board', path: '/dispatch', icon: IconLayoutBoard, permission: 'dispatch.plan' },
      { label: 'My work', path: '/my-work', icon: IconCalendarUser, permission: 'orders.register' },
      { label: 'SLAs', path: '/slas', icon: IconClockHour4 },
      { label: 'SLAs at risk', path: '/sla-at-risk', icon: IconAlarm },
      { label: 'SLA compliance', path: '/sla-compliance', icon: IconChartBar, permission: 'sla.report' },
      { label: 'Returns', path: '/returns', icon: IconReceiptRefund, comingWith: 'return management' },
      { label: 'Subscriptions', path: '/subscriptions', icon: IconCreditCard, comingWith: 'service subscriptions' }
    ]
  },
  {
    section: 'Customers & equipment',
    items: [
      { label: 'Customers', path: '/customers', icon: IconAddressBook },
      { label: 'Service objects', path: '/service-objects', icon: IconTool },
      { label: 'Customer groups', path: '/customer-groups', icon: IconUsersGroup },
      { label: 'Object groups', path: '/object-groups', icon: IconSitemap }
    ]
  },
  {
    section: 'Resources',
    items: [
      { label: 'Workers', path: '/workers', icon: IconUser },
      { label: 'Dispatch teams', path: '/teams', icon: IconUsers },
      { label: 'Skills', path: '/skills', icon: IconBolt }
    ]
  },
  {
    section: 'Catalogue',
    items: [
      { label: 'Items', path: '/items', icon: IconBox },
      { label: 'Categories', path: '/categories', icon: IconCategory },
      { label: 'Service tasks', path: '/tasks', icon: IconChecklist }
    ]
  },
  {
    section: 'Agreement setup',
    items: [
      { label: 'Agreement groups', path: '/agreement-groups', icon: IconFolders },
      { label: 'Service intervals', path: '/service-intervals', icon: IconRepeat },
      { label: 'Time windows', path: '/time-windows', icon: IconCalendarTime },
      { label: 'Template groups', path: '/template-groups', icon: IconBinaryTree2 }
    ]
  },
  {
    section: 'Administration',
    items: [
      { label: 'Users', path: '/users', icon: IconUsers, permission: 'users.manage' },
      { label: 'Number sequences', path: '/sequences', icon: IconListNumbers },
      { label: 'Order stages', path: '/stages', icon: IconRoute, permission: 'orders.read' },
      { label: 'SLA reasons', path: '/sla-reasons', icon: IconMessageReport },
      { label: 'Settings', path: '/settings', icon: IconSettings }
    ]
  }
]
