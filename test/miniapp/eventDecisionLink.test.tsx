// 新建活动 links the event to a catalog decision (decisionId), so the decision page lists it.
import { validate } from '../../miniapp/src/packages/staff/pages/event-form/index'

const values = {
  kind: 'OPEN_DAY',
  title: '重大决策听证会公众列席',
  description: '听取公众对草案的意见。',
  place: '高新区政务服务中心',
  departmentId: '2',
  decisionId: '',
  startsAt: '2027-03-10 09:00',
  endsAt: '2027-03-10 11:00',
  signupOpensAt: '2027-03-01 09:00',
  signupClosesAt: '2027-03-05 18:00',
  capacity: '20',
  reservedSeats: '0',
  waitlistCapacity: '0',
  selectionMode: 'FIRST_COME',
  eligibility: '',
  liveStreamUrl: '',
  drawQuotas: '',
}

describe('新建活动: the catalog link', () => {
  it('sends the chosen decision as decisionId, and null when none is chosen', () => {
    const linked = validate({ ...values, decisionId: '5' })
    expect(linked.ok && linked.data.decisionId).toBe(5)
    const unlinked = validate(values)
    expect(unlinked.ok).toBe(true)
    expect(unlinked.ok && unlinked.data.decisionId).toBeNull()
  })
})
