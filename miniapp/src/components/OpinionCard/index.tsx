// One of 我的意见: the consultation, where the opinion stands, its receipt code and the published answer once there is one.
import { Text, View } from '@tarojs/components'
import { type MyOpinion, opinionConsentLabels, opinionStateLabels } from '@gm/shared'
import { a11y } from '../../utils/a11y'
import { cx, momentParts } from '../../utils/format'
import { AnswerView } from '../AnswerView'
import { Badge } from '../Badge'
import { WhenText } from '../WhenText'
import './index.scss'

export interface OpinionCardProps {
  opinion: MyOpinion
  onOpenConsultation?: (id: number) => void
}

const stateTone = { SUBMITTED: 'upcoming', ACCEPTED: 'info', ANSWERED: 'open' } as const

/** One of 我的意见: where it stands, its receipt code, and the published answer once there is one. */
export function OpinionCard({ opinion: o, onOpenConsultation }: OpinionCardProps) {
  return (
    <View className={cx('gm-opinion-card', `gm-opinion-card--${o.state.toLowerCase()}`)}>
      <View className="gm-opinion-card__header">
        <Badge tone={stateTone[o.state]}>{opinionStateLabels[o.state]}</Badge>
        <Text className="gm-opinion-card__receipt" userSelect>{`受理编号：${o.receiptCode}`}</Text>
      </View>
      <View
        className="gm-opinion-card__consultation"
        hoverClass="gm-pressed"
        onClick={() => onOpenConsultation?.(o.consultation.id)}
        {...a11y(`查看征集：${o.consultation.title}`, 'link')}
      >
        <Text>{o.consultation.title}</Text>
      </View>
      <Text className="gm-opinion-card__meta">{`针对第 ${o.draftVersion} 稿：${o.section ? o.section.heading : '草案整体'}`}</Text>
      <WhenText className="gm-opinion-card__meta" lead="提交时间：" parts={momentParts(o.createdAt)} />
      <Text className="gm-opinion-card__meta">{`公开方式：${opinionConsentLabels[o.consent]}`}</Text>
      <Text className="gm-opinion-card__text" userSelect>
        {o.text}
      </Text>
      {o.group && <Text className="gm-opinion-card__group">{`您的意见已归入集中意见：「${o.group.title}」，统一答复如下。`}</Text>}
      {o.answer ? (
        <AnswerView answer={o.answer} receivedAt={o.createdAt} />
      ) : (
        <Text className="gm-opinion-card__pending">
          {o.state === 'SUBMITTED' ? '工作人员正在审核您的意见。' : '您的意见已受理。征集结束后，答复将与采纳情况一并公开。'}
        </Text>
      )}
    </View>
  )
}
