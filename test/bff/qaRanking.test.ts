// The Q&A ranking's parts on small libraries: the segmenter and its dictionary, question-to-question similarity, nested colloquial terms, the policy field.
import { numeralValue, tokenize } from '../../bff/src/search/analyzer'
import { SearchIndex, type IndexDoc } from '../../bff/src/search/engine'
import { questionClauseStart } from '../../bff/src/search/query'
import { intentsOf } from '../../bff/src/search/intent'
import { addDictionaryWords, wordSpans } from '../../bff/src/search/segmenter'
import { BUILT_IN_SYNONYMS, SynonymTable } from '../../bff/src/search/synonyms'

const table = SynonymTable.from(BUILT_IN_SYNONYMS)
const phrases = (query: string) => table.expand(query).map((e) => e.phrase)
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

/** A small library: the items of other subjects plus the given ones. */
const library = (...items: IndexDoc[]): IndexDoc[] => [...others, ...items]
const item = (id: number, question: string, answer: string, topic: string): IndexDoc => ({ id, question, answer, topic })

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

describe('what a question asks for', () => {
  it('reads the kind of answer from different wordings', () => {
    expect(intentsOf('办居住证要带啥') & intentsOf('申领居住证需要提交哪些材料？')).not.toBe(0)
    expect(intentsOf('啥条件能办公积金贷款') & intentsOf('申请公积金贷款应符合哪些条件？')).not.toBe(0)
    expect(intentsOf('考从业资格证的步骤') & intentsOf('办理从业资格证的流程?')).not.toBe(0)
    expect(intentsOf('居住证多久能办好') & intentsOf('居住证办理时限是多少？')).not.toBe(0)
    expect(intentsOf('兑奖大厅几点上班') & intentsOf('兑奖大厅业务受理时间是什么？')).not.toBe(0)
    expect(intentsOf('规划意见书里都有啥') & intentsOf('规划意见书的主要内容都包括哪些？')).not.toBe(0)
    expect(intentsOf('芦城体校哪年建的') & intentsOf('芦城体校是什么时候成立的？')).not.toBe(0)
    expect(intentsOf('公租房')).toBe(0)
  })

  it('prefers the item asking for the same kind of answer, in other words than the query', () => {
    const docs = library(
      item(1, '居住证申领时限？', '材料齐全的，十五个工作日内办结。', '公安局'),
      item(2, '居住证申领需要提交哪些材料？', '身份证、住所证明和照片。', '公安局'),
      item(3, '公租房申请流程？', '网上申请，街道初审，区里复审。', '住建委'),
      item(4, '公租房申请条件？', '本市户籍，收入和住房符合标准。', '住建委'),
    )
    expect(ranked(docs, '办居住证要带啥')[0]).toBe(2)
    expect(ranked(docs, '公租房谁能申请')[0]).toBe(4)
    // The ninth kind (contents) needs more than 8 bits per item.
    const more = library(
      item(5, '如何区分规划意见书的办理归属？', '按项目所在区划分。', '规自委'),
      item(6, '规划意见书的主要内容包括哪些？', '用地性质、规模和要求。', '规自委'),
    )
    expect(ranked(more, '规划意见书里都有啥')[0]).toBe(6)
  })
})

describe('letters glued to a number', () => {
  it('are also their parts when each has two characters or more (12123app), not otherwise (c1, pm2, n95)', () => {
    const texts = (text: string) => tokenize(text).map((t) => t.text)
    expect(texts('交管12123APP')).toEqual(expect.arrayContaining(['12123app', '12123', 'app']))
    expect(texts('C1驾驶证')).toContain('c1')
    expect(texts('C1驾驶证')).not.toContain('c')
    expect(texts('PM2.5')).not.toContain('pm')
    expect(texts('N95口罩')).not.toContain('95')
  })

  it('so the number alone finds the item', () => {
    const docs = library(
      item(1, '忘记密码，怎么办？', '点击找回密码。', '综合'),
      item(2, '登录“交管12123APP”时忘记密码怎么办？', '在登录页点击忘记密码。', '交管局'),
    )
    expect(ranked(docs, '12123密码忘了')[0]).toBe(2)
  })
})

