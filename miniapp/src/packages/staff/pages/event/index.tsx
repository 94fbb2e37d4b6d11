// 活动 (staff): one event — edit, publish, invitee seats, registrations (a table on desktop) and review, quotas, draw, check-in, outcome, cancel, export.
import { Text, View } from '@tarojs/components'
import { type EventDetail, EventQuotasBodySchema, eventKindLabels, publicSeats, selectionModeLabels, signupStatusLabels } from '@gm/shared'
import { useState } from 'react'
import { ActionButton } from '../../../../components/ActionButton'
import { Badge } from '../../../../components/Badge'
import { ConfirmDialog } from '../../../../components/ConfirmDialog'
import { FormField } from '../../../../components/FormField'
import { InfoList } from '../../../../components/InfoList'
import { LinkRow } from '../../../../components/LinkRow'
import { ListState } from '../../../../components/ListState'
import { LoadGate } from '../../../../components/LoadGate'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { AttachmentList } from '../../../../components/AttachmentList'
import { AttachmentUploader } from '../../../../components/AttachmentUploader'
import { useAttachmentDesk } from '../../../../hooks/useAttachments'
import { useEventInvitees } from '../../../../hooks/useEventInvitees'
import { FormFailure } from '../../../../components/PersonalInfoOverride'
import { QuotaList } from '../../../../components/QuotaList'
import { QuotaRows } from '../../../../components/QuotaRows'
import { Paragraphs, Section } from '../../../../components/Section'
import { StaffRegistrationCard } from '../../../../components/StaffRegistrationCard'
import { InviteeSeats } from '../../../../components/InviteeSeats'
import { StaffRegistrationTable } from '../../../../components/StaffRegistrationTable'
import { StaffGate } from '../../../../components/StaffGate'
import { TextAreaField } from '../../../../components/TextAreaField'
import { WhenText } from '../../../../components/WhenText'
import {
  type StaffRegistration,
  useEventQuotas,
  useEventRegistrations,
  useRegistrationReview,
  useRouteId,
  useStaffEventDesk,
  useStaffGate,
} from '../../../../hooks'
import { openPage, routes } from '../../../../navigation'
import { platform } from '../../../../platform'
import { momentText, periodParts, timeRangeParts } from '../../../../utils/format'
import { type QuotaDraft, quotaDraftOf, quotaIssueText, quotasOf } from '../../../../utils/quotas'
import './index.scss'

/** 入选 / 不予入选 (with a reason) for a review-mode application. */
function ReviewActions({ registration, onDone }: { registration: StaffRegistration; onDone: (r: StaffRegistration) => void }) {
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | undefined>()
  const { select, reject } = useRegistrationReview(registration.id, onDone)
  const error = select.error ?? reject.error
  return (
    <View className="gm-staff-event__review">
      {error && <Notice tone="error">{error.message}</Notice>}
      <ActionButton tone="primary" onPress={() => void select.run()} busy={select.running} busyText="正在提交…" disabled={reject.running}>
        {`${registration.name}：入选`}
      </ActionButton>
      <FormField
        name={`rejectReason-${registration.id}`}
        label="不予入选的理由"
        value={reason}
        maxlength={200}
        error={reasonError}
        onInput={(v) => {
          setReason(v)
          setReasonError(undefined)
        }}
      />
      <ActionButton
        onPress={() => (reason.trim().length < 2 ? setReasonError('请填写未入选理由') : void reject.run(reason))}
        busy={reject.running}
        busyText="正在提交…"
        disabled={select.running}
      >
        {`${registration.name}：不予入选`}
      </ActionButton>
    </View>
  )
}

/**
 * A lottery event's quotas: public, and editable (EDITOR) only before signups open and before anyone
 * signed up — the server refuses later changes with DRAW_QUOTAS_LOCKED.
 */
