// Shows a published answer: 采纳情况 and its reason, the reply, the replying department and the dates.
import { Text, View } from '@tarojs/components'
import { type Adoption, adoptionLabels, type Instant, type PublicAnswer } from '@gm/shared'
import { cx, dateInWords } from '../../utils/format'
import './index.scss'

export interface AnswerViewProps {
  answer: PublicAnswer
  /** 受理日期: when the opinion was received. */
  receivedAt?: Instant
}

const adoptionTone: Record<Adoption, string> = {
  ADOPTED: 'adopted',
  PARTIALLY_ADOPTED: 'partial',
  NOT_ADOPTED: 'not-adopted',
  EXPLAINED: 'explained',
}

function Row({ label, value, name }: { label: string; value: string; name: string }) {
  return (
    <View className={cx('gm-answer__row', `gm-answer__row--${name}`)}>
      <Text className="gm-answer__label">{label}</Text>
      <Text className="gm-answer__value" userSelect>
        {value}
      </Text>
    </View>
  )
}

/** A published answer: 采纳情况 and its reason, the reply, who replied and when. Plain text only. */
export function AnswerView({ answer, receivedAt }: AnswerViewProps) {
  return (
    <View className={cx('gm-answer', `gm-answer--${adoptionTone[answer.adoption]}`)}>
      <View className="gm-answer__row gm-answer__row--adoption">
        <Text className="gm-answer__label">采纳情况</Text>
        <Text className="gm-answer__adoption">{adoptionLabels[answer.adoption]}</Text>
      </View>
      {answer.reason && <Row name="reason" label={answer.adoption === 'ADOPTED' || answer.adoption === 'EXPLAINED' ? '说明' : '理由'} value={answer.reason} />}
      <Row name="content" label="答复内容" value={answer.content} />
      <Row name="department" label="答复部门" value={answer.department.name} />
      {receivedAt !== undefined && <Row name="received" label="受理日期" value={dateInWords(receivedAt)} />}
      <Row name="replied" label="答复日期" value={dateInWords(answer.repliedAt)} />
    </View>
  )
}
