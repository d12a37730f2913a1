import { createTheme } from '@mantine/core'

/** Dense and calm: small default sizes, one accent colour, priorities carry the strong colours. */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Someone who asked their system for less motion gets menus and dialogs without transitions.
  respectReducedMotion: true,
  defaultRadius: 'sm',
  fontSizes: { xs: '0.75rem', sm: '0.8125rem', md: '0.875rem', lg: '1rem', xl: '1.125rem' },
  components: {
    TextInput: { defaultProps: { size: 'sm' } },
    Select: { defaultProps: { size: 'sm' } },
    NumberInput: { defaultProps: { size: 'sm' } }
  }
})
