import { buildIndex, segment, similarity, suggestGroups } from '../../bff/src/search/similarity'

/** Opinions on 《老旧小区改造和加装电梯补贴办法（征求意见稿）》. */
const opinions = [
  // Elevator subsidies should favour elderly residents, in different words.
  { id: 1, text: '建议加装电梯补贴向老年人倾斜，七十岁以上老人家庭应多补一些。' },
  { id: 2, text: '电梯补贴应优先考虑家里有高龄老人的住户，老人上下楼太难了。' },
  { id: 3, text: '希望政府对有老人的家庭提高加装电梯的补贴比例。' },
  { id: 4, text: '老旧小区加装电梯，补贴要照顾独居老人和行动不便的老年人。' },
  { id: 5, text: '家里老人八十多了住六楼，恳请加装电梯补贴优先给有老年人的楼栋。' },
  // Night construction noise.
  { id: 6, text: '夜间施工噪音太大，晚上十点以后还在打桩，严重影响休息。' },
  { id: 7, text: '工地晚上施工太吵了，噪音扰民，请禁止夜间施工。' },
  { id: 8, text: '建议规定22点以后不得施工，夜间施工噪音让孩子无法入睡。' },
  { id: 9, text: '改造工程半夜还在施工，噪音很大，希望限制夜间施工时间。' },
  // Ground-floor residents should pay less towards the elevator.
  { id: 10, text: '一楼住户不用电梯，却要分摊加装电梯费用，不公平，建议一楼免于出资。' },
  { id: 11, text: '低楼层住户对加装电梯受益小，出资比例应该降低，一楼二楼不应承担费用。' },
  { id: 12, text: '一楼二楼的住户基本不用电梯，分摊费用的比例要合理，低楼层少出或不出。' },
  // Parking.
  { id: 13, text: '改造后停车位太少，建议利用边角空地增加停车位。' },
  { id: 14, text: '小区停车难，希望改造时统筹规划停车位，增加充电桩。' },
  // Unrelated single opinions.
  { id: 15, text: '小区门口的公交站台太远，建议增设一个站点。' },
  { id: 16, text: '草案第十二条的表述不够清楚，“相关费用”指哪些费用？' },
  { id: 17, text: '支持这个方案，希望尽快实施。' },
  { id: 18, text: '垃圾分类投放点设在楼下，夏天气味很大，希望挪远一点。' },
  { id: 19, text: '希望改造时把小区的绿化也提升一下，多种些树。' },
  { id: 20, text: '外墙保温层脱落存在安全隐患，改造时请一并处理。' },
  { id: 21, text: '电梯建成后的维护保养费用由谁承担，办法里没有写清楚。' },
  { id: 22, text: '老年人活动中心面积太小，建议扩建。' },
]

describe('segment', () => {
  it('normalises width and case, keeps Latin words and numbers whole, and splits CJK into bigrams', () => {
    expect(segment('ＰＭ２.５超标，WiFi信号差')).toEqual(['pm2', '5', '超标', 'wifi', '信号', '号差'])
  })

  it('cuts out requests, the addressee and function words before making bigrams', () => {
    expect(segment('我希望政府尽快加装电梯！')).toEqual(['加装', '装电', '电梯'])
    // Without a dictionary some bigrams straddle two words (人倾); IDF keeps them from mattering much.
    expect(segment('补贴向老年人倾斜')).toEqual(['补贴', '老年', '年人', '人倾', '倾斜'])
  })

  it('keeps meaningful words that contain a function character', () => {
    expect(segment('申请补贴的时间太短了')).toEqual(['申请', '请补', '补贴', '时间', '短'])
    expect(segment('强烈反对')).toEqual(['强烈', '烈反', '反对'])
  })

  it('gives a one-character piece as a unigram and nothing for stop words or punctuation alone', () => {
    expect(segment('灯')).toEqual(['灯'])
    expect(segment('的了吗？！')).toEqual([])
    expect(segment('')).toEqual([])
  })
})

describe('similarity', () => {
  it('is 1 for the same request worded with different courtesies', () => {
    expect(similarity('希望加装电梯', '建议加装电梯！')).toBeCloseTo(1, 10)
  })

  it('is symmetric, within [0, 1], and higher for paraphrases than for unrelated opinions', () => {
    const a = opinions[0]!.text
    const paraphrase = opinions[2]!.text
    const unrelated = opinions[5]!.text
    expect(similarity(a, paraphrase)).toBe(similarity(paraphrase, a))
    expect(similarity(a, paraphrase)).toBeGreaterThan(0.2)
    expect(similarity(a, unrelated)).toBe(0)
  })

  it('is 0 for texts with nothing meaningful in them', () => {
    expect(similarity('', '')).toBe(0)
    expect(similarity('的', '的')).toBe(0)
  })
})

