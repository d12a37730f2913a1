import { describe, expect, it } from 'vitest'
import { boundsOf, buildProposedRoutes, buildRoutes, pinStyle, technicianColours, townLabels } from '../../src/shared/dispatch/map'
import { isTileUrl } from '../../src/shared/domain/system'
import type { SlaBadge } from '../../src/shared/domain/slaBadge'

const H = 3_600_000
const DAY_FROM = 1_000 * H
const DAY_TO = DAY_FROM + 24 * H

const TALLINN = { city: 'Tallinn', latitude: 59.437, longitude: 24.7536 }
const TARTU = { city: 'Tartu', latitude: 58.378, longitude: 26.729 }
const PARNU = { city: 'Pärnu', latitude: 58.385, longitude: 24.497 }

const tech = (id: number, home: { latitude: number; longitude: number } | null = null) => ({
  id,
  name: `Tech ${id}`,
  homeLatitude: home?.latitude ?? null,
  homeLongitude: home?.longitude ?? null
})

let nextId = 1
const card = (workerId: number, startHour: number, place: { city: string | null; latitude: number | null; longitude: number | null }) => {
  const id = nextId++
  return { id, workerId, orderNumber: `SO-${id}`, start: DAY_FROM + startHour * H, end: DAY_FROM + (startHour + 1) * H, ...place }
}

const badge = (level: SlaBadge['level']): SlaBadge => ({
  state: level === 'breached' ? 'breached' : 'running',
  level,
  target: 'response',
  deadline: 0,
  remainingMinutes: 0,
  slaName: 'Fast'
})

describe('routes of the day', () => {
  it('runs from the home base through the visits in time order and back home', () => {
    const late = card(1, 14, TARTU)
    const early = card(1, 9, PARNU)
    const [route, ...rest] = buildRoutes([tech(1, TALLINN)], [late, early], DAY_FROM, DAY_TO)
    expect(rest).toEqual([])
    expect(route!.stops.map((s) => s.orderNumber)).toEqual([early.orderNumber, late.orderNumber])
    expect(route!.path).toEqual([
      { lat: TALLINN.latitude, lon: TALLINN.longitude },
      { lat: PARNU.latitude, lon: PARNU.longitude },
      { lat: TARTU.latitude, lon: TARTU.longitude },
      { lat: TALLINN.latitude, lon: TALLINN.longitude }
    ])
  })

  it('without a home base the line joins the visits only; a visit without a point is counted, not drawn', () => {
    const a = card(2, 8, TARTU)
    const b = card(2, 10, { city: null, latitude: null, longitude: null })
    const c = card(2, 12, PARNU)
    const [route] = buildRoutes([tech(2)], [c, b, a], DAY_FROM, DAY_TO)
    expect(route!.home).toBeNull()
    expect(route!.path.map((p) => p.lat)).toEqual([TARTU.latitude, PARNU.latitude])
    expect(route!.unplaced).toBe(1)
  })

  it('takes only the shown day, keeps the board order of technicians and leaves out those with nothing that day', () => {
    const yesterday = card(3, -20, TARTU)
    const overnight = card(3, -0.5, PARNU)
    const tomorrow = card(4, 25, TARTU)
    const today = card(4, 9, TARTU)
    const routes = buildRoutes([tech(4), tech(5), tech(3)], [yesterday, overnight, tomorrow, today], DAY_FROM, DAY_TO)
    expect(routes.map((r) => [r.workerId, r.stops.map((s) => s.cardId)])).toEqual([
      [4, [today.id]],
      [3, [overnight.id]]
    ])
  })

  it('orders visits at the same time by card, whatever order they come in', () => {
    const x = card(6, 9, TARTU)
    const y = card(6, 9, PARNU)
    expect(buildRoutes([tech(6)], [y, x], DAY_FROM, DAY_TO)[0]!.stops.map((s) => s.cardId)).toEqual([x.id, y.id])
  })

  it('gives neighbouring technicians different colours and repeats the palette after its end', () => {
    const colours = technicianColours([7, 3, 9], ['red', 'blue'])
    expect([...colours]).toEqual([
      [7, 'red'],
      [3, 'blue'],
      [9, 'red']
    ])
  })
})

