/** The lottery's algorithm in plain words, as the public 抽签公示 page states it. */
import { Text, View } from '@tarojs/components'
import './index.scss'

const steps = [
  '一、封存密钥：创建活动时，系统随机生成一段密钥（64 位十六进制字符），只公开它的 SHA-256 值（“承诺值”）。报名开始时承诺值已在活动页面公开，此后密钥不能更改。',
  '二、固定候选名单：报名截止后，把全部候选人按报名先后排列，每人写出候选编号和类别、地区、行业、年龄段、性别，形成 JSON 文本，计算其 SHA-256 值（“候选名单散列”）。报名截止前谁也无法预知这个值。',
  '三、得出种子：把密钥和候选名单散列连在一起（密钥在前），计算 SHA-256，得到本次抽签的“种子”。',
  '四、排出顺序：对每位候选人计算「种子|候选编号」的 SHA-256 值，按从小到大排出抽签顺序。',
  '五、确定结果：先按所列顺序满足各分层配额（每项配额按抽签顺序取符合条件的人），再按抽签顺序补足剩余名额。分层配额（按地区、年龄段、性别、行业或类别）在报名开始前随承诺值公开，此后不能更改，抽签时也不能另行指定。',
  '六、公开核对：抽签后公开密钥。任何人都可核对密钥的 SHA-256 等于事先公开的承诺值、所用配额与事先公开的配额相同，并用公开的候选名单和配额重新计算，得到同样结果。重新抽签必须说明理由，历次结果和理由一并公开。',
]

export function LotteryRules() {
  return (
    <View className="gm-lottery-rules">
      {steps.map((step) => (
        <Text key={step} className="gm-lottery-rules__step">
          {step}
        </Text>
      ))}
      <Text className="gm-lottery-rules__step">所有 SHA-256 值均按 UTF-8 编码计算，以小写十六进制表示，可用任何标准工具（如 sha256sum）复核。</Text>
    </View>
  )
}
