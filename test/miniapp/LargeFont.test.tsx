// 大字模式: the switch on 我的 scales every open page (the app passes the preference down) and is remembered.
import { fireEvent, render, screen } from '@testing-library/react'
import App from '../../miniapp/src/app'
import { PageShell } from '../../miniapp/src/components/PageShell'
import { LARGE_FONT_STORAGE_KEY } from '../../miniapp/src/hooks'
import MinePage from '../../miniapp/src/pages/mine/index'
import { overview, respond } from './fixtures'
import Taro from './taroMock'

const largePages = () => document.querySelectorAll('.gm-page.gm-page--large')

describe('大字模式', () => {
  it('scales the page, stores the choice and tells other open pages when switched on', async () => {
    respond(200, overview)
    render(
      <App>
        <MinePage />
        <PageShell className="another-tab-page" />
      </App>,
    )
    await screen.findByText('已收到意见')
    const toggle = screen.getByRole('switch', { name: '大字模式' })
    expect(toggle.getAttribute('aria-checked')).toBe('false')
    expect(largePages()).toHaveLength(0)

    fireEvent.click(toggle)

    expect(toggle.getAttribute('aria-checked')).toBe('true')
    expect(screen.getByText('已开启')).toBeTruthy()
    expect(largePages()).toHaveLength(2)
    expect(Taro.setStorageSync).toHaveBeenCalledWith(LARGE_FONT_STORAGE_KEY, true)
  })

  it('switches back off', async () => {
    Taro.setStorageSync(LARGE_FONT_STORAGE_KEY, true)
    respond(200, overview)
    render(
      <App>
        <MinePage />
      </App>,
    )
    await screen.findByText('已收到意见')
    expect(largePages()).toHaveLength(1)

    fireEvent.click(screen.getByRole('switch', { name: '大字模式' }))

    expect(largePages()).toHaveLength(0)
    expect(Taro.getStorageSync(LARGE_FONT_STORAGE_KEY)).toBe(false)
  })

  it('starts in large mode when the choice was stored earlier', () => {
    Taro.setStorageSync(LARGE_FONT_STORAGE_KEY, true)

    render(
      <App>
        <PageShell />
      </App>,
    )

    expect(largePages()).toHaveLength(1)
  })
})

describe('我的 page', () => {
  it('shows the headline figures and the privacy section', async () => {
    respond(200, overview)
    render(<MinePage />)

    expect(await screen.findByText('已收到意见')).toBeTruthy()
    expect(document.querySelector('.gm-overview')?.textContent).toContain('128')
    expect(screen.getByText('隐私说明')).toBeTruthy()
    expect(screen.getByText('决策事项目录')).toBeTruthy()
  })

  it('opens the decision catalog', async () => {
    respond(200, overview)
    render(<MinePage />)
    await screen.findByText('已收到意见')

    fireEvent.click(screen.getByText('决策事项目录'))

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/decision/pages/list/index' })
  })
})
