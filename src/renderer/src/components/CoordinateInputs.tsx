import { ActionIcon, Group, Popover, TextInput, Tooltip, type MantineSize } from '@mantine/core'
import { IconMapPin } from '@tabler/icons-react'
import { useState, type ReactNode } from 'react'
import { degreesText, parseDegrees, parsePoint } from '@shared/geo/coordinates'
import { useT } from '../lib/i18n'
import { MapPicker } from './map/MapPicker'

export interface Point {
  latitude: number | null
  longitude: number | null
}

/** Degrees as typed: the form holds numbers, the fields keep the text while it is being written. */
function DegreesInput({
  value,
  onChange,
  onPoint,
  ...rest
}: {
  value: number | null
  onChange: (v: number | null) => void
  onPoint: (p: { latitude: number; longitude: number }) => void
  label?: string
  'aria-label'?: string
  size?: MantineSize
  error?: ReactNode
  readOnly?: boolean
  placeholder?: string
  'data-testid'?: string
}) {
  const [text, setText] = useState(degreesText(value))
  const parsed = parseDegrees(text)
  // Another source (a reset, the other field's paste) changed the value: show it.
  const shown = Object.is(parsed, value) ? text : degreesText(value)
  return (
    <TextInput
      {...rest}
      inputMode="decimal"
      value={shown}
      onChange={(e) => {
        const next = e.currentTarget.value
        const point = parsePoint(next)
        if (point) {
          onPoint(point)
          return
        }
        setText(next)
        onChange(parseDegrees(next))
      }}
    />
  )
}

/**
 * Latitude and longitude in decimal degrees; a whole point ("59.437, 24.7536") pasted into either field
 * fills both, and the pin beside them opens a map to click the point on (ADR 0031).
 */
export function CoordinateInputs({
  value,
  onChange,
  errors,
  size,
  labels,
  readOnly,
  testId
}: {
  value: Point
  onChange: (p: Point) => void
  errors?: { latitude?: ReactNode; longitude?: ReactNode }
  size?: MantineSize
  /** Visible labels (a form) or only accessible names (a table row). */
  labels: { latitude: string; longitude: string; visible: boolean }
  readOnly?: boolean
  testId?: string
}) {
  const t = useT()
  const label = (s: string) => (labels.visible ? { label: s } : { 'aria-label': s })
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <DegreesInput
        {...label(labels.latitude)}
        size={size}
        readOnly={readOnly}
        placeholder={t('masterdata.coordinates.latitudeHint')}
        value={value.latitude}
        error={errors?.latitude}
        data-testid={testId ? `${testId}-lat` : undefined}
        onChange={(latitude) => onChange({ ...value, latitude })}
        onPoint={onChange}
      />
      <DegreesInput
        {...label(labels.longitude)}
        size={size}
        readOnly={readOnly}
        placeholder={t('masterdata.coordinates.longitudeHint')}
        value={value.longitude}
        error={errors?.longitude}
        data-testid={testId ? `${testId}-lon` : undefined}
        onChange={(longitude) => onChange({ ...value, longitude })}
        onPoint={onChange}
      />
      {!readOnly && (
        <Popover position="bottom-end" width={380} withArrow shadow="md" trapFocus>
          <Popover.Target>
            <Tooltip label={t('common.map.pick')}>
              <ActionIcon
                variant="subtle"
                size={size === 'xs' ? 30 : 36}
                mt={labels.visible ? 24 : 0}
                aria-label={t('common.map.pick')}
                data-testid={testId ? `${testId}-map` : undefined}
              >
                <IconMapPin size={16} />
              </ActionIcon>
            </Tooltip>
          </Popover.Target>
          <Popover.Dropdown>
            <MapPicker value={value} onChange={onChange} height={260} />
          </Popover.Dropdown>
        </Popover>
      )}
    </Group>
  )
}
