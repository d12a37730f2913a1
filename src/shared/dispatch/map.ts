/**
 * The map of the day (ADR 0031), as data: each technician's route from the board's cards, the colour rule of
 * the pins for work still to plan, and the town labels that stand in for map tiles when there are none.
 * Pure, so the rules are tested without a browser; the map component only draws what these answer.
 */
import type { Priority } from '../domain/orders'
import type { SlaBadge } from '../domain/slaBadge'

export interface LatLon {
  lat: number
  lon: number
}

/** What the map needs of a place: a site (a card, a tray row) or anything else with a town and a point. */
export interface Located {
  city: string | null
  latitude: number | null
  longitude: number | null
}

export const pointOf = (p: { latitude: number | null; longitude: number | null }): LatLon | null =>
  p.latitude === null || p.longitude === null ? null : { lat: p.latitude, lon: p.longitude }

/** A visit on a route, in time order. */
export interface RouteStop {
  cardId: number
  orderNumber: string
  start: number
  point: LatLon
}

export interface TechRoute {
  workerId: number
  name: string
  /** Where the day starts and ends; null when the technician has no home base entered. */
  home: LatLon | null
  stops: RouteStop[]
  /** The line to draw: home → visits in time order → home (without home, from the first visit to the last). */
  path: LatLon[]
  /** Visits of the day whose site has no point: on the board, not on the map. */
  unplaced: number
}

interface RouteCard extends Located {
  id: number
  workerId: number
  orderNumber: string
  start: number
  end: number
}

interface RouteTechnician {
  id: number
  name: string
  homeLatitude: number | null
  homeLongitude: number | null
}

/**
 * The routes of the day [from, to): one per technician with a visit touching it, in the board's order of
 * technicians. Visits are ordered by start (then by card, so that two at the same time keep one order).
 */
export function buildRoutes(technicians: readonly RouteTechnician[], cards: readonly RouteCard[], from: number, to: number): TechRoute[] {
  const byWorker = new Map<number, RouteCard[]>()
  for (const c of cards) {
    if (c.start >= to || c.end <= from) continue
    const list = byWorker.get(c.workerId)
    if (list) list.push(c)
    else byWorker.set(c.workerId, [c])
  }
  const routes: TechRoute[] = []
  for (const t of technicians) {
    const day = byWorker.get(t.id)
    if (!day) continue
    day.sort((a, b) => a.start - b.start || a.id - b.id)
    const stops: RouteStop[] = []
    for (const c of day) {
      const point = pointOf(c)
      if (point) stops.push({ cardId: c.id, orderNumber: c.orderNumber, start: c.start, point })
    }
    const home = pointOf({ latitude: t.homeLatitude, longitude: t.homeLongitude })
    const visits = stops.map((s) => s.point)
    const path = home && visits.length > 0 ? [home, ...visits, home] : visits
    routes.push({ workerId: t.id, name: t.name, home, stops, path, unplaced: day.length - stops.length })
  }
  return routes
}

/**
 * A technician's colour: by their place among the board's technicians, so that neighbours on the board
 * differ on the map; the palette repeats after its last colour.
 */
export function technicianColours(technicianIds: readonly number[], palette: readonly string[]): Map<number, string> {
  return new Map(technicianIds.map((id, n) => [id, palette[n % palette.length]!]))
}

/** A pin's look: its fill is the priority, a ring says the SLA is breached or at risk (the more urgent fact wins the eye). */
export interface PinStyle {
  fill: Priority
  ring: 'breached' | 'atRisk' | null
  /** Drawn larger: breached, at risk or high priority. */
  urgent: boolean
}

export function pinStyle(row: { priority: Priority; sla: SlaBadge | null }): PinStyle {
  const level = row.sla?.level
  const ring = level === 'breached' || level === 'atRisk' ? level : null
  return { fill: row.priority, ring, urgent: ring !== null || row.priority === 'high' }
}

export interface TownLabel {
  name: string
  point: LatLon
  /** How many of the places are in the town: the map shows the busiest towns' names first. */
  count: number
}

