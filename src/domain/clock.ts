/** The core never reads the system time itself: time comes in through this port. */
export interface Clock {
  now(): Date
}

/** Generates ids for new records; injected so tests can predict them. */
export type IdGenerator = () => string
