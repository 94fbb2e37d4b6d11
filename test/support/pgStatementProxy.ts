// A TCP proxy in front of PostgreSQL that records the SQL a spawned process sends (per instance), read off the wire protocol.
import net from 'node:net'

export interface StatementProxy {
  /** Where the process connects (this proxy), with the database name appended by the caller. */
  port: number
  /** Statements sent since the last `take()` (every connection but the ignored applications), and the log cleared. */
  take(): string[]
  /**
   * Arm a lost answer: the next COMMIT of a transaction that sent a statement matching `pattern` reaches
   * the server, then the client's connection is cut before the server's answer, so the transaction
   * commits and the client only sees its connection drop. Resolves with that transaction's statements.
   */
  cutAfterCommit(pattern: RegExp): Promise<string[]>
  /** Arm a reset: the connection that sends the next statement matching `pattern` is reset (TCP RST to the client) as it is sent. */
  resetOn(pattern: RegExp): Promise<void>
  close(): Promise<void>
}

/** Frontend messages sent before the typed ones: SSLRequest and GSSENCRequest are followed by another startup message. */
const NEGOTIATION_CODES = new Set([80877103, 80877104])

/**
 * Forwards every byte unchanged in both directions and reads the client's side of the protocol:
 * a simple query ('Q') is recorded as sent, an extended-protocol statement at its Bind ('B'), with
 * the text of the prepared statement it binds (so a statement prepared once and run many times is
 * counted each time). Connections whose startup names an ignored `application_name` (the change
 * feed's polls) are forwarded but not recorded.
 */
export async function startStatementProxy(target: { host: string; port: number }, options: { ignoreApplications?: string[] } = {}): Promise<StatementProxy> {
  const ignored = new Set(options.ignoreApplications ?? [])
  let log: string[] = []
  let armed: { pattern: RegExp; cut: (statements: string[]) => void } | null = null
  let reset: { pattern: RegExp; done: () => void } | null = null
  const sockets = new Set<net.Socket>()
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host)
    sockets.add(client).add(upstream)
    let committing = false
    const cut = () => {
      client.destroy()
      // A cut after COMMIT lets the server read what was sent (FIN, not RST) before the socket goes.
      if (committing) upstream.end()
      else upstream.destroy()
      sockets.delete(client)
      sockets.delete(upstream)
    }
    client.on('error', cut).on('close', cut)
    upstream.on('error', cut).on('close', cut)
    upstream.pipe(client)

    let buffered = Buffer.alloc(0)
    let startup = true
    let recording = true
    const prepared = new Map<string, string>()
    let transaction: string[] = []
    const sent = (sql: string) => {
      if (reset?.pattern.test(sql)) {
        const { done } = reset
        reset = null
        client.resetAndDestroy()
        upstream.destroy()
        done()
        return
      }
      log.push(sql)
      transaction.push(sql)
      const verb = sql.trim().toUpperCase()
      if (verb === 'COMMIT' && armed && transaction.some((t) => armed!.pattern.test(t))) {
        const { cut: report } = armed
        armed = null
        committing = true
        upstream.unpipe(client)
        cut()
        report(transaction)
      }
      if (verb === 'COMMIT' || verb === 'ROLLBACK') transaction = []
    }
    const cstring = (buf: Buffer, at: number): [string, number] => {
      const end = buf.indexOf(0, at)
      return [buf.toString('utf8', at, end), end + 1]
    }
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk)
      buffered = Buffer.concat([buffered, chunk])
      for (;;) {
        if (startup) {
          if (buffered.length < 8) return
          const length = buffered.readInt32BE(0)
          if (buffered.length < length) return
          const code = buffered.readInt32BE(4)
          if (!NEGOTIATION_CODES.has(code)) {
            const fields = buffered.toString('utf8', 8, length).split('\0')
            for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === 'application_name' && ignored.has(fields[i + 1]!)) recording = false
            startup = false
          }
          buffered = buffered.subarray(length)
          continue
        }
        if (buffered.length < 5) return
        const length = buffered.readInt32BE(1)
        if (buffered.length < 1 + length) return
        const type = String.fromCharCode(buffered[0]!)
        const body = buffered.subarray(5, 1 + length)
        buffered = buffered.subarray(1 + length)
        if (!recording) continue
        if (type === 'Q') sent(cstring(body, 0)[0])
        else if (type === 'P') {
          const [name, at] = cstring(body, 0)
          prepared.set(name, cstring(body, at)[0])
        } else if (type === 'B') {
          const [, at] = cstring(body, 0)
          sent(prepared.get(cstring(body, at)[0]) ?? '<unknown prepared statement>')
        }
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address() as net.AddressInfo
  return {
    port: address.port,
    take() {
      const taken = log
      log = []
      return taken
    },
    resetOn(pattern) {
      return new Promise((resolve) => (reset = { pattern, done: resolve }))
    },
    cutAfterCommit(pattern) {
      return new Promise((resolve) => (armed = { pattern, cut: resolve }))
    },
    close() {
      for (const socket of sockets) socket.destroy()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
