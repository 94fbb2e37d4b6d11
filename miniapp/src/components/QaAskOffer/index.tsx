// The 没有找到满意的答案？ box under a Q&A search that leads to asking staff with the search words.
import { Text, View } from '@tarojs/components'
import { POLICY_QUESTION_REPLY_WORKING_DAYS } from '@gm/shared'
import { a11y } from '../../utils/a11y'
import { ActionButton } from '../ActionButton'
import './index.scss'

export interface QaAskOfferProps {
  query: string
  onAsk: (query: string) => void
}

/** 「没有找到满意的答案？」: the way from a search to a person. */
export function QaAskOffer({ query, onAsk }: QaAskOfferProps) {
  return (
    <View className="gm-qa-ask-offer" {...a11y(undefined, 'region')}>
      <Text className="gm-qa-ask-offer__text">没有找到满意的答案？向工作人员提问</Text>
      <Text className="gm-qa-ask-offer__hint">{`工作人员将在 ${POLICY_QUESTION_REPLY_WORKING_DAYS} 个工作日内答复，答复可在「我的提问」查看。`}</Text>
      <ActionButton tone="primary" onPress={() => onAsk(query)}>
        向工作人员提问
      </ActionButton>
    </View>
  )
}
