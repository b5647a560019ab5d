import type { EntityManager, Knex } from "@medusajs/framework/mikro-orm/knex"
import type { Context } from "@medusajs/framework/types"
import { DALUtils } from "@medusajs/framework/utils"
import { runPrepared } from "./prepared-statements"

/**
 * What the modules' repositories share: knex from the module's manager,
 * statements run in the caller's transaction, rows typed once, and
 * soft-delete read in one place (`live`, `onLive`, `liveConflict`).
 */
export abstract class SqlRepository extends DALUtils.MikroOrmBase {
  constructor(dependencies: { manager: EntityManager }) {
    super(dependencies)
  }

  /** The transaction's manager when there is one (`@MedusaContext()`), the module's otherwise. */
  protected manager(ctx: Context = {}): EntityManager {
    return this.getActiveManager<EntityManager>(ctx)
  }

  protected knex(ctx: Context = {}): Knex {
    return this.manager(ctx).getKnex()
  }

  /**
   * Knex that runs statements itself, for `boundRows` and `preparedRows`:
   * the manager's open transaction when it has one. `getKnex()` alone is always the pool,
   * so a statement run on it inside a transaction would take a second
   * connection while the first sits idle (under load, a pool deadlock).
   */
  private transactionKnex(ctx: Context): Knex {
    const manager = this.manager(ctx)
    return (manager.getTransactionContext<Knex.Transaction>() ?? manager.getKnex()) as Knex
  }

  /**
   * Runs one statement; `Row` is what its select (or returning) list names.
   * Sent as text and bindings, as the ORM's own raw queries are.
   */
  protected async rows<Row>(ctx: Context, statement: Knex.QueryBuilder | Knex.Raw): Promise<Row[]> {
    const { sql, bindings } = statement.toSQL()
    return (await this.manager(ctx).execute(sql, bindings as unknown[])) as Row[]
  }

  /** Runs one write and says how many rows it changed. */
  protected async affected(ctx: Context, statement: Knex.QueryBuilder | Knex.Raw): Promise<number> {
    const { sql, bindings } = statement.toSQL()
    const result = await this.manager(ctx).execute<{ affectedRows: number }>(sql, bindings as unknown[], "run")
    return result.affectedRows
  }

  /**
   * Runs one statement with its values bound as query parameters, in the
   * caller's transaction. For statements that carry a whole batch as one
   * large value (a broadcast's recipients or copies as JSON): the ORM's
   * `execute` escapes every value into the SQL text in JavaScript first,
   * which for 10,000 recipients (2.7 MB of JSON) took longer than the
   * insert itself (decision 0035). These statements are not in the ORM's
   * query log.
   */
  protected async boundRows<Row>(ctx: Context, statement: Knex.QueryBuilder | Knex.Raw): Promise<Row[]> {
    const { sql, bindings } = statement.toSQL()
    const result = await this.transactionKnex(ctx).raw(sql, bindings as readonly Knex.RawBinding[])
    return result.rows as Row[]
  }

  protected async first<Row>(ctx: Context, statement: Knex.QueryBuilder | Knex.Raw): Promise<Row | undefined> {
    const [row] = await this.rows<Row>(ctx, statement)
    return row
  }

  /**
   * `rows` for a hot read of fixed shape (one per request of a member's
   * Messages tab, or per send): a named prepared statement, planned once
   * per connection (decision 0041, `prepared-statements.ts`). `label` names
   * it in `pg_prepared_statements`. Only for statements whose plan does not
   * hang on their values: a search's does (how common its word is).
   */
  protected async preparedRows<Row>(ctx: Context, label: string, statement: Knex.QueryBuilder | Knex.Raw): Promise<Row[]> {
    const { sql, bindings } = statement.toSQL()
    return await runPrepared<Row>(this.transactionKnex(ctx), label, sql, bindings as readonly Knex.RawBinding[])
  }

  protected async preparedFirst<Row>(ctx: Context, label: string, statement: Knex.QueryBuilder | Knex.Raw): Promise<Row | undefined> {
    const [row] = await this.preparedRows<Row>(ctx, label, statement)
    return row
  }
}

const DELETED_AT = "deleted_at"

/** `table as alias` without its soft-deleted rows. */
export function live(knex: Knex, table: string, alias: string = table): Knex.QueryBuilder {
  return knex(alias === table ? table : { [alias]: table }).whereNull(`${alias}.${DELETED_AT}`)
}

/** A join's `on` that keeps only `alias`'s rows that are not soft-deleted. */
export function onLive(join: Knex.JoinClause, alias: string): Knex.JoinClause {
  return join.andOnNull(`${alias}.${DELETED_AT}`)
}

/**
 * An upsert's target: the partial unique index over live rows on `columns`
 * (`also`: the rest of the index's predicate, when it has more).
 */
export function liveConflict(knex: Knex, columns: string[], also?: string): Knex.Raw {
  const predicate = also ? `${also} and ${DELETED_AT} is null` : `${DELETED_AT} is null`
  return knex.raw(`(${columns.map(() => "??").join(", ")}) where ${predicate}`, columns)
}

/** A `like` pattern that finds `text` anywhere, its wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
}

/**
 * `insert into table (…) select … from source`: each column named next to
 * what fills it (a value, or an expression over `source`), one row per row
 * of `source`, so one statement inserts one row or a whole set.
 */
export function insertFrom(
  knex: Knex,
  table: string,
  source: Knex.QueryBuilder,
  columns: Record<string, Knex.Raw | Knex.Ref<string, any>>
): Knex.QueryBuilder {
  const names = Object.keys(columns)
  return knex
    .into(knex.raw(`?? (${names.map(() => "??").join(", ")})`, [table, ...names]))
    .insert(source.select(Object.values(columns)))
}

/**
 * A `text[]` value. Statements reach Postgres as text (`rows` sends them
 * through the manager, which writes each value into the SQL), where a bare
 * array would become a list of values: each element is bound on its own.
 */
export function textArray(knex: Knex, values: string[]): Knex.Raw {
  return knex.raw(`array[${values.map(() => "?").join(", ")}]::text[]`, values)
}

/** A bound value as a select item, for `insertFrom`. */
export function bound(knex: Knex, value: Knex.Value): Knex.Raw {
  return knex.raw("?", [value])
}
