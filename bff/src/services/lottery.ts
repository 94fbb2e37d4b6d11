/** The provably fair lottery: commit a secret at creation, preview and confirm, draw, redraw with a reason, publish. */
import {
  type BodyOf,
  candidateListHash,
  drawCommitment,
  drawLottery as runLottery,
  type DrawCandidate,
  type DrawPreview,
  type DrawRecord,
  type DrawRound,
  DrawRoundSchema,
  type EventDetail,
  LOTTERY_ALGORITHM,
  type Quota,
  QuotaSchema,
  quotaFields,
  quotaSeatsMessage,
} from '@gm/shared'
import { randomBytes } from 'node:crypto'
import type { DbOrTx } from '../db/client'
import type { Deps } from '../deps'
import type { StaffContext } from '../domain/actor'
import { AppError, notFound, validationFailed } from '../domain/errors'
import { findEventDraw, insertEventDraw, lockEventForDraw, releaseSeats, setDrawQuotas, setDrawSecret, updateEvent } from '../repositories/event'
import { findRegistrationsOfEvent, type RegistrationRow, setRegistrationStatus, takeSeat } from '../repositories/registration'
import { auditorOf, recordAudit } from './audit'
import { requireInScope } from './departmentScope'
import { eventDetail } from './event'
import { iso } from './paging'
import { tellStatus } from './registration'

/** A fresh secret (256 random bits, hex) and its public commitment. */
export function newDrawSecret(): { drawSecret: string; drawCommitment: string } {
  const drawSecret = randomBytes(32).toString('hex')
  return { drawSecret, drawCommitment: drawCommitment(drawSecret) }
}

/**
 * Commit the lottery's randomness: called when a lottery event is created (and, for older events,
 * when published). Refused once a commitment exists — it was public from that moment.
 */
export async function commitDrawSecret(tx: DbOrTx, eventId: number): Promise<string> {
  const event = await lockEventForDraw(tx, eventId)
  if (!event) throw notFound('活动')
  if (event.drawSecret !== null || event.drawCommitment !== null) throw new AppError('DRAW_SECRET_LOCKED')
  const fresh = newDrawSecret()
  await setDrawSecret(tx, eventId, fresh.drawSecret, fresh.drawCommitment)
  return fresh.drawCommitment
}

/** Lottery events created before commit–reveal get their commitment when published (no-op when one exists). */
export async function ensureDrawCommitted(tx: DbOrTx, eventId: number): Promise<void> {
  const event = await lockEventForDraw(tx, eventId)
  if (event && event.selectionMode === 'LOTTERY' && event.drawCommitment === null && event.drawAt === null) await commitDrawSecret(tx, eventId)
}

type DrawEvent = NonNullable<Awaited<ReturnType<typeof lockEventForDraw>>>

/** The quotas stored on the event (set before signups opened, public since): the only quotas a draw uses. */
const storedQuotas = (stored: unknown): Quota[] => QuotaSchema.array().parse(stored)

/**
 * Change a lottery event's quotas (the event form sets them at creation). Refused with
 * DRAW_QUOTAS_LOCKED once signups have opened or anyone has signed up: from then on they are public
 * with the commitment, and the database trigger refuses the same change.
 */
export async function setEventQuotas(deps: Deps, context: StaffContext, eventId: number, body: BodyOf<'setEventQuotas'>): Promise<EventDetail> {
  await requireInScope(deps.db, context.actor, 'event', eventId)
  return deps.db.$transaction(async (tx) => {
    const event = await lockEventForDraw(tx, eventId)
    if (!event) throw notFound('活动')
    if (event.selectionMode !== 'LOTTERY') throw new AppError('WRONG_SELECTION_MODE')
    if (event.signupOpensAt <= deps.clock() || event._count.registrations > 0 || event.drawAt) throw new AppError('DRAW_QUOTAS_LOCKED')
    const seats = event.capacity - event.reservedSeats
    const tooMany = body.quotas.findIndex((q) => q.seats > seats)
    if (tooMany >= 0) throw validationFailed({ [`quotas.${tooMany}.seats`]: quotaSeatsMessage(seats) })
    const before = storedQuotas(event.drawQuotas)
    await setDrawQuotas(tx, eventId, body.quotas)
    await recordAudit(tx, auditorOf(context), {
      action: 'setEventQuotas',
      entity: 'event',
      entityId: eventId,
      before: { quotas: before },
      after: { quotas: body.quotas },
    })
    return eventDetail(deps, tx, eventId, 'staff')
  })
}

