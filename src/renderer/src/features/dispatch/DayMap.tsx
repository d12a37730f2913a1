import { Badge, Button, Group, Stack, Text } from '@mantine/core'
import { IconCalendarPlus } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { divIcon } from 'leaflet'
import { memo, type ReactNode, useMemo } from 'react'
import { CircleMarker, Marker, Pane, Polyline, Popup, Tooltip, useMap } from 'react-leaflet'
import {
  boundsOf,
  buildProposedRoutes,
  buildRoutes,
  type LatLon,
  type ProposedRoute,
  type ProposedStop,
  pinStyle,
  pointOf,
  technicianColours,
  townLabels
} from '@shared/dispatch/map'
import type { Board, TrayRow } from '@shared/domain/dispatch'
import type { PlanGhost } from '@shared/domain/planDay'
import { type Formats, formatsFor } from '@shared/i18n/format'
import { dayEnd, dayStart } from '@shared/time'
import { BaseMap, ESTONIA, FitTo, TownLabels } from '../../components/map/BaseMap'
import { SlaBadge } from '../../components/SlaBadge'
import { useLanguage, useT } from '../../lib/i18n'
import { PRIORITY_FILL, SLA_RING, TECHNICIAN_COLOURS } from './colors'
import classes from './dispatch.module.css'
import { type TrayInput, trayQuery } from './queries'

interface Props {
  board: Board | undefined
  /** The day the map shows (the board's date: the day itself, or the picked day of the shown week). */
  date: string
  timeZone: string
  /** The tray's query: the pins are the tray's rows under the tray's own filters. */
  trayInput: TrayInput
  pickedOrderId: number | null
  /** "Plan" in a pin's popup: the tray's suggestions for that order (planning goes through the board's mutation and undo). */
  onPlan: (row: TrayRow) => void
  /** Without `dispatch.plan` there is no tray to read: routes only. */
  readOnly: boolean
  /** Plan day's proposed visits while the proposal is shown: drawn as dashed routes with numbered visits. */
  planGhosts?: readonly PlanGhost[] | undefined
}

const toLatLng = (p: LatLon): [number, number] => [p.lat, p.lon]

/**
 * The map of the day beside the board (ADR 0031): each technician's route in their colour (home base → visits in
 * time order → home), the work still to plan as pins coloured by priority with an SLA ring, town names on a plain
 * background when no tile server is set. Everything comes from the board's and the tray's cached queries.
 */
