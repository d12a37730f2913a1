import { Modal } from '@mantine/core'
import { useT } from '../../lib/i18n'
import { GeneratorForm } from './GeneratorForm'
import { GeneratorProgress } from './GeneratorProgress'
import { useGenerator, type GeneratorTarget } from './useGenerator'

interface GeneratorDialogProps extends GeneratorTarget {
  opened: boolean
  onClose: () => void
}

/**
 * "Create service orders": a period, the line types to include and which agreements; Preview counts what
 * would be created, Create starts the background run with a progress bar (cancellable between
 * agreements), and the summary links to the new orders.
 */
export function GeneratorDialog({ opened, onClose, agreement, filter }: GeneratorDialogProps) {
  const t = useT()
  const g = useGenerator({ agreement, filter })
  const running = g.run?.status === 'running'

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('agreements.generator.title')}
      size="lg"
      closeOnClickOutside={!running}
      closeOnEscape={!running}
      withCloseButton={!running}
    >
      {g.run === null ? (
        <GeneratorForm generator={g} agreement={agreement} filter={filter} onClose={onClose} />
      ) : (
        <GeneratorProgress run={g.run} cancel={g.cancel} onClose={onClose} />
      )}
    </Modal>
  )
}