describe('long stories ending in a question', () => {
  it('find the question clause (the last one long enough to ask something)', () => {
    expect(questionClauseStart('家里老人不小心，平时在家咋防火')).toBe(8)
    expect(questionClauseStart('公积金怎么提取')).toBe(0)
    expect(questionClauseStart('孩子想考体校，自己能报名吗，谢谢')).toBe(7)
  })

  it('count the words before the question less than the question’s', () => {
    const docs = library(
      item(1, '家里老人没有驾驶证，名下小客车能否更新置换？', '可以由配偶或子女办理。', '交通委'),
      item(2, '生活中怎么防火？', '不乱拉电线，人走断电。', '应急局'),
    )
    expect(ranked(docs, '家里老人不小心，平时在家咋防火')[0]).toBe(2)
  })

  it('lose the words around the question (听说, 不知道, 帮我, 谢谢了)', () => {
    const texts = tokenize('听说公积金能取，不知道是不是真的，谢谢了').map((t) => t.text)
    expect(texts).toContain('公积')
    expect(texts.some((t) => ['听说', '知道', '谢了'].includes(t))).toBe(false)
  })
})

describe('numbers in Chinese numerals', () => {
  it('have their value (十二 → 12, 七十 → 70, 一百二十 → 120, 一九四九 → 1949; 五六十 is a range)', () => {
    expect(numeralValue('十二')).toBe(12)
    expect(numeralValue('七十')).toBe(70)
    expect(numeralValue('一百二十')).toBe(120)
    expect(numeralValue('一九四九')).toBe(1949)
    expect(numeralValue('五六十')).toBeNull()
  })

  it('are also digits before a unit or after 第, not elsewhere (一般, 统一)', () => {
    const words = (text: string) =>
      tokenize(text)
        .filter((t) => t.kind === 0)
        .map((t) => t.text)
    expect(words('七十岁以上还能开车吗')).toEqual(['70'])
    expect(words('驾照扣了十二分')).toEqual(['12'])
    expect(words('第三季度')).toEqual(['3'])
    expect(words('一般统一办理')).toEqual([])
  })

  it('so an elderly citizen’s 九分 finds the library’s 9分', () => {
    const docs = library(...[1, 3, 6, 9, 12].map((n) => item(n, `驾驶人有哪些违法行为将被一次记${n}分？`, `一次记${n}分的违法行为如下。`, '交管局')))
    expect(ranked(docs, '一次扣九分的违章有哪些')[0]).toBe(9)
  })
})

describe('everyday words, stories, elderly phrasing and misspellings', () => {
  // Each row: a citizen's words and what the dictionary must add for them (each fails without its entry).
  it.each([
    ['打雷时在外面怎么躲', ['室外', '户外']],
    ['拼车怎么收钱', ['合乘', '收费']],
    ['密码一开始是多少', ['初始']],
    ['怎么查中介的资质', ['房地产经纪']],
    ['过年放鞭炮炸伤了', ['春节', '烟花爆竹']],
    ['有人掉水里了', ['溺水']],
    ['开私家车超速', ['家用小客车']],
    ['村里发大水了怎么防病', ['洪水', '传染病']],
    ['自行车卡的押金怎么退', ['保证金']],
    ['想给老人找个养老院', ['养老服务机构']],
    ['下大雨走路要注意啥', ['行人', '雨中']],
    ['领失业金期间找到工作了', ['就业']],
    ['租房的人都有啥义务', ['承租人']],
    ['12123登陆不上', ['登录']],
    ['如何登录系统', ['登陆']],
    ['医保帐户余额', ['账户']],
    ['开劳务派遣公司要审批吗', ['许可']],
    ['开车碰到大雾咋办', ['遇到']],
    ['打零工要交工伤保险吗', ['非全日制']],
    ['家里着火了怎么逃', ['火灾']],
    ['能找人办吗', ['委托']],
    ['身份证快到期了', ['有效期']],
    ['北京牌照的车怎么过到我名下', ['京牌', '过户']],
    ['第一次考驾照能考哪几种车', ['初次', '种类']],
    ['确权发证有啥用', ['作用']],
  ])('%s → %j', (query, expected) => {
    expect(phrases(query)).toEqual(expect.arrayContaining(expected))
  })
})
