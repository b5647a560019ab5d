import type { AxiosInstance } from "axios"

export type HttpResult<T = any> = { status: number; data: T; headers: Record<string, any> }
type Headers = Record<string, string>

/**
 * The runner's axios instance, answering every status instead of throwing,
 * so tests assert on status and body alike.
 */
export function httpClient(api: AxiosInstance) {
  const options = (headers?: Headers) => ({
    headers,
    validateStatus: () => true,
  })
  return {
    get: <T = any>(url: string, headers?: Headers): Promise<HttpResult<T>> =>
      api.get(url, options(headers)),
    post: <T = any>(url: string, body?: unknown, headers?: Headers): Promise<HttpResult<T>> =>
      api.post(url, body, options(headers)),
    delete: <T = any>(url: string, headers?: Headers): Promise<HttpResult<T>> =>
      api.delete(url, options(headers)),
    /**
     * Any method; a string body is sent verbatim (malformed or huge JSON),
     * anything else as its JSON (serialized here: axios would walk a deeply
     * nested body recursively), and the answer comes back as its raw text
     * too, so tests can search it.
     */
    send: async <T = any>(
      method: string,
      url: string,
      body?: unknown,
      headers?: Headers
    ): Promise<HttpResult<T> & { text: string }> => {
      const res = await api.request({
        ...options(body === undefined ? headers : { "content-type": "application/json", ...headers }),
        method,
        url,
        data: body === undefined || typeof body === "string" ? body : JSON.stringify(body),
        responseType: "text",
        transformResponse: (raw: unknown) => raw,
        maxBodyLength: Infinity,
        maxContentLength: Infinity,
      })
      const text = typeof res.data === "string" ? res.data : String(res.data ?? "")
      let data: any = text
      try {
        data = JSON.parse(text)
      } catch {}
      return { status: res.status, data, headers: res.headers, text }
    },
  }
}

export type HttpClient = ReturnType<typeof httpClient>
