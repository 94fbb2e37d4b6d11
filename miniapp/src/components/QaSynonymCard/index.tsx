// One entry of the Q&A search dictionary: what citizens say → what the library says, with delete.
import { Text, View } from '@tarojs/components'
import type { QaSynonym } from '../../hooks/useQaSynonyms'
import { ActionButton } from '../ActionButton'
import { Badge } from '../Badge'
import './index.scss'

export interface QaSynonymCardProps {
  entry: QaSynonym
  /** Staff entries can be deleted by those who may edit the dictionary; built-in ones never. */
  canDelete: boolean
  busy: boolean
  onDelete: (id: number) => void
}

/** One dictionary entry: what citizens say → what the library says. */
export function QaSynonymCard({ entry, canDelete, busy, onDelete }: QaSynonymCardProps) {
  const same = entry.terms.join('、') === entry.expansions.join('、')
  const id = entry.id
  return (
    <View className="gm-qa-synonym">
      <View className="gm-qa-synonym__text">
        {same ? (
          <Text className="gm-qa-synonym__terms">{`同义：${entry.terms.join('、')}`}</Text>
        ) : (
          <>
            <Text className="gm-qa-synonym__terms">{`群众说法：${entry.terms.join('、')}`}</Text>
            <Text className="gm-qa-synonym__expansions">{`→ 规范说法：${entry.expansions.join('、')}`}</Text>
          </>
        )}
      </View>
      {entry.builtIn ? (
        <Badge tone="info">内置</Badge>
      ) : (
        canDelete &&
        id !== null && (
          <ActionButton className="gm-qa-synonym__delete" onPress={() => onDelete(id)} busy={busy} busyText="正在删除…">
            删除
          </ActionButton>
        )
      )}
    </View>
  )
}
