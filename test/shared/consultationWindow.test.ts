import {
  consultationStatus,
  currentStage,
  daysLeft,
  formatShanghaiDateTime,
  isMajorConsultation,
  needsShortWindowReason,
  publishWindowProblem,
  seatsLeft,
  shanghaiTime,
  windowChangeKind,
  windowChangeProblem,
  windowStatus,
} from '@gm/shared'

// A window that opens 2026-12-01 09:00 and closes 2026-12-31 00:00, Shanghai time.
const opensAt = shanghaiTime(2026, 12, 1, 9, 0)
const closesAt = shanghaiTime(2026, 12, 31, 0, 0)
const minute = 60_000

describe('consultation window in Asia/Shanghai', () => {
  it.each([
    ['a minute before opening', opensAt.getTime() - minute, 'upcoming'],
    ['the first minute', opensAt.getTime(), 'open'],
    ['the last minute', closesAt.getTime() - minute, 'open'],
    ['the closing instant', closesAt.getTime(), 'closed'],
    ['after closing', closesAt.getTime() + minute, 'closed'],
  ] as const)('is %s → %s', (_, now, expected) => {
    expect(consultationStatus(opensAt, closesAt, now)).toBe(expected)
  })

  it('reads Shanghai wall-clock time, not UTC', () => {
    expect(opensAt.toISOString()).toBe('2026-12-01T01:00:00.000Z')
    expect(formatShanghaiDateTime(opensAt)).toBe('2026-12-01 09:00')
    // 23:30 UTC on Nov 30 is already Dec 1 in Shanghai.
    expect(formatShanghaiDateTime('2026-11-30T23:30:00Z')).toBe('2026-12-01 07:30')
  })

  it('accepts ISO strings as they travel on the wire', () => {
    expect(windowStatus(opensAt.toISOString(), closesAt.toISOString(), opensAt.getTime() + minute)).toBe('open')
  })

  it('counts down whole days while open and nothing otherwise', () => {
    expect(daysLeft(opensAt, closesAt, closesAt.getTime() - minute)).toBe(1)
    expect(daysLeft(opensAt, closesAt, opensAt)).toBe(30)
    expect(daysLeft(opensAt, closesAt, closesAt)).toBe(0)
    expect(daysLeft(opensAt, closesAt, opensAt.getTime() - minute)).toBe(0)
  })

  it('requires a reason for a major decision consulted on for less than 30 days', () => {
    const thirtyDays = new Date(opensAt.getTime() + 30 * 86_400_000)
    expect(needsShortWindowReason(true, opensAt, thirtyDays)).toBe(false)
    expect(needsShortWindowReason(true, opensAt, thirtyDays.getTime() - minute)).toBe(true)
    expect(needsShortWindowReason(false, opensAt, opensAt.getTime() + 86_400_000)).toBe(false)
  })
})

describe('seats', () => {
  it('keeps reserved seats out of public signup and never goes negative', () => {
    expect(seatsLeft(40, 5, 0)).toBe(35)
    expect(seatsLeft(40, 5, 35)).toBe(0)
    expect(seatsLeft(10, 12, 0)).toBe(0)
  })
})

describe('decision stages', () => {
  const stages = [
    { kind: 'CONSULTATION' as const, startsAt: '2026-12-01T00:00:00Z' },
    { kind: 'DRAFT_PUBLISHED' as const, startsAt: '2026-11-20T00:00:00Z' },
    { kind: 'MEETING_REVIEW' as const, startsAt: null },
  ]
  it('is the latest stage in the legal order that has started', () => {
    expect(currentStage(stages, '2026-11-19T00:00:00Z')).toBeNull()
    expect(currentStage(stages, '2026-11-25T00:00:00Z')).toBe('DRAFT_PUBLISHED')
    expect(currentStage(stages, '2026-12-05T00:00:00Z')).toBe('CONSULTATION')
  })
})

describe('the 30-day rule follows the decision catalog', () => {
  const day = 86_400_000
  const base = { opensAt, shortWindowReason: null as string | null }
  it.each([
    [
      'linked to a catalog decision, 20 days, no reason',
      { decisionId: 7, isMajorDecision: false, closesAt: opensAt.getTime() + 20 * day },
      'SHORT_WINDOW_REASON_REQUIRED',
    ],
    [
      'linked to a catalog decision, 20 days, with a reason',
      { decisionId: 7, isMajorDecision: false, closesAt: opensAt.getTime() + 20 * day, shortWindowReason: '衔接市级条例，经主任办公会同意' },
      null,
    ],
    [
      'linked to a catalog decision, 20 days, a blank reason',
      { decisionId: 7, isMajorDecision: false, closesAt: opensAt.getTime() + 20 * day, shortWindowReason: '   ' },
      'SHORT_WINDOW_REASON_REQUIRED',
    ],
    ['linked to a catalog decision, exactly 30 days', { decisionId: 7, isMajorDecision: false, closesAt: opensAt.getTime() + 30 * day }, null],
    [
      'linked to a catalog decision, a minute short of 30 days',
      { decisionId: 7, isMajorDecision: false, closesAt: opensAt.getTime() + 30 * day - minute },
      'SHORT_WINDOW_REASON_REQUIRED',
    ],
    [
      'declared major without a catalog link, 10 days',
      { decisionId: null, isMajorDecision: true, closesAt: opensAt.getTime() + 10 * day },
      'SHORT_WINDOW_REASON_REQUIRED',
    ],
    ['neither linked nor declared major, 10 days', { decisionId: null, isMajorDecision: false, closesAt: opensAt.getTime() + 10 * day }, null],
  ] as const)('%s → %s', (_, input, expected) => {
    expect(publishWindowProblem({ ...base, ...input })).toBe(expected)
  })

  it('treats a catalog link as major whatever the checkbox says', () => {
    expect(isMajorConsultation(7, false)).toBe(true)
    expect(isMajorConsultation(null, false)).toBe(false)
    expect(isMajorConsultation(undefined, true)).toBe(true)
  })

  it.each([
    ['closing a day early without a reason', closesAt.getTime() - day, '', 'CLOSED_EARLY', 'SHORT_WINDOW_REASON_REQUIRED'],
    ['closing a minute early with only spaces', closesAt.getTime() - minute, '  ', 'CLOSED_EARLY', 'SHORT_WINDOW_REASON_REQUIRED'],
    ['closing early with a reason', closesAt.getTime() - day, '上位法已修订，草案需重新起草', 'CLOSED_EARLY', null],
    ['extending without a reason (the API still asks one)', closesAt.getTime() + day, undefined, 'EXTENDED', null],
    ['the same end date', closesAt.getTime(), undefined, null, null],
  ] as const)('a later change: %s', (_, next, reason, kind, problem) => {
    expect(windowChangeKind(closesAt, next)).toBe(kind)
    expect(windowChangeProblem(closesAt, next, reason)).toBe(problem)
  })
})
