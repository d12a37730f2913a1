import type { Settings } from '@shared/domain/system'
import { type StraightLineSettings, type TravelModel, straightLineTravel } from '@shared/planner/travel'

/** The company's travel settings as the straight-line model's parameters. */
export function travelSettingsOf(s: Pick<Settings, 'travelRoadFactor' | 'travelSpeedKmh' | 'travelOverheadMinutes'>): StraightLineSettings {
  return { roadFactor: s.travelRoadFactor, speedKmh: s.travelSpeedKmh, overheadMinutes: s.travelOverheadMinutes }
}

/**
 * The one travel model of the shop: everything that computes a drive (board, day sheet, suggestions, the
 * planner) builds it here, so that a road-network source replaces it in one place (ADR 0029).
 */
export function travelModelOf(s: Pick<Settings, 'travelRoadFactor' | 'travelSpeedKmh' | 'travelOverheadMinutes'>): TravelModel {
  return straightLineTravel(travelSettingsOf(s))
}
