import { render, screen } from '@testing-library/react'
import { AuditCard } from '../../miniapp/src/components/AuditCard'

const entry = (action: string, after: unknown) => ({
  id: 1,
  staff: { id: 2, username: 'reviewer1' },
  action,
  entity: 'opinion',
  entityId: '41',
  entityTitle: null as string | null,
  before: null,
  after,
  at: '2026-12-05T02:00:00.000Z',
})

describe('审计日志 entries about personal information', () => {
  it('shows an override with the kinds kept and the reviewer’s reason', () => {
    render(
      <AuditCard
        entry={entry('overridePersonalInfo', { publishing: 'moderateOpinion', reason: '作者书面要求公开联系方式', kinds: ['PHONE', 'ID_NUMBER'], spans: [] })}
      />,
    )
    expect(screen.getByText('未隐去个人信息仍公开')).toBeTruthy()
    expect(screen.getByText(/操作人：reviewer1\s+对象：意见 #41/)).toBeTruthy()
    expect(screen.getByText(/^发布：审核意见\s+涉及：手机号、身份证号\s+理由：作者书面要求公开联系方式$/)).toBeTruthy()
  })

  it('shows each dismissed suggestion with its reason', () => {
    render(
      <AuditCard
        entry={entry('dismissPersonalInfo', {
          publishing: 'answerOpinion',
          dismissals: [{ field: 'content', start: 3, end: 16, kinds: ['LANDLINE'], reason: '单位公开的服务电话' }],
        })}
      />,
    )
    expect(screen.getByText('忽略个人信息识别结果')).toBeTruthy()
    expect(screen.getByText('固定电话（理由：单位公开的服务电话）')).toBeTruthy()
  })
})

describe('审计日志 entries name their object', () => {
  it('by its title when the server gives one, by its number otherwise', () => {
    const { unmount } = render(<AuditCard entry={{ ...entry('updateStaff', null), entity: 'staff', entityId: '2', entityTitle: '王审核' }} />)
    expect(screen.getByText(/对象：.*「王审核」/)).toBeTruthy()
    expect(screen.queryByText(/#2/)).toBeNull()
    unmount()
    render(<AuditCard entry={{ ...entry('updateStaff', null), entity: 'staff', entityId: '2', entityTitle: null }} />)
    expect(screen.getByText(/对象：.*#2/)).toBeTruthy()
  })
})