function EventQuotas({ event, editable, onSaved }: { event: EventDetail; editable: boolean; onSaved: (e: EventDetail) => void }) {
  const [rows, setRows] = useState<QuotaDraft[] | null>(null)
  const [error, setError] = useState<string | undefined>()
  const save = useEventQuotas(event.id, (saved) => {
    onSaved(saved)
    setRows(null)
  })
  const submit = (quotaRows: QuotaDraft[]) => {
    const checked = EventQuotasBodySchema.safeParse({ quotas: quotasOf(quotaRows) })
    const issue = checked.success ? undefined : checked.error.issues[0]
    setError(issue && quotaIssueText(issue.path.slice(1), issue.message))
    if (!issue) void save.run(quotasOf(quotaRows))
  }
  const serverError = save.error && (Object.values(save.error.fields).join('；') || save.error.message)
  return (
    <Section title="分层配额">
      <Text className="gm-staff-event__hint">随抽签承诺值在报名开始时公开，抽签只使用这些配额；报名开始后（或有人报名后）不能更改。</Text>
      {rows === null ? (
        <>
          <QuotaList quotas={event.drawQuotas} />
          {editable && <ActionButton onPress={() => setRows(event.drawQuotas.map(quotaDraftOf))}>修改配额</ActionButton>}
        </>
      ) : (
        <>
          <QuotaRows
            rows={rows}
            error={error}
            onChange={(next) => {
              setRows(next)
              setError(undefined)
            }}
          />
          {serverError && <Notice tone="error">{serverError}</Notice>}
          <ActionButton tone="primary" onPress={() => submit(rows)} busy={save.running} busyText="正在保存…">
            保存配额
          </ActionButton>
          <ActionButton onPress={() => setRows(null)}>不修改</ActionButton>
        </>
      )}
    </Section>
  )
}

/** What 释放未分配的预留席位 will do: the reserved seats down to those given, the rest to the waitlist first (先报先得) or to the public. */
function releaseText(e: EventDetail, reserved: number, given: number): string {
  const free = reserved - given
  const where =
    e.selectionMode === 'FIRST_COME'
      ? `空出的 ${free} 个席位先按报名先后依次递补候补人员（递补的人会收到通知），余下的向公众开放报名。`
      : `空出的 ${free} 个席位转为公开报名名额。`
  return `预留席位将从 ${reserved} 个减为已分配的 ${given} 个，${where}`
}

