import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { Staff } from '@gm/shared'
import StaffHomePage from '../../miniapp/src/packages/staff/pages/home/index'
import { fakeServer, page, sentRequests, signedIn, staff } from './fixtures'
import Taro from './taroMock'

function account(overrides: Partial<Staff> = {}): Staff {
  return {
    id: 31,
    username: 'zhao.editor',
    displayName: '赵编辑',
    role: 'EDITOR',
    department: { id: 3, name: '市园林绿化局' },
    departments: [{ id: 3, name: '市园林绿化局' }],
    disabled: false,
    wechatBound: false,
    createdAt: '2026-11-01T02:00:00.000Z',
    ...overrides,
  }
}
const me = account({ id: 21, username: 'wang.admin', displayName: '王管理', role: 'ADMIN' })
const staffCard = (name: string) => {
  const card = [...document.querySelectorAll<HTMLElement>('.gm-staff-card')].find((c) => c.querySelector('.gm-staff-card__name')?.textContent === name)
  if (!card) throw new Error(`no staff card for ${name}`)
  return card
}
const shownStaff = () => [...document.querySelectorAll('.gm-staff-card__name')].map((e) => e.textContent)
/** Let requests started on mount settle, so nothing updates after the test. */
const settle = () => waitFor(() => expect(sentRequests().length).toBeGreaterThan(0)).then(() => act(() => Promise.resolve()))
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })

