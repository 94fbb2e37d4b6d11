// Grouped results of the home tab's search: each area's heading, its items with the matched words marked, each opening its page.
import { Text, View } from '@tarojs/components'
import type { SearchGroup, SearchItem } from '@gm/shared'
import { openLink } from '../../navigation'
import { a11y } from '../../utils/a11y'
import { QaHighlight, segmentsText } from '../QaHighlight'
import './index.scss'

function SearchResultItem({ item }: { item: SearchItem }) {
  return (
    <View className="gm-search-results__item" hoverClass="gm-pressed" onClick={() => openLink(item.link)}>
      {/* The link is the title (its name as shown); the whole item is the touch target. */}
      <View {...a11y(segmentsText(item.title), 'link')}>
        <QaHighlight className="gm-search-results__title" segments={item.title} />
      </View>
      {item.excerpt.length > 0 && <QaHighlight className="gm-search-results__excerpt" segments={item.excerpt} />}
    </View>
  )
}

/** Only groups with items are shown; `q` names what was searched in the empty state. */
export function SearchResults({ q, groups }: { q: string; groups: readonly SearchGroup[] }) {
  const found = groups.filter((group) => group.items.length > 0)
  if (found.length === 0) return <Text className="gm-search-results__empty">{`没有找到与「${q}」相关的内容，可以换个说法再试`}</Text>
  return (
    <View className="gm-search-results">
      {found.map((group) => (
        <View key={group.area} className={`gm-search-results__group gm-search-results__group--${group.area}`}>
          <Text className="gm-search-results__label">{`${group.label}（${group.items.length}）`}</Text>
          {group.items.map((item) => (
            <SearchResultItem key={item.id} item={item} />
          ))}
        </View>
      ))}
    </View>
  )
}
