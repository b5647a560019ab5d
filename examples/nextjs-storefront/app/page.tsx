import { storeFetch } from "@/lib/medusa"

/** A server component reading the store with the publishable key, as the starter's pages do. */
export default async function Home() {
  const data = await storeFetch<{ regions: { id: string; name: string }[] }>("/store/regions")
  return (
    <section>
      <h1>Northwind storefront</h1>
      <p data-testid="regions">Regions: {data ? data.regions.map((region) => region.name).join(", ") || "none" : "unavailable"}</p>
    </section>
  )
}
