// One Q&A card on the 政策问答 tab: highlighted question and answer snippet for a search, else a plain preview.
import { Text, View } from '@tarojs/components'
import type { QaListItem } from '@gm/shared'
import { a11y } from '../../utils/a11y'
import { excerpt } from '../../utils/format'
import { QaHighlight } from '../QaHighlight'
import '../QaCard/index.scss'
import './index.scss'

export interface QaSearchResultProps {
  item: QaListItem
  onOpen?: (id: number) => void
}

/** A Q&A card for the 政策问答 tab: highlighted snippets when it came from a search, else a preview. */
export function QaSearchResult({ item, onOpen }: QaSearchResultProps) {
  const { highlight } = item
  return (
    <View className="gm-qa-card gm-qa-result" hoverClass="gm-pressed" onClick={() => onOpen?.(item.id)} {...a11y(undefined, 'link')}>
      <Text className="gm-qa-card__topic">{item.topic}</Text>
      <View className="gm-qa-card__question">
        <Text>问：</Text>
        {highlight && highlight.question.length > 0 ? <QaHighlight segments={highlight.question} /> : <Text>{item.question}</Text>}
      </View>
      <View className="gm-qa-card__answer">
        <Text>答：</Text>
        {highlight && highlight.answer.length > 0 ? <QaHighlight segments={highlight.answer} /> : <Text>{excerpt(item.answerExcerpt)}</Text>}
      </View>
      {item.department && <Text className="gm-qa-card__department">答复单位：{item.department.name}</Text>}
      {item.reviewNotice && <Text className="gm-qa-result__notice">{item.reviewNotice}</Text>}
    </View>
  )
}
