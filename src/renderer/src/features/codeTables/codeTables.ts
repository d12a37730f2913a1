import type { Permission } from '@shared/auth/roles'

export type CodeTableEntity = 'customerGroups' | 'serviceObjectGroups' | 'skills' | 'agreementGroups' | 'stageReasons' | 'slaReasons'

export interface CodeTable {
  entity: CodeTableEntity
  /** Plural, as the list title and breadcrumb. */
  title: string
  /** Singular, for "New …" and notifications. */
  label: string
  path: string
  /** Where "back" goes when the list lives elsewhere (stage reasons are listed on the workflow screen). */
  listPath?: string
  /** The entity name of the audit trail. */
  audit: string
  write: Permission
  /** What else loses the value when a row is deleted. */
  usedBy: string
  /** Set where the row carries a default SLA: what the SLA applies to. */
  slaFor?: string
}

export const CODE_TABLES: Record<CodeTableEntity, CodeTable> = {
  customerGroups: {
    entity: 'customerGroups',
    title: 'Customer groups',
    label: 'Customer group',
    path: '/customer-groups',
    audit: 'customerGroup',
    write: 'catalog.write',
    usedBy: 'customers',
    slaFor: "Orders of the group's customers, unless their agreement (or its group) or the order names another"
  },
  serviceObjectGroups: {
    entity: 'serviceObjectGroups',
    title: 'Object groups',
    label: 'Object group',
    path: '/object-groups',
    audit: 'serviceObjectGroup',
    write: 'catalog.write',
    usedBy: 'service objects'
  },
  skills: {
    entity: 'skills',
    title: 'Skills',
    label: 'Skill',
    path: '/skills',
    audit: 'skill',
    write: 'resources.write',
    usedBy: 'workers and service tasks'
  },
  agreementGroups: {
    entity: 'agreementGroups',
    title: 'Agreement groups',
    label: 'Agreement group',
    path: '/agreement-groups',
    audit: 'agreementGroup',
    write: 'agreements.configure',
    usedBy: 'agreements',
    slaFor: "Orders of the group's agreements, unless the agreement or the order names another; before the customer group's"
  },
  stageReasons: {
    entity: 'stageReasons',
    title: 'Reason codes',
    label: 'Reason code',
    path: '/stage-reasons',
    listPath: '/stages',
    audit: 'stageReason',
    write: 'stages.configure',
    usedBy: 'stage changes'
  },
  slaReasons: {
    entity: 'slaReasons',
    title: 'SLA reason codes',
    label: 'Reason code',
    path: '/sla-reasons',
    audit: 'slaReason',
    write: 'sla.configure',
    usedBy: "orders' SLA clocks"
  }
}
