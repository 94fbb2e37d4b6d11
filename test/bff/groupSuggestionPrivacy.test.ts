// 集中意见 suggestions ignore personal words: two unrelated opinions that share a name, a phone number or an address are not suggested as one group.
import { suggestGroups } from '../../bff/src/search/similarity'
import { withoutPersonalWords } from '../../bff/src/services/opinionGroups'

/** Two unrelated requests from one person, signed with the same name, mobile and address. */
const SIGNED = '联系人张建国，电话13812345678，住址高新区创业路88号3栋2单元501室'
const opinions = [
  { id: 1, rawText: `建议在小区门口增设公交站台。${SIGNED}`, publishedText: null },
  { id: 2, rawText: `学校周边的夜市油烟太重，请加强管理。${SIGNED}`, publishedText: null },
  // Published with staff masks: what is left of the masked words must not count either.
  { id: 3, rawText: '图书馆周末开放时间太短，希望延长。王秀英 139 8765 4321', publishedText: '图书馆周末开放时间太短，希望延长。王** 139****4321' },
  { id: 4, rawText: '菜市场地面湿滑，老人容易摔倒。王秀英 139 8765 4321', publishedText: '菜市场地面湿滑，老人容易摔倒。王** 139****4321' },
]

describe('group suggestions and personal words', () => {
  it('would group the signed opinions on their personal words alone (the case this guards against)', () => {
    const raw = suggestGroups(opinions.map((o) => ({ id: o.id, text: o.publishedText ?? o.rawText })))
    expect(raw.some((g) => g.ids.includes(1) && g.ids.includes(2))).toBe(true)
  })

  it('cuts names, phone numbers, addresses and masked words out of the text compared', () => {
    const text = withoutPersonalWords(opinions[0]!.rawText, null)
    expect(text).toContain('建议在小区门口增设公交站台')
    expect(text).not.toMatch(/13812345678|张建国|创业路88号/)
    expect(withoutPersonalWords(opinions[2]!.rawText, opinions[2]!.publishedText)).not.toMatch(/王|\*|4321/)
  })

  it('suggests no group of unrelated opinions that share only personal words', () => {
    const groups = suggestGroups(opinions.map((o) => ({ id: o.id, text: withoutPersonalWords(o.rawText, o.publishedText) })))
    expect(groups).toEqual([])
  })
})
