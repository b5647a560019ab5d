/**
 * The merge tags a broadcast body may use, for the form's help and its
 * preview. Parsing and rendering are the server's own (src/utils/merge-tags.ts):
 * the form flags exactly the tags the server would refuse with a 400.
 */
export { renderMergeTags, unknownMergeTags } from "../../utils/merge-tags"

export const MERGE_TAGS = [
  { tag: "{{affiliate.name}}", description: "the affiliate's name" },
  { tag: "{{store.name}}", description: "your store's name" },
] as const
