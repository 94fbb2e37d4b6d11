// The Q&A ranking's parts on small libraries: the segmenter and its dictionary, question-to-question similarity, nested colloquial terms, the policy field.
import { SearchIndex, type IndexDoc } from '../../bff/src/search/engine'
import { addDictionaryWords, wordSpans } from '../../bff/src/search/segmenter'
import { BUILT_IN_SYNONYMS, SynonymTable } from '../../bff/src/search/synonyms'

const table = SynonymTable.from(BUILT_IN_SYNONYMS)
const words = (text: string) => wordSpans(text).map((w) => ({ word: text.slice(w.start, w.end), function: w.function }))
const ranked = (docs: IndexDoc[], query: string) => new SearchIndex(docs, table).search(query, { limit: 10 }).hits.map((h) => h.id)

describe('the segmenter', () => {
  it('knows the words of public services and marks function words', () => {
    const found = words('车一直在外地用年审怎么办')
    expect(found).toContainEqual({ word: '年审', function: false })
    expect(found).toContainEqual({ word: '外地', function: false })
    expect(found).toContainEqual({ word: '一直', function: true })
  })

  it('takes a term staff add to the colloquial dictionary as one word', () => {
    const text = '彩虹补贴卡怎么领'
    expect(words(text).map((w) => w.word)).not.toContain('彩虹补贴卡')
    expect(addDictionaryWords(['彩虹补贴卡', '彩虹补贴卡'])).toBe(1)
    expect(words(text).map((w) => w.word)).toContain('彩虹补贴卡')
  })
})

describe('the colloquial dictionary', () => {
  it('does not expand a term inside a longer term the citizen wrote (丢了工作 is 失业, not 丢失)', () => {
    const phrases = table.expand('丢了工作怎么领钱').map((e) => e.phrase)
    expect(phrases).toContain('失业')
    expect(phrases).not.toContain('丢失')
    // 丢了 alone still means lost.
    expect(table.expand('身份证丢了').map((e) => e.phrase)).toContain('丢失')
  })
})

/** Items of other subjects, so that words have their weight. */
const others: IndexDoc[] = ['如何申领居住证？', '驾驶证到期如何换证？', '怎么办理养犬登记？', '退休金怎么领？', '如何补办社保卡？', '怎样预约结婚登记？'].map(
  (question, i) => ({ id: 100 + i, question, answer: '请到政务服务中心办理。', topic: '综合' }),
)

describe('ranking', () => {
  it('prefers the item whose question asks what the citizen asked over one asking about more', () => {
    const docs: IndexDoc[] = [
      ...others,
      {
        id: 1,
        question: '社保卡丢了补办社保卡期间，医保电子凭证能用吗？',
        answer: '社保卡丢了要先挂失再补办社保卡。社保卡丢了补办期间，看病可以使用医保电子凭证；补办社保卡完成后换回社保卡。',
        topic: '医保局',
      },
    ]
    // Item 1 says 补办社保卡 more often; the question of 如何补办社保卡？ is all the citizen asked.
    expect(ranked(docs, '补办社保卡').slice(0, 2)).toEqual([104, 1])
  })

  it('counts the linked policy title, below the question', () => {
    const base = { question: '如何办理销户？', answer: '携带身份证到服务网点办理。', topic: '综合' }
    const docs: IndexDoc[] = [...others, { id: 1, ...base }, { id: 2, ...base, policy: '北京市住房公积金管理条例' }]
    expect(ranked(docs, '公积金销户')[0]).toBe(2)
    // A word in the question still outweighs the same word in a policy title.
    const withQuestion: IndexDoc[] = [...docs, { id: 3, question: '公积金账户如何办理销户？', answer: '到服务网点办理。', topic: '综合' }]
    expect(ranked(withQuestion, '公积金销户')[0]).toBe(3)
  })
})
