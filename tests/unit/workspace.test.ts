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

  it('lands a technician on My work and everyone else on the customers', () => {
    expect(landingPath(['technician'])).toBe('/my-work')
    for (const role of ROLES.filter((r) => r !== 'technician')) expect(landingPath([role])).toBe('/customers')
    expect(landingPath(['technician', 'serviceConsultant'])).toBe('/customers')
    expect(landingPath([])).toBe('/customers')
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
