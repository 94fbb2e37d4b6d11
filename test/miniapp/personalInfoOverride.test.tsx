import { act, fireEvent, render, renderHook, screen } from '@testing-library/react'
import type { UnmaskedSpan } from '@gm/shared'
import { useState } from 'react'
import { ApiError } from '../../miniapp/src/api'
import { PersonalInfoOverride } from '../../miniapp/src/components/PersonalInfoOverride'
import { usePersonalInfoOverride } from '../../miniapp/src/hooks'

const phone: UnmaskedSpan = { field: 'content', kind: 'PHONE', label: '手机号', start: 5, end: 16, text: '13812345678' }

function Harness({ onOverride, onMask }: { onOverride: (reason: string) => void; onMask?: (s: UnmaskedSpan) => void }) {
  const [reason, setReason] = useState('')
  return <PersonalInfoOverride spans={[phone]} hint="请改写答复；确需公开时：" reason={reason} onReason={setReason} onOverride={onOverride} onMask={onMask} />
}

describe('仍然公开（需填写理由）', () => {
  it('lists what is still unmasked and asks for a reason only after 仍然公开 is chosen', () => {
    render(<Harness onOverride={jest.fn()} />)
    expect(screen.getByRole('alert').textContent).toContain('以下个人信息仍未隐去，暂不能公开：')
    expect(screen.getByText('手机号：13812345678')).toBeTruthy()
    expect(screen.getByText('请改写答复；确需公开时：')).toBeTruthy()
    expect(screen.queryByRole('textbox', { name: '仍然公开的理由' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '仍然公开（需填写理由）' }))
    expect(screen.getByRole('textbox', { name: '仍然公开的理由' })).toBeTruthy()
  })

  it('refuses an empty, too short or non-Chinese reason with the shared schema’s message, sending nothing', () => {
    const onOverride = jest.fn()
    render(<Harness onOverride={onOverride} />)
    fireEvent.click(screen.getByRole('button', { name: '仍然公开（需填写理由）' }))
    fireEvent.click(screen.getByRole('button', { name: '确认仍然公开' }))
    expect(screen.getByText('请填写仍然公开的理由（至少 4 个字）')).toBeTruthy()

    fireEvent.change(screen.getByRole('textbox', { name: '仍然公开的理由' }), { target: { value: '同意公开' } })
    expect(screen.queryByText('请填写仍然公开的理由（至少 4 个字）')).toBeNull()
    fireEvent.change(screen.getByRole('textbox', { name: '仍然公开的理由' }), { target: { value: ' 同意 ' } })
    fireEvent.click(screen.getByRole('button', { name: '确认仍然公开' }))
    expect(screen.getByText('请填写仍然公开的理由（至少 4 个字）')).toBeTruthy()

    fireEvent.change(screen.getByRole('textbox', { name: '仍然公开的理由' }), { target: { value: 'author agreed' } })
    fireEvent.click(screen.getByRole('button', { name: '确认仍然公开' }))
    expect(screen.getByText('请用中文说明仍然公开的理由')).toBeTruthy()
    expect(onOverride).not.toHaveBeenCalled()
  })

  it('submits the trimmed reason as the override', () => {
    const onOverride = jest.fn()
    render(<Harness onOverride={onOverride} />)
    fireEvent.click(screen.getByRole('button', { name: '仍然公开（需填写理由）' }))
    fireEvent.change(screen.getByRole('textbox', { name: '仍然公开的理由' }), { target: { value: '  该号码为社区公开的值班电话  ' } })
    fireEvent.click(screen.getByRole('button', { name: '确认仍然公开' }))
    expect(onOverride).toHaveBeenCalledWith('该号码为社区公开的值班电话')
  })

  it('offers 隐去 per finding when the caller can mask it', () => {
    const onMask = jest.fn()
    render(<Harness onOverride={jest.fn()} onMask={onMask} />)
    fireEvent.click(screen.getByRole('button', { name: '隐去' }))
    expect(onMask).toHaveBeenCalledWith(phone)
  })
})

describe('usePersonalInfoOverride', () => {
  const refusal = new ApiError({ status: 422, code: 'PERSONAL_INFO_UNMASKED', message: '内容中仍有未隐去的个人信息', details: { spans: [phone] } })

  it('takes the spans of a PERSONAL_INFO_UNMASKED refusal only', () => {
    const { result, rerender } = renderHook(({ error }) => usePersonalInfoOverride(error, false), { initialProps: { error: null as ApiError | null } })
    expect(result.current.spans).toBeUndefined()
    rerender({ error: new ApiError({ status: 409, code: 'ALREADY_PUBLISHED', message: '已发布，不能重复发布' }) })
    expect(result.current.spans).toBeUndefined()
    rerender({ error: refusal })
    expect(result.current.spans).toEqual([phone])
  })

  it('keeps the refusal on screen while the override is being sent, and drops it once that succeeded', () => {
    const { result, rerender } = renderHook(({ error, running }) => usePersonalInfoOverride(error, running), {
      initialProps: { error: refusal as ApiError | null, running: false },
    })
    act(() => result.current.setReason('作者书面同意公开'))
    rerender({ error: null, running: true })
    expect(result.current.spans).toEqual([phone])
    expect(result.current.reason).toBe('作者书面同意公开')
    rerender({ error: null, running: false })
    expect(result.current.spans).toBeUndefined()
  })
})
