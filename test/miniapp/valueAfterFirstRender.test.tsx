// Taro H5's inputs get a changed value only once they have rendered their inner element; the mini-program passes it straight on.
import { act, render } from '@testing-library/react'
import { useValueAfterFirstRender } from '../../miniapp/src/components/FormField/valueAfterFirstRender'

/** Stands for taro-input-core: a host element whose inner <input> comes with its first render, later. */
function Host({ value }: { value: string }) {
  const input = useValueAfterFirstRender<HTMLDivElement>(value)
  return <div ref={input.ref} data-value={input.value} />
}

const host = () => document.querySelector<HTMLDivElement>('[data-value]')!

describe('a value handed to Taro’s input', () => {
  const env = process.env.TARO_ENV
  afterEach(() => {
    process.env.TARO_ENV = env
  })

  it('in H5 keeps the value the element was created with until its inner input is there, then the value of the moment', async () => {
    process.env.TARO_ENV = 'h5'
    const { rerender } = render(<Host value="" />)
    // A kept draft put in right after the form appears: the element has not rendered yet.
    rerender(<Host value="已保存的草稿" />)
    expect(host().dataset.value).toBe('')
    await act(async () => {
      host().appendChild(document.createElement('input'))
      await Promise.resolve()
    })
    expect(host().dataset.value).toBe('已保存的草稿')
    rerender(<Host value="继续输入" />)
    expect(host().dataset.value).toBe('继续输入')
  })

  it('in H5 hands every value on at once when the element had already rendered by the time the form settled', () => {
    process.env.TARO_ENV = 'h5'
    function Rendered({ value }: { value: string }) {
      const input = useValueAfterFirstRender<HTMLDivElement>(value)
      return (
        <div ref={input.ref} data-value={input.value}>
          <input readOnly />
        </div>
      )
    }
    const { rerender } = render(<Rendered value="" />)
    rerender(<Rendered value="张三" />)
    expect(host().dataset.value).toBe('张三')
  })

  it('in the mini-program passes every value straight on', () => {
    process.env.TARO_ENV = 'weapp'
    const { rerender } = render(<Host value="" />)
    rerender(<Host value="张三" />)
    expect(host().dataset.value).toBe('张三')
  })
})
