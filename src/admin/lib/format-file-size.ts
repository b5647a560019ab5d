// shared with the storefront components
export { formatFileSize } from "../../utils/format-file-size"