describe('buildIndex', () => {
  const index = buildIndex(opinions.map((o) => o.text))

  it('weighs tokens most opinions share below rare ones', () => {
    expect(index.idf('电梯')).toBeLessThan(index.idf('打桩'))
    expect(index.idf('不存在的词')).toBe(0)
  })

  it('scores a text 1 against itself and stays within [0, 1]', () => {
    expect(index.similarity(0, 0)).toBeCloseTo(1, 10)
    for (let i = 0; i < index.size; i++) {
      for (let j = 0; j < index.size; j++) {
        const s = index.similarity(i, j)
        expect(s).toBeGreaterThanOrEqual(0)
        expect(s).toBeLessThanOrEqual(1)
      }
    }
  })

  it('rejects an index outside the texts', () => {
    expect(() => index.similarity(0, opinions.length)).toThrow(RangeError)
  })
})

describe('suggestGroups', () => {
  it('groups the same requests in different words and leaves unrelated opinions alone', () => {
    const groups = suggestGroups(opinions)
    expect(groups.map((g) => g.ids)).toEqual([
      [1, 2, 3, 4, 5],
      [6, 7, 8, 9],
      [10, 11, 12],
      [13, 14],
    ])
    const [elderly, noise, groundFloor, parking] = groups
    expect(elderly!.keywords).toEqual(expect.arrayContaining(['老人', '加装电梯补贴']))
    expect(noise!.keywords).toContain('夜间施工噪音')
    expect(groundFloor!.keywords).toEqual(expect.arrayContaining(['一楼二楼', '低楼层']))
    expect(parking!.keywords).toContain('停车位')
  })

  it('scores a group with the mean similarity of its member pairs', () => {
    const index = buildIndex(opinions.map((o) => o.text))
    const [elderly] = suggestGroups(opinions)
    const members = elderly!.ids.map((id) => id - 1) // ids are positions + 1 here
    let sum = 0
    let pairs = 0
    for (let a = 0; a < members.length; a++) {
      for (let b = a + 1; b < members.length; b++) {
        sum += index.similarity(members[a]!, members[b]!)
        pairs++
      }
    }
    expect(elderly!.score).toBeCloseTo(sum / pairs, 10)
  })

  it('does not depend on the order of the items', () => {
    const shuffled = opinions.slice().reverse()
    shuffled.push(...shuffled.splice(3, 5))
    expect(suggestGroups(shuffled)).toEqual(suggestGroups(opinions))
  })

  it('respects minSize and threshold', () => {
    expect(suggestGroups(opinions, { minSize: 3 }).map((g) => g.ids.length)).toEqual([5, 4, 3])
    expect(suggestGroups(opinions, { threshold: 0.9 })).toEqual([])
  })

  it('does not chain unrelated opinions through one that mentions both topics', () => {
    const chain = [
      { id: 1, text: '夜间施工噪音扰民，影响休息。' },
      { id: 2, text: '夜间施工噪音扰民，另外小区停车位不足。' },
      { id: 3, text: '小区停车位不足，充电桩也太少。' },
      { id: 4, text: '充电桩太少，电动车只能飞线充电。' },
    ]
    // 1~2 and 2~3 and 3~4 are each above the threshold, but 1 and 3 share nothing.
    expect(suggestGroups(chain).map((g) => g.ids)).toEqual([
      [1, 2],
      [3, 4],
    ])
  })

  it('groups identical copies of a campaign text, and never empty texts', () => {
    const campaign = '坚决反对在居民区旁边建设垃圾中转站！'
    const items = [...[31, 32, 33].map((id) => ({ id, text: campaign })), { id: 34, text: '' }, { id: 35, text: '！！！' }, { id: 36, text: '支持这个方案。' }]
    const groups = suggestGroups(items)
    expect(groups.map((g) => g.ids)).toEqual([[31, 32, 33]])
    expect(groups[0]!.score).toBeCloseTo(1, 10)
  })

  it('gives the same groups with the sparse clustering used for very large components', () => {
    // Many paraphrase-like variants, so components are large and merges many.
    const fragments = ['公园晚上没有路灯', '河道有异味', '雨天小区门口积水', '快递柜收费不合理', '电动车充电桩不够', '楼道堆放杂物']
    const items = [...opinions]
    let id = 100
    for (const base of opinions.slice(0, 14)) {
      for (const extra of fragments) items.push({ id: id++, text: `${base.text}${extra}` })
    }
    expect(suggestGroups(items, { maxDenseComponent: 0 })).toEqual(suggestGroups(items))
    expect(suggestGroups(opinions, { maxDenseComponent: 0 })).toEqual(suggestGroups(opinions))
  })

  it('returns nothing for no items or a single one', () => {
    expect(suggestGroups([])).toEqual([])
    expect(suggestGroups([opinions[0]!])).toEqual([])
  })
})
