// 问答主题 (reviewers): the topics of the Q&A library with their item counts, and adding a new one.
import { Text, View } from '@tarojs/components'
import { ActionButton } from '../../../../components/ActionButton'
import { FormField } from '../../../../components/FormField'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { Section } from '../../../../components/Section'
import { StaffGate } from '../../../../components/StaffGate'
import { useStaffGate } from '../../../../hooks'
import { useQaTopicForm } from '../../../../hooks/usePolicyLibrary'
import './index.scss'

export default function StaffQaTopicsPage() {
  const gate = useStaffGate('REVIEWER')
  const form = useQaTopicForm(gate.allowed)
  if (!gate.allowed) return <StaffGate gate={gate} className="gm-staff-qa-topics" />
  return (
    <PageShell className="gm-staff-qa-topics">
      <Text className="gm-page__title">问答主题</Text>
      {form.created && <Notice tone="success">{`已新增主题「${form.created}」`}</Notice>}
      {form.create.error && <Notice tone="error">{form.create.error.message}</Notice>}
      <View className="gm-staff-qa-topics__form">
        <FormField name="topicName" label="新主题名称" value={form.name} onInput={form.setName} maxlength={20} />
        <ActionButton tone="primary" busy={form.create.running} disabled={!form.name.trim()} onPress={() => void form.create.run()}>
          新增主题
        </ActionButton>
      </View>
      <Section title="现有主题">
        {(form.topics.data ?? []).map((t) => (
          <Text key={t.topic} className="gm-staff-qa-topics__topic">{`${t.topic}（${t.count} 条）`}</Text>
        ))}
      </Section>
    </PageShell>
  )
}
