/**
 * Travel time between two places, behind one interface so that a road-network source (OSRM, a routing
 * service's table) or a matrix the shop measured can replace the straight-line model without touching
 * the solver (ADR 0020).
 */

export interface GeoPoint {
  lat: number
  lon: number
}

/** A place the planner knows: a job's site or a technician's home base; `point` is null when not entered. */
export interface Place {
  id: string
  point: GeoPoint | null
}

export interface Leg {
  minutes: number
  km: number
}

export interface TravelModel {
  /** Whole minutes and kilometres from one place to another; null when the model cannot tell (no coordinates). */
  leg(from: Place, to: Place): Leg | null
}

export interface StraightLineSettings {
  /** Roads are longer than the straight line: km on the road per km as the crow flies. */
  roadFactor: number
  /** Average speed on the road, km/h. */
  speedKmh: number
  /** Parking, walking to the door, signing in: added to every trip between two different places, minutes. */
  overheadMinutes: number
}

export const DEFAULT_TRAVEL: StraightLineSettings = { roadFactor: 1.3, speedKmh: 60, overheadMinutes: 5 }

const EARTH_RADIUS_KM = 6371.0088

/** Great-circle (haversine) distance in kilometres. */
export function greatCircleKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLon = (b.lon - a.lon) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * Great-circle distance × road factor ÷ speed + a fixed overhead. Rounded up to whole minutes so that a
 * plan that fits on paper fits on the road; the same place (or the same point) costs nothing.
 */
export function straightLineTravel(settings: StraightLineSettings = DEFAULT_TRAVEL): TravelModel {
  return {
    leg(from, to) {
      if (from.id === to.id) return { minutes: 0, km: 0 }
      if (!from.point || !to.point) return null
      const km = greatCircleKm(from.point, to.point) * settings.roadFactor
      if (km < 1e-9) return { minutes: 0, km: 0 }
      const minutes = Math.ceil((km / settings.speedKmh) * 60 + settings.overheadMinutes - 1e-9)
      return { minutes, km: Math.round(km * 10) / 10 }
    }
  }
}

export interface MatrixEntry {
  from: string
  to: string
  minutes: number
  km?: number
}

/**
 * An explicit travel-time table by place id (a road source's answer, or a test's). A missing pair falls
 * back to `fallback` when given (e.g. the straight line), else the leg is unknown.
 */
export function matrixTravel(entries: readonly MatrixEntry[], fallback?: TravelModel): TravelModel {
  const table = new Map<string, Leg>()
  for (const e of entries) table.set(`${e.from}\u0000${e.to}`, { minutes: Math.ceil(e.minutes), km: e.km ?? 0 })
  return {
    leg(from, to) {
      if (from.id === to.id) return { minutes: 0, km: 0 }
      return table.get(`${from.id}\u0000${to.id}`) ?? fallback?.leg(from, to) ?? null
    }
  }
}
