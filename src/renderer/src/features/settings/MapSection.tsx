import { Paper, SimpleGrid, TextInput, Title } from '@mantine/core'
import { useT } from '../../lib/i18n'
import type { SectionProps } from './settingsForm'

// Examples, the same in every language: OpenStreetMap's own server and the attribution its licence asks for.
const OSM_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png'
const OSM_ATTRIBUTION = '© OpenStreetMap contributors'

/** The board map's tile source (ADR 0031): empty by default, so nothing leaves the machine until the shop picks a server. */
export function MapSection({ form }: SectionProps) {
  const t = useT()
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="xs">
        {t('settings.map.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <TextInput
          label={t('settings.map.tileUrl')}
          description={t('settings.map.tileUrlHint')}
          placeholder={OSM_TILES}
          {...form.getInputProps('mapTileUrl')}
        />
        <TextInput
          label={t('settings.map.attribution')}
          description={t('settings.map.attributionHint')}
          placeholder={OSM_ATTRIBUTION}
          {...form.getInputProps('mapTileAttribution')}
        />
      </SimpleGrid>
    </Paper>
  )
}
