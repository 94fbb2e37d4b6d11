// Who a Q&A vote, view or search hit counts for, kept only as a digest: no account id or address in the clear.
import { createHash } from 'node:crypto'
import { DAY_MS, formatShanghaiDate } from '@gm/shared'
import type { RequestContext } from '../domain/actor'

const digest = (text: string) => createHash('sha256').update(text).digest('base64url')

/** A signed-in citizen or staff member, else the miniapp's device id, else the client address. */
export type Voter = { citizenId: number } | { staffId: number } | { deviceId: string } | { clientIp: string }

/** The key qa_vote and qa_view rows are stored under. */
export function voterDigest(voter: Voter): string {
  if ('citizenId' in voter) return digest(`c:${voter.citizenId}`)
  if ('staffId' in voter) return digest(`s:${voter.staffId}`)
  return digest('deviceId' in voter ? `d:${voter.deviceId}` : `ip:${voter.clientIp}`)
}

/**
 * Who a vote or a view counts for, once per item: the signed-in person, else the miniapp's device
 * id, else the client address.
 */
export function voterKeyOf(context: RequestContext): string {
  const { actor } = context
  return voterDigest(
    actor.kind === 'citizen'
      ? { citizenId: actor.citizenId }
      : actor.kind === 'staff'
        ? { staffId: actor.staffId }
        : context.deviceId
          ? { deviceId: context.deviceId }
          : { clientIp: context.clientIp ?? 'unknown' },
  )
}

/** The qa_view key of a voter's search hits on one Shanghai day (a hit counts once per searcher, item and day). */
export function searchHitDigest(voterKey: string, at: Date): string {
  return digest(`search:${formatShanghaiDate(at)}:${voterKey}`)
}

/** Every key a citizen's votes, views and search hits between two instants can be stored under. */
export function citizenVoterDigests(citizenId: number, from: Date, to: Date): string[] {
  const voterKey = voterDigest({ citizenId })
  const keys = [voterKey]
  // One day of margin each side: the day is the Shanghai calendar day of the server clock at the time.
  for (let t = from.getTime() - DAY_MS; t <= to.getTime() + DAY_MS; t += DAY_MS) keys.push(searchHitDigest(voterKey, new Date(t)))
  return [...new Set(keys)]
}
