// A signed-in person's own account: who I am, privacy consent, phone binding, my messages and subscriptions, exporting and deleting my data.
import { type Me, type MyData, PRIVACY_NOTICE_VERSION, type QueryOf, type ResponseOf, type NotificationKind } from '@gm/shared'
import type { Deps } from '../deps'
import type { CitizenActor, SignedInActor } from '../domain/actor'
import { AppError } from '../domain/errors'
import { deidentifyContributions, deleteCitizen, findCitizen, findPersonalDetails, updateCitizen } from '../repositories/citizen'
import { deleteQaVotesAndViews } from '../repositories/qa'
import { findMyRegistrations } from '../repositories/registration'
import { onceForKey } from './idempotency'
import { cancelLockedRegistration } from './registration'
import { revokeSessionsOf } from '../repositories/session'
import { addSubscribeCredits, findAllNotifications, findNotifications, markNotificationRead } from '../repositories/notification'
import { findStaff } from '../repositories/staff'
import { citizenVoterDigests } from '../security/voter'
import { iso, isoOrNull, pageOf, pageWindow } from './paging'
import { staffMe } from './staffView'
import { callWechat } from './wechat'

type CitizenRow = NonNullable<Awaited<ReturnType<typeof findCitizen>>>

export function citizenMe(row: CitizenRow): Me {
  return {
    kind: 'citizen',
    id: row.id,
    nickname: row.nickname,
    hasPhone: row.phone !== null,
    privacyAccepted: row.privacyVersion === PRIVACY_NOTICE_VERSION,
  }
}

export async function getMe(deps: Deps, actor: SignedInActor): Promise<Me> {
  if (actor.kind === 'citizen') {
    const row = await findCitizen(deps.db, actor.citizenId)
    if (!row) throw new AppError('SESSION_EXPIRED')
    return citizenMe(row)
  }
  const staff = await findStaff(deps.db, actor.staffId)
  if (!staff) throw new AppError('SESSION_EXPIRED')
  return staffMe(staff)
}

export async function acceptPrivacy(deps: Deps, actor: CitizenActor): Promise<Me> {
  return citizenMe(await updateCitizen(deps.db, actor.citizenId, { privacyAcceptedAt: deps.clock(), privacyVersion: PRIVACY_NOTICE_VERSION }))
}

/** Exchange the phone-number button's code with WeChat; the number is stored privately. */
export async function bindPhone(deps: Deps, actor: CitizenActor, code: string): Promise<Me> {
  const { purePhoneNumber } = await callWechat(deps, (wechat) => wechat.getPhoneNumber(code))
  return citizenMe(await updateCitizen(deps.db, actor.citizenId, { phone: purePhoneNumber }))
}

type NotificationRow = Awaited<ReturnType<typeof findAllNotifications>>[number]
const toNotification = (row: NotificationRow) => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  body: row.body,
  link: row.link,
  createdAt: iso(row.createdAt),
  read: row.readAt !== null,
})

export async function listMyNotifications(deps: Deps, actor: CitizenActor, query: QueryOf<'listMyNotifications'>): Promise<ResponseOf<'listMyNotifications'>> {
  const { rows, total } = await findNotifications(deps.db, actor.citizenId, pageWindow(query))
  return pageOf(rows.map(toNotification), total, query)
}

export async function readNotification(deps: Deps, actor: CitizenActor, id: number): Promise<null> {
  // Another citizen's notification is indistinguishable from a missing one.
  if (!(await markNotificationRead(deps.db, actor.citizenId, id, deps.clock()))) throw new AppError('NOT_FOUND', '消息不存在')
  return null
}

/**
 * One credit per accepted kind (each accept lets one message be sent). With an idempotency key a
 * retried call after a lost answer adds nothing more.
 */
export async function recordSubscriptions(deps: Deps, actor: CitizenActor, accepted: NotificationKind[], idempotencyKey?: string): Promise<null> {
  const kinds = [...new Set(accepted)].sort()
  await deps.db.$transaction((tx) =>
    onceForKey(tx, { citizenId: actor.citizenId, key: idempotencyKey, operation: 'recordSubscriptions', input: { kinds } }, async () => {
      await addSubscribeCredits(tx, actor.citizenId, kinds)
      return { kinds }
    }),
  )
  return null
}

export async function exportMyData(deps: Deps, actor: CitizenActor): Promise<MyData> {
  const [row, notifications, [opinions, registrations, policyQuestions]] = await Promise.all([
    findCitizen(deps.db, actor.citizenId),
    findAllNotifications(deps.db, actor.citizenId),
    findPersonalDetails(deps.db, actor.citizenId),
  ])
  if (!row) throw new AppError('SESSION_EXPIRED')
  return {
    profile: { nickname: row.nickname, phone: row.phone, privacyAcceptedAt: isoOrNull(row.privacyAcceptedAt), createdAt: iso(row.createdAt) },
    opinions: opinions.map((o) => ({
      receiptCode: o.receiptCode,
      consultationTitle: o.consultation.title,
      authorName: o.authorName,
      contactPhone: o.contactPhone,
      createdAt: iso(o.createdAt),
    })),
    registrations: registrations.map((r) => ({ eventTitle: r.event.title, name: r.name, phone: r.phone, status: r.status, createdAt: iso(r.createdAt) })),
    policyQuestions: policyQuestions.map((q) => ({
      receiptCode: q.receiptCode,
      text: q.text,
      status: q.status,
      createdAt: iso(q.createdAt),
      answeredAt: isoOrNull(q.answeredAt),
    })),
    notifications: notifications.map(toNotification),
  }
}

/**
 * Delete the citizen's personal data and end every session of theirs. Seats they hold at events
 * still to come are released (the waitlist moves up); opinions stay, de-identified. Their Q&A votes,
 * views and search hits (kept under digests of their id) go; the items' counts stay as anonymous
 * totals. Idempotency records go with the citizen row (ON DELETE CASCADE).
 */
export async function deleteMyData(deps: Deps, actor: CitizenActor): Promise<null> {
  const now = deps.clock()
  await deps.db.$transaction(async (tx) => {
    const citizen = await findCitizen(tx, actor.citizenId)
    const since = citizen && citizen.createdAt < now ? citizen.createdAt : now
    await deleteQaVotesAndViews(tx, citizenVoterDigests(actor.citizenId, since, now))
    for (const registration of await findMyRegistrations(tx, actor.citizenId)) {
      const active = registration.status === 'SELECTED' || registration.status === 'WAITLISTED' || registration.status === 'APPLIED'
      if (active && registration.event.startsAt > now) await cancelLockedRegistration(deps, tx, registration.id)
    }
    await deidentifyContributions(tx, actor.citizenId)
    await revokeSessionsOf(tx, { citizenId: actor.citizenId }, now)
    await deleteCitizen(tx, actor.citizenId)
  })
  deps.log.info({ citizenId: actor.citizenId }, 'citizen deleted their personal data')
  return null
}
