import { knex as createKnex, type Knex } from "@medusajs/framework/mikro-orm/knex"
import {
  preparedStatementsEnabled,
  resetPreparedStatements,
  runPrepared,
  statementName,
} from "../prepared-statements"

// real Postgres, one connection: what a statement prepared on it left there can be read back.
// node-postgres remembers per connection what it prepared: each test names its statement apart
const SQL = "select ?::text as value"

describe("prepared statements (decision 0041)", () => {
  let knex: Knex

  beforeAll(() => {
    knex = createKnex({
      client: "pg",
      connection: {
        host: process.env.DB_HOST,
        port: Number(process.env.DB_PORT ?? 5432),
        user: process.env.DB_USERNAME,
        password: process.env.DB_PASSWORD,
        database: "postgres",
      },
      pool: { min: 1, max: 1 },
    })
  })
  afterAll(() => knex.destroy())
  afterEach(() => resetPreparedStatements())

  const preparedOnConnection = async (db: Knex) =>
    (await db.raw("select name, statement from pg_prepared_statements order by name")).rows as { name: string; statement: string }[]

  it("runs a statement under its name, prepared once per connection (knex hands `options` to node-postgres)", async () => {
    await knex.raw("deallocate all")
    const first = await runPrepared(knex, "probe", SQL, ["one"])
    const second = await runPrepared(knex, "probe", SQL, ["two"])

    expect(first).toEqual([{ value: "one" }])
    expect(second).toEqual([{ value: "two" }])
    expect(await preparedOnConnection(knex)).toEqual([
      { name: statementName("probe", SQL), statement: "select $1::text as value" },
    ])
  })

  it("names each variant of a statement apart", () => {
    expect(statementName("probe", SQL)).toMatch(/^affmsg_probe_[0-9a-f]{12}$/)
    expect(statementName("probe", `${SQL} limit 1`)).not.toBe(statementName("probe", SQL))
  })

  it("where the server lost the statement (a pooler switched connections), turns naming off and answers unnamed", async () => {
    await runPrepared(knex, "lost", SQL, ["one"])
    // node-postgres still counts it as prepared on this connection, as behind PgBouncer's transaction mode
    await knex.raw("deallocate all")

    const rows = await runPrepared(knex, "lost", SQL, ["two"])

    expect(rows).toEqual([{ value: "two" }])
    expect(preparedStatementsEnabled()).toBe(false)
    await runPrepared(knex, "lost", SQL, ["three"])
    expect(await preparedOnConnection(knex)).toEqual([])
  })

  it("inside a transaction, leaves the failure to the caller and names nothing on its retry", async () => {
    await runPrepared(knex, "in_transaction", SQL, ["one"])
    await knex.raw("deallocate all")

    await expect(
      knex.transaction((trx) => runPrepared(trx, "in_transaction", SQL, ["two"]))
    ).rejects.toMatchObject({ code: "26000" })
    expect(preparedStatementsEnabled()).toBe(false)
    const retried = await knex.transaction((trx) => runPrepared(trx, "in_transaction", SQL, ["two"]))
    expect(retried).toEqual([{ value: "two" }])
  })

  it("passes every other failure through and keeps naming", async () => {
    await expect(
      runPrepared(knex, "broken", "select ?::int as value", ["not a number"])
    ).rejects.toMatchObject({ code: "22P02" })
    expect(preparedStatementsEnabled()).toBe(true)
  })
})
