/** `?, ?, ?` for an `in (…)` list: values always go through bindings. */
export const placeholders = (values: unknown[]) => values.map(() => "?").join(", ")
