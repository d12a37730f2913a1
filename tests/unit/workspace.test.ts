import { describe, expect, it } from 'vitest'
import { can, ROLES, type Role } from '@shared/auth/roles'
import { boardAccess, landingPath } from '@shared/auth/workspace'
import { NAV, navFor } from '../../src/renderer/src/app/nav'

const menu = (roles: Role[]) => navFor((p) => can(roles, p)).flatMap((s) => s.items.map((i) => i.path))

describe('where a user works', () => {
  it('plans on the board with dispatch.plan, sees it read-only from the office, and a technician has My work', () => {
    expect(boardAccess(['administrator'])).toBe('plan')
    expect(boardAccess(['serviceManager'])).toBe('plan')
    expect(boardAccess(['dispatcher'])).toBe('plan')
    expect(boardAccess(['serviceConsultant'])).toBe('view')
    expect(boardAccess(['technician'])).toBe('none')
    // Roles add up: a technician who also plans gets the planning board.
    expect(boardAccess(['technician', 'dispatcher'])).toBe('plan')
    expect(boardAccess(['technician', 'serviceConsultant'])).toBe('view')
  })

  it('lands a manager and a dispatcher on their home page, a technician on My work and everyone else on the customers', () => {
    expect(landingPath(['serviceManager'])).toBe('/home/manager')
    expect(landingPath(['dispatcher'])).toBe('/home/dispatcher')
    expect(landingPath(['technician'])).toBe('/my-work')
    expect(landingPath(['administrator'])).toBe('/customers')
    expect(landingPath(['serviceConsultant'])).toBe('/customers')
    // Roles add up: the manager's overview before the dispatcher's day, either before My work.
    expect(landingPath(['dispatcher', 'serviceManager'])).toBe('/home/manager')
    expect(landingPath(['technician', 'dispatcher'])).toBe('/home/dispatcher')
    expect(landingPath(['technician', 'serviceConsultant'])).toBe('/customers')
    expect(landingPath([])).toBe('/customers')
  })

  it('shows each home page in the menu only to whoever may read its figures', () => {
    for (const role of ROLES) {
      expect(menu([role]).includes('/home/manager'), role).toBe(can([role], 'reports.read'))
      expect(menu([role]).includes('/home/dispatcher'), role).toBe(can([role], 'dispatch.plan'))
    }
    expect(menu(['technician'])).not.toContain('/home/manager')
    // A home a user lands on is always in their menu.
    for (const role of ROLES) {
      const landing = landingPath([role])
      if (landing.startsWith('/home/')) expect(menu([role]), role).toContain(landing)
    }
  })
})

describe('the menu', () => {
  it("trims a technician's menu to their day's work, without empty sections", () => {
    expect(menu(['technician'])).toEqual(['/orders', '/my-work', '/repairs', '/customers', '/service-objects', '/items'])
    const sections = navFor((p) => can(['technician'], p))
    expect(sections.every((s) => s.items.length > 0)).toBe(true)
    expect(sections.map((s) => s.section)).toEqual(['app.nav.sections.service', 'app.nav.sections.customers', 'app.nav.sections.catalogue'])
  })

  it('shows the board to every role that can see it, and only to those', () => {
    for (const role of ROLES) expect(menu([role]).includes('/dispatch'), role).toBe(boardAccess([role]) !== 'none')
  })

  it('shows an administrator every entry and hides from each role exactly the entries its permissions do not allow', () => {
    expect(menu(['administrator'])).toEqual(NAV.flatMap((s) => s.items.map((i) => i.path)))
    for (const role of ROLES) {
      const hidden = NAV.flatMap((s) => s.items).filter((i) => i.permission && !can([role], i.permission))
      expect(
        menu([role]).some((p) => hidden.some((h) => h.path === p)),
        role
      ).toBe(false)
    }
    expect(menu(['serviceConsultant'])).toContain('/dispatch')
    expect(menu(['serviceConsultant'])).not.toContain('/users')
  })
})
