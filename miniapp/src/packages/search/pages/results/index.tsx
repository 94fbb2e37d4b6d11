// 搜索结果: the home tab's search box opens this page with ?q=; it searches again when the words change.
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { LoadGate } from '../../../../components/LoadGate'
import { PageShell } from '../../../../components/PageShell'
import { SearchBar } from '../../../../components/SearchBar'
import { SearchResults } from '../../../../components/SearchResults'
import { useSiteSearch } from '../../../../hooks'
import './index.scss'

function initialWords(raw: string | undefined): string {
  if (!raw) return ''
  try {
    return decodeURIComponent(raw).trim()
  } catch {
    return raw.trim()
  }
}

export default function SearchResultsPage() {
  const first = initialWords(useRouter().params.q)
  const [keyword, setKeyword] = useState(first)
  const [q, setQ] = useState(first)
  const result = useSiteSearch(q)

  return (
    <PageShell className="gm-search-page">
      <SearchBar value={keyword} placeholder="搜索政策、问答、活动和意见征集" onInput={setKeyword} onSearch={(value) => setQ(value.trim())} />
      {q ? (
        <LoadGate data={result.data} loading={result.loading} error={result.error} onRetry={() => void result.reload()}>
          {(data) => (data ? <SearchResults q={q} groups={data.groups} /> : null)}
        </LoadGate>
      ) : null}
    </PageShell>
  )
}
