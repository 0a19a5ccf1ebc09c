import { CodedError } from '../errors.js'

/** The data file exists but cannot be used: start-up stops and the file is left as it is. */
export class StoreCorruptError extends CodedError {
  override name = 'StoreCorruptError' as const
  readonly code = 'store_corrupt'
  constructor(
    readonly file: string,
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(
      `Data file ${file} cannot be used: ${problem}. It was left untouched; fix or move it, then start again.`,
      options,
    )
  }
}

/** The data file's folder refuses writes at start-up (permissions, a read-only disk, a full one). */
export class StoreUnwritableError extends CodedError {
  override name = 'StoreUnwritableError' as const
  readonly code = 'store_unwritable'
  constructor(
    readonly file: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(
      `Data file ${file} cannot be written (${reason}): give the bot's user write access to its folder, or set DATA_FILE to a writable place.`,
      options,
    )
  }
}

/** Writes wait: the data file's lease could not be renewed for nearly the stale time (a bad disk). */
export class StoreUnavailableError extends CodedError {
  override name = 'StoreUnavailableError' as const
  readonly code = 'store_unavailable'
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`Data file ${file} is not written to now (${problem}); writes resume when the disk does.`)
  }
}