describe('pin colour rule', () => {
  it('fills by priority and rings a breached or at-risk SLA, which makes the pin urgent', () => {
    expect(pinStyle({ priority: 'low', sla: null })).toEqual({ fill: 'low', ring: null, urgent: false })
    expect(pinStyle({ priority: 'high', sla: null })).toEqual({ fill: 'high', ring: null, urgent: true })
    expect(pinStyle({ priority: 'normal', sla: badge('ok') })).toEqual({ fill: 'normal', ring: null, urgent: false })
    expect(pinStyle({ priority: 'normal', sla: badge('atRisk') })).toEqual({ fill: 'normal', ring: 'atRisk', urgent: true })
    expect(pinStyle({ priority: 'low', sla: badge('breached') })).toEqual({ fill: 'low', ring: 'breached', urgent: true })
    expect(pinStyle({ priority: 'normal', sla: badge('paused') }).ring).toBeNull()
  })
})

describe('town labels', () => {
  it('puts each town at the mean of its places, busiest first, skipping places without a town or a point', () => {
    const labels = townLabels([
      { city: 'Tartu', latitude: 58.3, longitude: 26.7 },
      { city: 'Tartu', latitude: 58.4, longitude: 26.8 },
      { city: ' Tartu ', latitude: 58.5, longitude: 26.9 },
      { ...PARNU },
      { city: 'Narva', latitude: null, longitude: null },
      { city: '', latitude: 59, longitude: 25 },
      { city: null, latitude: 59, longitude: 25 },
      { city: 'Aruküla', latitude: 59.36, longitude: 25.07 }
    ])
    expect(labels.map((l) => [l.name, l.count])).toEqual([
      ['Tartu', 3],
      ['Aruküla', 1],
      ['Pärnu', 1]
    ])
    expect(labels[0]!.point.lat).toBeCloseTo(58.4, 9)
    expect(labels[0]!.point.lon).toBeCloseTo(26.8, 9)
  })

  it('bounds span every point, and there are none without points', () => {
    expect(
      boundsOf([
        { lat: 58.3, lon: 26.7 },
        { lat: 59.4, lon: 24.7 },
        { lat: 58.4, lon: 27.1 }
      ])
    ).toEqual([
      { lat: 58.3, lon: 24.7 },
      { lat: 59.4, lon: 27.1 }
    ])
    expect(boundsOf([])).toBeNull()
  })
})

describe('tile source setting', () => {
  it('is empty or an https template with {z}, {x} and {y} (the content security policy lets images come over https only)', () => {
    expect(isTileUrl('')).toBe(true)
    expect(isTileUrl('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe(true)
    expect(isTileUrl('https://tiles.example.ee:8443/osm/{z}/{x}/{y}.png')).toBe(true)
    expect(isTileUrl('http://tiles.example.ee:8080/osm/{z}/{x}/{y}.png')).toBe(false)
    expect(isTileUrl('https://tile.openstreetmap.org/{z}/{x}.png')).toBe(false)
    expect(isTileUrl('file:///tiles/{z}/{x}/{y}.png')).toBe(false)
    expect(isTileUrl('tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe(false)
  })
})

describe('the proposal’s routes', () => {
  const visit = (
    workerId: number,
    startHour: number,
    place: typeof TALLINN | { latitude: null; longitude: null },
    assignmentId: number | null = null
  ) => ({
    workerId,
    orderNumber: `P-${startHour}-${workerId}`,
    assignmentId,
    start: DAY_FROM + startHour * H,
    end: DAY_FROM + (startHour + 1) * H,
    latitude: place.latitude,
    longitude: place.longitude
  })

  it('numbers each technician’s proposed day in time order with the booked work it keeps, home to home', () => {
    const booked = card(1, 11, TARTU)
    const moved = card(1, 8, PARNU)
    const otherDay = card(1, 30, TARTU)
    const routes = buildProposedRoutes(
      [tech(1, TALLINN), tech(2, TALLINN), tech(3)],
      [booked, moved, otherDay],
      [
        visit(1, 13, PARNU),
        visit(1, 9, TALLINN, moved.id),
        visit(1, 15, { latitude: null, longitude: null }),
        visit(3, 10, TARTU),
        visit(2, 40, TARTU)
      ],
      DAY_FROM,
      DAY_TO
    )
    // Technician 2's only visit is on another day: no route; technician 3 has no home base.
    expect(routes.map((r) => r.workerId)).toEqual([1, 3])
    const [mine, third] = routes as [(typeof routes)[number], (typeof routes)[number]]
    expect(mine.stops.map((s) => [s.number, s.orderNumber, s.proposed])).toEqual([
      [1, 'P-9-1', true],
      [2, booked.orderNumber, false],
      [3, 'P-13-1', true]
    ])
    const at = (p: { latitude: number; longitude: number }) => ({ lat: p.latitude, lon: p.longitude })
    expect(mine.path).toEqual([at(TALLINN), at(TALLINN), at(TARTU), at(PARNU), at(TALLINN)])
    expect(third.path).toEqual([at(TARTU)])
  })
})
