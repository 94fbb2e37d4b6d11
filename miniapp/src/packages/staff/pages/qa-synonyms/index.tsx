// 同义词词典 (staff): how citizens say it → the library's words, used by the Q&A search.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '../../../../components/ActionButton'
import { ConfirmDialog } from '../../../../components/ConfirmDialog'
import { FormField } from '../../../../components/FormField'
import { LoadGate } from '../../../../components/LoadGate'
import { ListState } from '../../../../components/ListState'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { QaSynonymCard } from '../../../../components/QaSynonymCard'
import { Section } from '../../../../components/Section'
import { StaffGate } from '../../../../components/StaffGate'
import { type QaSynonym, useQaSynonyms, useStaffGate } from '../../../../hooks'
import { a11y } from '../../../../utils/a11y'
import './index.scss'

/** 同义词词典: what citizens say → what the library says; searches use a new entry at once. */
export default function StaffQaSynonymsPage() {
  const gate = useStaffGate()
  const canEdit = gate.can('EDITOR', 'REVIEWER')
  const synonyms = useQaSynonyms(gate.allowed)
  const { form, remove } = synonyms
  const [deleting, setDeleting] = useState<QaSynonym | null>(null)

  if (!gate.allowed) return <StaffGate gate={gate} className="gm-staff-qa-synonyms" />

  return (
    <PageShell className="gm-staff-qa-synonyms">
      <Text className="gm-page__title">同义词词典</Text>
      <Text className="gm-staff-qa-synonyms__intro">
        群众提问时常用口语或简称（如“残补”），在这里对应到问答库里的规范说法（如“残疾人两项补贴”），检索即可查到。
      </Text>

      {canEdit && (
        <Section title="新增词条">
          <View {...a11y('新增词条', 'form')}>
            <FormField
              name="terms"
              label="群众说法"
              value={form.values.terms}
              placeholder="如：残补"
              hint="多个说法用空格或顿号隔开"
              error={form.errors.terms}
              onInput={(v) => form.setField('terms', v)}
            />
            <FormField
              name="expansions"
              label="规范说法"
              value={form.values.expansions}
              placeholder="如：残疾人两项补贴"
              hint="问答库中使用的说法，多个用空格或顿号隔开"
              error={form.errors.expansions}
              onInput={(v) => form.setField('expansions', v)}
            />
            {form.formError && <Notice tone="error">{form.formError.message}</Notice>}
            {synonyms.added && (
              <Notice tone="success">{`已添加：${synonyms.added.terms.join('、')} → ${synonyms.added.expansions.join('、')}，检索即时生效。`}</Notice>
            )}
            <ActionButton tone="primary" onPress={() => void form.handleSubmit()} busy={form.submitting} busyText="正在添加…">
              添加词条
            </ActionButton>
          </View>
        </Section>
      )}

      <Section title="词典">
        {remove.error && <Notice tone="error">{remove.error.message}</Notice>}
        <LoadGate data={synonyms.list.data} loading={synonyms.list.loading} error={synonyms.list.error} onRetry={() => void synonyms.list.reload()}>
          {(entries) =>
            entries.length === 0 ? (
              <ListState status="empty" emptyText="词典中还没有词条" />
            ) : (
              <View className="gm-staff-qa-synonyms__list">
                {entries.map((entry, i) => (
                  <QaSynonymCard
                    key={entry.id ?? `built-in-${i}`}
                    entry={entry}
                    canDelete={canEdit}
                    busy={synonyms.removingId === entry.id}
                    onDelete={() => setDeleting(entry)}
                  />
                ))}
              </View>
            )
          }
        </LoadGate>
      </Section>

      {deleting && deleting.id !== null && (
        <ConfirmDialog
          title="删除这个词条？"
          confirmText="确认删除"
          danger
          busy={remove.running}
          onCancel={() => setDeleting(null)}
          onConfirm={() => void remove.run(deleting.id as number).then(() => setDeleting(null))}
        >
          <Text>{`${deleting.terms.join('、')} → ${deleting.expansions.join('、')}。删除后检索不再按此对应。`}</Text>
        </ConfirmDialog>
      )}
    </PageShell>
  )
}
