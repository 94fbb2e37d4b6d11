// 草案历次版本: every published version of a draft with its change note, and the clause-by-clause comparison of any two.
import { Text, View } from '@tarojs/components'
import { ClauseComparison } from '../../../../components/ClauseComparison'
import { Chips } from '../../../../components/Chips'
import { LoadGate } from '../../../../components/LoadGate'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { Section } from '../../../../components/Section'
import { useDraftVersions, useRouteId } from '../../../../hooks'
import { momentText } from '../../../../utils/format'
import './index.scss'

export default function DraftVersionsPage() {
  const { versions, from, to, choose, comparison } = useDraftVersions(useRouteId())

  return (
    <PageShell className="gm-draft-versions">
      <LoadGate data={versions.data} loading={versions.loading} error={versions.error} onRetry={() => void versions.reload()}>
        {(list) => {
          const options = list.versions.map((v) => ({ value: v.version, label: `第 ${v.version} 稿` }))
          return (
            <View>
              <Text className="gm-page__title">草案历次版本</Text>
              <Section title="版本列表">
                {list.versions.map((v) => (
                  <View key={v.version} className="gm-draft-versions__version">
                    <Text className="gm-draft-versions__version-title">{`第 ${v.version} 稿${v.version === list.current ? '（现行）' : ''} · ${momentText(v.publishedAt)} 发布 · ${v.clauseCount} 条`}</Text>
                    <Text className="gm-draft-versions__version-note">{v.note ? `修订说明：${v.note}` : '首次公开的征求意见稿'}</Text>
                  </View>
                ))}
              </Section>
              <Section title="逐条比较">
                {list.versions.length < 2 ? (
                  <Notice tone="info">草案尚未修订，只有一个版本。</Notice>
                ) : (
                  <>
                    <View className="gm-draft-versions__pick">
                      <Text className="gm-draft-versions__label">原版本</Text>
                      <Chips<number> label="原版本" allLabel="未选择" options={options} value={from} onChange={(v) => choose('from', v)} />
                    </View>
                    <View className="gm-draft-versions__pick">
                      <Text className="gm-draft-versions__label">比较版本</Text>
                      <Chips<number> label="比较版本" allLabel="未选择" options={options} value={to} onChange={(v) => choose('to', v)} />
                    </View>
                    {from === undefined || to === undefined || from === to ? (
                      <Notice tone="info">请选择两个不同的版本进行比较。</Notice>
                    ) : (
                      <LoadGate
                        data={comparison.data ?? undefined}
                        loading={comparison.loading}
                        error={comparison.error}
                        onRetry={() => void comparison.reload()}
                      >
                        {(c) => <ClauseComparison comparison={c} />}
                      </LoadGate>
                    )}
                  </>
                )}
              </Section>
            </View>
          )
        }}
      </LoadGate>
    </PageShell>
  )
}
