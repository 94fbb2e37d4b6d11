// 政策文件库 (citizens): search published documents by title or 文号, filter by validity, see what replaced a document.
import { Text, View } from '@tarojs/components'
import { type PolicyValidity, policyValidityLabels } from '@gm/shared'
import { Badge } from '../../../../components/Badge'
import { ChoiceGroup } from '../../../../components/ChoiceGroup'
import { PagedList } from '../../../../components/PagedList'
import { PageShell } from '../../../../components/PageShell'
import { SearchBar } from '../../../../components/SearchBar'
import { usePolicyLibrary } from '../../../../hooks/usePolicyLibrary'
import { openPage, routes } from '../../../../navigation'
import { a11y } from '../../../../utils/a11y'
import { dateInWords } from '../../../../utils/format'
import './index.scss'

const validityOptions = [
  { value: 'ALL' as const, label: '全部' },
  ...(Object.keys(policyValidityLabels) as PolicyValidity[]).map((value) => ({ value, label: policyValidityLabels[value] })),
]

export default function PolicyLibraryPage() {
  const library = usePolicyLibrary()
  const { list } = library
  return (
    <PageShell className="gm-policy-library">
      <Text className="gm-page__title">政策文件库</Text>
      <SearchBar value={library.q} placeholder="搜索标题、文号或内容" onInput={library.setQ} onSearch={library.search} />
      <ChoiceGroup
        name="validity"
        label="效力状态"
        options={validityOptions}
        value={library.validity || 'ALL'}
        onChange={(v) => library.setValidity(v === 'ALL' ? '' : v)}
        inline
      />
      <PagedList
        items={list.data}
        status={list.status}
        keyOf={(p) => p.id}
        renderItem={(p) => (
          <View className="gm-policy-library__item" onClick={() => openPage(routes.qaPolicy(p.id))} {...a11y(undefined, 'link')}>
            <View className="gm-policy-library__head">
              <Badge tone={p.validity === 'VALID' ? 'open' : 'closed'}>{policyValidityLabels[p.validity]}</Badge>
              {p.topic && <Text className="gm-policy-library__topic">{p.topic}</Text>}
            </View>
            <Text className="gm-policy-library__title">{p.title}</Text>
            <Text className="gm-policy-library__meta">{`${p.issuer} · ${p.docNumber} · ${dateInWords(p.publishedAt)}`}</Text>
            {p.validity !== 'VALID' && p.validityChangedAt && (
              <Text className="gm-policy-library__warning">{`自 ${dateInWords(p.validityChangedAt)} 起${policyValidityLabels[p.validity]}，请查看现行文件`}</Text>
            )}
          </View>
        )}
        errorMessage={list.error?.message}
        emptyText="没有找到相关政策文件"
        onRetry={list.retry}
        onLoadMore={list.loadMore}
      />
    </PageShell>
  )
}
