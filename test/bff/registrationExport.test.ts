// The staff export of an event's signups: 类别 and the balancing details only where the event's selection mode asked for them.
import { eventForm } from '../support/eventForm'
import { signInDemoCitizen, signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

let app: TestApp
let departmentId: number
let editor: Record<string, string>
let reviewer: Record<string, string>

beforeAll(async () => {
  app = await startTestApp({ settings: { demoLogin: true } })
  departmentId = (await app.db.department.create({ data: { name: '导出名单局' } })).id
  editor = (await signInStaff(app, 'EDITOR', undefined, { departments: [departmentId] })).auth
  reviewer = (await signInStaff(app, 'REVIEWER', undefined, { departments: [departmentId] })).auth
})
afterAll(() => app.close())

async function exportOf(overrides: Record<string, unknown>, signup: Record<string, unknown>) {
  const created = await app.request('/api/staff/events', { method: 'POST', headers: editor, json: eventForm(app, departmentId, overrides) })
  expect(created.status).toBe(201)
  const eventId = created.body.id as number
  expect((await app.request(`/api/staff/events/${eventId}/publish`, { method: 'POST', headers: reviewer })).status).toBe(200)
  const citizen = await signInDemoCitizen(app, `导出${eventId}`)
  const joined = await app.request(`/api/events/${eventId}/registrations`, { method: 'POST', headers: citizen.auth, json: signup })
  expect(joined.status).toBe(201)
  const csv = await fetch(`${app.baseUrl}/api/staff/events/${eventId}/export?format=csv`, { headers: reviewer })
  expect(csv.status).toBe(200)
  const [header, row] = (await csv.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
  return { header: header!.split(','), row: row!.split(',') }
}

it('leaves out 类别 and the balancing columns for a first-come event, whose signups never chose them', async () => {
  const { header, row } = await exportOf({ title: '先到先得开放日' }, { name: '张先到', phone: '13800138000' })
  expect(header).toEqual(['报名编号', '姓名', '手机号', '无障碍需求', '状态', '签到时间', '报名时间'])
  expect(row).not.toContain('公众代表')
  expect(row.slice(1, 3)).toEqual(['张先到', '13800138000'])
})

it('keeps 类别 and the balancing columns for a lottery, with what the person chose', async () => {
  const { header, row } = await exportOf(
    { title: '公开抽签座谈会', kind: 'HEARING', selectionMode: 'LOTTERY' },
    { name: '李抽签', phone: '13800138001', category: 'EXPERT', region: '高新区', keepInPool: false },
  )
  expect(header).toEqual(['报名编号', '姓名', '手机号', '类别', '地区', '行业', '年龄段', '性别', '无障碍需求', '状态', '签到时间', '报名时间'])
  expect(row.slice(1, 5)).toEqual(['李抽签', '13800138001', '专家', '高新区'])
})
