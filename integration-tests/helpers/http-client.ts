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
  }
}

export type HttpClient = ReturnType<typeof httpClient>
