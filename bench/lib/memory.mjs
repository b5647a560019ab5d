import { round } from "./load.mjs"
import { api } from "./program.mjs"

const MEMORY_STARTS = 5
const MEMORY_SETTLE_MS = 60_000
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Median RSS of `starts` fresh starts each (five in the bench), with the
 * plugin and without, taken in turn, twice per start: 2 s after the same
 * warm-up, and once the idle server has settled (60 s later). Right after
 * boot V8's heap still holds the garbage of loading the code (one start's
 * figure moves by several MB with how far the heap grew), and V8's memory
 * reducer hands that back once the process idles: the settled figure is
 * what a running store keeps, the first one its peak after a start. RSS
 * sampled every 3 s (2026-12-07, three starts each): the reducer ran 18–21 s
 * after the warm-up without the plugin and 36–42 s after it with the plugin
 * (its 5 s scheduled jobs keep the process from looking idle sooner), so
 * the 30 s this waited until then read some starts before and some after
 * it (RSS 340 or 440 MB with the plugin from one start to the next).
 */
export async function measureMemory(host, { admin, starts = MEMORY_STARTS }) {
  const samples = { with: [], without: [] }
  const settled = { with: [], without: [] }
  for (let i = 0; i < starts; i++) {
    for (const variant of ["with", "without"]) {
      const server = await host.start({
        extraEnv: { BENCH_WITHOUT_PLUGIN: variant === "without" ? "true" : "false" },
        logName: `memory-${variant}.log`,
      })
      try {
        const token = (await api(server.url, "POST", "/auth/user/emailpass", { body: admin })).token
        for (let r = 0; r < 200; r++) {
          await api(server.url, "GET", "/admin/bench-floor", { token })
        }
        await sleep(2_000)
        samples[variant].push(server.rssMb())
        await sleep(MEMORY_SETTLE_MS)
        settled[variant].push(server.rssMb())
      } finally {
        await server.stop()
      }
    }
  }
  const median = (values) => round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)], 1)
  const medians = (set) => ({
    with_plugin_mb: median(set.with),
    without_plugin_mb: median(set.without),
    plugin_mb: round(median(set.with) - median(set.without), 1),
  })
  return {
    starts,
    settle_s: MEMORY_SETTLE_MS / 1000,
    ...medians(settled),
    after_warmup: medians(samples),
    samples: { after_warmup: samples, settled },
  }
}
