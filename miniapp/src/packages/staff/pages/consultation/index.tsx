// 意见征集 (staff): one consultation — publish it, change its window, its work queues, the feedback and exports.
import { Text, View } from '@tarojs/components'
import { consultationStatus, consultationStatusLabels } from '@gm/shared'
import { useState } from 'react'
import type { ApiError } from '../../../../api'
import { ActionButton } from '../../../../components/ActionButton'
import { Badge } from '../../../../components/Badge'
import { ClauseList } from '../../../../components/ClauseList'
import { ConfirmDialog } from '../../../../components/ConfirmDialog'
import { FormField } from '../../../../components/FormField'
import { InfoList } from '../../../../components/InfoList'
import { LinkRow } from '../../../../components/LinkRow'
import { LoadGate } from '../../../../components/LoadGate'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { PersonalInfoOverride } from '../../../../components/PersonalInfoOverride'
import { Section } from '../../../../components/Section'
import { SectionsEditor } from '../../../../components/SectionsEditor'
import { StaffGate } from '../../../../components/StaffGate'
import { TextAreaField } from '../../../../components/TextAreaField'
import { WhenText } from '../../../../components/WhenText'
import { useConsultationDesk, useDraftRevision, usePersonalInfoOverride, useRouteId, useStaffGate } from '../../../../hooks'
import { openPage, routes } from '../../../../navigation'
import { platform } from '../../../../platform'
import { a11y } from '../../../../utils/a11y'
import { momentParts, momentText, partsText, periodParts } from '../../../../utils/format'
import './index.scss'

/** FEEDBACK_NOT_READY says what is still open: `{ pending, unanswered }` in its details. */
export function notReadyText(error: ApiError): string {
  const pending = Number(error.details.pending)
  const unanswered = Number(error.details.unanswered)
  if (Number.isFinite(pending) && Number.isFinite(unanswered) && (pending > 0 || unanswered > 0)) {
    return `暂不能公开采纳情况：还有 ${pending} 条意见待审核、${unanswered} 条意见待答复。请处理完毕后再公开。`
  }
  return error.message
}

