import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type IRateLimiterRedisOptions,
} from "rate-limiter-flexible"

type Settled = { refused: boolean; res: RateLimiterRes }

/**
 * A counter in Redis, shared by every server process, that this process
 * also keeps in its own memory, so that when a Redis command fails (an
 * outage, or a reply later than the client's command timeout while the
 * event loop was busy) the answer is this process's count so far.
 *
 * rate-limiter-flexible's `insuranceLimiter` only starts counting at the
 * first failure: a caller who had used up the budget in Redis would get it
 * whole again from the insurance. Counting here on every request costs a
 * map update; the local count never exceeds the shared one, so it can only
 * be looser than Redis, never stricter.
 */
export class RedisLimiterWithLocalCount extends RateLimiterRedis {
  protected readonly local: RateLimiterMemory

  constructor(options: Omit<IRateLimiterRedisOptions, "insuranceLimiter">) {
    super(options)
    this.local = new RateLimiterMemory({ points: options.points, duration: options.duration, keyPrefix: options.keyPrefix })
  }

  async consume(key: string | number, points = 1, options: Record<string, unknown> = {}): Promise<RateLimiterRes> {
    const local = this.local.consume(key, points).then(
      (res): Settled => ({ refused: false, res }),
      (res: RateLimiterRes): Settled => ({ refused: true, res })
    )
    try {
      return await super.consume(key, points, options)
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        throw error
      }
      const { refused, res } = await local
      if (refused) {
        throw res
      }
      return res
    }
  }

  async reward(key: string | number, points = 1, options: Record<string, unknown> = {}): Promise<RateLimiterRes> {
    await this.local.reward(key, points)
    return super.reward(key, points, options)
  }
}
