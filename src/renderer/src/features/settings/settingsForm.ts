import type { UseFormReturnType } from '@mantine/form'
import type { Settings } from '@shared/domain/system'
import { DEFAULT_TRAVEL } from '@shared/planner/travel'

export type SettingsValues = Omit<Settings, 'version'>
export type SettingsForm = UseFormReturnType<SettingsValues>

/** What each section of the settings page gets: the one form, and whether the role may change it. */
export interface SectionProps {
  form: SettingsForm
  readOnly: boolean
}

export const toForm = ({ version: _v, ...rest }: Settings): SettingsValues => rest

export const emptySettings: SettingsValues = {
  companyName: '',
  companyAddress: '',
  companyRegNo: '',
  companyVatNumber: '',
  companyLegalName: '',
  companyPostalCode: '',
  companyCity: '',
  companyCountry: 'EE',
  companyPhone: '',
  companyEmail: '',
  companyWeb: '',
  bankAccounts: [],
  paymentTermsDays: 14,
  invoiceFooter: '',
  logo: '',
  currency: 'EUR',
  timeZone: 'Europe/Tallinn',
  language: 'et',
  vatRates: [],
  workingHours: [],
  holidays: [],
  slaAtRiskMinutes: 120,
  slaReasonRequired: true,
  slaOnGeneratedOrders: true,
  dispatchPastLimitHours: 24,
  sessionIdleHours: 12,
  rmaValidityDays: 30,
  travelRoadFactor: DEFAULT_TRAVEL.roadFactor,
  travelSpeedKmh: DEFAULT_TRAVEL.speedKmh,
  travelOverheadMinutes: DEFAULT_TRAVEL.overheadMinutes,
  mapTileUrl: '',
  mapTileAttribution: '',
  firstTimeFixDays: 30
}
