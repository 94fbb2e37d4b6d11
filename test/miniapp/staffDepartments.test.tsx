// 部门管理: administrators see every department and add one (POST /api/admin/departments); others are refused.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import StaffDepartmentsPage from '../../miniapp/src/packages/staff/pages/departments/index'
import { fakeServer, sentRequests, signedIn, staff } from './fixtures'

describe('部门管理', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    server = fakeServer()
    server.reply('/api/departments', 200, [{ id: 3, name: '市园林绿化局' }])
  })

  it('lists the departments and adds one, then shows it in the table', async () => {
    signedIn(staff({ role: 'ADMIN' }))
    render(<StaffDepartmentsPage />)
    await screen.findByText('市园林绿化局')
    server.reply('POST /api/admin/departments', 201, { id: 9, name: '退役军人事务局' })
    server.reply('/api/departments', 200, [
      { id: 3, name: '市园林绿化局' },
      { id: 9, name: '退役军人事务局' },
    ])
    fireEvent.input(screen.getByLabelText('部门名称'), { target: { value: '退役军人事务局' } })
    fireEvent.click(screen.getByRole('button', { name: '新增部门' }))
    await screen.findByText('已新增「退役军人事务局」')
    await waitFor(() => expect(screen.getAllByText('退役军人事务局').length).toBeGreaterThan(0))
    const posted = sentRequests().filter((r) => r.method === 'POST')
    expect(posted.map((r) => [r.path, typeof r.data === 'string' ? JSON.parse(r.data) : r.data])).toEqual([
      ['/api/admin/departments', { name: '退役军人事务局' }],
    ])
  })

  it('refuses a reviewer', () => {
    signedIn(staff({ role: 'REVIEWER' }))
    render(<StaffDepartmentsPage />)
    expect(screen.getByText('只有管理员可以管理部门。')).toBeTruthy()
  })
})
