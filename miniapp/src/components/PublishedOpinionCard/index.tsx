// One published opinion in a consultation's feedback: its masked text (or that it is not public) and its answer.
import { Text, View } from '@tarojs/components'
import { opinionChannelLabels, type PublishedOpinion } from '@gm/shared'
import { AnswerView } from '../AnswerView'
import './index.scss'

/** One published opinion: its masked text (or that the author chose not to publish it) and the answer. */
export function PublishedOpinionCard({ opinion }: { opinion: PublishedOpinion }) {
  return (
    <View className="gm-published-opinion">
      <Text className="gm-published-opinion__scope">{`针对第 ${opinion.draftVersion} 稿：${opinion.section ? opinion.section.heading : '草案整体'}`}</Text>
      {opinion.channel !== 'ONLINE' && <Text className="gm-published-opinion__channel">{`收集渠道：${opinionChannelLabels[opinion.channel]}`}</Text>}
      {opinion.text === null ? (
        <Text className="gm-published-opinion__text gm-published-opinion__text--private">意见人选择不公开</Text>
      ) : (
        <Text className="gm-published-opinion__text" userSelect>
          {opinion.text}
        </Text>
      )}
      {opinion.authorName && <Text className="gm-published-opinion__author">{`意见人：${opinion.authorName}`}</Text>}
      {opinion.groupTitle && <Text className="gm-published-opinion__group">{`已归入集中意见：${opinion.groupTitle}`}</Text>}
      <AnswerView answer={opinion.answer} receivedAt={opinion.receivedAt} />
    </View>
  )
}