/**
 * Town names to draw on a plain background: the towns of the given places at the mean of their points,
 * busiest first (then by name). Places without a town or a point are left out.
 */
export function townLabels(places: Iterable<Located>): TownLabel[] {
  const towns = new Map<string, { lat: number; lon: number; count: number }>()
  for (const p of places) {
    const name = p.city?.trim()
    const point = pointOf(p)
    if (!name || !point) continue
    const t = towns.get(name)
    if (t) {
      t.lat += point.lat
      t.lon += point.lon
      t.count++
    } else towns.set(name, { lat: point.lat, lon: point.lon, count: 1 })
  }
  return [...towns]
    .map(([name, t]) => ({ name, point: { lat: t.lat / t.count, lon: t.lon / t.count }, count: t.count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
}

/** South-west and north-east corners around the points, or null when there are none. */
export function boundsOf(points: Iterable<LatLon>): [LatLon, LatLon] | null {
  let sw: LatLon | null = null
  let ne: LatLon | null = null
  for (const p of points) {
    if (!sw || !ne) {
      sw = { ...p }
      ne = { ...p }
      continue
    }
    sw.lat = Math.min(sw.lat, p.lat)
    sw.lon = Math.min(sw.lon, p.lon)
    ne.lat = Math.max(ne.lat, p.lat)
    ne.lon = Math.max(ne.lon, p.lon)
  }
  return sw && ne ? [sw, ne] : null
}

/** A visit on a technician's proposed day (Plan day's proposal with the work it leaves where it is). */
export interface ProposedStop {
  orderNumber: string
  start: number
  point: LatLon
  /** The visit's place in the technician's proposed day, from 1 (booked visits count too). */
  number: number
  /** New or moved by the proposal; false for booked work the proposal plans around. */
  proposed: boolean
}

export interface ProposedRoute {
  workerId: number
  name: string
  home: LatLon | null
  stops: ProposedStop[]
  path: LatLon[]
}

interface ProposedVisit {
  workerId: number
  orderNumber: string
  /** The card the proposal moves, null for work from the tray. */
  assignmentId: number | null
  start: number
  end: number
  latitude: number | null
  longitude: number | null
}

/**
 * Each technician's day as Plan day proposes it, for the technicians the proposal gives work on [from, to): the
 * day's cards the proposal does not move, and its visits, in time order from the home base and back. Visits
 * without a point are left out, as on the real routes.
 */
export function buildProposedRoutes(
  technicians: readonly RouteTechnician[],
  cards: readonly RouteCard[],
  visits: readonly ProposedVisit[],
  from: number,
  to: number
): ProposedRoute[] {
  const moved = new Set(visits.flatMap((v) => (v.assignmentId === null ? [] : [v.assignmentId])))
  const onDay = visits.filter((v) => v.start < to && v.end > from)
  const routes: ProposedRoute[] = []
  for (const t of technicians) {
    const mine = onDay.filter((v) => v.workerId === t.id)
    if (mine.length === 0) continue
    const day = [
      ...cards
        .filter((c) => c.workerId === t.id && c.start < to && c.end > from && !moved.has(c.id))
        .map((c) => ({ orderNumber: c.orderNumber, start: c.start, point: pointOf(c), proposed: false })),
      ...mine.map((v) => ({ orderNumber: v.orderNumber, start: v.start, point: pointOf(v), proposed: true }))
    ]
      .filter((s): s is { orderNumber: string; start: number; point: LatLon; proposed: boolean } => s.point !== null)
      .sort((a, b) => a.start - b.start || a.orderNumber.localeCompare(b.orderNumber))
    const stops = day.map((s, n) => ({ ...s, number: n + 1 }))
    const home = pointOf({ latitude: t.homeLatitude, longitude: t.homeLongitude })
    const points = stops.map((s) => s.point)
    routes.push({ workerId: t.id, name: t.name, home, stops, path: home && points.length > 0 ? [home, ...points, home] : points })
  }
  return routes
}
