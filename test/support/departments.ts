// A department with one of everything staff scope covers (consultation, opinion, group, event, registration, event opinion, policy question), written straight to the database.
import { randomBytes } from 'node:crypto'
import type { TestApp } from './testApp'

const DAY = 86_400_000
const code = (prefix: string) => `${prefix}${randomBytes(5).toString('hex').toUpperCase()}`

/** Today's date in Asia/Shanghai (YYYY-MM-DD), the calendar answers are dated by. */
export const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)

export interface DepartmentItems {
  departmentId: number
  consultationId: number
  opinionId: number
  /** An old, unanswered opinion: on the overdue list */
  overdueOpinionId: number
  groupId: number
  eventId: number
  registrationId: number
  checkInCode: string
  eventOpinionId: number
  questionId: number
  /** The personal data the department's items hold, to look for in responses */
  secrets: { phone: string; name: string; registrantPhone: string; registrantName: string; eventOpinion: string }
}

export async function createDepartmentItems(app: TestApp, name: string): Promise<DepartmentItems> {
  const now = Date.now()
  const { id: departmentId } = await app.db.department.create({ data: { name } })
  const phone = `139${String(now % 1e8).padStart(8, '0')}`
  const registrantPhone = `137${String((now + 7) % 1e8).padStart(8, '0')}`
  const secrets = { phone, name: `${name}署名人`, registrantPhone, registrantName: `${name}报名人`, eventOpinion: `${name}参会人员原话` }
  const consultation = await app.db.consultation.create({
    data: {
      departmentId,
      title: `${name}管理办法（征求意见稿）`,
      summary: '部门范围测试',
      opensAt: new Date(now - 60 * DAY),
      closesAt: new Date(now + 30 * DAY),
      publishedAt: new Date(now - 60 * DAY),
      shortWindowReason: null,
    },
  })
  const opinion = await app.db.opinion.create({
    data: {
      consultationId: consultation.id,
      receiptCode: code('YJ'),
      rawText: `建议增加停车位，请联系我 ${phone}`,
      authorName: secrets.name,
      contactPhone: phone,
      moderation: 'APPROVED',
      publishedText: '建议增加停车位，请联系我【已隐去】',
    },
  })
  const overdue = await app.db.opinion.create({
    data: {
      consultationId: consultation.id,
      receiptCode: code('YJ'),
      rawText: '早就提过的意见，一直没有答复',
      moderation: 'APPROVED',
      publishedText: '早就提过的意见，一直没有答复',
      createdAt: new Date(now - 50 * DAY),
    },
  })
  const group = await app.db.opinionGroup.create({
    data: { consultationId: consultation.id, title: '关于停车位的集中意见', opinions: { connect: [{ id: opinion.id }] } },
  })
  const event = await app.db.event.create({
    data: {
      kind: 'OPEN_DAY',
      title: `${name}政府开放日`,
      description: '部门范围测试',
      place: '政务服务中心',
      departmentId,
      startsAt: new Date(now - DAY),
      endsAt: new Date(now - DAY + 3 * 3_600_000),
      signupOpensAt: new Date(now - 20 * DAY),
      signupClosesAt: new Date(now - 2 * DAY),
      capacity: 20,
      selectionMode: 'REVIEW',
      publishedAt: new Date(now - 20 * DAY),
    },
  })
  const checkInCode = code('QD')
  const registration = await app.db.registration.create({
    data: {
      eventId: event.id,
      name: secrets.registrantName,
      phone: registrantPhone,
      category: 'PUBLIC',
      status: 'APPLIED',
      checkInCode,
      publicCode: code('BM'),
    },
  })
  const eventOpinion = await app.db.eventOpinion.create({ data: { eventId: event.id, rawText: secrets.eventOpinion, publishedText: secrets.eventOpinion } })
  const question = await app.db.policyQuestion.create({
    data: { receiptCode: code('ZX'), text: `${name}的政策咨询：补贴怎么申请？`, dueAt: new Date(now + 10 * DAY), departmentId },
  })
  return {
    departmentId,
    consultationId: consultation.id,
    opinionId: opinion.id,
    overdueOpinionId: overdue.id,
    groupId: group.id,
    eventId: event.id,
    registrationId: registration.id,
    checkInCode,
    eventOpinionId: eventOpinion.id,
    questionId: question.id,
    secrets,
  }
}
