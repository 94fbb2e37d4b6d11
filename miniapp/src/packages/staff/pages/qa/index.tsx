// 政策问答库管理 (staff): every item with its state; editors draft and edit, reviewers publish, confirm and withdraw; export.
import { Text, View } from '@tarojs/components'
import { contentStatusLabels } from '@gm/shared'
import { useState } from 'react'
import { ActionButton } from '../../../../components/ActionButton'
import { Chips } from '../../../../components/Chips'
import { LinkRow } from '../../../../components/LinkRow'
import { FormField } from '../../../../components/FormField'
import { LoadGate } from '../../../../components/LoadGate'
import { Notice } from '../../../../components/Notice'
import { PagedList } from '../../../../components/PagedList'
import { PageShell } from '../../../../components/PageShell'
import { QaItemStaffActions } from '../../../../components/QaItemStaffActions'
import { QaUnansweredList } from '../../../../components/QaUnansweredList'
import { SearchBar } from '../../../../components/SearchBar'
import { Section } from '../../../../components/Section'
import { StaffQaCard } from '../../../../components/StaffQaCard'
import { StaffGate } from '../../../../components/StaffGate'
import { type QaFilter, useQaExport, useStaffGate, useStaffQaList } from '../../../../hooks'
import { useQaUnanswered } from '../../../../hooks/useQaUnanswered'
import { openPage, routes } from '../../../../navigation'
import { platform } from '../../../../platform'
import './index.scss'

const filters: { value: QaFilter; label: string }[] = [
  { value: 'review', label: '待复核' },
  ...(['DRAFT', 'PUBLISHED', 'WITHDRAWN'] as const).map((value) => ({ value, label: contentStatusLabels[value] })),
]

const emptyTexts: Record<QaFilter | 'all', string> = {
  all: '问答库还没有条目',
  review: '没有待复核的问答',
  DRAFT: '没有草稿',
  PUBLISHED: '没有已发布的问答',
  WITHDRAWN: '没有已撤下的问答',
}

/** 政策问答库管理: every item with its state; editors draft and edit, reviewers publish, confirm and withdraw. */
export default function StaffQaPage() {
  const gate = useStaffGate()
  const [filter, setFilter] = useState<QaFilter | undefined>(undefined)
  const [keyword, setKeyword] = useState('')
  const [q, setQ] = useState('')
  const list = useStaffQaList(filter, q, gate.allowed)
  const { exportFile, downloaded } = useQaExport(filter)
  const unanswered = useQaUnanswered(gate.allowed && gate.can('EDITOR', 'REVIEWER'))

  if (!gate.allowed) return <StaffGate gate={gate} className="gm-staff-qa-page" />
  const { can } = gate

  return (
    <PageShell className="gm-staff-qa-page">
      <Text className="gm-page__title">政策问答库管理</Text>
      {can('EDITOR') && (
        <ActionButton tone="primary" className="gm-staff-qa-page__new" onPress={() => openPage(routes.staffQaItem())}>
          新建问答
        </ActionButton>
      )}
      {can('EDITOR', 'REVIEWER') && (
        <LinkRow title="批量导入" hint="从 Excel、CSV 或 JSON 文件导入，逐行检查" onOpen={() => openPage(routes.staffQaImport())} />
      )}
      <LinkRow title="同义词词典" hint="群众的口语说法 → 问答库的规范说法" onOpen={() => openPage(routes.staffQaSynonyms())} />

      <SearchBar value={keyword} placeholder="按问题或答案查找" onInput={setKeyword} onSearch={(v) => setQ(v.trim())} />
      <Chips<QaFilter> label="筛选" allLabel="全部" options={filters} value={filter} onChange={setFilter} />
      {list.total > 0 && <Text className="gm-staff-qa-page__total">{`共 ${list.total} 条`}</Text>}
      <PagedList
        items={list.data}
        status={list.status}
        keyOf={(item) => item.id}
        renderItem={(item) => (
          <StaffQaCard item={item}>
            <QaItemStaffActions
              item={item}
              canEdit={can('EDITOR')}
              canReview={can('REVIEWER')}
              busy={list.busyId === item.id}
              error={list.rowErrors[item.id]}
              onEdit={(id) => openPage(routes.staffQaItem(id))}
              onPublish={() => list.publish(item.id)}
              onConfirm={(note) => list.confirm(item.id, note)}
              onWithdraw={(reason) => list.withdraw(item.id, reason)}
            />
          </StaffQaCard>
        )}
        errorMessage={list.error?.message}
        emptyText={q ? '没有找到相应的问答' : emptyTexts[filter ?? 'all']}
        onRetry={list.retry}
        onLoadMore={list.loadMore}
      />

      {can('EDITOR', 'REVIEWER') && (
        <Section title="群众想问但库里没有的" className="gm-staff-qa-page__unanswered">
          <Text className="gm-staff-qa-page__hint">检索后没有找到合适答案的问题，按检索次数排列；据此新建问答后即从列表移出。</Text>
          {unanswered.drafted && <Notice tone="success">{`已起草：${unanswered.drafted}，审核发布后群众即可查到。`}</Notice>}
          <LoadGate data={unanswered.list.data} loading={unanswered.list.loading} error={unanswered.list.error} onRetry={() => void unanswered.list.reload()}>
            {(rows) => <QaUnansweredList rows={rows} canAnswer={can('EDITOR')} onAnswer={(id) => unanswered.select(rows.find((r) => r.id === id) ?? null)} />}
          </LoadGate>
          {unanswered.selected && (
            <View className="gm-staff-qa-page__unanswered-form">
              <FormField
                name="question"
                label="问题"
                value={unanswered.form.values.question}
                error={unanswered.form.errors.question}
                onInput={(v) => unanswered.form.setField('question', v)}
              />
              <FormField
                name="answer"
                label="答案"
                value={unanswered.form.values.answer}
                error={unanswered.form.errors.answer}
                onInput={(v) => unanswered.form.setField('answer', v)}
              />
              <FormField
                name="topic"
                label="主题"
                value={unanswered.form.values.topic}
                placeholder="如：社保"
                error={unanswered.form.errors.topic}
                onInput={(v) => unanswered.form.setField('topic', v)}
              />
              {unanswered.form.formError && <Notice tone="error">{unanswered.form.formError.message}</Notice>}
              <ActionButton tone="primary" onPress={() => void unanswered.form.handleSubmit()} busy={unanswered.form.submitting} busyText="正在起草…">
                起草问答
              </ActionButton>
              <ActionButton onPress={() => unanswered.select(null)}>取消</ActionButton>
            </View>
          )}
        </Section>
      )}

      <Section title="导出" className="gm-staff-qa-page__export">
        <Text className="gm-staff-qa-page__hint">{`导出${filter && filter !== 'review' ? `「${contentStatusLabels[filter]}」的` : '全部'}问答，列与批量导入相同，修改后可再导入。`}</Text>
        {exportFile.error && <Notice tone="error">{exportFile.error.message}</Notice>}
        {downloaded && <Notice tone="success">{downloaded}</Notice>}
        <View className="gm-staff-qa-page__export-buttons">
          <ActionButton onPress={() => void exportFile.run('xlsx')} busy={exportFile.running} busyText="正在下载…">
            导出 Excel
          </ActionButton>
          {platform.name === 'h5' && (
            <ActionButton onPress={() => void exportFile.run('csv')} busy={exportFile.running} busyText="正在下载…">
              导出 CSV
            </ActionButton>
          )}
        </View>
      </Section>
    </PageShell>
  )
}
