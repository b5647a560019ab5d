import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import IORedis from "ioredis"
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"
import type { ErrorResponse } from "../../../types/http"
import type { ResolvedPluginOptions } from "../../../types/options"
import { answerRefusedUpload, UploadError } from "../attachments/upload-refusal"
import { RedisLimiterWithLocalCount } from "./redis-limiter-with-local-count"

/** Whose budget a request draws from: admin users or affiliate members. */
export type LimitedSender = "owner" | "member"

/** Builds counters in the plugin's Redis when it has one, else in process memory. */
export type LimiterFactory = {
  build(settings: { points: number; duration: number; keyPrefix: string }): RateLimiterAbstract
  /** Settles once Redis answered or failed: until then requests would count in process memory only. */
  connected: Promise<void>
}

const factories = new WeakMap<ResolvedPluginOptions, LimiterFactory>()
const cached = new WeakMap<ResolvedPluginOptions, Map<string, unknown>>()

function redisClient(url: string, logger: Logger) {
  // Without the offline queue and with a short command timeout, a Redis
  // outage fails fast and the process's own count answers instead.
  const client = new IORedis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 500,
  })
  let warned = false
  client.on("error", (error) => {
    if (!warned) {
      warned = true
      logger.warn(`affiliate messaging: rate limits and quotas fall back to process memory, Redis failed: ${error.message}`)
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

function limiterFactory(options: ResolvedPluginOptions, scope: MedusaContainer): LimiterFactory {
  let factory = factories.get(options)
  if (!factory) {
    const config = scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
    const redisUrl = options.redisUrl || config.projectConfig?.redisUrl || undefined
    // one connection per app, opened on the first limited request: a store that never sends opens none
    const redis = redisUrl ? redisClient(redisUrl, scope.resolve(ContainerRegistrationKeys.LOGGER)) : null
    factory = {
      build: (settings) =>
        redis
          ? new RedisLimiterWithLocalCount({ ...settings, storeClient: redis.client, rejectIfRedisNotReady: true })
          : new RateLimiterMemory(settings),
      connected: redis?.connected ?? Promise.resolve(),
    }
    factories.set(options, factory)
  }
  return factory
}

/**
 * What `make` builds from the app's resolved options, once per app and
 * `name`: limiters live as long as the app's options object.
 */
export function limitersFor<T>(
  scope: MedusaContainer,
  name: string,
  make: (options: ResolvedPluginOptions, factory: LimiterFactory) => T
): T {
  const options = scope.resolve<IMessagingModuleService>(MESSAGING_MODULE).getOptions()
  let byName = cached.get(options)
  if (!byName) {
    byName = new Map()
    cached.set(options, byName)
  }
  if (!byName.has(name)) {
    byName.set(name, make(options, limiterFactory(options, scope)))
  }
  return byName.get(name) as T
}

/** Whole seconds until a refused request may be tried again (at least 1). */
export const retryAfterSeconds = (rejection: RateLimiterRes) => Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))

/** 429 with `Retry-After` and `{ type: "rate_limited", message }`. */
export function answerRateLimited(res: MedusaResponse<ErrorResponse>, seconds: number, what: string) {
  res.setHeader("Retry-After", String(seconds))
  res.status(429).json({ type: "rate_limited", message: `${what}: try again in ${seconds} seconds` })
}

type PerMinute = {
  /** The `rateLimits` option per side, and the Redis key prefix of the counters. */
  points: (limits: Exclude<ResolvedPluginOptions["rateLimits"], false>) => Record<LimitedSender, number>
  keyPrefix: string
  /** The start of the refusal's message. */
  what: string
  /** Answers the 429 (default `answerRateLimited`). */
  answer?: (req: AuthenticatedMedusaRequest, res: MedusaResponse<ErrorResponse>, seconds: number, what: string) => void
}

const WINDOW_SECONDS = 60

/** The owner's and the members' counters of a family of routes, null when `rateLimits` is off. */
const familyLimiters = (scope: MedusaContainer, family: Pick<PerMinute, "points" | "keyPrefix">) =>
  limitersFor(scope, family.keyPrefix, (options, factory) => {
    if (!options.rateLimits) {
      return null
    }
    const points = family.points(options.rateLimits)
    const limiter = (s: LimitedSender) =>
      factory.build({ points: points[s], duration: WINDOW_SECONDS, keyPrefix: `${family.keyPrefix}:${s}` })
    return { owner: limiter("owner"), member: limiter("member"), connected: factory.connected }
  })

/**
 * Caps requests per caller and minute on a family of routes (`rateLimits`
 * plugin option). The budget is the caller's (admin user or member id).
 * Over it: 429 with `Retry-After`, before the body is even read, so nothing
 * is written. When the limiter itself fails the request goes through:
 * limits protect the store, they must not take messaging down.
 */
const rateLimitPerMinute =
  (family: PerMinute) =>
  (side: LimitedSender) =>
  async (req: AuthenticatedMedusaRequest, res: MedusaResponse<ErrorResponse>, next: MedusaNextFunction) => {
    const limiters = familyLimiters(req.scope, family)
    if (!limiters) {
      return next()
    }
    await limiters.connected
    try {
      await limiters[side].consume(req.auth_context.actor_id)
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        const answer = family.answer ?? ((_, response, seconds, what) => answerRateLimited(response, seconds, what))
        return answer(req, res, retryAfterSeconds(rejection), family.what)
      }
      req.scope
        .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
        .warn(`affiliate messaging: rate limit not checked: ${(rejection as Error)?.message}`)
    }
    next()
  }

const SENDS: PerMinute = {
  points: (limits) => ({ owner: limits.ownerMessagesPerMinute, member: limits.memberMessagesPerMinute }),
  keyPrefix: "affmsg:send-rate",
  what: "Too many messages",
}

/** Messages per sender and minute over New Message and replies (`ownerMessagesPerMinute`, `memberMessagesPerMinute`). */
export const rateLimitSends = rateLimitPerMinute(SENDS)

/**
 * Draws one message from a sender's budget outside a request (a reply by
 * email counts like one typed in the app): the seconds until it may send
 * again when over it, else null (also when the limiter fails, as for routes).
 */
export async function takeSendBudget(scope: MedusaContainer, side: LimitedSender, senderId: string): Promise<number | null> {
  const limiters = familyLimiters(scope, SENDS)
  if (!limiters) {
    return null
  }
  await limiters.connected
  try {
    await limiters[side].consume(senderId)
    return null
  } catch (rejection) {
    return rejection instanceof RateLimiterRes ? retryAfterSeconds(rejection) : null
  }
}

/** Upload requests per uploader and minute (`ownerUploadsPerMinute`, `memberUploadsPerMinute`). */
export const rateLimitUploads = rateLimitPerMinute({
  points: (limits) => ({ owner: limits.ownerUploadsPerMinute, member: limits.memberUploadsPerMinute }),
  keyPrefix: "affmsg:upload-rate",
  what: "Too many uploads",
  // the body is still on its way: answered so that the client reads the 429 (see answerRefusedUpload)
  answer: (req, res, seconds, what) =>
    answerRefusedUpload(req, res, new UploadError(429, `${what}: try again in ${seconds} seconds`, seconds)),
})
