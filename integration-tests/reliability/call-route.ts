import type { HttpClient } from "../helpers/http-client"
import { uploadMultipart, UploadPart } from "../helpers/multipart"
import { RouteKey, routeMethod, routeUrl } from "./route-table"

/** What fills a route's URL and body; `headers` replace the caller's when given. */
export type RouteRequest = {
  id?: string
  /** An id already percent-encoded, put in the URL as it is (encodings express cannot decode). */
  rawId?: string
  query?: string
  /** JSON body; a string is sent verbatim as `application/json`. */
  body?: unknown
  multipart?: UploadPart[]
  headers?: Record<string, string>
}

export type RouteCall = RouteRequest & { headers: Record<string, string> }

export type RouteAnswer = { status: number; data: any; text: string; headers: Record<string, any>; url: string }

/** One request to a route of the table, JSON or multipart, answered with status, parsed body and raw text. */
export async function callRoute(http: HttpClient, baseUrl: string, route: RouteKey, call: RouteCall): Promise<RouteAnswer> {
  const path = call.rawId === undefined ? routeUrl(route, call.id === undefined ? {} : { id: call.id }) : route.slice(route.indexOf(" ") + 1).replace(":id", call.rawId)
  const url = path + (call.query ? `?${call.query}` : "")
  if (call.multipart) {
    const res = await uploadMultipart(`${baseUrl}${url}`, call.headers, call.multipart)
    const text = typeof res.data === "string" ? res.data : JSON.stringify(res.data)
    return { status: res.status, data: res.data, text, headers: {}, url }
  }
  if (route.endsWith("/stream")) {
    return { ...(await openBriefly(`${baseUrl}${url}`, call.headers)), url }
  }
  const res = await http.send(routeMethod(route), url, call.body, call.headers)
  return { ...res, url }
}

/** An event stream never ends: its status, headers and first 300 ms of text (what a leak would be in), then it is closed. */
async function openBriefly(url: string, headers: Record<string, string>) {
  const controller = new AbortController()
  const res = await fetch(url, { headers, signal: controller.signal })
  let text = ""
  if (res.headers.get("content-type")?.startsWith("text/event-stream")) {
    const reader = res.body!.getReader()
    const decoder = new TextDecoder()
    const until = Date.now() + 300
    while (Date.now() < until) {
      const chunk = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(resolve, until - Date.now()))])
      if (!chunk || chunk.done) break
      text += decoder.decode(chunk.value, { stream: true })
    }
    controller.abort()
  } else {
    text = await res.text()
  }
  let data: any = text
  try {
    data = JSON.parse(text)
  } catch {}
  return { status: res.status, data, text, headers: Object.fromEntries(res.headers) }
}

/** Problems with a refusal: Medusa's contract is a 4xx whose JSON carries a `message`. */
export function refusalProblems(answer: RouteAnswer): string[] {
  const problems: string[] = []
  if (answer.status < 400 || answer.status >= 500) {
    problems.push(`answered ${answer.status}, expected a 4xx`)
  }
  if (typeof answer.data?.message !== "string" || !answer.data.message.trim()) {
    problems.push(`no JSON message in ${answer.text.slice(0, 200)}`)
  }
  return problems
}
