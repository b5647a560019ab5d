import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible"
import { MB } from "../../../utils/attachment-types"
import { formatFileSize } from "medusa-plugin-affiliate-messaging-storefront"
import { limitersFor, retryAfterSeconds } from "../middlewares/rate-limit"
import { UploadError } from "./upload-refusal"

type QuotaLimiters = { files: RateLimiterAbstract; bytes: RateLimiterAbstract; connected: Promise<void> }

/** Reserved ahead of the bytes of a body sent without Content-Length (chunked). */
const CHUNKED_RESERVATION = MB

/**
 * One upload request's draw on its member's quotas (`uploadQuotas`: files
 * per hour, bytes per day), counted with rate-limiter-flexible in the
 * plugin's Redis when it has one, so every server process counts in the
 * same place, else in process memory.
 *
 * Bytes are only known while they stream, so they are reserved before they
 * are stored and settled after: the request's Content-Length (an upper
 * bound of its files' bytes: Node's parser never reads past it) is reserved
 * before a byte is read, which refuses an upload that cannot fit at once;
 * a chunked body reserves 1 MB more each time its bytes pass the
 * reservation (near the quota, just the bytes that passed: a block that
 * does not fit is given back at once). Each reservation is one atomic
 * increment (INCRBY in Redis), so parallel uploads of one member cannot
 * together pass the quota: the one whose increment crosses it is refused.
 * The price: under contention at the edge of the quota an upload may be
 * refused that would just have fitted; never the other way round. When
 * the request ends, what was reserved and not stored is given back; a
 * refused request gives back everything, files included. Files are counted
 * one by one as each part starts (the first before any byte is read).
 * Windows are rate-limiter-flexible's: an hour (a day) from the first
 * upload they count.
 */
export class UploadQuota {
  protected reservedBytes = 0
  protected passedBytes = 0
  protected files = 0

  protected constructor(
    protected readonly limiters: QuotaLimiters,
    protected readonly memberId: string,
    protected readonly logger: Logger
  ) {}

  /** The member's quota draw, or null when `uploadQuotas` is false. */
  static async open(scope: MedusaContainer, memberId: string): Promise<UploadQuota | null> {
    const limiters = limitersFor(scope, "upload-quotas", (options, factory): QuotaLimiters | null =>
      options.uploadQuotas
        ? {
            files: factory.build({ points: options.uploadQuotas.filesPerHour, duration: 3600, keyPrefix: "affmsg:upload-files" }),
            bytes: factory.build({ points: options.uploadQuotas.bytesPerDay, duration: 86_400, keyPrefix: "affmsg:upload-bytes" }),
            connected: factory.connected,
          }
        : null
    )
    if (!limiters) {
      return null
    }
    await limiters.connected
    return new UploadQuota(limiters, memberId, scope.resolve(ContainerRegistrationKeys.LOGGER))
  }

  /** Before the body is read: the request's first file, and its declared length. */
  async begin(contentLength: number | undefined) {
    await this.countFile()
    const perDay = this.limiters.bytes.points
    if (contentLength && contentLength > perDay) {
      // no wait would ever let it through: a 429 with Retry-After would have the client retry in vain
      throw new UploadError(413, `This upload (${formatFileSize(contentLength)}) is larger than the daily upload quota (${formatFileSize(perDay)} a day)`)
    }
    if (contentLength) {
      await this.reserve(contentLength)
    }
  }

  /** One more file (`begin` counts the first). */
  async countFile() {
    this.files += 1
    await this.draw(this.limiters.files, 1, "files")
  }

  /** Bytes about to be stored. */
  async take(bytes: number) {
    this.passedBytes += bytes
    const needed = this.passedBytes - this.reservedBytes
    if (needed <= 0) {
      return
    }
    // near the quota a whole block may not fit while the bytes do: then only what passed is reserved
    if (needed < CHUNKED_RESERVATION && (await this.tryReserve(CHUNKED_RESERVATION))) {
      return
    }
    await this.reserve(needed)
  }

  /** The upload is stored: what was reserved beyond `storedBytes` goes back. */
  async settle(storedBytes: number) {
    await this.giveBack(this.limiters.bytes, this.reservedBytes - storedBytes)
    this.reservedBytes = storedBytes
  }

  /** The upload is refused: every file and byte it drew goes back. */
  async release() {
    await Promise.all([this.giveBack(this.limiters.files, this.files), this.giveBack(this.limiters.bytes, this.reservedBytes)])
    this.files = 0
    this.reservedBytes = 0
  }

  protected async reserve(bytes: number) {
    this.reservedBytes += bytes
    await this.draw(this.limiters.bytes, bytes, "bytes")
  }

  protected async tryReserve(bytes: number): Promise<boolean> {
    try {
      await this.reserve(bytes)
      return true
    } catch (error) {
      if (!(error instanceof UploadError)) {
        throw error
      }
      this.reservedBytes -= bytes
      await this.giveBack(this.limiters.bytes, bytes)
      return false
    }
  }

  protected async draw(limiter: RateLimiterAbstract, points: number, what: "files" | "bytes") {
    try {
      await limiter.consume(this.memberId, points)
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) {
        // quotas protect the store; a failed counter must not take uploads down
        this.logger.warn(`affiliate messaging: upload quota not checked: ${(rejection as Error)?.message}`)
        return
      }
      const seconds = retryAfterSeconds(rejection)
      const quota = what === "files" ? `${limiter.points} files an hour` : `${formatFileSize(limiter.points)} a day`
      throw new UploadError(429, `Upload quota reached (${quota}): try again in ${seconds} seconds`, seconds)
    }
  }

  protected async giveBack(limiter: RateLimiterAbstract, points: number) {
    if (points > 0) {
      await limiter.reward(this.memberId, points).catch(() => undefined)
    }
  }
}
