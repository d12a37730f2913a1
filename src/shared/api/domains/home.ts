import { z } from 'zod'
import { dispatcherHome, managerHome } from '../../domain/home'
import { method } from '../define'

/** Role home pages (docs/adr/0027): one call per home, every figure computed in SQL on the server. */
export const homeContract = {
  'home.dispatcher': method(z.object({}), dispatcherHome, 'dispatch.plan'),
  'home.manager': method(z.object({}), managerHome, 'reports.read')
}
