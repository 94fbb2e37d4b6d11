// 无障碍声明: what conforms, the known gaps, and help by phone with assisted submission.
import { fireEvent, render, screen } from '@testing-library/react'
import AccessibilityPage from '../../miniapp/src/packages/me/pages/accessibility/index'
import Taro from './taroMock'

describe('无障碍声明', () => {
  it('says what conforms, what does not yet, and how to get help, with a button that calls the hotline', () => {
    const call = jest.fn(() => Promise.resolve())
    ;(Taro as unknown as { makePhoneCall: typeof call }).makePhoneCall = call
    render(<AccessibilityPage />)
    for (const title of ['已经做到的', '已知不足', '需要帮助']) expect(screen.getByText(title)).toBeTruthy()
    expect(screen.getByText(/政务服务便民热线 12345/)).toBeTruthy()
    expect(screen.getByText(/代为提交/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '拨打 12345' }))
    expect(call).toHaveBeenCalledWith({ phoneNumber: '12345' })
  })
})
