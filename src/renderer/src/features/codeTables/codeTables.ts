import type { Permission } from '@shared/auth/roles'
import type { T } from '@shared/i18n/i18n'

export type CodeTableEntity =
  | 'customerGroups'
  | 'serviceObjectGroups'
  | 'skills'
  | 'agreementGroups'
  | 'stageReasons'
  | 'slaReasons'
  | 'returnReasonGroups'

export interface CodeTable {
  entity: CodeTableEntity
  /** Plural, as the list title and breadcrumb. */
  title: (t: T) => string
  /** Singular, for "New …" and notifications. */
  label: (t: T) => string
  path: string
  /** Where "back" goes when the list lives elsewhere (stage reasons are listed on the workflow screen). */
  listPath?: string
  /** The entity name of the audit trail. */
  audit: string
  write: Permission
  /** What else loses the value when a row is deleted. */
  usedBy: (t: T) => string
  /** Set where the row carries a default SLA: what the SLA applies to. */
  slaFor?: (t: T) => string
}

export const CODE_TABLES: Record<CodeTableEntity, CodeTable> = {
  customerGroups: {
    entity: 'customerGroups',
    title: (t) => t('masterdata.codeTables.customerGroups.title'),
    label: (t) => t('masterdata.codeTables.customerGroups.one'),
    path: '/customer-groups',
    audit: 'customerGroup',
    write: 'catalog.write',
    usedBy: (t) => t('masterdata.codeTables.customerGroups.usedBy'),
    slaFor: (t) => t('masterdata.codeTables.customerGroups.slaFor')
  },
  serviceObjectGroups: {
    entity: 'serviceObjectGroups',
    title: (t) => t('masterdata.codeTables.serviceObjectGroups.title'),
    label: (t) => t('masterdata.codeTables.serviceObjectGroups.one'),
    path: '/object-groups',
    audit: 'serviceObjectGroup',
    write: 'catalog.write',
    usedBy: (t) => t('masterdata.codeTables.serviceObjectGroups.usedBy')
  },
  skills: {
    entity: 'skills',
    title: (t) => t('masterdata.codeTables.skills.title'),
    label: (t) => t('masterdata.codeTables.skills.one'),
    path: '/skills',
    audit: 'skill',
    write: 'resources.write',
    usedBy: (t) => t('masterdata.codeTables.skills.usedBy')
  },
  agreementGroups: {
    entity: 'agreementGroups',
    title: (t) => t('masterdata.codeTables.agreementGroups.title'),
    label: (t) => t('masterdata.codeTables.agreementGroups.one'),
    path: '/agreement-groups',
    audit: 'agreementGroup',
    write: 'agreements.configure',
    usedBy: (t) => t('masterdata.codeTables.agreementGroups.usedBy'),
    slaFor: (t) => t('masterdata.codeTables.agreementGroups.slaFor')
  },
  stageReasons: {
    entity: 'stageReasons',
    title: (t) => t('masterdata.codeTables.stageReasons.title'),
    label: (t) => t('masterdata.codeTables.stageReasons.one'),
    path: '/stage-reasons',
    listPath: '/stages',
    audit: 'stageReason',
    write: 'stages.configure',
    usedBy: (t) => t('masterdata.codeTables.stageReasons.usedBy')
  },
  slaReasons: {
    entity: 'slaReasons',
    title: (t) => t('masterdata.codeTables.slaReasons.title'),
    label: (t) => t('masterdata.codeTables.slaReasons.one'),
    path: '/sla-reasons',
    audit: 'slaReason',
    write: 'sla.configure',
    usedBy: (t) => t('masterdata.codeTables.slaReasons.usedBy')
  },
  returnReasonGroups: {
    entity: 'returnReasonGroups',
    title: (t) => t('returns.setup.groups.title'),
    label: (t) => t('returns.setup.groups.one'),
    path: '/return-reason-groups',
    audit: 'returnReasonGroup',
    write: 'returns.configure',
    usedBy: (t) => t('returns.setup.groups.usedBy')
  }
}
