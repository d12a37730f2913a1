import type { Sqlite } from '../db/connection'
import {
  CATEGORIES,
  CUSTOMER_GROUPS,
  ITEMS,
  OBJECT_GROUPS,
  type Segment,
  SERVICE_TASKS,
  SKILLS,
  TEAM_REGIONS,
  TEAM_SPECIALITIES,
  WORKING_HOURS_OPTIONS,
  type WorkerRole
} from './catalog'
import { slug, staffPerson } from './names'
import { takeNumbers } from './numbers'
import { type Address, type City, cityNamed, coordinatesOf, formatAddress, mobilePhone, randomAddress } from './places'
import type { Random } from './random'

/** The demo's catalogue (fixed rows, nothing to plan) and its staff: dispatch teams and workers, planned then written. */

export interface Catalogue {
  skillIds: Map<string, number>
  groupIds: Map<Segment, number>
  objectGroupIds: Map<string, number>
  itemIds: Map<string, number>
  categoryIds: Map<string, number>
  taskIds: Map<string, number>
}

const rowId = (r: { lastInsertRowid: number | bigint }) => Number(r.lastInsertRowid)
const json = (v: unknown) => JSON.stringify(v)

export function writeCatalogue(s: Sqlite): Catalogue {
  const codeNames = (table: string, rows: readonly { code: string; name: string }[]) => {
    const stmt = s.prepare(`insert into ${table} (code, name) values (?, ?)`)
    return new Map(rows.map((r) => [r.code, rowId(stmt.run(r.code, r.name))]))
  }
  const skillIds = codeNames('skills', SKILLS)
  const groupIds = codeNames('customer_groups', CUSTOMER_GROUPS) as Map<Segment, number>
  const objectGroupIds = codeNames('service_object_groups', OBJECT_GROUPS)
  const itemStmt = s.prepare(
    'insert into items (number, name, unit, cost_price, sales_price, serial_tracked, active) values (?, ?, ?, ?, ?, ?, 1)'
  )
  const itemIds = new Map(
    ITEMS.map((it) => [it.number, rowId(itemStmt.run(it.number, it.name, it.unit, it.costPrice, it.salesPrice, it.serialTracked ? 1 : 0))])
  )
  const categoryStmt = s.prepare('insert into categories (code, name, type, unit, cost_price, sales_price) values (?, ?, ?, ?, ?, ?)')
  const categoryIds = new Map(
    CATEGORIES.map((c) => [c.code, rowId(categoryStmt.run(c.code, c.name, c.type, c.unit, c.costPrice, c.salesPrice))])
  )
  const taskStmt = s.prepare('insert into service_tasks (code, name, description, default_duration_minutes) values (?, ?, ?, ?)')
  const taskSkillStmt = s.prepare('insert into service_task_skills (task_id, skill_id) values (?, ?)')
  const taskIds = new Map<string, number>()
  for (const t of SERVICE_TASKS) {
    const taskId = rowId(taskStmt.run(t.code, t.name, t.description, t.minutes))
    taskIds.set(t.code, taskId)
    for (const k of t.skills) taskSkillStmt.run(taskId, skillIds.get(k)!)
  }
  return { skillIds, groupIds, objectGroupIds, itemIds, categoryIds, taskIds }
}

export interface PlannedTeam {
  code: string
  name: string
  city: City
  skills: readonly string[]
}

export interface PlannedWorker {
  role: WorkerRole
  teamIndex: number | null
  name: string
  email: string
  phone: string
  homeBase: string
  home: { latitude: number; longitude: number }
  hours: unknown
  skills: string[]
}

/** Teams by region and speciality in turn; a second lap of the same pair gets a number. */
export function planTeams(count: number): PlannedTeam[] {
  return Array.from({ length: count }, (_, i) => {
    const region = TEAM_REGIONS[i % TEAM_REGIONS.length]!
    const round = Math.floor(i / TEAM_REGIONS.length)
    const speciality = TEAM_SPECIALITIES[(i + round) % TEAM_SPECIALITIES.length]!
    const lap = Math.floor(i / (TEAM_REGIONS.length * TEAM_SPECIALITIES.length))
    const suffix = lap === 0 ? '' : ` ${lap + 1}`
    const city = cityNamed(region.city)
    return {
      code: `${region.code}-${speciality.code}${lap === 0 ? '' : `-${lap + 1}`}`,
      // "Tallinna küte", "Pärnu külma- ja köögitehnika": the town in the genitive.
      name: `${city.genitive} ${speciality.name.toLowerCase()}${suffix}`,
      city,
      skills: speciality.skills
    }
  })
}

