import { Button, type ButtonProps, Group, Modal, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import type { ReactNode } from 'react'
import { useT } from '../lib/i18n'

interface ConfirmButtonProps extends ButtonProps {
  title: string
  message: ReactNode
  confirmLabel: string
  onConfirm: () => void
  children: ReactNode
}

/** A destructive action asks first and says what it will change. */
export function ConfirmButton({ title, message, confirmLabel, onConfirm, children, ...button }: ConfirmButtonProps) {
  const t = useT()
  const [opened, { open, close }] = useDisclosure(false)
  return (
    <>
      <Button {...button} onClick={open}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={title} size="sm">
        <Text size="sm">{message}</Text>
        <Group justify="flex-end" mt="md" gap="xs">
          <Button variant="default" size="xs" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            size="xs"
            onClick={() => {
              close()
              onConfirm()
            }}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  )
}
