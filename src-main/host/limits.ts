/**
 * How much and how long the host waits for a client. A request either arrives in time and within
 * size, or it is answered (408, 413, 431) and its connection closed: no client can hold the host,
 * and every request is answered within five seconds unless its handler is still working.
 */
export interface HostLimits {
  /** A JSON call's body (the contract's largest request, a journey map with images, is far below). */
  maxJsonBytes: number
  /** An uploaded file for import. */
  maxUploadBytes: number
  /** The request line and headers must arrive within this. Node answers 408 and closes. */
  headersTimeoutMs: number
  /** How often Node looks for connections past headersTimeoutMs; the worst case is the sum of the two. */
  checkIntervalMs: number
  /** A body that stops arriving for this long is answered 408 (time spent waiting for the disk does not count). */
  bodyIdleTimeoutMs: number
  /** A JSON body must arrive whole within this (a slow trickle is not "idle"). Uploads have no total limit: files can be large. */
  jsonBodyTimeoutMs: number
  /** An idle keep-alive connection between requests is closed after this. */
  keepAliveTimeoutMs: number
  /** Request line plus headers. Larger is answered 431. */
  maxHeaderBytes: number
}

export const DEFAULT_HOST_LIMITS: HostLimits = {
  maxJsonBytes: 1 << 20,
  maxUploadBytes: 4 * 1024 ** 3,
  // Well inside five seconds, so a loaded machine's timer lag still answers in time (measured:
  // with 80 slow clients at once on a machine at load 20, 4 s limits answered some after 5 s).
  headersTimeoutMs: 3_000,
  checkIntervalMs: 250,
  bodyIdleTimeoutMs: 3_000,
  jsonBodyTimeoutMs: 3_500,
  keepAliveTimeoutMs: 5_000,
  maxHeaderBytes: 16 * 1024,
}