/** Those a (re)draw is among: first draw, the applications; redraw, everyone the last round drew among who has not cancelled. */
const takesPart = (row: RegistrationRow, redraw: boolean) =>
  row.status === 'APPLIED' || (redraw && (row.status === 'SELECTED' || row.status === 'NOT_SELECTED'))

const toCandidate = (row: RegistrationRow): DrawCandidate => ({
  code: row.publicCode,
  category: row.category,
  region: row.region,
  sector: row.sector,
  ageBand: row.ageBand,
  gender: row.gender,
})

/** The inputs of the next round, in signup order (registration id), and the seats it fills. */
async function nextRoundInputs(tx: DbOrTx, event: DrawEvent) {
  const redraw = event.drawAt !== null
  const rows = (await findRegistrationsOfEvent(tx, event.id)).filter((r) => takesPart(r, redraw))
  const held = redraw ? rows.filter((r) => r.status === 'SELECTED').length : 0
  const seats = Math.max(0, event.capacity - event.reservedSeats - (event.confirmedCount - held))
  const candidates = rows.map(toCandidate)
  return { rows, candidates, held, seats, listHash: candidateListHash(candidates) }
}

function checkDrawable(event: DrawEvent, now: Date) {
  if (event.selectionMode !== 'LOTTERY') throw new AppError('WRONG_SELECTION_MODE')
  if (event.cancelledAt) throw new AppError('EVENT_CANCELLED')
  if (!event.drawSecret || !event.drawCommitment) throw new AppError('DRAW_NOT_COMMITTED')
  if (now < event.signupClosesAt) throw new AppError('SIGNUP_STILL_OPEN')
}

function countBy(candidates: DrawCandidate[]): DrawPreview['counts'] {
  const counts = Object.fromEntries(quotaFields.map((f) => [f, {} as Record<string, number>])) as DrawPreview['counts']
  for (const c of candidates) {
    for (const field of quotaFields) {
      const value = c[field]
      if (value) counts[field][value] = (counts[field][value] ?? 0) + 1
    }
  }
  return counts
}

/** What staff confirm: the inputs the next round would use. The secret stays hidden. */
export async function drawPreview(deps: Deps, context: StaffContext, eventId: number): Promise<DrawPreview> {
  await requireInScope(deps.db, context.actor, 'event', eventId)
  return deps.db.$transaction(async (tx) => {
    const event = await lockEventForDraw(tx, eventId)
    if (!event) throw notFound('活动')
    if (event.selectionMode !== 'LOTTERY') throw new AppError('WRONG_SELECTION_MODE')
    const next = await nextRoundInputs(tx, event)
    return {
      eventId,
      drawn: event.drawAt !== null,
      signupClosed: deps.clock() >= event.signupClosesAt,
      commitment: event.drawCommitment,
      candidateCount: next.candidates.length,
      seats: next.seats,
      listHash: next.listHash,
      quotas: storedQuotas(event.drawQuotas),
      counts: countBy(next.candidates),
    }
  })
}

interface RoundInput {
  listHash: string
  witnesses: string[]
  reason: string | null
}

