// 起草 / 修改意见征集 (EDITOR): the draft, its window and clauses, the reason a short window needs.
import { Text, View } from '@tarojs/components'
import { isMajorConsultation, MAJOR_DECISION_MIN_DAYS, needsShortWindowReason, windowDays } from '@gm/shared'
import { ActionButton } from '../../../../components/ActionButton'
import { CheckRow } from '../../../../components/CheckRow'
import { DecisionPicker } from '../../../../components/DecisionPicker'
import { Chips } from '../../../../components/Chips'
import { FormField } from '../../../../components/FormField'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { Section } from '../../../../components/Section'
import { AttachmentList } from '../../../../components/AttachmentList'
import { AttachmentUploader } from '../../../../components/AttachmentUploader'
import { useAttachmentDesk } from '../../../../hooks/useAttachments'
import { SectionsEditor } from '../../../../components/SectionsEditor'
import { StaffGate } from '../../../../components/StaffGate'
import { TextAreaField } from '../../../../components/TextAreaField'
import { useConsultationEditor, useDecisionList, useMyDepartments, useRouteId, useStaffGate } from '../../../../hooks'
import { replacePage, routes } from '../../../../navigation'
import { a11y } from '../../../../utils/a11y'
import { isoFromShanghai } from '../../../../utils/datetime'
import './index.scss'

