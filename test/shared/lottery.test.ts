import {
  ageBands,
  attendeeCategories,
  candidateListHash,
  canonicalCandidateList,
  DrawBodySchema,
  drawCommitment,
  drawLottery,
  DrawQuotasSchema,
  EventDraftBodySchema,
  JoinEventBodySchema,
  type LotteryCandidate,
  type LotteryQuota,
  quotaChoices,
  RedrawBodySchema,
  sha256Hex,
  utf8Bytes,
  verifyDraw,
} from '@gm/shared'
import { createHash } from 'node:crypto'

/** Node's own SHA-256: what anyone recomputes with `printf %s … | sha256sum` or `node -e`. */
const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

/** The algorithm as the public page states it, written again with node:crypto only. */
function independentDraw(secret: string, candidates: LotteryCandidate[], quotas: LotteryQuota[], seats: number): string[] {
  const list = JSON.stringify(
    candidates.map((c) => ({
      code: c.code,
      category: c.category,
      region: c.region ?? null,
      sector: c.sector ?? null,
      ageBand: c.ageBand ?? null,
      gender: c.gender ?? null,
    })),
  )
  const seed = nodeSha256(secret + nodeSha256(list))
  const order = candidates
    .map((c) => ({ c, key: nodeSha256(`${seed}|${c.code}`) }))
    .sort((a, b) => (a.key < b.key ? -1 : 1))
    .map((k) => k.c)
  const chosen: string[] = []
  for (const q of quotas) {
    let taken = 0
    for (const c of order) {
      if (chosen.length >= seats || taken >= q.seats) break
      if (!chosen.includes(c.code) && (c[q.field] ?? null) === q.value) {
        chosen.push(c.code)
        taken++
      }
    }
  }
  for (const c of order) if (chosen.length < seats && !chosen.includes(c.code)) chosen.push(c.code)
  return chosen
}

const SECRET = 'a'.repeat(64)
const vector: LotteryCandidate[] = [
  { code: 'R1001', category: 'PUBLIC', region: '东区', sector: null, ageBand: '60+', gender: '女' },
  { code: 'R1002', category: 'STAKEHOLDER', region: null, sector: '制造业', ageBand: '18-35', gender: '男' },
  { code: 'R1003', category: 'PUBLIC', region: '西区', sector: null, ageBand: null, gender: null },
]

const many: LotteryCandidate[] = Array.from({ length: 40 }, (_, i) => ({
  code: `R${2000 + i}`,
  category: i % 4 === 0 ? 'STAKEHOLDER' : 'PUBLIC',
  region: ['东区', '西区', '南区'][i % 3],
  sector: i % 5 === 0 ? '制造业' : '服务业',
  ageBand: i % 7 === 0 ? '60+' : '18-35',
  gender: i % 2 ? '男' : '女',
}))

describe('the lottery hash', () => {
  it('is standard SHA-256 over UTF-8, Chinese and astral characters included', () => {
    for (const text of ['', 'abc', '列席会议 抽签', '𠮷野家 😀', `${SECRET}|R1001`]) {
      expect(sha256Hex(text)).toBe(nodeSha256(text))
      expect(Buffer.from(utf8Bytes(text))).toEqual(Buffer.from(text, 'utf8'))
    }
  })

  it('matches a known vector anyone can recompute with node -e crypto.createHash("sha256")', () => {
    expect(drawCommitment(SECRET)).toBe('ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb')
    expect(candidateListHash(vector)).toBe('f3a31268b39c56e9e119dc11f37f088ed716cca7ba0fb28b07329137c2fc898b')
    const result = drawLottery({ secret: SECRET, candidates: vector, quotas: [], seats: 2 })
    expect(result.seed).toBe('2abb0cb54f33cfbfdfd5129cdaf8c0bfebb8bf50534f920bbd0fd8182782d154')
    // keys: R1001 313097…, R1002 866bbb…, R1003 ca2833…
    expect(result.selected).toEqual(['R1001', 'R1002'])
    expect(drawLottery({ secret: SECRET, candidates: vector, quotas: [{ field: 'region', value: '西区', seats: 1 }], seats: 2 }).selected).toEqual([
      'R1003',
      'R1001',
    ])
  })

  it('writes the candidate list canonically: fixed keys in a fixed order, missing attributes as null', () => {
    expect(canonicalCandidateList([{ gender: '男', code: 'R1', category: 'PUBLIC' } as LotteryCandidate])).toBe(
      '[{"code":"R1","category":"PUBLIC","region":null,"sector":null,"ageBand":null,"gender":"男"}]',
    )
  })
})

