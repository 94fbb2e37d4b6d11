// The 意见征集 tab: the site-wide search box and the consultation list by status, keyword and department.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Chips } from '../../components/Chips'
import { ConsultationCard } from '../../components/ConsultationCard'
import { PagedList } from '../../components/PagedList'
import { PageShell } from '../../components/PageShell'
import { SearchBar } from '../../components/SearchBar'
import { Tabs } from '../../components/Tabs'
import { type ConsultationFilter, useConsultationList, useDepartments } from '../../hooks'
import { openPage, routes } from '../../navigation'
import './index.scss'

const statusTabs = [
  { value: 'open', label: '征集中' },
  { value: 'upcoming', label: '未开始' },
  { value: 'closed', label: '已结束' },
] as const

const emptyText: Record<ConsultationFilter['status'], string> = {
  open: '目前没有正在征集意见的草案',
  upcoming: '暂无即将开始的意见征集',
  closed: '暂无已结束的意见征集',
}

export default function ConsultationsPage() {
  const [status, setStatus] = useState<ConsultationFilter['status']>('open')
  const [keyword, setKeyword] = useState('')
  const [q, setQ] = useState('')
  const [departmentId, setDepartmentId] = useState<number | undefined>()
  const list = useConsultationList({ status, q, departmentId })
  const departments = useDepartments()
  const [siteWords, setSiteWords] = useState('')

  return (
    <PageShell className="gm-consultations-page">
      <View className="gm-consultations-page__site-search">
        <Text className="gm-consultations-page__site-search-label">全站搜索</Text>
        <SearchBar
          value={siteWords}
          placeholder="搜索政策、问答、活动和意见征集"
          onInput={setSiteWords}
          onSearch={(value) => {
            if (value.trim()) openPage(routes.search(value.trim()))
          }}
        />
      </View>
      <SearchBar value={keyword} placeholder="搜索草案标题或内容" onInput={setKeyword} onSearch={(value) => setQ(value.trim())} />
      <Tabs label="征集状态" options={statusTabs} value={status} onChange={setStatus} />
      {departments.data && departments.data.length > 0 && (
        <Chips
          label="按承办单位筛选"
          allLabel="全部单位"
          options={departments.data.map((d) => ({ value: d.id, label: d.name }))}
          value={departmentId}
          onChange={setDepartmentId}
        />
      )}
      <PagedList
        items={list.data}
        status={list.status}
        keyOf={(c) => c.id}
        renderItem={(c) => <ConsultationCard consultation={c} onOpen={(id) => openPage(routes.consultationDetail(id))} />}
        errorMessage={list.error?.message}
        emptyText={q ? `没有找到与「${q}」相关的意见征集` : emptyText[status]}
        onRetry={list.retry}
        onLoadMore={list.loadMore}
      />
    </PageShell>
  )
}
