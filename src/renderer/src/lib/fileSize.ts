import type { Formats } from '@shared/i18n/format'
import type { useT } from './i18n'

/** A file's size in kB under a megabyte, else in MB with one decimal, in the screen's number format. */
export function sizeText(t: ReturnType<typeof useT>, f: Formats, bytes: number): string {
  return bytes < 1024 * 1024
    ? t('backups.size.kb', { n: f.number(Math.max(1, Math.round(bytes / 1024))) })
    : t('backups.size.mb', { n: f.number(Math.round((bytes / 1024 / 1024) * 10) / 10, 1) })
}