/** 起草 / 修改意见征集 (EDITOR): fields, clauses, the 30-day rule asked up front. */
export default function ConsultationFormPage() {
  const id = useRouteId()
  const gate = useStaffGate('EDITOR')
  const departments = useMyDepartments()
  const decisions = useDecisionList()
  const { draft, existing, filled } = useConsultationEditor(id, gate.allowed, gate.me?.id)
  const attachments = useAttachmentDesk(id === null ? null : { consultationId: id }, gate.allowed, 'DRAFTING_NOTE')

  const waiting = id !== null && !filled
  if (!gate.allowed || waiting)
    return <StaffGate gate={gate} className="gm-consultation-form" refusal="只有「编辑」角色可以起草和修改意见征集。" loading={existing} />

  const { values, errors } = draft
  const opensAt = isoFromShanghai(values.opensAt)
  const closesAt = isoFromShanghai(values.closesAt)
  const days = opensAt && closesAt && closesAt > opensAt ? windowDays(opensAt, closesAt) : null
  const linked = values.decisionId !== ''
  const major = isMajorConsultation(linked ? Number(values.decisionId) : null, values.isMajorDecision === 'true')
  const short = opensAt && closesAt ? needsShortWindowReason(major, opensAt, closesAt) : false
  const save = async () => {
    const saved = await draft.save()
    if (saved) replacePage(routes.staffConsultation(saved.id))
  }

  return (
    <PageShell className="gm-consultation-form">
      <Text className="gm-page__title">{id === null ? '新建意见征集' : '修改意见征集草稿'}</Text>
      <View {...a11y('意见征集草稿', 'form')}>
        <Section title="基本信息">
          <FormField name="title" label="标题" value={values.title} maxlength={200} error={errors.title} onInput={(v) => draft.setField('title', v)} />
          <TextAreaField name="summary" label="内容摘要" value={values.summary} error={errors.summary} onInput={(v) => draft.setField('summary', v)} />
          <View className="gm-consultation-form__group">
            <Text className="gm-consultation-form__label">承办单位</Text>
            <Chips<number>
              label="承办单位"
              allLabel="未选择"
              options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              value={values.departmentId ? Number(values.departmentId) : undefined}
              onChange={(v) => draft.setField('departmentId', v === undefined ? '' : String(v))}
            />
            {errors.departmentId && <Text className="gm-field__error">{errors.departmentId}</Text>}
          </View>
          <DecisionPicker
            decisions={decisions.data ?? []}
            value={values.decisionId}
            error={errors.decisionId}
            onChange={(v) => draft.setField('decisionId', v)}
          />
          <CheckRow
            label="属于重大行政决策事项"
            hint={
              linked
                ? `已关联决策事项目录，按重大行政决策办理：征求意见不少于 ${MAJOR_DECISION_MIN_DAYS} 日，不足须说明理由`
                : `重大行政决策征求意见一般不少于 ${MAJOR_DECISION_MIN_DAYS} 日`
            }
            checked={major}
            disabled={linked}
            onChange={(v) => draft.setField('isMajorDecision', v ? 'true' : '')}
          />
        </Section>
        <Section title="征集期限">
          <FormField
            name="opensAt"
            label="开始时间"
            value={values.opensAt}
            placeholder="2026-12-01 09:00"
            hint="北京时间，如 2026-12-01 09:00"
            maxlength={19}
            error={errors.opensAt}
            onInput={(v) => draft.setField('opensAt', v)}
          />
          <FormField
            name="closesAt"
            label="截止时间"
            value={values.closesAt}
            placeholder="2027-01-01 00:00"
            hint="到此时刻停止接收意见"
            maxlength={19}
            error={errors.closesAt}
            onInput={(v) => draft.setField('closesAt', v)}
          />
          {days !== null && <Text className="gm-consultation-form__days">{`征集期约 ${days < 1 ? '不足 1' : Math.floor(days)} 天`}</Text>}
          <TextAreaField
            name="shortWindowReason"
            label={short ? '缩短理由（必填）' : '缩短理由（征集期不足 30 日时填写）'}
            value={values.shortWindowReason}
            hint="理由将在征集页面公开"
            error={errors.shortWindowReason}
            onInput={(v) => draft.setField('shortWindowReason', v)}
          />
        </Section>
        <Section title="草案条款">
          <SectionsEditor sections={draft.sections} errors={errors} onChange={draft.setSections} nextKey={draft.nextKey} />
        </Section>
        <Section title="说明材料">
          <TextAreaField
            name="explanation"
            label="起草说明"
            value={values.explanation}
            error={errors.explanation}
            onInput={(v) => draft.setField('explanation', v)}
          />
          <TextAreaField
            name="background"
            label="依据与背景"
            value={values.background}
            error={errors.background}
            onInput={(v) => draft.setField('background', v)}
          />
        </Section>
        <Section title="附件（起草说明、依据文件）">
          {id === null ? (
            <Text className="gm-consultation-form__hint">保存草稿后即可上传起草说明、依据文件等附件。</Text>
          ) : (
            <>
              {attachments.uploaded && <Notice tone="success">{`已上传「${attachments.uploaded.title}」`}</Notice>}
              {attachments.remove.error && <Notice tone="error">{attachments.remove.error.message}</Notice>}
              {attachments.open.error && <Notice tone="error">{`附件打开失败：${attachments.open.error.message}`}</Notice>}
              <AttachmentList
                items={attachments.list.data ?? []}
                onOpen={(a) => void attachments.open.run(a)}
                onDelete={(a) => void attachments.remove.run(a.id)}
                removingId={attachments.removingId}
                emptyText={attachments.list.error ? `附件加载失败：${attachments.list.error.message}` : '还没有附件'}
              />
              <AttachmentUploader
                kinds={['DRAFTING_NOTE', 'BASIS', 'OTHER']}
                kind={attachments.kind}
                onKind={attachments.setKind}
                title={attachments.title}
                onTitle={attachments.setTitle}
                busy={attachments.upload.running}
                error={attachments.upload.error?.message}
                onPick={() => void attachments.upload.run()}
              />
            </>
          )}
        </Section>
        {Object.values(errors).some(Boolean) && <Notice tone="error">请按提示修改标红的内容后再保存。</Notice>}
        {draft.formError && <Notice tone="error">{draft.formError.message}</Notice>}
        <ActionButton tone="primary" onPress={() => void save()} busy={draft.saving} busyText="正在保存…">
          保存草稿
        </ActionButton>
      </View>
    </PageShell>
  )
}
