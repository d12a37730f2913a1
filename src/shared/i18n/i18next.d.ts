import 'i18next'
import type { en } from './catalogue/en'

// Keys are checked at compile time: t('orders.titel') does not compile.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof en }
  }
}
