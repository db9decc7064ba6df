import type { InputName } from './catalogue.js'

/**
 * What each input does, in the words of action.yml's `description` (a test holds the two equal,
 * folded lines joined by one space). The CLI's `--help` prints them. Kept beside the catalogue,
 * keyed by name, so adding an input to the catalogue is one line there and one here: the type
 * refuses an input without a description.
 */
export const INPUT_DESCRIPTIONS: Readonly<Record<InputName, string>> = {
  mode: '`gate` (verdict on images and functions), `setup` (the idempotent security baseline) or `report` (the compliance report from Security Hub).',
  images:
    'ECR image URIs to gate, one per line, each with a tag or a digest (`<account>.dkr.ecr.<region>.amazonaws.com/<repo>@sha256:…`). Image indexes (multi-arch, BuildKit attestations) are expanded to their platform images. Give images, functions or both.',
  functions:
    'Lambda functions to gate, one per line: a name (in AWS_REGION) or a function ARN. The gate waits for the deployment to finish and gates only findings of the deployed code (CodeSha256).',
  sboms:
    "SBOM files to gate before the push, one per line (CycloneDX 1.4/1.5 JSON, SPDX 2.3 JSON, or BuildKit's in-toto SBOM attestation), scanned by Inspector Scan (ScanSbom) in AWS_REGION: one call each, no wait. Alone or beside images and functions.",
  'code-scanning':
    'Lambda code scanning: `auto` gates code findings when code scanning is on for the account, `true` requires it (with ensure-enabled check/enable), `false` gates package findings only.',
  'fail-on':
    'Severity floor that fails the gate: `critical`, `high`, `medium`, `low`, `informational` or `none`.',
  'max-findings':
    'Per-severity budgets per target (entry of `images` or `functions`), e.g. `critical=0, high=5`: fail when a target has more. A budget for a severity replaces the floor for that severity.',
  'untriaged-as':
    'Severity that Inspector UNTRIAGED (not yet scored) findings count as: `critical`, `high`, `medium`, `low` or `informational`.',
  'fixable-only':
    'When `true`, findings known to have no fix cannot fail the gate; findings whose fixability is unknown still can.',
  'fail-on-exploitable':
    'When `true`, any finding with a known exploit (Inspector `exploitAvailable: YES`) fails the gate, whatever its severity.',
  'fail-on-epss':
    'EPSS probability at or above which a finding fails the gate, whatever its severity: a number from 0 to 1 such as `0.1`, or a percentage such as `10%`. Findings without an EPSS score are not blocked by this rule. Empty: off.',
  'min-score':
    "Inspector score (0 to 10, not the vendor's CVSS) a finding needs for `fail-on` to block it, such as `7.0`. Findings without an Inspector score still meet it. Empty: off.",
  'ignore-file':
    'YAML file of accepted findings (id, reason, optional expires and scope). Empty: none.',
  timeout:
    'Total time for the whole gate, settling and `ensure-enabled: enable` included, e.g. `15m`, `90s`, `1h30m` (at least 1 second).',
  settle:
    "Longest time to re-read findings after a scan completes until they match the scan event's counts, or two reads agree after a quiet period. Findings still changing when it runs out make the result `error`.",
  'scan-event-log-group':
    "CloudWatch Logs group holding Inspector's `Inspector2 Scan` events, with which the gate settles an image's findings the moment they match the scan's own counts instead of waiting out the quiet period (the role needs logs:FilterLogEvents on it). Empty: the `ScanEventLogGroup` output of the stack `responder-stack-name` in each image's Region, when it is deployed. `off`: settle by the quiet period only.",
  'on-unscannable':
    '`fail` or `warn` when Inspector or ECR cannot scan a target (unsupported OS, runtime, media type…). Setup problems that stop a scan follow `on-error`.',
  'on-error':
    '`fail` or `warn` when the gate cannot reach a verdict (AWS error, permission, setup problem, unsettled findings, timeout), or when a part of the report (findings, posture) cannot be read.',
  'ensure-enabled':
    '`check`: fail fast, with the fix, when Inspector (ECR, Lambda, Lambda code) or Security Hub and its Inspector import are off where the targets need them; `enable`: turn on what is missing and wait until it is on; `off`: skip.',
  'findings-file':
    'Where to write the normalized findings JSON. Empty: `$RUNNER_TEMP/inspector-gate/<step id>/findings.json`, one file per step (GITHUB_ACTION).',
  summary: 'Write the verdict to the job summary (`true` or `false`).',
  'sarif-file':
    'Write the findings as SARIF 2.1.0 to this path, for `github/codeql-action/upload-sarif`: one run per image or function (its own category), one rule per vulnerability with `security-severity`. Empty: no SARIF.',
  'sarif-location':
    "The repository file that SARIF results and annotations point at, e.g. the image's Dockerfile. Empty: `Dockerfile` when the workspace has one, else the one Dockerfile found one folder down, otherwise the workflow file. Lambda code-scanning findings always point at their own file and lines.",
  'pr-comment':
    "The sticky pull-request comment: `auto` (on pull_request events), `always` (also on pushes, to the pushed commit's open pull request) or `off`. One comment per gated target set, updated on every push. Needs `pull-requests: write`; without it (or on fork pull requests) the gate warns and the verdict stands.",
  'github-token': 'The token the pull-request comment is written with.',
  'scan-types':
    'setup: Inspector scan types to enable, from `ec2`, `ecr`, `lambda`, `lambda-code`.',
  'ecr-rescan-duration':
    'setup: Inspector ECR re-scan duration, one of `3d`, `7d`, `14d`, `30d`, `60d`, `90d`, `180d`, `lifetime`. Empty: leave as is.',
  standards:
    'setup: Security Hub standards by name (`aws-foundational-security-best-practices`, `cis-aws-foundations-benchmark`, `nist-800-53`, `pci-dss`, …; `name@version` pins a version, otherwise the newest is used), or `none`.',
  insights: 'setup: create or update the custom Security Hub insights (`true` or `false`).',
  organization:
    'setup: from the Inspector / Security Hub delegated administrator, turn on auto-enable for new member accounts and enable every existing member (`true` or `false`).',
  regions: 'setup: the Regions to set up, concurrently (default: AWS_REGION).',
  'aggregate-regions':
    'setup: create a Security Hub finding aggregator in the first of `regions` linking the others (`true` or `false`); an existing aggregator is left as it is.',
  'deploy-responder':
    'Deploy (or update) the bundled responder stack, infra/responder.yaml: EventBridge rule on HIGH/CRITICAL Security Hub findings → Lambda → SNS, tagging affected EC2 instances. In setup and gate mode.',
  'responder-stack-name':
    'Name of the responder stack (at most 55 characters); the gate reads its ScanEventLogGroup output.',
  'responder-email': 'E-mail address subscribed to the responder topic. Empty: no subscription.',
  'responder-kms-key-arn':
    'KMS key for the responder topic. Empty: the AWS managed key alias/aws/sns.',
  'responder-inspector-only':
    'The responder reacts only to Inspector findings (`true`) or to every HIGH/CRITICAL Security Hub finding (`false`).',
  'responder-log-retention-days':
    'Retention of the responder function logs, in days (a CloudWatch Logs value).',
  'responder-scan-events':
    "The responder stack keeps Amazon Inspector's \"Inspector2 Scan\" events in a log group (its ScanEventLogGroup output), with which the gate settles an image's findings on the scan's own counts (`true`), or not (`false`: the gate settles by the quiet period).",
  period:
    'report: the window of findings, by UpdatedAt, such as `7d`, `30d` or `24h` (at most `90d`).',
  'report-dir':
    'report: folder for findings.csv, report.json and report.html, relative to the workspace.',
  'report-products':
    'report: only findings of these products (ProductName, comma-separated, e.g. `Inspector, GuardDuty`; `Security Hub` and `Security Hub CSPM` select both names of the renamed product). Empty: all.',
  'report-severities': 'report: only these severity labels (`CRITICAL`, `HIGH`, …). Empty: all.',
  'report-accounts': 'report: only these 12-digit account ids. Empty: all the caller can see.',
  'report-regions':
    "report: only findings of these Regions (in an aggregation Region, any of its linked Regions, e.g. `us-east-1, eu-west-1`). Empty: the run's Region and every Region its findings come from.",
  'report-resource-types':
    'report: only these ASFF resource types (e.g. `AwsEc2Instance`). Empty: all.',
  'report-workflow-statuses':
    'report: only these workflow statuses (`NEW`, `NOTIFIED`, `RESOLVED`, `SUPPRESSED`). Empty: all.',
  'remediation-targets':
    'report: days within which open findings of a severity should be fixed; older ones are counted as breaching.',
  'previous-report':
    'report: the previous report.json (e.g. downloaded from the artifact of the last successful run) for the trend. Missing file: no trend.',
  'sns-topic-arn':
    'report: publish a short summary of the report to this SNS topic. Empty: no message.',
  's3-uri': 'report: upload the report folder to s3://<bucket>/<prefix>/<date>/. Empty: no upload.'
}
