// The check-in window (the event day only) and the 网络直播 address rule, as both sides apply them.
import { checkInStatus, checkInWindow, LiveStreamUrlSchema, shanghaiTime } from '@gm/shared'

const startsAt = shanghaiTime(2026, 12, 20, 9, 30)
const endsAt = shanghaiTime(2026, 12, 20, 11, 30)
const at = (day: number, hour: number, minute = 0) => shanghaiTime(2026, 12, day, hour, minute)

describe('check-in window', () => {
  it.each([
    ['three days before', 'early', at(17, 9, 30)],
    ['the evening before', 'early', at(19, 20)],
    ['just before it opens (3 hours before the start)', 'early', at(20, 6, 29)],
    ['when it opens', 'open', at(20, 6, 30)],
    ['during the event', 'open', at(20, 10)],
    ['at the end', 'open', at(20, 11, 30)],
    ['after the end', 'closed', at(20, 11, 31)],
  ])('%s: %s', (_, expected, now) => {
    expect(checkInStatus(startsAt, endsAt, 3, now)).toBe(expected)
  })

  it('opens the configured hours before the start', () => {
    expect(checkInWindow(startsAt, endsAt, 0.5).opensAt).toEqual(at(20, 9))
    expect(checkInStatus(startsAt, endsAt, 0, at(20, 9, 29))).toBe('early')
  })
})

describe('网络直播 address', () => {
  it.each(['https://live.example.gov.cn/room/7', 'https://live.example.gov.cn:8443/a?b=c#d', 'https://v.qq.com'])('accepts %s', (url) => {
    expect(LiveStreamUrlSchema.safeParse(url).success).toBe(true)
  })
  it.each([
    ['http://live.example.gov.cn/1', '直播网址须以 https:// 开头'],
    ['javascript:alert(1)', '直播网址须以 https:// 开头'],
    ['https://localhost/1', '请填写有效的直播网址，如 https://live.example.gov.cn/123'],
    ['https://live example.cn', '请填写有效的直播网址，如 https://live.example.gov.cn/123'],
    ['https://user@evil.example.cn/', '请填写有效的直播网址，如 https://live.example.gov.cn/123'],
    ['https://live.example.cn/"><script>', '请填写有效的直播网址，如 https://live.example.gov.cn/123'],
  ])('refuses %s', (url, message) => {
    const parsed = LiveStreamUrlSchema.safeParse(url)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.message).toBe(message)
  })
})
