import { fireEvent, render, screen } from '@testing-library/react'
import { ApiError } from '../../miniapp/src/api'
import { LoadGate } from '../../miniapp/src/components/LoadGate'
import Taro from './taroMock'

const missing = new ApiError({ status: 404, code: 'NOT_FOUND', message: '该内容不存在或已删除' })
const unavailable = new ApiError({ status: 503, code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' })

function gate(error: ApiError, onRetry = jest.fn()) {
  render(
    <LoadGate data={undefined} loading={false} error={error} onRetry={onRetry}>
      {() => null}
    </LoadGate>,
  )
  return onRetry
}

describe('LoadGate when loading failed', () => {
  it('offers 返回 rather than 重新加载 for a missing item, and goes back', () => {
    Taro.getCurrentPages.mockImplementation(() => [{ route: 'pages/consultations/index' }, { route: 'packages/consultation/pages/detail/index' }])
    gate(missing)
    expect(screen.getByText('该内容不存在或已删除')).toBeTruthy()
    expect(screen.queryByRole('button', { name: '重新加载' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '返回' }))
    expect(Taro.navigateBack).toHaveBeenCalled()
  })

  it('opens the home tab from 返回 when the missing item was the first page (opened from a message)', () => {
    gate(missing)
    fireEvent.click(screen.getByRole('button', { name: '返回' }))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/consultations/index' })
  })

  it('still offers 重新加载 when the service failed', () => {
    const onRetry = gate(unavailable)
    expect(screen.queryByRole('button', { name: '返回' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }))
    expect(onRetry).toHaveBeenCalled()
  })
})
