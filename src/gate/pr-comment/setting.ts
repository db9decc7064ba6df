/**
 * `pr-comment`: `auto` (pull_request events), `always` (also the pushed commit's PRs), `off`. Its
 * own module, so reading the input does not load Octokit (github.ts) before a comment is posted.
 */
export const PR_COMMENT_MODES = ['auto', 'always', 'off'] as const
export type PrCommentMode = (typeof PR_COMMENT_MODES)[number]
