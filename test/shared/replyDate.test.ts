// 答复日期 cannot precede the day the opinion was received, read in Asia/Shanghai.
import { replyPrecedesReceipt, shanghaiTime } from '@gm/shared'

describe('a reply date and the day the opinion was received (Asia/Shanghai)', () => {
  const receivedLate = shanghaiTime(2026, 12, 3, 23, 50) // 15:50 UTC on Dec 3
  const receivedEarly = shanghaiTime(2026, 12, 4, 0, 10) // 16:10 UTC on Dec 3, already Dec 4 in Shanghai
  it.each([
    ['the day before receipt', '2026-12-02', receivedLate, true],
    ['the day of receipt (late evening)', '2026-12-03', receivedLate, false],
    ['the day after receipt', '2026-12-04', receivedLate, false],
    ['the UTC date of a receipt just after Shanghai midnight', '2026-12-03', receivedEarly, true],
    ['the Shanghai date of that receipt', '2026-12-04', receivedEarly, false],
    ['a year earlier', '2025-12-31', receivedLate, true],
    ['an ISO string receipt, same day', '2026-12-03', receivedLate.toISOString(), false],
  ] as const)('%s (%s) → precedes: %s', (_, repliedOn, receivedAt, expected) => {
    expect(replyPrecedesReceipt(repliedOn, receivedAt)).toBe(expected)
  })
})
