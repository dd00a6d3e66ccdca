/** A command used wrongly or pointed at something unusable: printed as «Lỗi: …», exit code 2, no stack trace. */
export class UsageError extends Error {}
