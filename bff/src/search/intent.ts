// What a question asks for (materials, conditions, steps, time, cost, place, meaning, reason), read from its wording, so the ranking can prefer items asking the same.
import { normalize } from './analyzer'

/**
 * The kind of answer a question wants, independent of its subject: 要带啥 and 需要提交哪些材料 both
 * want a list of materials, 啥条件 and 申请条件 a condition, 步骤 and 流程 the steps. Citizens and the
 * library say these with different words, and the question words themselves (什么, 多久, 哪里) are cut
 * out of the search terms, so the kind is read from the whole text here, once per item and query.
 *
 * Each kind is a bit; a text can ask several (材料和流程).
 */
const KINDS: readonly RegExp[] = [
  // 0 materials
  /材料|资料|要件|带什么|带啥|带哪些|要带|需带|携带|提交什么|提交哪些|提供什么|提供哪些|准备什么|准备啥|准备哪些/,
  // 1 conditions, who qualifies
  /条件|资格|符合|哪些人|什么人|啥人|谁能|谁可以|够不够|门槛/,
  // 2 steps
  /流程|步骤|程序|手续|环节|怎么办理|如何办理|怎样办理|咋办理/,
  // 3 time: how long, when
  /多久|时间|多少天|几天|几个月|时限|期限|时效|什么时候|啥时候|何时|哪天|哪几天|哪年|哪一年|几号|几点|上班|开门|营业/,
  // 4 cost
  /多少钱|费用|收费|收钱|花钱|要钱|价格|免费|交多少|缴多少/,
  // 5 place or office
  /哪里|哪儿|在哪|去哪|何处|地点|地址|窗口|哪个部门|什么部门|找谁|向谁|找哪/,
  // 6 meaning
  /什么是|是什么意思|啥意思|什么意思|是指|含义|定义|什么叫|啥叫|指什么/,
  // 7 reason
  /为什么|为啥|为何|原因|怎么回事|咋回事/,
  // 8 contents, what something includes
  /内容|包括|包含|组成|都有啥|都有什么|里有啥|里有什么/,
]

/** The kinds of answer `text` asks for, as bits (0 when its wording says none). */
export function intentsOf(text: string): number {
  const s = normalize(text)
  let bits = 0
  KINDS.forEach((pattern, k) => {
    if (pattern.test(s)) bits |= 1 << k
  })
  return bits
}
