// Which first-come events this instance knows to be full, so a signup crowd after the last place is refused without a database statement.

/** What the instance remembers about a full event: until when signups are open, and who already has a registration there (and their sessions). */
interface Full {
  closesAt: number
  registrants: Set<number>
  registrantTokens: Set<string>
  learnedAt: number
}

/**
 * Events seen full (no seat and no waitlist place left), each remembered until the change feed
 * reports any committed change to events or registrations (a cancellation, staff raising the
 * capacity, a new registration), the feed is lost, or `maxAgeMs` passes. A fact learned from a
 * read that started before a change was reported is dropped (generation check), so a refusal never
 * rests on a state older than the feed's own delay. People who have any registration on the event
 * (a retry of their committed signup, a second signup) are never refused here: their answer needs
 * the database (their stored result, ALREADY_REGISTERED). Before sign-in they are recognised by
 * the token hashes of their sessions when the fact was learned. Sessions are not in the change log
 * (a sign-in would empty every instance's public cache), so a registrant who signs in anew is not
 * recognised through that new session until the fact is relearned (at most `maxAgeMs`, 5 s in
 * server.ts): a signup sent through it meanwhile is answered SEATS_EXHAUSTED like anyone's, and their
 * registration is untouched (我的报名 shows it).
 */
export class FullEvents {
  private readonly events = new Map<number, Full>()
  private generation = 0
  private live = false

  constructor(private readonly options: { maxAgeMs: number; clock: () => Date }) {}

  /** The generation to hand to learn(): read it before the statement that showed the event full. */
  get current() {
    return this.generation
  }

  /** Whether this citizen's signup can be refused SEATS_EXHAUSTED now without asking the database. */
  refuses(eventId: number, citizenId: number): boolean {
    const full = this.known(eventId)
    return full !== null && !full.registrants.has(citizenId)
  }

  /** The same before sign-in, by the hash of the bearer token: anyone whose session is not a registrant's is refused. */
  refusesToken(eventId: number, tokenHash: string): boolean {
    const full = this.known(eventId)
    return full !== null && !full.registrantTokens.has(tokenHash)
  }

  private known(eventId: number): Full | null {
    const full = this.events.get(eventId)
    if (!full) return null
    const now = this.options.clock().getTime()
    if (now >= full.closesAt || now - full.learnedAt > this.options.maxAgeMs) {
      this.events.delete(eventId)
      return null
    }
    return full
  }

  /** Remember an event read full (by a statement started at `generation`) with everyone who has a registration there and their sessions. */
  learn(generation: number, eventId: number, closesAt: Date, registrants: { citizenIds: number[]; tokenHashes: string[] }) {
    if (!this.live || generation !== this.generation) return
    this.events.set(eventId, {
      closesAt: closesAt.getTime(),
      registrants: new Set(registrants.citizenIds),
      registrantTokens: new Set(registrants.tokenHashes),
      learnedAt: this.options.clock().getTime(),
    })
  }

  /** Whether learning is worth a statement (the feed is up and the event is not known already). */
  wants(eventId: number) {
    return this.live && !this.events.has(eventId)
  }

  /** A committed change to events or registrations (or anything: the feed does not say which table). */
  invalidate() {
    this.generation++
    this.events.clear()
  }

  up() {
    this.invalidate()
    this.live = true
  }

  down() {
    this.live = false
    this.invalidate()
  }
}