export function DayMap({ board, date, timeZone, trayInput, pickedOrderId, onPlan, readOnly, planGhosts }: Props) {
  const t = useT()
  const f = formatsFor(useLanguage(), timeZone)
  // Work already on the board has no pin: the dispatched tab's orders are on the routes.
  const pinsShown = !readOnly && trayInput.tab !== 'dispatched'
  const tray = useQuery({ ...trayQuery(trayInput), enabled: pinsShown })
  const from = dayStart(date, timeZone)
  const to = dayEnd(date, timeZone)
  const routes = useMemo(() => (board ? buildRoutes(board.technicians, board.cards, from, to) : []), [board, from, to])
  const colours = useMemo(() => technicianColours(board?.technicians.map((x) => x.id) ?? [], TECHNICIAN_COLOURS), [board?.technicians])
  const proposed = useMemo(
    () => (board && planGhosts ? buildProposedRoutes(board.technicians, board.cards, planGhosts, from, to) : []),
    [board, planGhosts, from, to]
  )
  const rows = useMemo(() => (pinsShown ? (tray.data?.rows ?? []) : []), [pinsShown, tray.data])
  // Work the proposal places is drawn on its proposed route, not as a pin still to plan as well.
  const pins = useMemo(() => {
    const placed = new Set(planGhosts?.map((g) => g.orderId))
    return rows.filter((r) => pointOf(r) !== null && !placed.has(r.orderId))
  }, [rows, planGhosts])
  const towns = useMemo(() => {
    const dayCards = board?.cards.filter((c) => c.start < to && c.end > from) ?? []
    return townLabels([...dayCards, ...pins])
  }, [board?.cards, pins, from, to])
  const bounds = useMemo(() => {
    const b = boundsOf([...routes.flatMap((r) => r.path), ...pins.map((r) => pointOf(r)!)])
    return b ? ([toLatLng(b[0]), toLatLng(b[1])] as [[number, number], [number, number]]) : null
  }, [routes, pins])
  const unplaced = routes.reduce((n, r) => n + r.unplaced, 0) + (rows.length - pins.length)

  return (
    <div
      className={classes.mapPane}
      data-testid="day-map"
      data-routes={routes.filter((r) => r.path.length > 1).length}
      data-pins={pins.length}
      data-proposed-routes={proposed.length}
    >
      <div className={classes.mapCanvas}>
        <BaseMap bounds={bounds ?? ESTONIA} testId="day-map-canvas">
          <FitTo bounds={bounds} fitKey={`${date}|${board?.technicians.map((x) => x.id).join(',') ?? ''}`} />
          <TownLabels towns={towns} />
          {routes.map((r) => (
            <Route
              key={r.workerId}
              route={r}
              colour={colours.get(r.workerId)!}
              f={f}
              homeLabel={t('dispatch.map.home')}
              faded={proposed.length > 0}
            />
          ))}
          {proposed.map((r) => (
            <ProposedRouteLayer key={r.workerId} route={r} colour={colours.get(r.workerId)!} f={f} label={t('dispatch.map.proposed')} />
          ))}
          <Pane name="pins" style={{ zIndex: 450 }}>
            {pins.map((r) => (
              <Pin key={r.orderId} row={r} picked={r.orderId === pickedOrderId} f={f} onPlan={onPlan} />
            ))}
          </Pane>
        </BaseMap>
      </div>
      <div className={classes.mapLegend} data-testid="map-legend">
        <Group gap="0 8px" justify="space-between">
          <Text size="xs" fw={600}>
            {t('dispatch.map.title', { day: f.dayTitle(date) })}
          </Text>
          <Text size="10px" c="dimmed">
            {pinsShown && t('dispatch.map.pins', { count: pins.length })}
            {unplaced > 0 && (
              <Text span size="10px" c="orange.8" data-testid="map-unplaced">
                {pinsShown && ' · '}
                {t('dispatch.map.unplaced', { count: unplaced })}
              </Text>
            )}
          </Text>
        </Group>
        {proposed.length > 0 && (
          <Text size="10px" c="dimmed" data-testid="map-proposal-legend">
            <span className={classes.mapSwatchDashed} />{' '}
            {t('dispatch.map.proposal', { count: proposed.reduce((n, r) => n + r.stops.filter((s) => s.proposed).length, 0) })}
          </Text>
        )}
        {routes.length === 0 && (
          <Text size="10px" c="dimmed">
            {t('dispatch.map.noRoutes')}
          </Text>
        )}
        <Group gap="2px 10px">
          {routes.map((r) => (
            <Group key={r.workerId} gap={4} wrap="nowrap">
              <span className={classes.mapSwatch} style={{ background: colours.get(r.workerId) }} />
              <Text size="10px">
                {r.name}{' '}
                <Text span size="10px" c="dimmed">
                  {r.stops.length + r.unplaced}
                </Text>
              </Text>
            </Group>
          ))}
        </Group>
      </div>
    </div>
  )
}

interface RouteProps {
  route: ReturnType<typeof buildRoutes>[number]
  colour: string
  f: Formats
  homeLabel: string
  /** A proposal is shown: the real plan steps back so that its dashed routes read first. */
  faded: boolean
}

/** One technician's line with a dot per visit (its time and order on hover) and their home base. */
const Route = memo(function Route({ route, colour, f, homeLabel, faded }: RouteProps) {
  return (
    <>
      {route.path.length > 1 && (
        <Polyline
          positions={route.path.map(toLatLng)}
          pathOptions={{ color: colour, weight: faded ? 2 : 3, opacity: faded ? 0.25 : 0.8 }}
          className={`map-route map-route-${route.workerId}`}
          interactive={false}
        />
      )}
      {route.home && (
        <CircleMarker
          center={toLatLng(route.home)}
          radius={4}
          pathOptions={{ color: colour, fillColor: colour, fillOpacity: 1, weight: 1 }}
          className="map-home"
        >
          <Tooltip direction="top">
            {route.name} · {homeLabel}
          </Tooltip>
        </CircleMarker>
      )}
      {route.stops.map((s, n) => (
        <CircleMarker
          key={s.cardId}
          center={toLatLng(s.point)}
          radius={5}
          pathOptions={{ color: colour, fillColor: 'white', fillOpacity: 1, weight: 2.5 }}
          className={`map-stop map-stop-${route.workerId}`}
        >
          <Tooltip direction="top">
            {n + 1}. {f.time(s.start)} · {s.orderNumber} · {route.name}
          </Tooltip>
        </CircleMarker>
      ))}
    </>
  )
})

interface ProposedRouteProps {
  route: ProposedRoute
  colour: string
  f: Formats
  label: string
}

/**
 * A technician's day as Plan day proposes it: a dashed line in their colour over the real one, and each proposed
 * visit a numbered pin (its place in the proposed day); booked work on the way keeps its dot on the real route.
 */