describe('工作台', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    server = fakeServer()
    server.reply('/api/departments', 200, [
      { id: 3, name: '市园林绿化局' },
      { id: 5, name: '建设局' },
    ])
    server.reply('/api/staff/work-queue', 200, {
      entries: [
        { key: 'consultationsClosingSoon', label: '3 天内截止的征集', count: 0, target: 'consultations', examples: [] },
        { key: 'eventsNeedingDraw', label: '待抽签的活动', count: 2, target: 'events', examples: ['政府开放日'] },
      ],
    })
  })

  it('shows a non-admin their name, role and department, and no administration', async () => {
    signedIn(staff({ displayName: '赵编辑', role: 'EDITOR' }))
    render(<StaffHomePage />)

    expect(screen.getByText('您好，赵编辑')).toBeTruthy()
    expect(screen.getByText('编辑')).toBeTruthy()
    expect(screen.getByText('市园林绿化局')).toBeTruthy()
    expect(screen.queryByText('工作人员管理')).toBeNull()
    await waitFor(() =>
      expect(
        sentRequests()
          .map((r) => r.path)
          .sort(),
      ).toEqual(['/api/departments', '/api/staff/work-queue']),
    )
  })

  it('puts the work queue first: needs with work before the rest, each opening its list', async () => {
    signedIn(staff({ displayName: '赵编辑', role: 'EDITOR' }))
    render(<StaffHomePage />)
    const draw = await screen.findByRole('link', { name: '待抽签的活动 2 项' })
    const tiles = [...document.querySelectorAll('.gm-work-queue__tile')]
    expect(tiles[0]!.className).toContain('gm-work-queue__tile--eventsNeedingDraw')
    expect(screen.getByText('政府开放日')).toBeTruthy()
    fireEvent.click(draw)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/events/index' })
  })

  it('sends a staff member who must change the password to the password page', async () => {
    signedIn(staff({ mustChangePassword: true }))
    render(<StaffHomePage />)
    await settle()

    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/password/index' })
    expect(sentRequests().some((r) => r.path.startsWith('/api/admin'))).toBe(false)
  })

  it('asks a visitor without a staff session to sign in', async () => {
    render(<StaffHomePage />)
    await settle()

    fireEvent.click(screen.getByRole('button', { name: '工作人员登录' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/login/index' })
  })

  describe('for an ADMIN', () => {
    beforeEach(() => {
      signedIn(staff())
      server.reply(
        '/api/admin/audit',
        200,
        page(
          [
            {
              id: 1,
              staff: { id: 21, username: 'wang.admin' },
              action: 'createStaff',
              entity: 'staff',
              entityId: '31',
              before: null,
              after: {},
              at: '2026-11-20T02:00:00.000Z',
            },
          ],
          1,
          1,
        ),
      )
    })

    it('lists staff and the audit log in Chinese', async () => {
      server.reply('/api/admin/staff', 200, [me, account()])
      render(<StaffHomePage />)

      await waitFor(() => expect(shownStaff()).toEqual(['王管理', '赵编辑']))
      // Sign-in is throttled per username and address, never locked: no lock badge or 解锁 action.
      expect(within(staffCard('赵编辑')).queryByText('已锁定')).toBeNull()
      expect(within(staffCard('赵编辑')).queryByRole('button', { name: '解锁' })).toBeNull()
      expect(within(staffCard('王管理')).queryByRole('button', { name: '停用' })).toBeNull()
      await waitFor(() => expect(document.querySelector('.gm-audit-card')?.textContent).toContain('新增工作人员'))
      expect(document.querySelector('.gm-audit-card')?.textContent).toContain('操作人：wang.admin　对象：工作人员 #31')
    })

    it('creates a staff member and shows the one-time initial password until dismissed', async () => {
      server.reply('/api/admin/staff', 200, [me])
      server.reply('POST /api/admin/staff', 201, {
        staff: account({ id: 40, username: 'li.review', displayName: '李审核', role: 'REVIEWER' }),
        initialPassword: 'Xy7-initial-pw',
      })
      server.reply('/api/admin/staff', 200, [me, account({ id: 40, username: 'li.review', displayName: '李审核', role: 'REVIEWER' })])
      render(<StaffHomePage />)
      await waitFor(() => expect(shownStaff()).toEqual(['王管理']))

      fireEvent.click(screen.getByRole('button', { name: '新增工作人员' }))
      fireEvent.click(screen.getByRole('button', { name: '创建账号' }))
      expect(screen.getByText('请选择角色')).toBeTruthy()
      expect(screen.getByText('请选择所属部门')).toBeTruthy()
      expect(screen.getByText('请填写姓名')).toBeTruthy()

      type('用户名', 'li.review')
      type('姓名', '李审核')
      fireEvent.click(screen.getByRole('tab', { name: '审核' }))
      fireEvent.click(await screen.findByRole('checkbox', { name: '建设局' }))
      fireEvent.click(screen.getByRole('checkbox', { name: '市园林绿化局' }))
      expect(screen.getByText('主部门')).toBeTruthy()
      fireEvent.click(screen.getByRole('button', { name: '创建账号' }))

      expect(await screen.findByText(/初始密码：Xy7-initial-pw/)).toBeTruthy()
      expect(sentRequests().find((r) => r.method === 'POST' && r.path === '/api/admin/staff')?.data).toEqual({
        username: 'li.review',
        displayName: '李审核',
        role: 'REVIEWER',
        departmentId: 5,
        departmentIds: [5, 3],
      })
      await waitFor(() => expect(shownStaff()).toEqual(['王管理', '李审核']))
      fireEvent.click(screen.getByRole('button', { name: '我已记下，关闭' }))
      expect(screen.queryByText(/Xy7-initial-pw/)).toBeNull()
    })

    it('shows every department of a staff member and changes them (kept on refusal)', async () => {
      const both = [
        { id: 3, name: '市园林绿化局' },
        { id: 5, name: '建设局' },
      ]
      server.reply('/api/admin/staff', 200, [me, account()])
      server.reply('PATCH /api/admin/staff/31', 400, {
        error: { code: 'VALIDATION_FAILED', message: '提交的内容有误，请检查后重试', details: { fields: { departmentIds: '包含不存在的部门' } } },
      })
      server.reply('PATCH /api/admin/staff/31', 200, account({ departments: both }))
      render(<StaffHomePage />)
      await waitFor(() => expect(shownStaff()).toContain('赵编辑'))
      expect(within(staffCard('赵编辑')).getByText('编辑 · 市园林绿化局')).toBeTruthy()
      expect(within(staffCard('王管理')).getByText('管理员 · 全部部门')).toBeTruthy()

      fireEvent.click(within(staffCard('赵编辑')).getByRole('button', { name: '调整部门' }))
      fireEvent.click(await within(staffCard('赵编辑')).findByRole('checkbox', { name: '建设局' }))
      fireEvent.click(within(staffCard('赵编辑')).getByRole('button', { name: '保存部门' }))
      expect(await within(staffCard('赵编辑')).findByText('提交的内容有误，请检查后重试')).toBeTruthy()
      // Refused: the choice stays on screen to retry.
      expect(within(staffCard('赵编辑')).getByRole('checkbox', { name: '建设局' }).getAttribute('aria-checked')).toBe('true')

      fireEvent.click(within(staffCard('赵编辑')).getByRole('button', { name: '保存部门' }))
      expect(await within(staffCard('赵编辑')).findByText('编辑 · 市园林绿化局、建设局')).toBeTruthy()
      expect(within(staffCard('赵编辑')).queryByRole('checkbox', { name: '建设局' })).toBeNull()
      expect(
        sentRequests()
          .filter((r) => r.method === 'PATCH')
          .map((r) => r.data),
      ).toEqual([
        { departmentId: 3, departmentIds: [3, 5] },
        { departmentId: 3, departmentIds: [3, 5] },
      ])
    })

    it('disables an account only after confirmation', async () => {
      server.reply('/api/admin/staff', 200, [me, account()])
      server.reply('PATCH /api/admin/staff/31', 200, account({ disabled: true }))
      render(<StaffHomePage />)
      await waitFor(() => expect(shownStaff()).toContain('赵编辑'))

      fireEvent.click(within(staffCard('赵编辑')).getByRole('button', { name: '停用' }))
      expect(sentRequests().some((r) => r.method === 'PATCH')).toBe(false)
      fireEvent.click(screen.getByRole('button', { name: '确认停用' }))

      expect(await within(staffCard('赵编辑')).findByText('已停用')).toBeTruthy()
      expect(sentRequests().find((r) => r.method === 'PATCH')?.data).toEqual({ disabled: true })
      expect(within(staffCard('赵编辑')).getByRole('button', { name: '启用' })).toBeTruthy()
    })

    it('reaches 意见征集管理: the administrator answers opinions itself', async () => {
      server.reply('/api/admin/staff', 200, [me])
      render(<StaffHomePage />)
      await waitFor(() => expect(shownStaff()).toEqual(['王管理']))
      fireEvent.click(screen.getByRole('link', { name: '意见征集管理' }))
      expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/consultations/index' })
    })

    it('resets a password only after confirmation, shows the one-time password once, and never on the own row', async () => {
      server.reply('/api/admin/staff', 200, [me, account()])
      server.reply('POST /api/admin/staff/31/password-reset', 200, { staff: account(), initialPassword: 'Rst-9-onetime-pw' })
      render(<StaffHomePage />)
      await waitFor(() => expect(shownStaff()).toContain('赵编辑'))
      expect(within(staffCard('王管理')).queryByRole('button', { name: '重置密码' })).toBeNull()

      fireEvent.click(within(staffCard('赵编辑')).getByRole('button', { name: '重置密码' }))
      expect(sentRequests().some((r) => r.path.endsWith('/password-reset'))).toBe(false)
      expect(screen.getByRole('dialog', { name: '重置「赵编辑」的密码？' })).toBeTruthy()
      fireEvent.click(screen.getByRole('button', { name: '确认重置' }))

      expect(await within(staffCard('赵编辑')).findByText(/一次性密码：Rst-9-onetime-pw/)).toBeTruthy()
      expect(within(staffCard('赵编辑')).getByText(/本人下次登录时必须修改密码/)).toBeTruthy()
      expect(sentRequests().filter((r) => r.method === 'POST' && r.path === '/api/admin/staff/31/password-reset')).toHaveLength(1)
      fireEvent.click(within(staffCard('赵编辑')).getByRole('button', { name: '我已记下，关闭' }))
      expect(screen.queryByText(/Rst-9-onetime-pw/)).toBeNull()
    })

    it('generates a binding invite', async () => {
      server.reply('/api/admin/staff', 200, [me, account()])
      server.reply('POST /api/admin/staff/31/invite', 201, { code: 'INV-123456', expiresAt: '2026-11-22T02:00:00.000Z' })
      render(<StaffHomePage />)
      await waitFor(() => expect(shownStaff()).toContain('赵编辑'))

      fireEvent.click(within(staffCard('赵编辑')).getByRole('button', { name: '生成绑定邀请码' }))
      expect(await within(staffCard('赵编辑')).findByText(/绑定邀请码：INV-123456/)).toBeTruthy()
    })
  })
})
