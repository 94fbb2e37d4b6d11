// A consultation draft's clauses in order, each optionally with a 对本条提意见 button.
import { Text, View } from '@tarojs/components'
import type { DraftSection } from '@gm/shared'
import { a11y } from '../../utils/a11y'
import { Paragraphs } from '../Section'
import './index.scss'

export interface ClauseListProps {
  sections: readonly DraftSection[]
  /** When given, each clause carries a 「对本条提意见」 button. */
  onOpine?: (section: DraftSection) => void
}

/** The draft's sections in order, each as a readable clause. */
export function ClauseList({ sections, onOpine }: ClauseListProps) {
  const ordered = [...sections].sort((a, b) => a.position - b.position)
  if (ordered.length === 0) return <Text className="gm-clauses__empty">草案正文暂未公布</Text>
  return (
    <View className="gm-clauses">
      {ordered.map((section) => (
        <View key={section.id} className="gm-clauses__clause">
          <Text className="gm-clauses__heading">{section.heading}</Text>
          <Paragraphs text={section.body} />
          {onOpine && (
            <View
              className="gm-button gm-clauses__opine"
              hoverClass="gm-pressed"
              onClick={() => onOpine(section)}
              {...a11y(`对「${section.heading}」提意见`, 'button')}
            >
              对本条提意见
            </View>
          )}
        </View>
      ))}
    </View>
  )
}
