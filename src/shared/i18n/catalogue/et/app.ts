import type { app as en } from '../en/app'
import type { Shape } from '../shape'

export const app: Shape<typeof en> = {
  noDatabase: 'Hooldus ei pääse oma andmebaasi juurde: {{message}}'
}