/** One consultation for staff: publish, change the window, the work queues, feedback and exports. */
export default function StaffConsultationPage() {
  const id = useRouteId()
  const gate = useStaffGate()
  const [confirm, setConfirm] = useState<'publish' | 'feedback' | null>(null)
  const [showWindow, setShowWindow] = useState(false)
  const desk = useConsultationDesk(id, gate.allowed, () => setShowWindow(false))
  const { view, publish, publishFeedback: feedback, published, exportFile, downloaded, windowForm } = desk
  const feedbackRefusal = usePersonalInfoOverride(feedback.error, feedback.running)
  const revision = useDraftRevision(id)
  const [revising, setRevising] = useState(false)
  const [revised, setRevised] = useState<string | null>(null)

  if (!gate.allowed) return <StaffGate gate={gate} className="gm-staff-consultation-page" />
  const { can } = gate

  return (
    <PageShell className="gm-staff-consultation-page">
      <LoadGate data={view.data} loading={view.loading} error={view.error} onRetry={() => void view.reload()}>
        {({ detail: c, summary }) => {
          const isPublished = summary?.published ?? false
          const status = consultationStatus(c.opensAt, c.closesAt)
          const counts = summary?.counts
          const reasonError =
            publish.error?.code === 'SHORT_WINDOW_REASON_REQUIRED' ? (publish.error.fields.shortWindowReason ?? publish.error.message) : undefined
          return (
            <View>
              <View className="gm-staff-consultation-page__badges">
                {isPublished ? <Badge tone={status}>{consultationStatusLabels[status]}</Badge> : <Badge tone="info">草稿（未发布）</Badge>}
                {c.feedbackPublished && <Badge tone="open">已公开采纳情况</Badge>}
              </View>
              <Text className="gm-page__title">{c.title}</Text>
              {published && <Notice tone="success">{published}</Notice>}
              <Section title="征集信息">
                <InfoList
                  items={[
                    { label: '承办单位', value: c.department.name },
                    { label: '开始时间', value: <WhenText parts={momentParts(c.opensAt)} /> },
                    { label: '截止时间', value: <WhenText parts={momentParts(c.closesAt)} /> },
                    { label: '草案版本', value: `第 ${c.draftVersion} 稿` },
                    { label: '事项类型', value: c.isMajorDecision ? '重大行政决策' : '一般事项' },
                    ...(counts ? [{ label: '意见', value: `共 ${counts.opinions} 条，待审核 ${counts.pending} 条，待答复 ${counts.unanswered} 条` }] : []),
                  ]}
                />
                <View className="gm-field gm-field--shortWindowReason gm-staff-consultation-page__reason">
                  <Text className="gm-field__label">缩短理由</Text>
                  <Text className="gm-staff-consultation-page__reason-text">{c.shortWindowReason ?? '未填写'}</Text>
                  {reasonError && (
                    <Text className="gm-field__error" {...a11y(undefined, 'alert')}>
                      {`${reasonError}。请「编辑」修改草稿填写理由后再发布。`}
                    </Text>
                  )}
                </View>
              </Section>

              {!isPublished && (
                <Section title="发布">
                  {can('EDITOR') && (
                    <ActionButton className="gm-staff-consultation-page__action" onPress={() => openPage(routes.staffConsultationForm(c.id))}>
                      修改草稿
                    </ActionButton>
                  )}
                  {can('REVIEWER') ? (
                    <>
                      {publish.error && !reasonError && <Notice tone="error">{Object.values(publish.error.fields).join('；') || publish.error.message}</Notice>}
                      <ActionButton tone="primary" onPress={() => setConfirm('publish')} busy={publish.running} busyText="正在发布…">
                        发布征集
                      </ActionButton>
                    </>
                  ) : (
                    <Text className="gm-staff-consultation-page__hint">草稿由「审核」角色发布。发布后草案内容不能再修改，只能发布修订版本。</Text>
                  )}
                </Section>
              )}

              {isPublished && can('REVIEWER', 'ADMIN') && (
                <View className="gm-staff-consultation-page__work">
                  <LinkRow
                    title="审核与答复"
                    hint={counts ? `待审核 ${counts.pending} 条，待答复 ${counts.unanswered} 条` : undefined}
                    onOpen={() => openPage(routes.staffOpinions(c.id))}
                  />
                  <LinkRow title="集中意见" hint="自动归类建议、归并与统一答复" onOpen={() => openPage(routes.staffGroups(c.id))} />
                </View>
              )}
              {isPublished && !c.feedbackPublished && (
                <LinkRow
                  title="录入线下意见"
                  hint="电话、信函、电子邮件、座谈会、听证会、问卷收到的意见"
                  onOpen={() => openPage(routes.staffOfflineOpinion(c.id))}
                />
              )}
              {isPublished && <LinkRow title="查看公开页面" onOpen={() => openPage(routes.consultationDetail(c.id))} />}

              {isPublished && can('EDITOR') && status !== 'closed' && (
                <Section title="发布修订版本">
                  {revised && <Notice tone="success">{revised}</Notice>}
                  {revising ? (
                    <View className="gm-staff-consultation-page__revision">
                      <Text className="gm-staff-consultation-page__hint">{`在第 ${c.draftVersion} 稿的基础上修改条款；发布后原版本保留，公众可逐条比较。`}</Text>
                      <TextAreaField
                        name="revisionNote"
                        label="修订说明（公开）"
                        value={revision.note}
                        error={revision.errors.note}
                        onInput={revision.setNote}
                      />
                      <SectionsEditor sections={revision.sections} errors={revision.errors} onChange={revision.setSections} nextKey={revision.nextKey} />
                      {revision.formError && <Notice tone="error">{revision.formError.message}</Notice>}
                      <View className="gm-staff-consultation-page__exports">
                        <ActionButton className="gm-staff-consultation-page__export" onPress={() => setRevising(false)}>
                          取消
                        </ActionButton>
                        <ActionButton
                          className="gm-staff-consultation-page__export"
                          tone="primary"
                          busy={revision.saving}
                          busyText="正在发布…"
                          onPress={() =>
                            void revision.submit().then(async (saved) => {
                              if (!saved) return
                              setRevising(false)
                              setRevised(`第 ${saved.draftVersion} 稿已发布，公众可在征集页面查看历次版本并逐条比较。`)
                              await view.reload()
                            })
                          }
                        >
                          发布修订版本
                        </ActionButton>
                      </View>
                    </View>
                  ) : (
                    <ActionButton
                      onPress={() => {
                        revision.start(c)
                        setRevised(null)
                        setRevising(true)
                      }}
                    >
                      修订草案
                    </ActionButton>
                  )}
                </Section>
              )}

              {isPublished && can('REVIEWER') && status !== 'closed' && (
                <Section title="调整征集期限">
                  {showWindow ? (
                    <View>
                      <FormField
                        name="windowClosesAt"
                        label="新的截止时间"
                        value={windowForm.values.closesAt}
                        placeholder="2027-01-15 00:00"
                        hint="晚于原截止时间为延长，早于为提前结束；理由将公开"
                        maxlength={19}
                        error={windowForm.errors.closesAt}
                        onInput={(v) => windowForm.setField('closesAt', v)}
                      />
                      <TextAreaField
                        name="windowReason"
                        label="理由"
                        value={windowForm.values.reason}
                        error={windowForm.errors.reason}
                        onInput={(v) => windowForm.setField('reason', v)}
                      />
                      {windowForm.formError && <Notice tone="error">{windowForm.formError.message}</Notice>}
                      <ActionButton tone="primary" onPress={() => void windowForm.handleSubmit()} busy={windowForm.submitting} busyText="正在保存…">
                        保存期限调整
                      </ActionButton>
                    </View>
                  ) : (
                    <ActionButton onPress={() => setShowWindow(true)}>延长或提前结束</ActionButton>
                  )}
                </Section>
              )}

              {isPublished && can('REVIEWER', 'ADMIN') && (
                <Section title="意见采纳情况">
                  {c.feedbackPublished ? (
                    <LinkRow title="查看已公开的采纳情况" onOpen={() => openPage(routes.consultationFeedback(c.id))} />
                  ) : status !== 'closed' ? (
                    <Text className="gm-staff-consultation-page__hint">{`征集结束（${momentText(c.closesAt)}）且全部意见审核、答复完毕后，可一次性公开全部答复和采纳情况报告。`}</Text>
                  ) : (
                    <>
                      {feedback.error && !feedbackRefusal.spans && (
                        <Notice tone="error">{feedback.error.code === 'FEEDBACK_NOT_READY' ? notReadyText(feedback.error) : feedback.error.message}</Notice>
                      )}
                      {feedbackRefusal.spans && (
                        <PersonalInfoOverride
                          spans={feedbackRefusal.spans}
                          describe={(s) => `${s.opinionId ? `意见 #${s.opinionId} · ` : ''}${s.label}：${s.text}`}
                          hint="以上内容在已审核意见的公开文本中（可能审核于识别规则更新之前）。确需公开时："
                          reason={feedbackRefusal.reason}
                          onReason={feedbackRefusal.setReason}
                          onOverride={(reason) => void feedback.run(reason)}
                          overriding={feedback.running}
                        />
                      )}
                      <ActionButton tone="primary" onPress={() => setConfirm('feedback')} busy={feedback.running} busyText="正在公开…">
                        公开采纳情况
                      </ActionButton>
                    </>
                  )}
                </Section>
              )}

              {isPublished && can('REVIEWER', 'ADMIN') && (
                <Section title="导出意见与答复">
                  {exportFile.error && <Notice tone="error">{exportFile.error.message}</Notice>}
                  {downloaded && <Notice tone="success">{downloaded}</Notice>}
                  <View className="gm-staff-consultation-page__exports">
                    {platform.name === 'h5' && (
                      <ActionButton
                        className="gm-staff-consultation-page__export"
                        onPress={() => void exportFile.run('csv')}
                        busy={exportFile.running}
                        busyText="正在下载…"
                      >
                        导出 CSV
                      </ActionButton>
                    )}
                    <ActionButton
                      className="gm-staff-consultation-page__export"
                      onPress={() => void exportFile.run('xlsx')}
                      busy={exportFile.running}
                      busyText="正在下载…"
                    >
                      导出 Excel
                    </ActionButton>
                  </View>
                </Section>
              )}

              <Section title="草案条款">
                <ClauseList sections={c.sections} />
              </Section>

              {confirm === 'publish' && (
                <ConfirmDialog
                  title="确定发布这项意见征集吗？"
                  confirmText="确认发布"
                  busy={publish.running}
                  onCancel={() => setConfirm(null)}
                  onConfirm={() => void publish.run().then(() => setConfirm(null))}
                >
                  <Text>{`发布后公众即可看到草案并在 ${partsText(periodParts(c.opensAt, c.closesAt))} 期间提交意见。已发布的草案不能修改，只能发布修订版本。`}</Text>
                </ConfirmDialog>
              )}
              {confirm === 'feedback' && (
                <ConfirmDialog
                  title="确定公开意见采纳情况吗？"
                  confirmText="确认公开"
                  busy={feedback.running}
                  onCancel={() => setConfirm(null)}
                  onConfirm={() => void feedback.run(undefined).then(() => setConfirm(null))}
                >
                  <Text>公开后，全部答复、集中意见及理由和统计报告将同时向社会公开，并通知提交意见的公众。公开后不能再修改答复。</Text>
                </ConfirmDialog>
              )}
            </View>
          )
        }}
      </LoadGate>
    </PageShell>
  )
}
