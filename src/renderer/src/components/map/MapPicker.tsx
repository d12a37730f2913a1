import { Button, Group, Input, Text } from '@mantine/core'
import type { LatLngBoundsExpression } from 'leaflet'
import { useEffect, useMemo } from 'react'
import { CircleMarker, useMap } from 'react-leaflet'
import { useT } from '../../lib/i18n'
import { BaseMap, ESTONIA } from './BaseMap'

export interface MapPoint {
  latitude: number | null
  longitude: number | null
}

interface Props {
  value: MapPoint
  /** A click on the map sets the point (six decimals, about 10 cm); the clear button sets both to null. */
  onChange: (point: MapPoint) => void
  label?: string
  height?: number
  disabled?: boolean
}

const round = (n: number) => Math.round(n * 1e6) / 1e6

/**
 * Picks a site's or a home base's point on the map (ADR 0031): the current point is shown, a click moves it.
 * Self-contained: the form owns the value, so the same picker serves the site and the worker forms.
 */
export function MapPicker({ value, onChange, label, height = 220, disabled = false }: Props) {
  const t = useT()
  const point = value.latitude !== null && value.longitude !== null ? ([value.latitude, value.longitude] as [number, number]) : null
  // Where the map opens: around the point, or the whole country. Later points do not move the view.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const bounds = useMemo(() => (point ? ([point, point] as [[number, number], [number, number]]) : ESTONIA), [])
  return (
    <Input.Wrapper label={label ?? t('common.map.pick')} description={t('common.map.pickHint')}>
      <div style={{ height, cursor: disabled ? undefined : 'crosshair' }} data-testid="map-picker">
        <BaseMap
          bounds={bounds}
          onClick={disabled ? undefined : (e) => onChange({ latitude: round(e.latlng.lat), longitude: round(e.latlng.lng) })}
        >
          <FitWhenSized bounds={bounds} />
          {point && (
            <CircleMarker
              center={point}
              radius={7}
              pathOptions={{ color: '#1c3f94', weight: 2, fillColor: '#4c6ef5', fillOpacity: 0.9 }}
              className="map-picked"
            />
          )}
        </BaseMap>
      </div>
      <Group gap="xs" mt={4} justify="space-between">
        <Text size="xs" c="dimmed" data-testid="map-picker-point">
          {point ? `${point[0].toFixed(6)}, ${point[1].toFixed(6)}` : t('common.map.noPoint')}
        </Text>
        {point && !disabled && (
          <Button size="compact-xs" variant="subtle" onClick={() => onChange({ latitude: null, longitude: null })}>
            {t('common.map.clear')}
          </Button>
        )}
      </Group>
    </Input.Wrapper>
  )
}

/**
 * A picker opens inside a popover or dialog that is measured after the map is made: fit the opening view again
 * once the box has its size, so the current point is in the middle (at town zoom) and not off to one side.
 */
function FitWhenSized({ bounds }: { bounds: LatLngBoundsExpression }) {
  const map = useMap()
  useEffect(() => {
    const observer = new ResizeObserver(() => {
      map.invalidateSize()
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 13 })
    })
    observer.observe(map.getContainer())
    return () => observer.disconnect()
  }, [map, bounds])
  return null
}
