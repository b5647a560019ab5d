import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import IORedis from "ioredis"
import {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible"
import { MESSAGING_MODULE } from "../../modules/messaging"
import type MessagingModuleService from "../../modules/messaging/service"
import type { ErrorResponse } from "../../types/http"
import type { ResolvedPluginOptions } from "../../types/options"

/** Whose budget a send draws from: admin users or affiliate members. */
export type SenderSide = "owner" | "member"

type Limiters = Record<SenderSide, RateLimiterAbstract> & {
  /** Settles once Redis answered or failed: until then sends would count in the insurance limiter only. */
  connected: Promise<void>
}

const WINDOW_SECONDS = 60

/**
 * One pair of limiters per app (keyed by its resolved options), built on the
 * first send: a store that never sends opens no Redis connection.
 */
const limitersByOptions = new WeakMap<ResolvedPluginOptions, Limiters | null>()

function redisClient(url: string, logger: Logger) {
  // Without the offline queue and with a short command timeout, a Redis
  // outage fails fast and the in-memory insurance limiter answers instead.
  const client = new IORedis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 500,
  })
  let warned = false
  client.on("error", (error) => {
    if (!warned) {
      warned = true
      logger.warn(`affiliate messaging: send rate limits fall back to process memory, Redis failed: ${error.message}`)
    }
  })
  client.on("ready", () => {
    warned = false
  })
  const connected = new Promise<void>((resolve) => {
    client.once("ready", () => resolve())
    client.once("error", () => resolve())
    setTimeout(resolve, 1_000).unref()
  })
  return { client, connected }
}

function buildLimiters(options: ResolvedPluginOptions, redisUrl: string | undefined, logger: Logger): Limiters | null {
  if (!options.rateLimits) {
    return null
  }
  const points: Record<SenderSide, number> = {
    owner: options.rateLimits.ownerMessagesPerMinute,
    member: options.rateLimits.memberMessagesPerMinute,
  }
  const redis = redisUrl ? redisClient(redisUrl, logger) : null
  const limiter = (side: SenderSide): RateLimiterAbstract => {
    const settings = { points: points[side], duration: WINDOW_SECONDS, keyPrefix: `affmsg:send-rate:${side}` }
    return redis
      ? new RateLimiterRedis({
          ...settings,
          storeClient: redis.client,
          rejectIfRedisNotReady: true,
          insuranceLimiter: new RateLimiterMemory(settings),
        })
      : new RateLimiterMemory(settings)
  }
  return { owner: limiter("owner"), member: limiter("member"), connected: redis?.connected ?? Promise.resolve() }
}

function limitersFor(req: AuthenticatedMedusaRequest): Limiters | null {
  const options = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE).getOptions()
  if (!limitersByOptions.has(options)) {
    const config = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
    const redisUrl = options.redisUrl || config.projectConfig?.redisUrl || undefined
    limitersByOptions.set(options, buildLimiters(options, redisUrl, req.scope.resolve(ContainerRegistrationKeys.LOGGER)))
  }
  return limitersByOptions.get(options)!
}

/**
 * Caps messages per sender and minute on the send routes (`rateLimits`
 * plugin option). The budget is the sender's (admin user or member id),
 * shared by New Message and replies. Over it: 429 with `Retry-After`, before
 * the body is even validated, so nothing is written. When the limiter
 * itself fails the send goes through: limits protect the store, they must
 * not take messaging down.
 */
export const rateLimitSends =
  (side: SenderSide) =>
  async (req: AuthenticatedMedusaRequest, res: MedusaResponse<ErrorResponse>, next: MedusaNextFunction) => {
    const limiters = limitersFor(req)
    if (!limiters) {
      return next()
    }
    await limiters.connected
    try {
      await limiters[side].consume(req.auth_context.actor_id)
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
        res.setHeader("Retry-After", String(seconds))
        res.status(429).json({
          type: "rate_limited",
          message: `Too many messages: try again in ${seconds} seconds`,
        })
        return
      }
      req.scope
        .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
        .warn(`affiliate messaging: send rate limit not checked: ${(rejection as Error)?.message}`)
    }
    next()
  }
