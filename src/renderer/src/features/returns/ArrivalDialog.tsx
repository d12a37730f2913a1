import { Anchor, Checkbox, List, Modal, Stack, Text, TextInput } from '@mantine/core'
import { IconBarcode } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { Link } from 'react-router'
import { call } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { useT } from '../../lib/i18n'
import { useRefreshReturns } from './shared'

interface Registered {
  returnId: number
  number: string
  lineNos: number[]
}

/**
 * Arrival with a barcode scanner: the input keeps the focus, a scan ends with Enter. The RMA number registers
 * every line of that return still expected, in full; a serial number registers the expected line of that
 * object. A partial arrival is registered on the return's own page.
 */
export function ArrivalDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT()
  return (
    <Modal opened={opened} onClose={onClose} title={t('returns.arrival.title')} size="md">
      {opened && <ArrivalForm />}
    </Modal>
  )
}

function ArrivalForm() {
  const t = useT()
  const refresh = useRefreshReturns()
  const [code, setCode] = useState('')
  const [quarantine, setQuarantine] = useState(true)
  const [done, setDone] = useState<Registered[]>([])
  const register = useMutation({
    mutationFn: async (scanned: string): Promise<Registered> => {
      const hit = await call('returns.scan', { code: scanned })
      let r = await call('returns.get', { id: hit.returnId })
      const lineNos: number[] = []
      const ids = hit.lineId !== null ? [hit.lineId] : r.lines.filter((l) => l.status === 'expected').map((l) => l.id)
      for (const id of ids) {
        const l = r.lines.find((x) => x.id === id)!
        r = await call('returns.register', { lineId: l.id, version: l.version, quantity: l.quantity, quarantine })
        lineNos.push(l.lineNo)
      }
      return { returnId: r.id, number: r.number, lineNos }
    },
    onSuccess: (d) => {
      refresh(d.returnId)
      setDone((x) => [d, ...x])
      setCode('')
    },
    onError: (e) => {
      showApiError(e)
      setCode('')
    }
  })
  return (
    <Stack gap="sm">
      <TextInput
        data-autofocus
        autoFocus
        leftSection={<IconBarcode size={16} />}
        label={t('returns.arrival.scan')}
        description={t('returns.arrival.scanHint')}
        value={code}
        onChange={(e) => setCode(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && code.trim() !== '' && !register.isPending) register.mutate(code.trim())
        }}
        data-testid="arrival-scan"
      />
      <Checkbox
        size="xs"
        label={t('returns.arrival.quarantine')}
        checked={quarantine}
        onChange={(e) => setQuarantine(e.currentTarget.checked)}
      />
      {done.length > 0 && (
        <List size="sm" spacing={2}>
          {done.map((d, n) => (
            <List.Item key={n} data-testid="arrival-done">
              <Anchor component={Link} to={`/returns/${d.returnId}`} size="sm">
                {d.number}
              </Anchor>
              <Text
                span
                size="sm"
              >{` · ${d.lineNos.length ? t('returns.arrival.registered', { lines: d.lineNos.join(', ') }) : t('returns.arrival.nothingExpected')}`}</Text>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  )
}
