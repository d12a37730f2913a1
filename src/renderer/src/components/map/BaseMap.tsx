import 'leaflet/dist/leaflet.css'
import { Button, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { divIcon, type LatLngBoundsExpression, type LeafletMouseEventHandlerFn } from 'leaflet'
import { Component, type ReactNode, useEffect, useMemo } from 'react'
import { MapContainer, Marker, Pane, TileLayer, useMap, useMapEvent } from 'react-leaflet'
import type { TownLabel } from '@shared/dispatch/map'
import { useT } from '../../lib/i18n'
import { settingsQuery } from '../../lib/settings'
import classes from './map.module.css'

/** Estonia, for a map with nothing on it yet. */
export const ESTONIA: LatLngBoundsExpression = [
  [57.5, 21.8],
  [59.7, 28.2]
]

/** The shop's tile server from the settings, or null: no tiles, nothing fetched (ADR 0031). */
export function useTileSource(): { url: string; attribution: string } | null {
  const s = useQuery(settingsQuery).data
  return s?.mapTileUrl ? { url: s.mapTileUrl, attribution: s.mapTileAttribution } : null
}

interface BaseMapProps {
  /** Where the map first looks (it is not refitted when this changes: see FitTo). */
  bounds: LatLngBoundsExpression
  children?: ReactNode
  testId?: string
  onClick?: LeafletMouseEventHandlerFn
}

/**
 * A Leaflet map on the shop's tiles, or on a plain background when none are set. Leaflet's CSS is bundled and
 * nothing draws a marker image, so a map without tiles makes no request at all.
 */
export function BaseMap({ bounds, children, testId, onClick }: BaseMapProps) {
  const tiles = useTileSource()
  return (
    <div className={classes.frame} data-testid={testId} data-tiles={tiles ? 'on' : 'off'}>
      <MapContainer
        bounds={bounds}
        boundsOptions={{ padding: [24, 24] }}
        className={`${classes.map} ${tiles ? '' : classes.plain}`}
        attributionControl={tiles !== null}
        zoomSnap={0.25}
      >
        {tiles && <TileLayer url={tiles.url} attribution={tiles.attribution} />}
        <FollowSize />
        {onClick && <ClickHandler onClick={onClick} />}
        {children}
      </MapContainer>
    </div>
  )
}

function ClickHandler({ onClick }: { onClick: LeafletMouseEventHandlerFn }) {
  useMapEvent('click', onClick)
  return null
}

/** Leaflet measures its box once: a split that opens or a window that resizes must tell it. */
function FollowSize() {
  const map = useMap()
  useEffect(() => {
    const observer = new ResizeObserver(() => map.invalidateSize())
    observer.observe(map.getContainer())
    return () => observer.disconnect()
  }, [map])
  return null
}

/** Fits the map to `bounds` whenever `fitKey` changes (a new day, another team), not on every refresh of the data. */
export function FitTo({ bounds, fitKey }: { bounds: LatLngBoundsExpression | null; fitKey: string }) {
  const map = useMap()
  const hasBounds = bounds !== null
  useEffect(() => {
    if (bounds) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 13 })
    // Only a new key (or the first bounds for it) moves the view; later data keeps the dispatcher's pan and zoom.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, fitKey, hasBounds])
  return null
}

/** Town names under everything else (a pane below the routes), never in the way of a click. */
export function TownLabels({ towns }: { towns: readonly TownLabel[] }) {
  return (
    <Pane name="towns" style={{ zIndex: 350 }}>
      {towns.map((town) => (
        <TownName key={town.name} town={town} />
      ))}
    </Pane>
  )
}

function TownName({ town }: { town: TownLabel }) {
  const icon = useMemo(() => {
    // Text content, not HTML: a town name is data.
    const span = document.createElement('span')
    span.textContent = town.name
    return divIcon({ className: classes.town, html: span, iconSize: [0, 0] })
  }, [town.name])
  return <Marker position={[town.point.lat, town.point.lon]} icon={icon} interactive={false} keyboard={false} pane="towns" />
}

interface BoundaryState {
  error: Error | null
}

/** A map that fails to draw says so in its own box; the screen around it (the board) goes on working. */
export class MapBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  state: BoundaryState = { error: null }

  static getDerivedStateFromError(error: Error): BoundaryState {
    return { error }
  }

  render() {
    return this.state.error ? <MapFailed error={this.state.error} onRetry={() => this.setState({ error: null })} /> : this.props.children
  }
}

function MapFailed({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const t = useT()
  return (
    <div className={classes.failed} data-testid="map-failed">
      <Stack gap={4} align="center">
        <Text size="sm">{t('dispatch.map.failed')}</Text>
        <Text size="xs" c="dimmed">
          {error.message}
        </Text>
        <Button size="compact-xs" variant="light" onClick={onRetry}>
          {t('dispatch.map.retry')}
        </Button>
      </Stack>
    </div>
  )
}
