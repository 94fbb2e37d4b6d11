// The clause-by-clause comparison of two draft versions: each clause marked 新增 / 删除 / 修改 / 未变 in words, changed text with 〔删：…〕 and 〔增：…〕 marks as well as colour.
import { Text, View } from '@tarojs/components'
import type { ClauseChange, DraftComparison } from '@gm/shared'
import './index.scss'

const kindLabels: Record<ClauseChange['kind'], string> = { added: '新增条款', removed: '删除条款', changed: '修改条款', unchanged: '未修改' }

export interface ClauseComparisonProps {
  comparison: DraftComparison
  /** Show clauses that did not change too (folded to their heading). */
  showUnchanged?: boolean
}

function ChangedText({ change }: { change: ClauseChange }) {
  return (
    <Text className="gm-clause-compare__text">
      {change.segments.map((s, i) =>
        s.op === 'same' ? (
          <Text key={i}>{s.text}</Text>
        ) : (
          <Text key={i} className={`gm-clause-compare__run gm-clause-compare__run--${s.op}`}>
            {s.op === 'added' ? `〔增：${s.text}〕` : `〔删：${s.text}〕`}
          </Text>
        ),
      )}
    </Text>
  )
}

export function ClauseComparison({ comparison, showUnchanged = true }: ClauseComparisonProps) {
  const { counts } = comparison
  const changes = showUnchanged ? comparison.changes : comparison.changes.filter((c) => c.kind !== 'unchanged')
  return (
    <View className="gm-clause-compare">
      <Text className="gm-clause-compare__counts">{`第 ${comparison.from.version} 稿 → 第 ${comparison.to.version} 稿：新增 ${counts.added} 条，删除 ${counts.removed} 条，修改 ${counts.changed} 条，未修改 ${counts.unchanged} 条`}</Text>
      {changes.map((c, i) => {
        const clause = c.after ?? c.before
        return (
          <View key={i} className={`gm-clause-compare__clause gm-clause-compare__clause--${c.kind}`}>
            <Text className="gm-clause-compare__kind">{`【${kindLabels[c.kind]}】`}</Text>
            {c.kind === 'changed' ? (
              <ChangedText change={c} />
            ) : (
              <>
                <Text className="gm-clause-compare__heading">{clause?.heading}</Text>
                {c.kind !== 'unchanged' && <Text className="gm-clause-compare__text">{clause?.body}</Text>}
              </>
            )}
          </View>
        )
      })}
    </View>
  )
}
