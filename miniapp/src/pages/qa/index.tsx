// The 政策问答 tab: search the Q&A library in one's own words or browse by topic with hot questions, and ask staff when nothing answers well.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { QaAskOffer } from '../../components/QaAskOffer'
import { Chips } from '../../components/Chips'
import { LinkRow } from '../../components/LinkRow'
import { PagedList } from '../../components/PagedList'
import { PageShell } from '../../components/PageShell'
import { QaHotList } from '../../components/QaHotList'
import { QaSearchResult } from '../../components/QaSearchResult'
import { SearchBar } from '../../components/SearchBar'
import { useQaSearch } from '../../hooks'
import { openPage, routes } from '../../navigation'
import { a11y } from '../../utils/a11y'
import './index.scss'

export default function QaPage() {
  const [keyword, setKeyword] = useState('')
  const [q, setQ] = useState('')
  const [topic, setTopic] = useState<string | undefined>()
  const search = useQaSearch(q, topic)
  const topics = search.topics.data ?? []
  const open = (id: number) => openPage(routes.qaDetail(id))

  return (
    <PageShell className="gm-qa-page">
      <SearchBar value={keyword} placeholder="用自己的话问，如“退休金怎么领”" onInput={setKeyword} onSearch={(value) => setQ(value.trim())} />
      {q && (
        <View className="gm-qa-page__status">
          <Text className="gm-qa-page__status-text">{`「${q}」的搜索结果`}</Text>
          <Text
            className="gm-qa-page__clear"
            onClick={() => {
              setKeyword('')
              setQ('')
            }}
            {...a11y('清除搜索', 'button')}
          >
            清除搜索
          </Text>
        </View>
      )}
      {topics.length > 0 && (
        <Chips
          label="问答主题"
          allLabel="全部主题"
          options={topics.map((t) => ({ value: t.topic, label: `${t.topic}（${t.count}）` }))}
          value={topic}
          onChange={setTopic}
        />
      )}
      {!q && <QaHotList title={topic ? `「${topic}」热门问题` : '热门问题'} items={search.hot.data ?? []} onOpen={open} />}
      {search.noGoodAnswer && search.data.length > 0 && <QaAskOffer query={q} onAsk={(query) => openPage(routes.qaAsk(query))} />}
      <PagedList
        items={search.data}
        status={search.status}
        keyOf={(item) => item.id}
        renderItem={(item) => <QaSearchResult item={item} onOpen={open} />}
        errorMessage={search.error?.message}
        emptyText={q ? `没有找到与「${q}」相关的问答，换个说法试试` : '暂无问答'}
        onRetry={search.retry}
        onLoadMore={search.loadMore}
      />
      {q && search.status === 'empty' && <QaAskOffer query={q} onAsk={(query) => openPage(routes.qaAsk(query))} />}
      {q && (search.noGoodAnswer || search.status === 'empty') && (
        // 开放日怎么报名 is answered by an event, not by the library: the same words across everything published.
        <LinkRow title={`在全部内容中搜索「${q}」`} hint="活动报名、政策文件与解读、意见征集" onOpen={() => openPage(routes.search(q))} />
      )}
      <View className="gm-qa-page__links">
        <Text className="gm-qa-page__link" onClick={() => openPage(routes.qaPolicies())} {...a11y('政策文件库', 'link')}>
          政策文件库
        </Text>
        <Text className="gm-qa-page__link" onClick={() => openPage(routes.qaMyQuestions())} {...a11y('我的提问', 'link')}>
          我的提问
        </Text>
        <Text className="gm-qa-page__link" onClick={() => openPage(routes.qaAsk())} {...a11y('向工作人员提问', 'link')}>
          向工作人员提问
        </Text>
      </View>
    </PageShell>
  )
}