describe('drawLottery', () => {
  const quotas: LotteryQuota[] = [
    { field: 'category', value: 'STAKEHOLDER', seats: 3 },
    { field: 'sector', value: '制造业', seats: 2 },
    { field: 'ageBand', value: '60+', seats: 1 },
    { field: 'gender', value: '女', seats: 1 },
    { field: 'region', value: '南区', seats: 1 },
  ]

  it('is a pure function: the same inputs give the same result, recomputed independently with node:crypto', () => {
    const first = drawLottery({ secret: SECRET, candidates: many, quotas, seats: 10 })
    expect(drawLottery({ secret: SECRET, candidates: many.map((c) => ({ ...c })), quotas: quotas.map((q) => ({ ...q })), seats: 10 })).toEqual(first)
    expect(first.selected).toEqual(independentDraw(SECRET, many, quotas, 10))
    expect(new Set(first.selected).size).toBe(10)
  })

  it('fills every quota (行业 included) before the free seats', () => {
    const { selected } = drawLottery({ secret: SECRET, candidates: many, quotas, seats: 10 })
    const of = (code: string) => many.find((c) => c.code === code)!
    expect(selected.filter((code) => of(code).category === 'STAKEHOLDER').length).toBeGreaterThanOrEqual(3)
    expect(selected.filter((code) => of(code).sector === '制造业').length).toBeGreaterThanOrEqual(2)
    expect(selected.filter((code) => of(code).ageBand === '60+').length).toBeGreaterThanOrEqual(1)
  })

  it('changes with the secret and with the candidate list (order included), so neither alone decides it', () => {
    const base = drawLottery({ secret: SECRET, candidates: many, quotas: [], seats: 5 })
    expect(drawLottery({ secret: 'b'.repeat(64), candidates: many, quotas: [], seats: 5 }).selected).not.toEqual(base.selected)
    const reordered = drawLottery({ secret: SECRET, candidates: [...many].reverse(), quotas: [], seats: 5 })
    expect(reordered.listHash).not.toBe(base.listHash)
    expect(reordered.seed).not.toBe(base.seed)
  })

  it('never selects more than there are seats or candidates, and nobody when there are no seats', () => {
    expect(drawLottery({ secret: SECRET, candidates: vector, quotas: [{ field: 'category', value: 'PUBLIC', seats: 5 }], seats: 10 }).selected).toHaveLength(3)
    expect(drawLottery({ secret: SECRET, candidates: many, quotas, seats: 0 }).selected).toEqual([])
    expect(drawLottery({ secret: SECRET, candidates: [], quotas, seats: 3 }).selected).toEqual([])
  })
})

describe('verifyDraw', () => {
  const result = drawLottery({ secret: SECRET, candidates: many, quotas: [{ field: 'region', value: '东区', seats: 2 }], seats: 6 })
  const announced: LotteryQuota[] = [{ field: 'region', value: '东区', seats: 2 }]
  const published = { ...result, secret: SECRET, candidates: many, quotas: announced, announcedQuotas: announced, seats: 6 }

  it('confirms a draw recomputed from its published inputs', () => {
    expect(verifyDraw(published)).toEqual({ commitment: true, listHash: true, quotas: true, seed: true, selected: true, ok: true })
  })

  it('fails a draw whose quotas are not the ones announced before signups opened, even when it recomputes', () => {
    // Quotas chosen after seeing the list: the round is internally consistent, but not what was announced.
    const steered: LotteryQuota[] = [{ field: 'region', value: '西区', seats: 2 }]
    const redone = drawLottery({ secret: SECRET, candidates: many, quotas: steered, seats: 6 })
    const check = verifyDraw({ ...redone, secret: SECRET, candidates: many, quotas: steered, announcedQuotas: announced, seats: 6 })
    expect(check).toMatchObject({ commitment: true, listHash: true, seed: true, selected: true, quotas: false, ok: false })
    // Order matters (quotas are filled in order), and so do the seats.
    const two: LotteryQuota[] = [...announced, { field: 'gender', value: '女', seats: 1 }]
    const run = drawLottery({ secret: SECRET, candidates: many, quotas: two, seats: 6 })
    expect(verifyDraw({ ...run, secret: SECRET, candidates: many, quotas: two, announcedQuotas: [...two].reverse(), seats: 6 }).quotas).toBe(false)
    expect(verifyDraw({ ...published, announcedQuotas: [{ ...announced[0]!, seats: 3 }] }).quotas).toBe(false)
  })

  it('detects a secret that does not match the commitment, an edited list, or an altered result', () => {
    expect(verifyDraw({ ...published, secret: 'c'.repeat(64) })).toMatchObject({ commitment: false, ok: false })
    expect(verifyDraw({ ...published, candidates: many.slice(1) })).toMatchObject({ listHash: false, ok: false })
    expect(verifyDraw({ ...published, selected: [...published.selected].reverse() })).toMatchObject({ selected: false, ok: false })
    expect(verifyDraw({ ...published, selected: [many[0]!.code, ...published.selected.slice(1)] }).ok).toBe(false)
  })
})