/** Run one round inside the transaction: statuses, seats, notifications, the immutable round row, audit. */
async function runRound(deps: Deps, tx: DbOrTx, context: StaffContext, event: DrawEvent, input: RoundInput): Promise<DrawRound> {
  const now = deps.clock()
  const next = await nextRoundInputs(tx, event)
  if (next.listHash !== input.listHash) throw new AppError('DRAW_LIST_CHANGED', undefined, { listHash: next.listHash })
  const quotas = storedQuotas(event.drawQuotas)
  const result = runLottery({ secret: event.drawSecret!, candidates: next.candidates, quotas, seats: next.seats })
  const selected = new Set(result.selected)
  if (next.held > 0) await releaseSeats(tx, event.id, next.held)
  if (selected.size > 0 && !(await takeSeat(tx, event.id, selected.size))) throw new AppError('SEATS_CHANGED')
  const redraw = input.reason !== null
  for (const row of next.rows) {
    const won = selected.has(row.publicCode)
    const status = won ? 'SELECTED' : 'NOT_SELECTED'
    if (row.status === status) continue
    await setRegistrationStatus(tx, row.id, status, won ? { reviewReason: null } : { reviewReason: redraw ? '重新抽签未抽中' : '公开抽签未抽中' })
    const detail = redraw
      ? `已重新抽签（理由：${input.reason}），${won ? '您已抽中，请凭签到码参加。' : '您未抽中。'}历次抽签记录均已公开。`
      : won
        ? '公开抽签已抽中，请凭签到码参加。'
        : '公开抽签未抽中。抽签记录已公开，可在活动页面查看并验证。'
    await tellStatus(deps, tx, row.citizenId, event, status, detail)
  }
  const round: DrawRound = {
    round: event._count.draws + 1,
    algorithm: LOTTERY_ALGORITHM,
    drawAt: iso(now),
    reason: input.reason,
    witnesses: input.witnesses,
    seats: next.seats,
    quotas,
    listHash: result.listHash,
    seed: result.seed,
    candidates: next.candidates,
    selected: result.selected,
  }
  await insertEventDraw(tx, {
    eventId: event.id,
    round: round.round,
    algorithm: LOTTERY_ALGORITHM,
    reason: input.reason,
    record: round,
    drawnById: context.actor.staffId,
    drawnAt: now,
  })
  await updateEvent(tx, event.id, { drawAt: now })
  await recordAudit(tx, auditorOf(context), {
    action: redraw ? 'redrawLottery' : 'drawLottery',
    entity: 'event',
    entityId: event.id,
    after: {
      round: round.round,
      reason: input.reason,
      listHash: round.listHash,
      seed: round.seed,
      seats: round.seats,
      quotas: round.quotas,
      selected: round.selected,
    },
  })
  return round
}

/**
 * The draw, after signups close and after staff confirmed the preview (the body carries the list
 * hash they saw). The result is a pure function of the committed secret and the public inputs.
 */
export async function drawLottery(deps: Deps, context: StaffContext, eventId: number, body: BodyOf<'drawLottery'>): Promise<DrawRecord> {
  await requireInScope(deps.db, context.actor, 'event', eventId)
  await deps.db.$transaction(async (tx) => {
    const event = await lockEventForDraw(tx, eventId)
    if (!event) throw notFound('活动')
    if (event.drawAt) throw new AppError('DRAW_ALREADY_DONE')
    checkDrawable(event, deps.clock())
    await runRound(deps, tx, context, event, { listHash: body.listHash, witnesses: body.witnesses, reason: null })
  })
  return publicDraw(deps, deps.db, eventId)
}

/** A redraw: never silent — it needs a reason, which is published with every earlier round. */
export async function redrawLottery(deps: Deps, context: StaffContext, eventId: number, body: BodyOf<'redrawLottery'>): Promise<DrawRecord> {
  const reason = body.reason?.trim() ?? ''
  await requireInScope(deps.db, context.actor, 'event', eventId)
  if (reason.length < 4) throw new AppError('REDRAW_REASON_REQUIRED', undefined, { fields: { reason: '请说明重新抽签的理由（至少 4 个字），理由将公开' } })
  await deps.db.$transaction(async (tx) => {
    const event = await lockEventForDraw(tx, eventId)
    if (!event) throw notFound('活动')
    if (!event.drawAt) throw new AppError('DRAW_NOT_DONE')
    checkDrawable(event, deps.clock())
    if (event.startsAt <= deps.clock()) throw new AppError('REDRAW_TOO_LATE', '活动已开始，不能重新抽签')
    if ((await findRegistrationsOfEvent(tx, eventId, 'CHECKED_IN')).length > 0) throw new AppError('REDRAW_TOO_LATE', '已有人签到，不能重新抽签')
    await runRound(deps, tx, context, event, { listHash: body.listHash, witnesses: body.witnesses, reason })
  })
  return publicDraw(deps, deps.db, eventId)
}

async function publicDraw(deps: Deps, db: DbOrTx, eventId: number): Promise<DrawRecord> {
  const event = await findEventDraw(db, eventId, LOTTERY_ALGORITHM)
  if (!event?.publishedAt || event.publishedAt > deps.clock()) throw notFound('活动')
  const rounds = event.draws.map((d) => DrawRoundSchema.parse(d.record))
  const current = rounds.at(-1)
  if (!current || !event.drawSecret || !event.drawCommitment) throw notFound('抽签记录')
  return {
    ...current,
    eventId,
    commitment: event.drawCommitment,
    secret: event.drawSecret,
    announcedQuotas: storedQuotas(event.drawQuotas),
    previousRounds: rounds.slice(0, -1),
  }
}

/** The public record: the secret is revealed only once a round exists. */
export const getDraw = (deps: Deps, eventId: number) => publicDraw(deps, deps.db, eventId)