/** Technicians spread over the teams, then dispatchers, service managers and consultants at the Tallinn office. */
export function planStaff(
  rnd: Random,
  sizes: { technicians: number; dispatchers: number; serviceManagers: number; consultants: number },
  teams: PlannedTeam[]
): PlannedWorker[] {
  const emails = new Set<string>()
  const staffEmail = (first: string, last: string) => {
    const base = `${slug(first)}.${slug(last)}`
    let email = `${base}@hooldus.example`
    for (let n = 2; emails.has(email); n++) email = `${base}${n}@hooldus.example`
    emails.add(email)
    return email
  }
  const workers: PlannedWorker[] = []
  const names = new Set<string>()
  const add = (role: WorkerRole, teamIndex: number | null, base: Address, hours: unknown, skills: string[]) => {
    const p = staffPerson(rnd, names)
    const homeBase = formatAddress(base)
    const home = coordinatesOf(base)
    workers.push({
      role,
      teamIndex,
      name: p.name,
      email: staffEmail(p.first, p.last),
      phone: mobilePhone(rnd),
      homeBase,
      home,
      hours,
      skills
    })
  }
  for (let i = 0; i < sizes.technicians; i++) {
    const team = teams[i % teams.length]!
    const skills = [team.skills[0]!, ...team.skills.slice(1).filter(() => rnd.chance(0.7))]
    if (rnd.chance(0.25)) skills.push(rnd.pick(SKILLS).code)
    const hours = rnd.chance(0.25) ? rnd.pick(WORKING_HOURS_OPTIONS) : null
    add('technician', i % teams.length, randomAddress(rnd, team.city, true), hours, skills)
  }
  const tallinn = cityNamed('Tallinn')
  const office = randomAddress(rnd, tallinn)
  for (let i = 0; i < sizes.dispatchers; i++) add('dispatcher', (i * 2) % teams.length, office, null, [])
  for (let i = 0; i < sizes.serviceManagers; i++) add('serviceManager', null, office, null, [])
  for (let i = 0; i < sizes.consultants; i++) add('serviceConsultant', null, office, null, [])
  return workers
}

export interface Staff {
  technicianIds: number[]
  /** The first worker of each role, whom the demo users are linked to. */
  firstWorker: Map<WorkerRole, { id: number; name: string }>
}

/** Teams, workers with their skills and numbers, and each team's owner: the dispatchers in turn, two teams each. */
export function writeStaff(s: Sqlite, teams: PlannedTeam[], workers: PlannedWorker[], skillIds: Map<string, number>): Staff {
  const teamStmt = s.prepare('insert into dispatch_teams (code, name) values (?, ?)')
  const teamIds = teams.map((t) => rowId(teamStmt.run(t.code, t.name)))
  const workerStmt = s.prepare(
    'insert into workers (number, name, email, phone, roles, team_id, home_base, home_latitude, home_longitude, working_hours, active) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)'
  )
  const workerSkillStmt = s.prepare('insert into worker_skills (worker_id, skill_id) values (?, ?)')
  const numbers = takeNumbers(s, 'worker', workers.length)
  const staff: Staff = { technicianIds: [], firstWorker: new Map() }
  const dispatcherIds: number[] = []
  workers.forEach((w, n) => {
    const teamId = w.teamIndex === null ? null : teamIds[w.teamIndex]!
    const workerId = rowId(
      workerStmt.run(
        numbers[n]!,
        w.name,
        w.email,
        w.phone,
        json([w.role]),
        teamId,
        w.homeBase,
        w.home.latitude,
        w.home.longitude,
        w.hours === null ? null : json(w.hours)
      )
    )
    for (const k of new Set(w.skills)) workerSkillStmt.run(workerId, skillIds.get(k)!)
    if (!staff.firstWorker.has(w.role)) staff.firstWorker.set(w.role, { id: workerId, name: w.name })
    if (w.role === 'technician') staff.technicianIds.push(workerId)
    if (w.role === 'dispatcher') dispatcherIds.push(workerId)
  })
  const ownerStmt = s.prepare('update dispatch_teams set owner_worker_id = ? where id = ?')
  teamIds.forEach((teamId, i) => ownerStmt.run(dispatcherIds[Math.floor(i / 2) % dispatcherIds.length]!, teamId))
  return staff
}