describe('quotas fixed on the event', () => {
  it('offers for 类别 / 年龄段 / 性别 exactly the values the signup form accepts', () => {
    expect(quotaChoices.category).toEqual([...attendeeCategories])
    expect(quotaChoices.ageBand).toEqual([...ageBands])
    expect(quotaChoices.gender).toEqual(JoinEventBodySchema.shape.gender.unwrap().options)
  })

  it('refuses a value nobody can sign up with, the same condition twice, and more than 20', () => {
    expect(
      DrawQuotasSchema.safeParse([
        { field: 'region', value: '东区', seats: 2 },
        { field: 'ageBand', value: '60+', seats: 1 },
        { field: 'gender', value: '女', seats: 1 },
        { field: 'sector', value: '制造业', seats: 1 },
      ]).success,
    ).toBe(true)
    const typo = DrawQuotasSchema.safeParse([{ field: 'ageBand', value: '60岁以上', seats: 1 }])
    expect(typo.error?.issues[0]).toMatchObject({ path: [0, 'value'], message: '年龄段只能是：18-35、36-59、60+' })
    const twice = DrawQuotasSchema.safeParse([
      { field: 'region', value: '东区', seats: 1 },
      { field: 'region', value: '东区', seats: 2 },
    ])
    expect(twice.error?.issues[0]).toMatchObject({ path: [1, 'value'], message: '同一条件的配额只能设一项' })
    expect(DrawQuotasSchema.safeParse(Array.from({ length: 21 }, (_, i) => ({ field: 'region', value: `区${i}`, seats: 1 }))).success).toBe(false)
  })

  it('belong to lottery events only, each within the seats the lottery fills', () => {
    const event = {
      kind: 'MEETING_ATTENDANCE',
      title: '公众代表列席主任办公会',
      description: '审议老旧小区改造方案',
      place: '管委会 3 楼',
      departmentId: 1,
      startsAt: '2026-12-20T01:30:00.000Z',
      endsAt: '2026-12-20T03:30:00.000Z',
      signupOpensAt: '2026-12-10T00:00:00.000Z',
      signupClosesAt: '2026-12-15T00:00:00.000Z',
      capacity: 5,
      reservedSeats: 1,
      selectionMode: 'LOTTERY',
      drawQuotas: [{ field: 'region', value: '东区', seats: 4 }],
    }
    expect(EventDraftBodySchema.safeParse(event).success).toBe(true)
    expect(EventDraftBodySchema.safeParse({ ...event, drawQuotas: [{ field: 'region', value: '东区', seats: 5 }] }).error?.issues[0]).toMatchObject({
      path: ['drawQuotas', 0, 'seats'],
    })
    expect(EventDraftBodySchema.safeParse({ ...event, selectionMode: 'FIRST_COME' }).error?.issues[0]).toMatchObject({
      path: ['drawQuotas'],
      message: '只有公开抽签的活动可以设置分层配额',
    })
    expect(EventDraftBodySchema.parse({ ...event, drawQuotas: undefined }).drawQuotas).toEqual([])
  })

  it('cannot be named at the draw or the redraw', () => {
    const listHash = 'a'.repeat(64)
    expect(DrawBodySchema.safeParse({ listHash }).success).toBe(true)
    for (const schema of [DrawBodySchema, RedrawBodySchema]) {
      for (const quotas of [[{ field: 'region', value: '东区', seats: 1 }], []]) {
        const refused = schema.safeParse({ listHash, reason: '见证人要求复核', quotas })
        expect(refused.error?.issues[0]).toMatchObject({ path: ['quotas'], message: '抽签只使用活动在报名开始前公布的配额，不能在抽签时指定配额' })
      }
    }
  })
})
