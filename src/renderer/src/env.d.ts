/// <reference types="vite/client" />
import type { HooldusBridge } from '@shared/api/bridge'

declare global {
  interface Window {
    api: HooldusBridge
  }
}
