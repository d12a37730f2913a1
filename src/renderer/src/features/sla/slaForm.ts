import type { UseFormReturnType } from '@mantine/form'
import type { WeekHours } from '@shared/domain/masterdata'
import type { Priority } from '@shared/domain/orders'
import type { SlaRow } from '@shared/domain/sla'

interface TargetValues {
  priority: Priority
  responseMinutes: number | null
  arrivalMinutes: number | null
  resolutionMinutes: number | null
}

/** The SLA editor's form values; a null calendar means the shop's from Settings. */
export type SlaValues = {
  code: string
  name: string
  description: string
  workingHours: WeekHours | null
  holidays: { date: string; name: string }[] | null
  suspended: boolean
  targets: TargetValues[]
  pauseStageIds: number[]
  respondStageIds: number[]
  resolveStageIds: number[]
}

/** An own calendar's first week while the shop's is not loaded yet. */
export const OFFICE_HOURS: WeekHours = [0, 1, 2, 3, 4, 5, 6].map((d) => ({ open: d < 5, start: '08:00', end: '17:00' }))

export const empty: SlaValues = {
  code: '',
  name: '',
  description: '',
  workingHours: null,
  holidays: null,
  suspended: false,
  targets: [
    { priority: 'high', responseMinutes: 60, arrivalMinutes: 240, resolutionMinutes: 480 },
    { priority: 'normal', responseMinutes: 240, arrivalMinutes: null, resolutionMinutes: 1440 },
    { priority: 'low', responseMinutes: 480, arrivalMinutes: null, resolutionMinutes: 2400 }
  ],
  pauseStageIds: [],
  respondStageIds: [],
  resolveStageIds: []
}

export const toForm = (r: SlaRow): SlaValues => ({
  code: r.code,
  name: r.name,
  description: r.description,
  workingHours: r.workingHours,
  holidays: r.holidays,
  suspended: r.suspended,
  targets: r.targets.map((t) => ({
    priority: t.priority,
    responseMinutes: t.responseMinutes,
    arrivalMinutes: t.arrivalMinutes,
    resolutionMinutes: t.resolutionMinutes
  })),
  pauseStageIds: r.pauseStageIds,
  respondStageIds: r.respondStageIds,
  resolveStageIds: r.resolveStageIds
})

/** The SLA editor's form, as the page's sections share it. */
export type SlaForm = UseFormReturnType<SlaValues>