const ProposedRouteLayer = memo(function ProposedRouteLayer({ route, colour, f, label }: ProposedRouteProps) {
  return (
    <>
      {route.path.length > 1 && (
        <Polyline
          positions={route.path.map(toLatLng)}
          pathOptions={{ color: colour, weight: 3.5, opacity: 1, dashArray: '7 6' }}
          className={`map-proposed-route map-proposed-route-${route.workerId}`}
          interactive={false}
        />
      )}
      {route.stops
        .filter((s) => s.proposed)
        .map((s) => (
          <NumberedPin key={s.orderNumber} stop={s} workerId={route.workerId} colour={colour}>
            <Tooltip direction="top" offset={[0, -9]}>
              {s.number}. {f.time(s.start)} · {s.orderNumber} · {route.name} · {label}
            </Tooltip>
          </NumberedPin>
        ))}
    </>
  )
})

function NumberedPin({ stop, workerId, colour, children }: { stop: ProposedStop; workerId: number; colour: string; children: ReactNode }) {
  const icon = useMemo(() => {
    // Built as elements, not HTML: the number and the order's data attributes only.
    const el = document.createElement('span')
    el.className = classes.mapNumbered!
    el.style.borderColor = colour
    el.style.color = colour
    el.textContent = String(stop.number)
    el.dataset.proposedStop = ''
    el.dataset.worker = String(workerId)
    el.dataset.order = stop.orderNumber
    return divIcon({ className: classes.mapNumberedIcon, html: el, iconSize: [18, 18], iconAnchor: [9, 9] })
  }, [stop.number, stop.orderNumber, workerId, colour])
  return (
    <Marker position={toLatLng(stop.point)} icon={icon} keyboard={false}>
      {children}
    </Marker>
  )
}

interface PinProps {
  row: TrayRow
  picked: boolean
  f: Formats
  onPlan: (row: TrayRow) => void
}

/** Work to plan: filled by priority, ringed when its SLA is breached or at risk; a click opens its facts and "Plan". */
const Pin = memo(function Pin({ row, picked, f, onPlan }: PinProps) {
  const style = pinStyle(row)
  const ring = style.ring ? SLA_RING[style.ring] : '#343a40'
  return (
    <CircleMarker
      center={[row.latitude!, row.longitude!]}
      radius={picked ? 10 : style.urgent ? 8 : 6}
      pathOptions={{
        color: picked ? '#364fc7' : ring,
        weight: picked ? 4 : style.ring ? 3 : 1,
        fillColor: PRIORITY_FILL[style.fill],
        fillOpacity: 0.95
      }}
      className="map-pin"
      pane="pins"
      eventHandlers={{
        add: (e) => {
          // The order's number on the SVG path: tests and assistive tools find a pin by it.
          const el = (e.target as { getElement?: () => Element | undefined }).getElement?.()
          el?.setAttribute('data-order', row.orderNumber)
        }
      }}
    >
      <Popup minWidth={220} maxWidth={280} className={classes.mapPopup}>
        <PinFacts row={row} f={f} onPlan={onPlan} />
      </Popup>
    </CircleMarker>
  )
})

function PinFacts({ row, f, onPlan }: { row: TrayRow; f: Formats; onPlan: (row: TrayRow) => void }) {
  const t = useT()
  const map = useMap()
  const window =
    row.requestedStart !== null || row.requestedEnd !== null
      ? `${f.dateTime(row.requestedStart) || '…'} – ${f.dateTime(row.requestedEnd) || '…'}`
      : null
  return (
    <Stack gap={2} data-testid="map-popup" data-order={row.orderNumber}>
      <Group gap={4} justify="space-between" wrap="nowrap">
        <Text size="xs" fw={700}>
          {row.orderNumber}
        </Text>
        <Group gap={4} wrap="nowrap">
          <Badge size="xs" variant="light" color={row.priority === 'high' ? 'red' : row.priority === 'normal' ? 'blue' : 'gray'}>
            {t(`enums.priority.${row.priority}`)}
          </Badge>
          <SlaBadge badge={row.sla} compact />
        </Group>
      </Group>
      <Text size="xs" fw={600}>
        {row.customerName}
      </Text>
      <Text size="xs" c="dimmed">
        {row.address}
      </Text>
      <Text size="xs">{row.taskNames || row.description}</Text>
      <Text size="10px" c="gray.7">
        {f.duration(row.durationMinutes)} · {row.stageName}
        {window ? ` · ${window}` : ''}
      </Text>
      <Button
        size="compact-xs"
        mt={4}
        leftSection={<IconCalendarPlus size={12} />}
        onClick={() => {
          map.closePopup()
          onPlan(row)
        }}
      >
        {t('dispatch.map.plan')}
      </Button>
    </Stack>
  )
}
