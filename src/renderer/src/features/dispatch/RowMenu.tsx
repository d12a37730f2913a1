import { ActionIcon, Menu } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconFileTypePdf, IconPrinter, IconSend } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import type { BoardCard } from '@shared/domain/dispatch'
import { call } from '../../lib/api'
import { useFormat, useT } from '../../lib/i18n'
import { downloadPdf } from '../../lib/download'
import { printPdf } from '../../lib/print'
import type { RowActions } from './TechRow'
import type { TimeScale } from './timeScale'
import type { BoardView } from './useBoardView'

interface Anchor {
  workerId: number
  x: number
  y: number
}

/** Where the one row menu is open; `actions` is stable, so the memoised rows never re-render for it. */
export function useRowMenu() {
  const [anchor, setAnchor] = useState<Anchor | null>(null)
  const actions = useMemo<RowActions>(
    () => ({
      openMenu: (workerId: number, el: HTMLElement) => {
        const r = el.getBoundingClientRect()
        setAnchor({ workerId, x: r.left, y: r.bottom })
      }
    }),
    []
  )
  return { anchor, actions, close: () => setAnchor(null) }
}

async function daySheet(workerId: number, day: string, failed: string, print = false) {
  try {
    const sheet = await call('dispatch.daySheet', { workerId, date: day })
    if (print) await printPdf(sheet)
    else downloadPdf(sheet)
  } catch (e) {
    notifications.show({ color: 'red', title: failed, message: e instanceof Error ? e.message : String(e) })
  }
}

interface Props {
  anchor: Anchor | null
  onClose: () => void
  view: BoardView
  scale: TimeScale
  cards: readonly BoardCard[]
  names: ReadonlyMap<number, string>
  onDispatch: (ids: number[]) => void
  readOnly: boolean
}

/** One technician's actions: dispatch their planned work in the range, and a day sheet (PDF) per shown day. */
export function RowMenu({ anchor, onClose, view, scale, cards, names, onDispatch, readOnly }: Props) {
  const t = useT()
  const f = useFormat()
  const dispatchAll = (workerId: number) =>
    onDispatch(cards.filter((c) => c.workerId === workerId && c.status === 'planned' && c.id > 0).map((c) => c.id))
  return (
    <Menu opened={anchor !== null} onChange={(o) => !o && onClose()} position="bottom-start" withinPortal>
      <Menu.Target>
        <div style={{ position: 'fixed', left: anchor?.x ?? 0, top: anchor?.y ?? 0, width: 1, height: 1 }} />
      </Menu.Target>
      {anchor && (
        <Menu.Dropdown>
          <Menu.Label>{names.get(anchor.workerId)}</Menu.Label>
          {!readOnly && (
            <Menu.Item
              leftSection={<IconSend size={14} />}
              onClick={() => dispatchAll(anchor.workerId)}
              disabled={!cards.some((c) => c.workerId === anchor.workerId && c.status === 'planned')}
            >
              {view === 'week' ? t('dispatch.row.dispatchWeek') : t('dispatch.row.dispatchDay')}
            </Menu.Item>
          )}
          <Menu.Label>{t('dispatch.row.daySheet')}</Menu.Label>
          {scale.segments.map((seg) => (
            <Menu.Item
              key={seg.date}
              leftSection={<IconFileTypePdf size={14} />}
              onClick={() => void daySheet(anchor.workerId, seg.date, t('dispatch.row.daySheetFailed'))}
              rightSection={
                <ActionIcon
                  component="span"
                  size="sm"
                  variant="subtle"
                  color="gray"
                  aria-label={t('common.printWhat', { what: f.date(seg.date) })}
                  onClick={(e) => {
                    // The print icon prints; the rest of the item downloads.
                    e.stopPropagation()
                    onClose()
                    void daySheet(anchor.workerId, seg.date, t('dispatch.row.daySheetFailed'), true)
                  }}
                >
                  <IconPrinter size={14} />
                </ActionIcon>
              }
            >
              {f.date(seg.date)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      )}
    </Menu>
  )
}