/** One event for staff: publish, registrations and review, quotas, draw, check-in, outcome, cancel, export. */
export default function StaffEventPage() {
  const id = useRouteId()
  const gate = useStaffGate()
  const [confirmCancel, setConfirmCancel] = useState(false)
  const { view, publish, exportFile, downloaded, outcome, cancel } = useStaffEventDesk(id, gate.allowed, () => setConfirmCancel(false))
  // Each action shows to the roles its endpoint admits (the contract's access; the BFF's department scope lets administrators reach every event).
  const { may } = gate
  const registrations = useEventRegistrations(id, gate.allowed && may('listRegistrations') && view.data?.published === true)
  const materials = useAttachmentDesk(id === null ? null : { eventId: id }, gate.allowed, 'MEETING_MATERIAL')
  const seatKeeper = may('listEventInvitees')
  const invitees = useEventInvitees(id, gate.allowed && seatKeeper && (view.data?.event.reservedSeats ?? 0) > 0, (saved) => view.update(saved))
  const [confirmRelease, setConfirmRelease] = useState(false)

  if (!gate.allowed) return <StaffGate gate={gate} className="gm-staff-event" />
  const { can } = gate
  const { update } = view

  const registrationList = (e: EventDetail) => {
    if (registrations.data === undefined)
      return (
        <ListState status={registrations.error ? 'error' : 'loading'} errorMessage={registrations.error?.message} onRetry={() => void registrations.reload()} />
      )
    const invited = invitees.list.data?.invitees ?? []
    if (registrations.data.length === 0 && invited.length === 0) return <ListState status="empty" emptyText="还没有人报名" />
    const checkedIn = registrations.data.filter((r) => r.status === 'CHECKED_IN').length
    const pending = e.selectionMode === 'REVIEW' ? registrations.data.filter((r) => r.status === 'APPLIED') : []
    const count = `共 ${registrations.data.length} 人报名，已签到 ${checkedIn} 人`
    return (
      <View>
        <Text className="gm-staff-event__count">{count}</Text>
        {/* Phone: one card per person, the review actions on it. */}
        <View className="gm-staff-event__cards">
          {registrations.data.map((r) => (
            <StaffRegistrationCard key={r.id} registration={r} selectionMode={e.selectionMode}>
              {pending.includes(r) && <ReviewActions registration={r} onDone={registrations.replace} />}
            </StaffRegistrationCard>
          ))}
        </View>
        {/* Desktop: what needs a decision first, then everyone in one table. */}
        <View className="gm-staff-event__desk">
          {pending.length > 0 && (
            <View className="gm-staff-event__pending">
              <Text className="gm-staff-event__subtitle">{`待审核的申请（${pending.length} 人）`}</Text>
              {pending.map((r) => (
                <StaffRegistrationCard key={r.id} registration={r} selectionMode={e.selectionMode}>
                  <ReviewActions registration={r} onDone={registrations.replace} />
                </StaffRegistrationCard>
              ))}
            </View>
          )}
          <StaffRegistrationTable registrations={registrations.data} invitees={invited} selectionMode={e.selectionMode} caption={`报名名单：${e.title}`} />
        </View>
      </View>
    )
  }

  return (
    <PageShell className="gm-staff-event">
      <LoadGate data={view.data} loading={view.loading} error={view.error} onRetry={() => void view.reload()}>
        {({ event: e, published }) => {
          const started = new Date(e.startsAt).getTime() <= Date.now()
          return (
            <View>
              <View className="gm-staff-event__badges">
                <Text className="gm-staff-event__kind">{eventKindLabels[e.kind]}</Text>
                {e.cancelled ? (
                  <Badge tone="closed">已取消</Badge>
                ) : published ? (
                  <Badge tone={e.signupStatus}>{signupStatusLabels[e.signupStatus]}</Badge>
                ) : (
                  <Badge tone="info">未发布</Badge>
                )}
              </View>
              <Text className="gm-page__title">{e.title}</Text>
              {e.cancelled && <Notice tone="error">{`已于 ${momentText(e.cancelled.at)} 取消：${e.cancelled.reason}`}</Notice>}
              <Section title="活动信息">
                <InfoList
                  items={[
                    { label: '活动编号', value: String(e.id) },
                    { label: '活动时间', value: <WhenText parts={timeRangeParts(e.startsAt, e.endsAt)} /> },
                    { label: '活动地点', value: e.place },
                    { label: '报名时间', value: <WhenText parts={periodParts(e.signupOpensAt, e.signupClosesAt)} /> },
                    { label: '名额', value: `共 ${e.capacity} 个，公开报名 ${publicSeats(e.capacity, e.reservedSeats)} 个，剩余 ${e.seatsLeft} 个` },
                    { label: '确定方式', value: selectionModeLabels[e.selectionMode] },
                    { label: '网络直播', value: e.liveStreamUrl ?? '无' },
                  ]}
                />
                {can('EDITOR') && !e.cancelled && (
                  <LinkRow
                    title="修改活动"
                    hint={published ? '改时间或地点会通知每位报名人；已给出的席位和确定方式不能违背' : '发布前可修改全部内容'}
                    onOpen={() => openPage(routes.staffEventForm(e.id))}
                  />
                )}
              </Section>

              <Section title="会议材料">
                {materials.uploaded && <Notice tone="success">{`已上传「${materials.uploaded.title}」`}</Notice>}
                {(materials.remove.error ?? materials.open.error) && <Notice tone="error">{(materials.remove.error ?? materials.open.error)!.message}</Notice>}
                <AttachmentList
                  items={materials.list.data ?? []}
                  onOpen={(a) => void materials.open.run(a)}
                  onDelete={can('EDITOR') ? (a) => void materials.remove.run(a.id) : undefined}
                  removingId={materials.removingId}
                  emptyText={materials.list.error ? `会议材料加载失败：${materials.list.error.message}` : '还没有会议材料'}
                />
                {can('EDITOR') && (
                  <AttachmentUploader
                    kinds={['MEETING_MATERIAL', 'OTHER']}
                    kind={materials.kind}
                    onKind={materials.setKind}
                    title={materials.title}
                    onTitle={materials.setTitle}
                    busy={materials.upload.running}
                    error={materials.upload.error?.message}
                    onPick={() => void materials.upload.run()}
                  />
                )}
              </Section>

              {seatKeeper && e.reservedSeats > 0 && (
                <Section title="预留席位与受邀人员">
                  {invitees.list.data === undefined ? (
                    <ListState
                      status={invitees.list.error ? 'error' : 'loading'}
                      errorMessage={invitees.list.error?.message}
                      onRetry={() => void invitees.list.reload()}
                    />
                  ) : (
                    <InviteeSeats
                      reservedSeats={invitees.list.data.reservedSeats}
                      invitees={invitees.list.data.invitees}
                      values={invitees.form.values}
                      errors={invitees.form.errors}
                      formError={invitees.form.formError?.message}
                      submitting={invitees.form.submitting}
                      removingError={invitees.remove.error?.message}
                      releaseError={invitees.release.error?.message}
                      {...(e.cancelled
                        ? {}
                        : {
                            onChange: invitees.form.setField,
                            onSubmit: () => void invitees.form.handleSubmit(),
                            onRemove: (i) => void invitees.remove.run(i.id),
                            // A lottery's seats are locked once signups open (the server says DRAW_QUOTAS_LOCKED).
                            ...(can('EDITOR') && (e.selectionMode !== 'LOTTERY' || e.signupStatus === 'upcoming')
                              ? { onRelease: () => setConfirmRelease(true) }
                              : {}),
                          })}
                    />
                  )}
                  {confirmRelease && invitees.list.data && (
                    <ConfirmDialog
                      title="释放未分配的预留席位？"
                      confirmText="确认释放"
                      cancelText="不释放"
                      busy={invitees.release.running}
                      onCancel={() => setConfirmRelease(false)}
                      onConfirm={() => void invitees.release.run().then(() => setConfirmRelease(false))}
                    >
                      <Text>{releaseText(e, invitees.list.data.reservedSeats, invitees.list.data.invitees.length)}</Text>
                    </ConfirmDialog>
                  )}
                </Section>
              )}

              {e.selectionMode === 'LOTTERY' && (
                <EventQuotas
                  event={e}
                  editable={can('EDITOR') && e.signupStatus === 'upcoming' && !e.cancelled && !e.drawn}
                  onSaved={(saved) => update(saved)}
                />
              )}

              {!published && (
                <Section title="发布">
                  {may('publishEvent') ? (
                    <>
                      {publish.error && <Notice tone="error">{Object.values(publish.error.fields).join('；') || publish.error.message}</Notice>}
                      <ActionButton tone="primary" onPress={() => void publish.run()} busy={publish.running} busyText="正在发布…">
                        发布活动
                      </ActionButton>
                    </>
                  ) : (
                    <Text className="gm-staff-event__hint">{`活动由「审核」角色发布。请告知审核人员活动编号 ${e.id}。`}</Text>
                  )}
                </Section>
              )}
              {published && <LinkRow title="查看公开页面" onOpen={() => openPage(routes.eventDetail(e.id))} />}
              {published && !e.cancelled && <LinkRow title="现场签到" hint="输入或扫描签到码" onOpen={() => openPage(routes.staffCheckIn(e.id))} />}
              {published && e.selectionMode === 'LOTTERY' && may('drawLottery') && (
                <LinkRow
                  title={e.drawn ? '抽签结果' : '公开抽签'}
                  hint={e.drawn ? '抽签记录已公开；重新抽签须说明理由' : '报名截止后抽签：按事先公布的配额，填写见证人，确认预览后进行'}
                  onOpen={() => openPage(routes.staffEventDraw(e.id))}
                />
              )}

              {published && may('listRegistrations') && (
                <Section title="报名名单">
                  {exportFile.error && <Notice tone="error">{exportFile.error.message}</Notice>}
                  {downloaded && <Notice tone="success">{downloaded}</Notice>}
                  <View className="gm-staff-event__exports">
                    {platform.name === 'h5' && (
                      <ActionButton
                        className="gm-staff-event__export"
                        onPress={() => void exportFile.run('csv')}
                        busy={exportFile.running}
                        busyText="正在下载…"
                      >
                        导出 CSV
                      </ActionButton>
                    )}
                    <ActionButton className="gm-staff-event__export" onPress={() => void exportFile.run('xlsx')} busy={exportFile.running} busyText="正在下载…">
                      导出 Excel
                    </ActionButton>
                  </View>
                  {registrationList(e)}
                </Section>
              )}

              {published && may('listEventOpinions') && started && !e.cancelled && (
                <LinkRow
                  title="参加人员意见及答复"
                  hint={e.outcome ? '已随会议结果公开' : '记录参加人员提出的意见并逐条答复，全部答复后才能公开会议结果'}
                  onOpen={() => openPage(routes.staffEventOpinions(e.id))}
                />
              )}
              {published && may('recordOutcome') && (
                <Section title="会议结果">
                  {e.outcome && (
                    <View className="gm-staff-event__outcome">
                      <Text className="gm-staff-event__hint">{`已公开（${momentText(e.outcome.publishedAt)}），实际参加 ${e.outcome.attendeeCount} 人：`}</Text>
                      <Paragraphs text={e.outcome.summary} />
                    </View>
                  )}
                  {started ? (
                    <View>
                      <TextAreaField
                        name="outcomeSummary"
                        label={e.outcome ? '更新会议纪要摘要' : '会议纪要摘要'}
                        value={outcome.values.summary}
                        hint="公开后通知已入选和已签到的人员"
                        error={outcome.errors.summary}
                        onInput={(v) => outcome.setField('summary', v)}
                      />
                      <FormFailure
                        formError={outcome.formError?.message}
                        privacy={outcome.privacy}
                        hint="纪要摘要将公开：请点「隐去」或改写后再公开；确需公开时："
                        maskedText="已隐去，请再次公开会议结果。"
                      />
                      <ActionButton tone="primary" onPress={() => void outcome.handleSubmit()} busy={outcome.submitting} busyText="正在公开…">
                        公开会议结果
                      </ActionButton>
                    </View>
                  ) : (
                    <Text className="gm-staff-event__hint">活动开始后可以公开会议结果和实际参加人数。</Text>
                  )}
                </Section>
              )}

              {may('cancelEvent') && !e.cancelled && (
                <Section title="取消活动">
                  <TextAreaField
                    name="cancelReason"
                    label="取消原因"
                    value={cancel.values.reason}
                    hint="原因将公开，并通知所有报名人员"
                    error={cancel.errors.reason}
                    onInput={(v) => cancel.setField('reason', v)}
                  />
                  {cancel.formError && <Notice tone="error">{cancel.formError.message}</Notice>}
                  <ActionButton tone="danger" onPress={() => setConfirmCancel(true)}>
                    取消活动
                  </ActionButton>
                </Section>
              )}

              {confirmCancel && (
                <ConfirmDialog
                  title="确定取消这场活动吗？"
                  confirmText="确认取消活动"
                  cancelText="不取消"
                  danger
                  busy={cancel.submitting}
                  onCancel={() => setConfirmCancel(false)}
                  onConfirm={() => void cancel.handleSubmit().then(() => setConfirmCancel(false))}
                >
                  <Text>取消后不能恢复，所有报名人员都会收到通知。</Text>
                </ConfirmDialog>
              )}
            </View>
          )
        }}
      </LoadGate>
    </PageShell>
  )
}
