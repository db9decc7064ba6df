export const id = 798;
export const ids = [798];
export const modules = {

/***/ 5457:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MP: () => (/* binding */ artifactVariant),
/* harmony export */   O_: () => (/* binding */ artifactContent),
/* harmony export */   ri: () => (/* binding */ artifactLabel)
/* harmony export */ });
/** What tells artifacts of one reference apart: the platform, the Lambda scan type, the subject. */
function artifactVariant(artifact) {
    if (artifact.kind === 'image')
        return artifact.platform;
    if (artifact.kind === 'sbom')
        return sbomSubject(artifact);
    return artifact.scanType === 'code' ? 'code scanning' : 'package scanning';
}
/** `SBOM of app:1.2`, `SBOM of sha256:…`: what an SBOM says it describes, when it says. */
function sbomSubject(artifact) {
    const subject = artifact.subjectName ?? artifact.subjectDigest;
    return subject === undefined ? undefined : `SBOM of ${subject}`;
}
/** The content that was scanned: an image digest, a function's code hash, an SBOM's subject. */
function artifactContent(artifact) {
    if (artifact.kind === 'image')
        return artifact.digest;
    // The image's digest when the SBOM records it: the same content a scan after the push will see.
    if (artifact.kind === 'sbom')
        return artifact.subjectDigest ?? `${artifact.components} components`;
    return `CodeSha256 ${artifact.codeSha256}`;
}
/** `app:v1 (linux/arm64)` / `orders-api (code scanning)`: how messages name an artifact. */
function artifactLabel(reference, artifact) {
    const variant = artifact === undefined ? undefined : artifactVariant(artifact);
    return variant === undefined ? reference : `${reference} (${variant})`;
}


/***/ }),

/***/ 9454:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vs: () => (/* binding */ parseFunctionReference),
/* harmony export */   ZM: () => (/* binding */ functionResourceIds),
/* harmony export */   _s: () => (/* binding */ FunctionReferenceError),
/* harmony export */   oH: () => (/* binding */ functionResourceId)
/* harmony export */ });
/* harmony import */ var _shown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4369);

class FunctionReferenceError extends Error {
    missingRegion;
    name = 'FunctionReferenceError';
    constructor(message, 
    /** Set when only the Region is missing: the step adds its door's advice (missing-region.ts). */
    missingRegion) {
        super(message);
        this.missingRegion = missingRegion;
    }
}
const NAME = /^[A-Za-z0-9_-]{1,64}$/;
const ARN = /^arn:(aws|aws-cn|aws-us-gov):lambda:([a-z]{2}(?:-[a-z]+)+-\d):(\d{12}):function:([A-Za-z0-9_-]{1,64})(?::([^:]+))?$/;
/**
 * Parses one `functions:` entry. Inspector scans only `$LATEST`, so a qualifier naming a version or
 * an alias is refused: gating it would gate code Inspector never looked at.
 */
function parseFunctionReference(input, defaultRegion) {
    const raw = input.trim();
    const arn = ARN.exec(raw);
    if (arn) {
        const [, partition, region, accountId, functionName, qualifier] = arn;
        if (qualifier !== undefined && qualifier !== '$LATEST') {
            throw new FunctionReferenceError(`functions: "${(0,_shown_js__WEBPACK_IMPORTED_MODULE_0__/* .shown */ .S)(raw)}" names version or alias ${(0,_shown_js__WEBPACK_IMPORTED_MODULE_0__/* .shown */ .S)(qualifier)}, but Inspector scans only $LATEST; give the function name or its unqualified ARN`);
        }
        const unqualified = `arn:${partition}:lambda:${region}:${accountId}:function:${functionName}`;
        return { raw, nameOrArn: unqualified, functionName, region, accountId, partition };
    }
    if (raw.startsWith('arn:')) {
        throw new FunctionReferenceError(`functions: "${(0,_shown_js__WEBPACK_IMPORTED_MODULE_0__/* .shown */ .S)(raw)}" is not a Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>)`);
    }
    if (!NAME.test(raw)) {
        throw new FunctionReferenceError(`functions: "${(0,_shown_js__WEBPACK_IMPORTED_MODULE_0__/* .shown */ .S)(raw)}" is not a function name (letters, digits, - and _, at most 64) or a function ARN`);
    }
    if (!defaultRegion) {
        const missing = {
            lead: `functions: "${(0,_shown_js__WEBPACK_IMPORTED_MODULE_0__/* .shown */ .S)(raw)}" has no region; `,
            tail: ' or give the function ARN'
        };
        throw new FunctionReferenceError(`${missing.lead}set AWS_REGION${missing.tail}`, missing);
    }
    const partition = defaultRegion.startsWith('cn-')
        ? 'aws-cn'
        : defaultRegion.startsWith('us-gov-')
            ? 'aws-us-gov'
            : 'aws';
    return { raw, nameOrArn: raw, functionName: raw, region: defaultRegion, partition };
}
/** Inspector's resource id for a function: always its `$LATEST` (any qualifier is replaced). */
function functionResourceId(functionArn) {
    // arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]
    return `${functionArn.split(':').slice(0, 7).join(':')}:$LATEST`;
}
/**
 * Both forms a function's Inspector resource id may take (`…:function:<name>` and
 * `…:function:<name>:$LATEST`): Inspector's examples use the second, no AWS sample confirms it.
 */
function functionResourceIds(functionArn) {
    const unqualified = functionArn.split(':').slice(0, 7).join(':');
    return new Set([unqualified, `${unqualified}:$LATEST`]);
}


/***/ }),

/***/ 8677:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f0: () => (/* binding */ imageResourceId),
/* harmony export */   o_: () => (/* binding */ parseImageReference),
/* harmony export */   rI: () => (/* binding */ ImageReferenceError)
/* harmony export */ });
/* harmony import */ var _shown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4369);

class ImageReferenceError extends Error {
    name = 'ImageReferenceError';
}
const HOST = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(\.cn)?$/;
const REPOSITORY = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
/**
 * Parses one `images:` entry. Every rejection says what is wrong and what a valid entry looks like,
 * because a gate that guesses (e.g. assumes `latest`) could vet a different image than was pushed.
 */
function parseImageReference(input) {
    const raw = input.trim();
    const problem = (why) => new ImageReferenceError(`images: "${(0,_shown_js__WEBPACK_IMPORTED_MODULE_0__/* .shown */ .S)(raw)}" ${why}; expected <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag> or …/<repository>@sha256:<digest>`);
    const slash = raw.indexOf('/');
    if (slash < 0)
        throw problem('has no registry host');
    const host = raw.slice(0, slash);
    const hostMatch = HOST.exec(host);
    if (!hostMatch)
        throw problem(`is not in an Amazon ECR private registry (host "${(0,_shown_js__WEBPACK_IMPORTED_MODULE_0__/* .shown */ .S)(host)}")`);
    const [, registryId, region, china] = hostMatch;
    let rest = raw.slice(slash + 1);
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST.test(digest))
            throw problem(`has an invalid digest "${(0,_shown_js__WEBPACK_IMPORTED_MODULE_0__/* .shown */ .S)(digest)}" (sha256:<64 hex>)`);
    }
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon >= 0) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag))
            throw problem(`has an invalid tag "${(0,_shown_js__WEBPACK_IMPORTED_MODULE_0__/* .shown */ .S)(tag)}"`);
    }
    const repository = rest;
    if (repository.length < 2 || repository.length > 256 || !REPOSITORY.test(repository)) {
        throw problem(`has an invalid repository name "${(0,_shown_js__WEBPACK_IMPORTED_MODULE_0__/* .shown */ .S)(repository)}"`);
    }
    if (tag === undefined && digest === undefined) {
        throw problem('names no tag or digest (latest is not assumed: gate exactly what you pushed)');
    }
    if (Boolean(china) !== region.startsWith('cn-')) {
        throw problem(`has a host whose region ${region} does not match its domain`);
    }
    const partition = china ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
    return {
        raw,
        registryId,
        region,
        partition,
        repository,
        ...(tag !== undefined && { tag }),
        ...(digest !== undefined && { digest })
    };
}
/** Inspector's resource id for one image digest (the same string findings and events use). */
function imageResourceId(ref, digest) {
    return `arn:${ref.partition}:ecr:${ref.region}:${ref.registryId}:repository/${ref.repository}/${digest}`;
}


/***/ }),

/***/ 4596:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Et: () => (/* binding */ effectiveSeverityOf),
/* harmony export */   ni: () => (/* binding */ epssOf),
/* harmony export */   xf: () => (/* binding */ epssPercent),
/* harmony export */   zT: () => (/* binding */ inspectorScoreOf)
/* harmony export */ });
/** The severity a finding counts at under the policy: UNTRIAGED takes `untriaged-as`. */
function effectiveSeverityOf(finding, policy) {
    return finding.severity === 'untriaged' ? policy.untriagedAs : finding.severity;
}
/**
 * The finding's Inspector score, or undefined when it has none. Inspector gives an UNTRIAGED
 * finding the score 0, which means "not scored", not "harmless".
 */
function inspectorScoreOf(finding) {
    const score = finding.inspectorScore;
    if (score === undefined || !Number.isFinite(score) || finding.severity === 'untriaged') {
        return undefined;
    }
    return score;
}
/** The finding's EPSS probability, or undefined when it has none (basic scanning, code findings). */
function epssOf(finding) {
    const epss = finding.epss;
    return epss === undefined || !Number.isFinite(epss) ? undefined : epss;
}
/** `0.42` → `42 %`, `0.0123` → `1.23 %`: how messages show an EPSS probability. */
function epssPercent(probability) {
    return `${Number((probability * 100).toFixed(2))} %`;
}


/***/ }),

/***/ 908:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ MAX_SBOM_COMPONENTS)
/* harmony export */ });
/** ScanSbom takes at most this many components a request (AWS API reference, API_scan_ScanSbom). */
const MAX_SBOM_COMPONENTS = 5_000;


/***/ }),

/***/ 6955:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ IgnoreFileError)
/* harmony export */ });
/**
 * An ignore file that does not parse. Its own module, so that config/gate-config.ts can tell it
 * apart without importing the parser, whose YAML library a gate loads only when there is an
 * ignore file (issue 13, cold start).
 */
class IgnoreFileError extends Error {
    name = 'IgnoreFileError';
}


/***/ }),

/***/ 4388:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BG: () => (/* binding */ ignoredComparator),
/* harmony export */   Dy: () => (/* binding */ compareAssessed),
/* harmony export */   Et: () => (/* reexport safe */ _domain_policy_js__WEBPACK_IMPORTED_MODULE_1__.Et)
/* harmony export */ });
/* harmony import */ var _domain_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4596);
/* harmony import */ var _domain_severity_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1245);


// Ignored findings were never assessed, so reports derive their severity with the domain's rule.

/** Blocking first, then effective severity, then Inspector score, highest first. */
function compareAssessed(a, b) {
    if (a.blocking !== b.blocking)
        return a.blocking ? -1 : 1;
    return ((0,_domain_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(b.effectiveSeverity) - (0,_domain_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(a.effectiveSeverity) ||
        compareFindings(a.finding, b.finding));
}
/** Ignored findings by effective severity, then Inspector score, highest first. */
function ignoredComparator(policy) {
    return (a, b) => (0,_domain_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)((0,_domain_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .effectiveSeverityOf */ .Et)(b.finding, policy)) -
        (0,_domain_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)((0,_domain_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .effectiveSeverityOf */ .Et)(a.finding, policy)) || compareFindings(a.finding, b.finding);
}
/** Score, highest first; then ids so the order is stable across runs. */
function compareFindings(a, b) {
    return ((b.inspectorScore ?? -1) - (a.inspectorScore ?? -1) ||
        compareText(a.vulnerabilityId, b.vulnerabilityId) ||
        compareText(a.artifact.reference, b.artifact.reference) ||
        compareText(a.id, b.id));
}
// Code-unit order, not localeCompare: stable across machines and fast for 20,000+ findings.
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 2845:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gs: () => (/* binding */ SEVERITY_LABELS),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   T7: () => (/* binding */ COUNTED_SEVERITIES),
/* harmony export */   Wt: () => (/* binding */ withoutRegistryHost),
/* harmony export */   YY: () => (/* binding */ titleBesideId),
/* harmony export */   eK: () => (/* binding */ ruleLocation),
/* harmony export */   fU: () => (/* binding */ formatTime),
/* harmony export */   rH: () => (/* binding */ scoreLabel),
/* harmony export */   ru: () => (/* binding */ SEVERITY_MARKS)
/* harmony export */ });
/* harmony import */ var _domain_severity_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1245);

const SEVERITY_LABELS = {
    critical: 'Critical',
    high: 'High',
    medium: 'Medium',
    low: 'Low',
    informational: 'Info',
    untriaged: 'Untriaged'
};
/** Marks for compact count cells, as the report summary uses them (🔴🟠🟡). */
const SEVERITY_MARKS = {
    critical: '🔴',
    high: '🟠',
    medium: '🟡',
    low: '🔵',
    informational: '⚪',
    untriaged: '❔'
};
/** The count columns, in the order Inspector's console shows them. */
const COUNTED_SEVERITIES = [..._domain_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .RANKED_SEVERITIES */ .Kw, 'untriaged'];
/** Minutes are enough to tell scans apart, and UTC avoids guessing the reader's zone. */
function formatTime(date) {
    if (Number.isNaN(date.getTime()))
        return 'at an unknown time';
    return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
/** `file:line`, the way editors and the domain's messages point at an ignore entry. */
function ruleLocation(rule) {
    return `${rule.file}:${rule.line}`;
}
/**
 * The title without the id the cell already shows: Inspector titles package findings
 * "CVE-2023-45853 - zlib1g", which beside the CVE link would say the id twice.
 */
function titleBesideId(finding) {
    const { title, vulnerabilityId } = finding;
    if (vulnerabilityId === '' || !title.startsWith(vulnerabilityId))
        return title;
    return title
        .slice(vulnerabilityId.length)
        .replace(/^\s*[-:–—]\s*/, '')
        .trim();
}
/** Inspector scores an untriaged finding 0: it is not scored, and 0.0 would read as harmless. */
function scoreLabel(finding) {
    if (finding.inspectorScore === undefined || finding.severity === 'untriaged')
        return '—';
    return finding.inspectorScore.toFixed(1);
}
/** An ECR registry host (`123456789012.dkr.ecr.eu-west-1.amazonaws.com/`) at the start of a reference. */
const ECR_HOST = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\//;
/**
 * `shop/api:1.4.2` for `123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/api:1.4.2`: findings rows
 * name their image without the long host, which the Targets table shows once per target.
 */
function withoutRegistryHost(reference) {
    return reference.replace(ECR_HOST, '');
}


/***/ }),

/***/ 7475:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SH: () => (/* binding */ repositoryPath),
/* harmony export */   TA: () => (/* binding */ pathToUri),
/* harmony export */   ps: () => (/* binding */ findingPlace)
/* harmony export */ });
/* harmony import */ var _text_escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7388);

/** A path longer than this is not a real source file; the finding falls back to the default. */
const MAX_PATH_LENGTH = 1000;
/**
 * Untrusted path → a repository-relative path: control and bidi characters removed, backslashes
 * turned into `/`, and empty, `.` and `..` segments dropped (so nothing climbs out of the
 * repository or turns absolute). Empty when nothing usable is left.
 */
function repositoryPath(path) {
    const clean = (0,_text_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .singleLine */ .pF)(path);
    if (clean.length > MAX_PATH_LENGTH)
        return '';
    return clean
        .replace(/\\/g, '/')
        .split('/')
        .map((segment) => segment.trim())
        .filter((segment) => segment !== '' && segment !== '.' && segment !== '..')
        .join('/');
}
/**
 * A code finding's own file and lines; otherwise `defaultFile` at line 1. Undefined when there is
 * neither (a package finding and no default file).
 */
function findingPlace(finding, defaultFile) {
    const fallback = defaultFile === undefined ? '' : repositoryPath(defaultFile);
    const code = finding.code;
    const codeFile = code === undefined ? '' : repositoryPath(code.filePath);
    if (code === undefined || codeFile === '') {
        return fallback === '' ? undefined : { file: fallback, startLine: 1 };
    }
    const startLine = lineNumber(code.startLine) ?? 1;
    const endLine = lineNumber(code.endLine);
    return endLine === undefined || endLine < startLine
        ? { file: codeFile, startLine }
        : { file: codeFile, startLine, endLine };
}
/**
 * A repository path as a SARIF relative URI reference: each segment percent-encoded, so a `:` can
 * never make it a scheme (`javascript:`), and `?`, `#`, `%` and spaces stay part of the path.
 */
function pathToUri(path) {
    return path.split('/').map(encodeURIComponent).join('/');
}
function lineNumber(value) {
    return value !== undefined && Number.isSafeInteger(value) && value >= 1 ? value : undefined;
}


/***/ }),

/***/ 6296:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ locateScanEventLogGroup),
/* harmony export */   jz: () => (/* binding */ LOG_GROUP_NAME)
/* harmony export */ });
/* unused harmony export SCAN_EVENT_LOG_GROUP_OUTPUT */
/* harmony import */ var _runtime_error_message_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1676);

/** The responder stack's output that names the log group its rule sends scan events to. */
const SCAN_EVENT_LOG_GROUP_OUTPUT = 'ScanEventLogGroup';
/** CloudWatch Logs' own rule for a log group name (1 to 512 of these characters). */
const LOG_GROUP_NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/;
/**
 * Reads the stack's outputs once per Region (one DescribeStacks). Without the stack, without the
 * output, or without permission, the gate is still correct, only slower: it says so in one line
 * and what would make it fast.
 */
async function locateScanEventLogGroup(setting, region, deps) {
    if (setting.kind === 'named')
        return { logGroupName: setting.logGroupName };
    const { stackName } = setting;
    let stack;
    try {
        // Only a gate that looks for the stack loads the CloudFormation SDK and its adapter, each a
        // chunk of its own, when its first image waits (issue 13, cold start).
        const [{ describeStack }] = await Promise.all([
            Promise.all(/* import() */[__webpack_require__.e(805), __webpack_require__.e(178)]).then(__webpack_require__.bind(__webpack_require__, 8797)),
            deps.clients.load('cloudformation')
        ]);
        stack = await describeStack(deps.clients.cloudformation(region), stackName);
    }
    catch (error) {
        const reason = (0,_runtime_error_message_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .g)(error);
        return {
            unavailable: `${reason}; set scan-event-log-group to the stack's ${SCAN_EVENT_LOG_GROUP_OUTPUT} output, or to off`,
            level: 'warning'
        };
    }
    if (stack === undefined) {
        return {
            unavailable: `no stack ${stackName} in ${region} to name the scan-event log group (deploy it with deploy-responder: true, or set scan-event-log-group)`,
            level: 'info'
        };
    }
    const name = stack.outputs[SCAN_EVENT_LOG_GROUP_OUTPUT];
    if (name === undefined) {
        return {
            unavailable: `the stack ${stackName} in ${region} (${stack.status}) has no ${SCAN_EVENT_LOG_GROUP_OUTPUT} output (update it with setup and deploy-responder: true, with responder-scan-events on)`,
            level: 'info'
        };
    }
    if (!LOG_GROUP_NAME.test(name)) {
        return {
            unavailable: `the stack ${stackName} in ${region} gives ${SCAN_EVENT_LOG_GROUP_OUTPUT} ${JSON.stringify(name.slice(0, 80))}, which is not a log group name`,
            level: 'warning'
        };
    }
    return { logGroupName: name };
}


/***/ }),

/***/ 798:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runGateStep: () => (/* binding */ runGateStep)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var dist_cjs = __webpack_require__(1695);
// EXTERNAL MODULE: ./src/aws/clients.ts + 2 modules
var aws_clients = __webpack_require__(5358);
// EXTERNAL MODULE: ./src/aws/sts.ts
var sts = __webpack_require__(8665);
// EXTERNAL MODULE: ./src/responder-stack/config.ts
var responder_stack_config = __webpack_require__(8125);
// EXTERNAL MODULE: ./src/runtime/clock.ts
var clock = __webpack_require__(9842);
// EXTERNAL MODULE: ./src/inputs/missing-region.ts
var missing_region = __webpack_require__(1782);
// EXTERNAL MODULE: ./src/runtime/host.ts
var runtime_host = __webpack_require__(6320);
// EXTERNAL MODULE: ./src/inputs/read.ts
var read = __webpack_require__(4245);
// EXTERNAL MODULE: ./src/domain/function-reference.ts
var function_reference = __webpack_require__(9454);
// EXTERNAL MODULE: ./src/domain/image-reference.ts
var image_reference = __webpack_require__(8677);
// EXTERNAL MODULE: ./src/domain/severity.ts
var severity = __webpack_require__(1245);
;// CONCATENATED MODULE: ./src/gate/scan/deps.ts
const DEFAULT_TIMING = {
    pollInitialMs: 5_000,
    pollMaxMs: 30_000,
    settleIntervalMs: 10_000,
    settleMs: 60_000,
    scanEventPollMs: 2_000,
    enablePollMs: 10_000
};

// EXTERNAL MODULE: ./src/gate/scan/scan-event-log-group.ts
var scan_event_log_group = __webpack_require__(6296);
// EXTERNAL MODULE: ./src/gate/ignore-file-error.ts
var ignore_file_error = __webpack_require__(6955);
// EXTERNAL MODULE: ./src/domain/sbom-limits.ts
var sbom_limits = __webpack_require__(908);
;// CONCATENATED MODULE: ./src/sbom/document.ts

/**
 * An SBOM file as the pre-push gate reads it, before any AWS call: JSON, a format Inspector Scan
 * can take, within its limits, and what it describes (the image it was made from, when it says).
 *
 * `ScanSbom` takes CycloneDX 1.5 JSON with at most 5,000 components (AWS API reference,
 * API_scan_ScanSbom). CycloneDX 1.4 documents are valid 1.5 documents but for their
 * `specVersion`, so they are sent as 1.5. SPDX 2.3 JSON (syft's `spdx-json`, BuildKit's `sbom:
 * true` attestation, an in-toto statement around SPDX) is turned into the CycloneDX components
 * Inspector matches on: each package's package URL, name and version.
 */

/** A file the gate cannot send: the message is one line naming the file and what is wrong. */
class SbomDocumentError extends Error {
    name = 'SbomDocumentError';
}
const isRecord = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const DIGEST = /sha256:[0-9a-f]{64}/;
function readSbomDocument(file, text) {
    const fail = (what) => {
        throw new SbomDocumentError(`sboms: ${file} ${what}`);
    };
    if (text.trim() === '')
        fail('is empty');
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        // The parser's message quotes the text near the error: kept short, it says where to look.
        fail(`is not JSON (${(error.message.split('\n')[0] ?? 'parse error').slice(0, 120)})`);
    }
    if (!isRecord(parsed))
        fail('is not a JSON object (an SBOM document is one)');
    const document = parsed;
    // BuildKit and cosign keep the SBOM as the predicate of an in-toto statement.
    if (typeof document['_type'] === 'string' && /in-toto/.test(document['_type'])) {
        return fromInToto(file, document, fail);
    }
    if (document['bomFormat'] === 'CycloneDX')
        return fromCycloneDx(file, document, fail);
    if (typeof document['spdxVersion'] === 'string')
        return fromSpdx(file, document, {}, fail);
    return fail('is neither CycloneDX JSON (bomFormat "CycloneDX") nor SPDX JSON (spdxVersion); produce one with syft -o cyclonedx-json, docker buildx --sbom=true or cdxgen');
}
function fromCycloneDx(file, bom, fail) {
    const version = bom['specVersion'];
    if (version !== '1.4' && version !== '1.5') {
        fail(`is CycloneDX ${typeof version === 'string' ? version.slice(0, 12) : '(no specVersion)'}; Inspector takes CycloneDX 1.5 (1.4 is sent as 1.5): produce 1.5 (syft -o cyclonedx-json@1.5)`);
    }
    const components = bom['components'] ?? [];
    if (!Array.isArray(components))
        fail('has a components member that is not a list');
    const count = countWithin(file, components, fail);
    const metadata = isRecord(bom['metadata']) ? bom['metadata'] : {};
    const component = isRecord(metadata['component']) ? metadata['component'] : {};
    return {
        file,
        format: version === '1.4' ? 'CycloneDX 1.4' : 'CycloneDX 1.5',
        components: count,
        subject: subjectOf([component['name'], component['version'], component['purl']]),
        cycloneDx: { ...bom, specVersion: '1.5' }
    };
}
function fromSpdx(file, spdx, subject, fail) {
    if (spdx['spdxVersion'] !== 'SPDX-2.3') {
        fail(`is ${String(spdx['spdxVersion']).slice(0, 16)}; SPDX is read in version 2.3 (SPDX-2.3) only`);
    }
    const packages = spdx['packages'] ?? [];
    if (!Array.isArray(packages))
        fail('has a packages member that is not a list');
    const components = packages.flatMap((pkg) => {
        if (!isRecord(pkg))
            return [];
        const purl = packageUrlOf(pkg);
        // Without a package URL Inspector has nothing to match a package on.
        if (purl === undefined)
            return [];
        return [
            {
                type: 'library',
                'bom-ref': typeof pkg['SPDXID'] === 'string' ? pkg['SPDXID'] : purl,
                name: typeof pkg['name'] === 'string' ? pkg['name'] : purl,
                ...(typeof pkg['versionInfo'] === 'string' && { version: pkg['versionInfo'] }),
                purl
            }
        ];
    });
    const count = countWithin(file, components, fail);
    const named = subject.name ?? (typeof spdx['name'] === 'string' ? spdx['name'] : undefined);
    return {
        file,
        format: 'SPDX 2.3',
        components: count,
        subject: { ...subjectOf([named]), ...subject },
        cycloneDx: {
            bomFormat: 'CycloneDX',
            specVersion: '1.5',
            version: 1,
            metadata: {
                ...(named !== undefined && { component: { type: 'container', name: named } })
            },
            components
        }
    };
}
function fromInToto(file, statement, fail) {
    const predicate = statement['predicate'];
    if (!isRecord(predicate))
        fail('is an in-toto statement without a predicate');
    const subjects = Array.isArray(statement['subject']) ? statement['subject'] : [];
    const first = subjects.find(isRecord);
    const digest = isRecord(first?.['digest']) ? first['digest']['sha256'] : undefined;
    const subject = {
        ...(typeof first?.['name'] === 'string' && { name: first['name'] }),
        ...(typeof digest === 'string' &&
            /^[0-9a-f]{64}$/.test(digest) && { digest: `sha256:${digest}` })
    };
    const inner = predicate;
    if (inner['bomFormat'] === 'CycloneDX') {
        const read = fromCycloneDx(file, inner, fail);
        return { ...read, subject: { ...read.subject, ...subject } };
    }
    if (typeof inner['spdxVersion'] === 'string')
        return fromSpdx(file, inner, subject, fail);
    return fail(`is an in-toto statement whose predicate (${String(statement['predicateType']).slice(0, 60)}) is neither CycloneDX nor SPDX`);
}
function countWithin(file, components, fail) {
    if (components.length > sbom_limits/* MAX_SBOM_COMPONENTS */.s) {
        fail(`has ${components.length.toLocaleString('en-US')} components; Inspector scans at most ${sbom_limits/* MAX_SBOM_COMPONENTS */.s.toLocaleString('en-US')} a request: split the SBOM (one per image or per layer)`);
    }
    return components.length;
}
function packageUrlOf(pkg) {
    const refs = Array.isArray(pkg['externalRefs']) ? pkg['externalRefs'] : [];
    for (const ref of refs) {
        if (isRecord(ref) &&
            ref['referenceType'] === 'purl' &&
            typeof ref['referenceLocator'] === 'string') {
            return ref['referenceLocator'];
        }
    }
    return undefined;
}
/** The name and the digest, from whichever of the given values carries them. */
function subjectOf(values) {
    const texts = values.filter((v) => typeof v === 'string' && v !== '');
    const digest = texts.map((t) => DIGEST.exec(t)?.[0]).find((d) => d !== undefined);
    const name = texts.find((t) => !DIGEST.test(t) || !t.startsWith('sha256:'));
    return { ...(name !== undefined && { name }), ...(digest !== undefined && { digest }) };
}

// EXTERNAL MODULE: ./src/inputs/values.ts
var values = __webpack_require__(8463);
;// CONCATENATED MODULE: ./src/gate/config.ts











const FAIL_ON = [...severity/* RANKED_SEVERITIES */.Kw, 'none'];
const FAIL_OR_WARN = ['fail', 'warn'];
const ENSURE_ENABLED = ['check', 'enable', 'off'];
const CODE_SCANNING = ['auto', 'true', 'false'];
/**
 * Validates every input before any AWS call, so a typo fails in a second with the input's name
 * instead of after a fifteen-minute wait.
 */
function buildGateConfig(inputs, readFile, env = {}, 
/** config/ignore-file.ts's parser, for a run with an ignore file (see IgnoreFileParser). */
parseIgnore) {
    const { get } = (0,read/* inputReader */.c)(inputs);
    const images = (0,values/* parseLines */.Li)(get('images')).map((line) => {
        try {
            return (0,image_reference/* parseImageReference */.o_)(line);
        }
        catch (error) {
            if (error instanceof image_reference/* ImageReferenceError */.rI)
                throw new values/* InputError */.dz(error.message);
            throw error;
        }
    });
    const defaultRegion = env['AWS_REGION'] || undefined;
    const functions = (0,values/* parseLines */.Li)(get('functions')).map((line) => {
        try {
            return (0,function_reference/* parseFunctionReference */.Vs)(line, defaultRegion);
        }
        catch (error) {
            if (error instanceof function_reference/* FunctionReferenceError */._s)
                throw error.missingRegion
                    ? new missing_region/* MissingRegionError */.Z(error.missingRegion.lead, error.missingRegion.tail)
                    : new values/* InputError */.dz(error.message);
            throw error;
        }
    });
    const sboms = readSboms((0,values/* parseLines */.Li)(get('sboms')), readFile);
    if (images.length === 0 && functions.length === 0 && sboms.length === 0) {
        throw new values/* InputError */.dz('images, functions, sboms: nothing to gate; list the pushed ECR image URIs (images), the deployed Lambda functions (functions) and/or SBOM files to scan before the push (sboms), one per line');
    }
    const sbomRegion = env['AWS_REGION'] || undefined;
    if (sboms.length > 0 && sbomRegion === undefined) {
        throw new missing_region/* MissingRegionError */.Z('sboms: no AWS region to scan them in; ', ' to the Region whose Inspector Scan API should scan the SBOMs');
    }
    const timeoutMs = (0,values/* parseDuration */.E9)('timeout', get('timeout'));
    if (timeoutMs < 1_000) {
        throw new values/* InputError */.dz(`timeout: "${(0,values/* shown */.SP)(get('timeout'))}" is too short; give at least 1s (e.g. 15m)`);
    }
    const settleMs = (0,values/* parseDuration */.E9)('settle', get('settle'));
    const failOnEpss = (0,values/* parseProbability */.fM)('fail-on-epss', get('fail-on-epss'));
    const minScore = (0,values/* parseScore */.yN)('min-score', get('min-score'));
    const policy = {
        failOn: (0,values/* parseChoice */.HU)('fail-on', get('fail-on'), FAIL_ON),
        maxFindings: (0,values/* parseBudgets */.C3)('max-findings', get('max-findings')),
        untriagedAs: (0,values/* parseChoice */.HU)('untriaged-as', get('untriaged-as'), severity/* RANKED_SEVERITIES */.Kw),
        fixableOnly: (0,values/* parseBoolean */.yG)('fixable-only', get('fixable-only')),
        failOnExploitable: (0,values/* parseBoolean */.yG)('fail-on-exploitable', get('fail-on-exploitable')),
        ...(failOnEpss !== undefined && { failOnEpss }),
        ...(minScore !== undefined && { minScore }),
        onUnscannable: (0,values/* parseChoice */.HU)('on-unscannable', get('on-unscannable'), FAIL_OR_WARN),
        onError: (0,values/* parseChoice */.HU)('on-error', get('on-error'), FAIL_OR_WARN)
    };
    const ignoreFile = get('ignore-file');
    let ignoreRules = [];
    if (ignoreFile !== '') {
        let text;
        try {
            text = readFile(ignoreFile);
        }
        catch (error) {
            const reason = error.code === 'ENOENT' ? 'does not exist' : (0,values/* shown */.SP)(String(error));
            throw new values/* InputError */.dz(`ignore-file: ${(0,values/* shown */.SP)(ignoreFile)} ${reason}; check the path (relative to the workspace)`);
        }
        try {
            if (parseIgnore === undefined) {
                throw new Error('inspector-gate bug: ignore-file is set but no ignore file parser was given');
            }
            ignoreRules = parseIgnore(text, ignoreFile);
        }
        catch (error) {
            if (error instanceof ignore_file_error/* IgnoreFileError */.d)
                throw new values/* InputError */.dz(error.message);
            throw error;
        }
    }
    return {
        images,
        functions,
        sboms,
        ...(sbomRegion !== undefined && sboms.length > 0 && { sbomRegion }),
        codeScanning: (0,values/* parseChoice */.HU)('code-scanning', get('code-scanning'), CODE_SCANNING),
        policy,
        ignoreRules,
        timeoutMs,
        timing: timingFrom(settleMs, env),
        scanEvents: scanEventLogGroup(get('scan-event-log-group'), get('responder-stack-name')),
        ensureEnabled: (0,values/* parseChoice */.HU)('ensure-enabled', get('ensure-enabled'), ENSURE_ENABLED)
    };
}
/**
 * Each SBOM read and checked before any AWS call (readable, JSON, a format and size ScanSbom takes),
 * so a wrong path or a truncated file fails in a second with the file's name.
 */
function readSboms(files, readFile) {
    const seen = new Set();
    return files.map((file) => {
        if (seen.has(file)) {
            throw new values/* InputError */.dz(`sboms: ${(0,values/* shown */.SP)(file)} is listed twice; list each SBOM file once`);
        }
        seen.add(file);
        let text;
        try {
            text = readFile(file);
        }
        catch (error) {
            const code = error.code;
            const reason = code === 'ENOENT'
                ? 'does not exist'
                : code === 'EISDIR'
                    ? 'is a directory, not an SBOM file'
                    : `cannot be read (${(0,values/* shown */.SP)(String(error))})`;
            throw new values/* InputError */.dz(`sboms: ${(0,values/* shown */.SP)(file)} ${reason}; give the SBOM file's path (relative to the workspace)`);
        }
        try {
            return readSbomDocument(file, text);
        }
        catch (error) {
            if (error instanceof SbomDocumentError)
                throw new values/* InputError */.dz(error.message);
            throw error;
        }
    });
}
/**
 * `INSPECTOR_GATE_POLL_INTERVAL` shortens the waits between polls for local endpoints and tests;
 * real AWS is polled on the defaults, which respect Inspector's unpublished rate limits.
 */
function timingFrom(settleMs, env) {
    const override = env['INSPECTOR_GATE_POLL_INTERVAL'];
    if (!override)
        return { ...DEFAULT_TIMING, settleMs };
    const interval = (0,values/* parseDuration */.E9)('INSPECTOR_GATE_POLL_INTERVAL', override);
    return {
        pollInitialMs: interval,
        pollMaxMs: interval * 3,
        settleIntervalMs: interval,
        settleMs,
        scanEventPollMs: interval,
        enablePollMs: interval
    };
}
/** Empty: the responder stack's output where it is deployed; `off`: the quiet period only. */
function scanEventLogGroup(value, stackName) {
    if (value === 'off')
        return { kind: 'off' };
    if (value === '')
        return { kind: 'from-stack', stackName: (0,responder_stack_config/* parseStackName */.F)(stackName) };
    if (!scan_event_log_group/* LOG_GROUP_NAME */.jz.test(value)) {
        throw new values/* InputError */.dz(`scan-event-log-group: "${(0,values/* shown */.SP)(value)}" is not a CloudWatch Logs group name (1 to 512 letters, digits and . - _ / #); give the responder stack's ScanEventLogGroup output, leave it empty to read that output, or set off`);
    }
    return { kind: 'named', logGroupName: value };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/domain/finding.ts
var domain_finding = __webpack_require__(5457);
// EXTERNAL MODULE: ./src/text/escape.ts
var text_escape = __webpack_require__(7388);
// EXTERNAL MODULE: ./src/gate/render/finding-order.ts
var finding_order = __webpack_require__(4388);
// EXTERNAL MODULE: ./src/gate/render/labels.ts
var labels = __webpack_require__(2845);
// EXTERNAL MODULE: ./src/text/markdown-table.ts
var markdown_table = __webpack_require__(7403);
;// CONCATENATED MODULE: ./src/gate/pr-comment/render.ts
/**
 * The sticky pull-request comment: a short version of the job summary (verdict, counts, the first
 * blocking findings, what could not be scanned, a link to the run), under GitHub's comment size
 * limit. The first line is a hidden marker naming the target set (`commentKey`) and the result, so
 * the next run finds the comment again, updates it in place and can say "now passing".
 *
 * The marker is trusted only at the very start of a comment body: every piece of untrusted text
 * goes through `escape.ts`, which turns `<` and `>` into entities, so no finding title can open or
 * close an HTML comment, and nothing it contains can be at position 0 of the body.
 */






/** GitHub rejects comment bodies longer than this (it counts characters). */
const GITHUB_COMMENT_MAX_CHARS = 65_536;
/** The renderer's default limit: GitHub's, with headroom for differences in how it counts. */
const DEFAULT_PR_COMMENT_MAX_CHARS = 60_000;
/** Lists are short in a comment; the job summary has everything. */
const MAX_BLOCKING_ROWS = 10;
const MAX_OUTCOME_LINES = 10;
const MAX_FAILURE_LINES = 5;
const MAX_TARGETS = 10;
const TITLE_MAX_LENGTH = 80;
const PACKAGE_MAX_LENGTH = 100;
const MAX_PACKAGES_PER_ROW = 2;
const MESSAGE_MAX_LENGTH = 300;
const KEY_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const MARKER = /^<!-- inspector-gate:comment key=([A-Za-z0-9_-]{1,64}) result=(pass|fail|error) -->(?:\r?\n|$)/;
const HEADLINES = {
    pass: '✅ Inspector gate passed',
    fail: '❌ Inspector gate failed',
    error: '⚠️ Inspector gate errored'
};
const PAST = {
    pass: 'passing',
    fail: 'failing',
    error: 'erroring'
};
const BLOCKING_COLUMNS = [
    { title: 'Severity' },
    { title: 'Vulnerability' },
    { title: 'Package or file' },
    { title: 'Installed → fixed' },
    { title: 'Target' }
];
/**
 * A short, stable key for a set of gated targets: the same set in any order (and with stray
 * whitespace or duplicates) gives the same key; a different set gives a different one. Derived
 * from what the user gated, not from digests, so every push to the pull request finds it again.
 */
function commentKey(targets) {
    const set = [...new Set(targets.map((target) => target.trim()).filter((t) => t !== ''))].sort();
    return (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(set)).digest('hex').slice(0, 16);
}
/** The hidden first line of every comment this project writes. */
function commentMarker(key, result) {
    if (!KEY_PATTERN.test(key)) {
        throw new Error(`pr-comment: invalid comment key ${JSON.stringify(key)} (use commentKey)`);
    }
    return `<!-- inspector-gate:comment key=${key} result=${result} -->`;
}
/** The key and result of a comment body that starts with this project's marker; else undefined. */
function parseCommentMarker(body) {
    const match = MARKER.exec(body);
    if (match === null)
        return undefined;
    const [, key, result] = match;
    if (key === undefined || result === undefined)
        return undefined;
    return { key, result: result };
}
/**
 * The comment body: at most `maxChars` long whatever the verdict holds. The lists start capped
 * (10 blocking findings, 10 outcome lines, 5 failure lines, 10 targets); when even that is too long
 * (hostile text escapes to several times its length), rows go first, then outcome lines, failure
 * lines and targets, each list saying how many it left out.
 */
function renderPrComment(verdict, options) {
    const maxChars = options.maxChars ?? DEFAULT_PR_COMMENT_MAX_CHARS;
    const marker = commentMarker(options.key, verdict.result);
    const blocking = verdict.assessed.filter((entry) => entry.blocking);
    const parts = {
        marker,
        verdict,
        options,
        blocking: topBlocking(blocking, MAX_BLOCKING_ROWS),
        blockingTotal: blocking.length,
        problems: problemOutcomes(verdict.outcomes),
        targets: uniqueTargets(options.targets)
    };
    const limits = {
        failures: MAX_FAILURE_LINES,
        rows: MAX_BLOCKING_ROWS,
        outcomes: MAX_OUTCOME_LINES,
        targets: MAX_TARGETS
    };
    let body = render(parts, limits);
    for (const list of ['rows', 'outcomes', 'failures', 'targets']) {
        while (body.length > maxChars && limits[list] > 0) {
            limits[list] -= 1;
            body = render(parts, limits);
        }
    }
    return body.length <= maxChars ? body : cutToLength(body, marker, maxChars);
}
function render(parts, limits) {
    const { verdict, options } = parts;
    const sections = [
        `${parts.marker}\n### ${HEADLINES[verdict.result]}\n`,
        transitionLine(options.previousResult, verdict.result),
        targetsLine(parts.targets, limits.targets),
        countsLine(verdict, parts.blockingTotal, options.policy),
        failuresSection(verdict, limits.failures),
        blockingSection(parts.blocking, parts.blockingTotal, limits.rows),
        problemsSection(parts.problems, options.policy, limits.outcomes),
        linkLine(verdict, options.runUrl)
    ];
    return sections.filter((section) => section !== undefined).join('\n');
}
// ---- sections ------------------------------------------------------------------------------
function transitionLine(previous, now) {
    if (previous === undefined)
        return undefined;
    if (previous === now)
        return now === 'pass' ? undefined : `Still ${PAST[now]}.\n`;
    if (now === 'pass')
        return `🎉 Was ${PAST[previous]}, now passes.\n`;
    return `Was ${PAST[previous]}, now ${PAST[now]}.\n`;
}
function targetsLine(targets, limit) {
    if (targets.length === 0)
        return undefined;
    const shown = targets.slice(0, limit).map((target) => (0,text_escape/* markdownText */.p7)(target));
    const hidden = targets.length - shown.length;
    if (hidden > 0)
        shown.push(`+${hidden} more`);
    return `**${targets.length === 1 ? 'Target' : 'Targets'}:** ${shown.join(' · ')}\n`;
}
function countsLine(verdict, blockingTotal, policy) {
    const counts = labels/* COUNTED_SEVERITIES */.T7.flatMap((severity) => {
        const count = verdict.counts[severity];
        return severity === 'untriaged' && count === 0 ? [] : [`${labels/* SEVERITY_LABELS */.Gs[severity]} ${count}`];
    });
    const floor = policy.failOn === 'none' ? 'fail-on: none' : `fail-on: ${policy.failOn}`;
    const findings = (0,labels/* plural */.LS)(verdict.assessed.length, 'finding');
    return (`**${blockingTotal} blocking** of ${findings} (${floor}) · ${counts.join(' · ')} · ` +
        `${verdict.ignored.length} ignored\n`);
}
function failuresSection(verdict, limit) {
    if (verdict.failures.length === 0)
        return undefined;
    const title = verdict.result === 'error' ? '**Errors:**' : '**Why it failed:**';
    const lines = verdict.failures
        .slice(0, limit)
        .map((line) => `- ${(0,text_escape/* markdownText */.p7)(line, MESSAGE_MAX_LENGTH)}`);
    return `${title}\n\n${lines.join('\n')}\n${moreNote(verdict.failures.length - lines.length, 'reason')}`;
}
function blockingSection(shown, total, limit) {
    if (total === 0)
        return undefined;
    const rows = shown.slice(0, limit);
    const table = rows.length === 0 ? '' : (0,markdown_table/* tableHead */.P)(BLOCKING_COLUMNS) + rows.map(blockingRow).join('');
    return `#### Blocking findings (${total})\n\n${table}${moreNote(total - rows.length, 'blocking finding')}`;
}
function problemsSection(problems, policy, limit) {
    if (problems.length === 0)
        return undefined;
    const lines = problems.slice(0, limit).map((outcome) => `- ${problemLine(outcome, policy)}`);
    const body = lines.length === 0 ? '' : `${lines.join('\n')}\n`;
    return `**Not fully scanned:**\n\n${body}${moreNote(problems.length - lines.length, 'target')}`;
}
function linkLine(verdict, runUrl) {
    const warnings = verdict.warnings.length === 0 ? '' : ` (${(0,labels/* plural */.LS)(verdict.warnings.length, 'warning')})`;
    const where = runUrl === undefined ? 'the job summary of this run' : (0,text_escape/* safeLink */.o3)('the job summary', runUrl);
    return `Full results${warnings} are in ${where}.\n`;
}
/** `\n_+3 more blocking findings in the job summary._\n`, or '' when nothing was left out. */
function moreNote(hidden, noun) {
    return hidden <= 0 ? '' : `\n_+${(0,labels/* plural */.LS)(hidden, `more ${noun}`)} in the job summary._\n`;
}
// ---- rows and lines ------------------------------------------------------------------------
function blockingRow(entry) {
    const { finding } = entry;
    const severity = labels/* SEVERITY_LABELS */.Gs[entry.effectiveSeverity];
    const title = (0,text_escape/* markdownText */.p7)((0,labels/* titleBesideId */.YY)(finding), TITLE_MAX_LENGTH);
    const id = (0,text_escape/* safeLink */.o3)(finding.vulnerabilityId, finding.url);
    return (0,markdown_table/* tableRow */.j)([
        finding.severity === 'untriaged' ? `${severity} (untriaged)` : severity,
        title === '' ? id : `${id} ${title}`,
        whereCell(finding),
        versionsCell(finding),
        targetCell(finding.artifact)
    ]);
}
function whereCell(finding) {
    const code = finding.code;
    if (code !== undefined) {
        const line = code.startLine === undefined ? '' : `:${code.startLine}`;
        return (0,text_escape/* markdownText */.p7)(`${code.filePath}${line}`, PACKAGE_MAX_LENGTH);
    }
    return listCell(finding.packages.map((pkg) => (0,text_escape/* markdownText */.p7)(pkg.name, PACKAGE_MAX_LENGTH)));
}
function versionsCell(finding) {
    if (finding.code !== undefined) {
        const cwes = finding.code.cwes.join(', ');
        return cwes === '' ? '—' : (0,text_escape/* markdownText */.p7)(cwes, PACKAGE_MAX_LENGTH);
    }
    return listCell(finding.packages.map((pkg) => {
        const installed = (0,text_escape/* markdownText */.p7)(pkg.installedVersion ?? '?', 40);
        const fixed = pkg.fixedInVersion !== undefined
            ? (0,text_escape/* markdownText */.p7)(pkg.fixedInVersion, 40)
            : finding.fixAvailable === 'no'
                ? 'no fix'
                : 'fix unknown';
        return `${installed} → ${fixed}`;
    }));
}
function listCell(items) {
    if (items.length === 0)
        return '—';
    const shown = items.slice(0, MAX_PACKAGES_PER_ROW);
    const hidden = items.length - shown.length;
    return hidden > 0 ? `${shown.join(', ')} +${hidden} more` : shown.join(', ');
}
function targetCell(artifact) {
    const reference = (0,text_escape/* markdownText */.p7)(artifact.reference, PACKAGE_MAX_LENGTH);
    const variant = (0,domain_finding/* artifactVariant */.MP)(artifact);
    return variant === undefined ? reference : `${reference} (${(0,text_escape/* markdownText */.p7)(variant)})`;
}
function problemLine(outcome, policy) {
    switch (outcome.status) {
        case 'unscannable': {
            const icon = policy.onUnscannable === 'fail' ? '❌' : '⚠️';
            return (`${icon} ${targetCell(outcome.artifact)}: cannot be scanned (${(0,text_escape/* markdownText */.p7)(outcome.reason)}): ` +
                (0,text_escape/* markdownText */.p7)(outcome.explanation, MESSAGE_MAX_LENGTH));
        }
        case 'error': {
            const icon = policy.onError === 'fail' ? '❌' : '⚠️';
            const reference = outcome.artifact === undefined
                ? (0,text_escape/* markdownText */.p7)(outcome.reference, PACKAGE_MAX_LENGTH)
                : targetCell(outcome.artifact);
            const what = outcome.timedOut ? 'timed out' : 'error';
            return `${icon} ${reference}: ${what}: ${(0,text_escape/* markdownText */.p7)(outcome.message, MESSAGE_MAX_LENGTH)}`;
        }
        case 'scanned':
            return `⚠️ ${targetCell(outcome.artifact)}: findings were still arriving when the wait ended`;
    }
}
// ---- selection -----------------------------------------------------------------------------
/** The first `count` blocking findings in the summary's order, without sorting thousands. */
function topBlocking(blocking, count) {
    const top = [];
    for (const entry of blocking) {
        if (top.length === count && (0,finding_order/* compareAssessed */.Dy)(entry, top[count - 1]) >= 0) {
            continue;
        }
        top.push(entry);
        top.sort(finding_order/* compareAssessed */.Dy);
        if (top.length > count)
            top.pop();
    }
    return top;
}
/** Outcomes worth a line: errors, unscannable targets and scans whose findings had not settled. */
function problemOutcomes(outcomes) {
    const order = { error: 0, unscannable: 1, scanned: 2 };
    return outcomes
        .filter((outcome) => outcome.status !== 'scanned' || !outcome.settled)
        .sort((a, b) => order[a.status] - order[b.status]);
}
function uniqueTargets(targets) {
    return [...new Set(targets.map((target) => target.trim()).filter((t) => t !== ''))];
}
/**
 * Last resort when even empty lists do not fit (a tiny `maxChars`): whole lines while they fit,
 * the marker always, then a note.
 */
function cutToLength(body, marker, maxChars) {
    const note = '\n_Comment cut to fit the size limit; see the job summary._\n';
    const budget = maxChars - note.length;
    const lines = body.split('\n');
    let output = `${marker}\n`;
    for (const line of lines.slice(1)) {
        if (output.length + line.length + 1 > budget)
            break;
        output += `${line}\n`;
    }
    return output.length + note.length <= maxChars ? output + note : `${marker}\n`;
}

// EXTERNAL MODULE: ./src/runtime/error-message.ts
var error_message = __webpack_require__(1676);
;// CONCATENATED MODULE: ./src/gate/pr-comment/github.ts
/**
 * Posts the sticky pull-request comment (`gate/pr-comment/render.ts` renders it): finds this target
 * set's comment by its hidden marker and updates it in place, or creates it. Commenting is a
 * courtesy: a fork's read-only token, a missing permission or an unreachable API are reported as
 * `unavailable` with a one-line reason, never thrown, so the step's result is the gate's alone.
 *
 * The GitHub context is read from the environment when asked (`githubEnvironment`), not from
 * `@actions/github`'s `context`, whose values are fixed when the module is imported. HTTP goes
 * through `getOctokit` (imported only when there is a comment to post, so a push gate never loads
 * Octokit), so proxies and GitHub Enterprise (`GITHUB_API_URL`) work as in any action.
 */



const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];
/** 5,000 comments: past that, a new comment is cheaper than reading on. */
const MAX_COMMENT_PAGES = 50;
const PERMISSION = '`permissions: pull-requests: write`';
const REASON_MAX_LENGTH = 300;
/** The workflow run as the GitHub Actions runner describes it in `env`. */
function githubEnvironment(env = process.env) {
    const payload = readPayload(env['GITHUB_EVENT_PATH']);
    const [envOwner = '', envRepo = ''] = (env['GITHUB_REPOSITORY'] ?? '').split('/');
    const owner = envOwner || stringAt(payload, 'repository', 'owner', 'login') || '';
    const repo = envRepo || stringAt(payload, 'repository', 'name') || '';
    const serverUrl = withoutTrailingSlash(env['GITHUB_SERVER_URL'] || 'https://github.com');
    const runId = digits(env['GITHUB_RUN_ID']);
    const runAttempt = digits(env['GITHUB_RUN_ATTEMPT']);
    const runUrl = runId !== undefined && owner !== '' && repo !== ''
        ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` +
            (runAttempt === undefined ? '' : `/attempts/${runAttempt}`)
        : undefined;
    return {
        eventName: env['GITHUB_EVENT_NAME'] ?? '',
        payload,
        owner,
        repo,
        sha: env['GITHUB_SHA'] ?? '',
        apiUrl: withoutTrailingSlash(env['GITHUB_API_URL'] || 'https://api.github.com'),
        serverUrl,
        ...(runId === undefined ? {} : { runId }),
        ...(runAttempt === undefined ? {} : { runAttempt }),
        ...(runUrl === undefined ? {} : { runUrl })
    };
}
/** Creates or updates the comment. Never throws: every failure is a `skipped` or `unavailable`. */
async function publishPrComment(request, github) {
    try {
        return await publish(request, github);
    }
    catch (error) {
        return unavailable(explainFailure(error, github, timeoutOf(request)));
    }
}
async function publish(request, github) {
    if (request.mode === 'off')
        return skipped('pr-comment is off');
    const { eventName, payload } = github;
    let issueNumber;
    if (PULL_REQUEST_EVENTS.includes(eventName)) {
        issueNumber = positiveInteger(valueAt(payload, 'pull_request', 'number'));
        if (issueNumber === undefined) {
            return unavailable(`the ${eventName} event payload (GITHUB_EVENT_PATH) has no pull request number`);
        }
        // A fork's pull_request run gets a read-only token whatever the workflow asks for.
        if (eventName === 'pull_request' && isFork(payload, github)) {
            return unavailable('fork pull requests get a read-only token, so the gate cannot comment; the results are in the job summary (a pull_request_target workflow can comment, with care)');
        }
    }
    else if (request.mode === 'auto') {
        return skipped(`not a pull request event (${eventName || 'none'}); set pr-comment: always to comment on the pull request of the pushed commit`);
    }
    if (request.token === '') {
        return unavailable('no token to comment with: set the `github-token` input (default `${{ github.token }}`)');
    }
    if (github.owner === '' || github.repo === '') {
        return unavailable('GITHUB_REPOSITORY is not set, so there is no repository to comment on');
    }
    const octokit = await client(request, github);
    if (issueNumber === undefined) {
        if (github.sha === '')
            return skipped('GITHUB_SHA is not set, so no pull request can be found');
        issueNumber = await openPullRequestFor(octokit, github);
        if (issueNumber === undefined) {
            return skipped(`no open pull request contains commit ${github.sha.slice(0, 12)}`);
        }
    }
    const existing = await findComment(octokit, github, issueNumber, request.key);
    const body = request.render(existing?.result);
    const where = { owner: github.owner, repo: github.repo };
    if (existing !== undefined) {
        try {
            const { data } = await octokit.rest.issues.updateComment({
                ...where,
                comment_id: existing.id,
                body
            });
            return { status: 'updated', url: data.html_url, issueNumber };
        }
        catch (error) {
            // Deleted between listing and updating: write a new one.
            if (statusOf(error) !== 404)
                throw error;
        }
    }
    const { data } = await octokit.rest.issues.createComment({
        ...where,
        issue_number: issueNumber,
        body
    });
    return { status: 'created', url: data.html_url, issueNumber };
}
async function client(request, github) {
    const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    // `request` is left out of the options on purpose: @actions/github's defaults put its proxy-aware
    // fetch there, and Octokit merges options shallowly.
    const octokit = getOctokit(request.token, { baseUrl: github.apiUrl, userAgent: 'inspector-gate' });
    const timeoutMs = timeoutOf(request);
    const overall = AbortSignal.timeout(timeoutMs * 3);
    octokit.hook.before('request', (options) => {
        // Per request, so a dead endpoint costs seconds, and a slow one cannot page on for minutes.
        options.request = {
            ...options.request,
            signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), overall])
        };
    });
    return octokit;
}
/** `always` on a push: the open pull request whose head is the commit, else any open one with it. */
async function openPullRequestFor(octokit, github) {
    const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
        owner: github.owner,
        repo: github.repo,
        commit_sha: github.sha,
        per_page: 100
    });
    const open = data.filter((pull) => pull.state === 'open');
    return (open.find((pull) => pull.head.sha === github.sha) ?? open[0])?.number;
}
/**
 * The comment whose marker carries this key. The marker is trusted only at the very start of a
 * body, where finding text never is (it is escaped, and always follows the marker), so a match is
 * a comment written by inspector-gate, or by someone who typed the marker on purpose. The author
 * cannot be pinned down further: the GITHUB_TOKEN's identity (`github-actions[bot]`) is not
 * readable with that token, and a personal token comments as a user. So a match by a bot wins
 * over a match by a user; a hand-typed marker can at worst have its comment replaced by ours.
 */
async function findComment(octokit, github, issueNumber, key) {
    let fallback;
    let pages = 0;
    const iterator = octokit.paginate.iterator(octokit.rest.issues.listComments, {
        owner: github.owner,
        repo: github.repo,
        issue_number: issueNumber,
        per_page: 100
    });
    for await (const { data } of iterator) {
        for (const comment of data) {
            const marker = parseCommentMarker(comment.body ?? '');
            if (marker === undefined || marker.key !== key)
                continue;
            const found = { id: comment.id, result: marker.result };
            if (comment.user?.type === 'Bot')
                return found;
            fallback ??= found;
        }
        pages += 1;
        if (pages >= MAX_COMMENT_PAGES)
            break;
    }
    return fallback;
}
// ---- failures ------------------------------------------------------------------------------
function timeoutOf(request) {
    return request.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
}
/** One line naming what went wrong and what to change. */
function explainFailure(error, github, timeoutMs) {
    const status = statusOf(error);
    const message = shortMessage(error);
    // Octokit reports a failed fetch (refused, reset, timed out) as status 500 without a response.
    if (status === undefined || valueAt(error, 'response') === undefined) {
        const names = [stringAt(error, 'name'), stringAt(error, 'cause', 'name')];
        const cause = names.some((name) => name === 'TimeoutError' || name === 'AbortError')
            ? `no answer within ${timeoutMs / 1000} s`
            : message;
        return `could not reach the GitHub API at ${github.apiUrl} (${cause})`;
    }
    const route = routeOf(error);
    switch (status) {
        case 401:
            return `GitHub rejected the token (401 ${message}); check the \`github-token\` input`;
        case 403:
            if (/rate limit/i.test(message))
                return `GitHub's rate limit was hit (403 ${message})`;
            return (`the token may not comment on pull requests (403 ${message}${route}); add ${PERMISSION} ` +
                'to the job (Dependabot and fork pull requests get a read-only token)');
        case 404:
            return (`GitHub answered 404 (${message}${route}): the token cannot see this repository or pull ` +
                `request; add ${PERMISSION} to the job, or give a token with access as \`github-token\``);
        default:
            return `GitHub answered ${status} (${message}${route})`;
    }
}
function statusOf(error) {
    if (typeof error !== 'object' || error === null || !('status' in error))
        return undefined;
    return typeof error.status === 'number' ? error.status : undefined;
}
/** GitHub's own message (`Resource not accessible by integration`), else the error's. */
function shortMessage(error) {
    const data = valueAt(error, 'response', 'data');
    const fromGitHub = stringAt(data, 'message');
    const fromError = (0,error_message/* errorMessage */.g)(error);
    const text = (fromGitHub ?? fromError).replace(/\s+/g, ' ').trim();
    return text.length > REASON_MAX_LENGTH ? `${text.slice(0, REASON_MAX_LENGTH - 1)}…` : text;
}
/** ` on POST /repos/o/r/issues/1/comments`, from the failed request, or ''. */
function routeOf(error) {
    const method = stringAt(error, 'request', 'method');
    const url = stringAt(error, 'request', 'url');
    if (method === undefined || url === undefined)
        return '';
    try {
        return ` on ${method} ${new URL(url).pathname}`;
    }
    catch {
        return '';
    }
}
function skipped(reason) {
    return { status: 'skipped', reason };
}
function unavailable(reason) {
    return { status: 'unavailable', reason };
}
// ---- event payload ---------------------------------------------------------------------------
function isFork(payload, github) {
    const head = valueAt(payload, 'pull_request', 'head', 'repo');
    if (head === null || head === undefined)
        return true; // the fork was deleted
    const headName = stringAt(head, 'full_name');
    const baseName = stringAt(payload, 'pull_request', 'base', 'repo', 'full_name') ??
        `${github.owner}/${github.repo}`;
    return headName === undefined || headName.toLowerCase() !== baseName.toLowerCase();
}
function readPayload(path) {
    if (path === undefined || path === '')
        return {};
    try {
        const parsed = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
        return github_isRecord(parsed) ? parsed : {};
    }
    catch {
        return {};
    }
}
function valueAt(value, ...path) {
    let current = value;
    for (const key of path) {
        if (!github_isRecord(current))
            return undefined;
        current = current[key];
    }
    return current;
}
function stringAt(value, ...path) {
    const found = valueAt(value, ...path);
    return typeof found === 'string' ? found : undefined;
}
function github_isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function positiveInteger(value) {
    return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}
function digits(value) {
    const trimmed = (value ?? '').trim();
    return /^\d+$/.test(trimmed) ? trimmed : undefined;
}
function withoutTrailingSlash(url) {
    return url.trim().replace(/\/+$/, '');
}

// EXTERNAL MODULE: ./src/gate/render/sarif/location.ts
var sarif_location = __webpack_require__(7475);
;// CONCATENATED MODULE: ./src/gate/render/annotations.ts
/**
 * Blocking findings as workflow annotations (`core.error(message, { title, file, startLine })`).
 * GitHub shows at most 10 error annotations per step, so findings are grouped: one annotation per
 * vulnerability across every artifact and platform it blocks in (a code-scanning finding: per
 * vulnerability and place, since each place is its own fix), most severe first, and the last slot
 * sums up whatever did not fit.
 *
 * Annotation text is plain text, not markdown. `@actions/core` percent-encodes `%`, CR and LF (and
 * `:` and `,` in properties) when it writes the `::error …::` command; this module's job is to keep
 * every field single-line (`singleLine`) and short (`truncate`).
 */





/** GitHub shows at most 10 error annotations per step. */
const DEFAULT_MAX_ANNOTATIONS = 10;
const TITLE_MAX = 100;
const MESSAGE_MAX = 1000;
/** Packages, targets and ids named in one annotation before "and N more". */
const MAX_NAMED = 5;
function findingAnnotations(verdict, options) {
    const max = Math.floor(options.max ?? DEFAULT_MAX_ANNOTATIONS);
    if (!(max >= 1))
        return [];
    const groups = groupBlocking(verdict.assessed);
    if (groups.length <= max)
        return groups.map((group) => groupAnnotation(group, options.file));
    const shown = groups.slice(0, max - 1);
    return [
        ...shown.map((group) => groupAnnotation(group, options.file)),
        overflowAnnotation(groups.slice(max - 1), shown.length > 0, options.file)
    ];
}
/** Blocking findings grouped, groups in the order of their most severe finding. */
function groupBlocking(assessed) {
    const groups = new Map();
    for (const entry of assessed.filter((a) => a.blocking).sort(finding_order/* compareAssessed */.Dy)) {
        const { finding } = entry;
        const key = finding.code === undefined
            ? `package\u0000${finding.vulnerabilityId}`
            : `code\u0000${finding.vulnerabilityId}\u0000${finding.code.filePath}\u0000${finding.code.startLine ?? ''}`;
        const group = groups.get(key);
        if (group === undefined)
            groups.set(key, [entry]);
        else
            group.push(entry);
    }
    return [...groups.values()];
}
function groupAnnotation(group, file) {
    const top = group[0];
    if (top === undefined)
        throw new Error('empty annotation group');
    const { finding } = top;
    const severity = severityText(top);
    const subject = finding.code === undefined ? packageNames(group) : codePlace(finding);
    const title = `${severity} ${annotations_text(finding.vulnerabilityId, 60)}${subject === '' ? '' : ` in ${subject}`}`;
    const parts = [annotations_text(finding.title, 300) || annotations_text(finding.vulnerabilityId, 100)];
    if (finding.code === undefined) {
        const packages = packageChanges(group);
        if (packages !== '')
            parts.push(`Packages: ${packages}`);
    }
    else {
        const detector = annotations_text(finding.code.detectorName ?? '', 100);
        if (detector !== '')
            parts.push(`Detector: ${detector}`);
        const cwes = finding.code.cwes.map((cwe) => annotations_text(cwe, 20)).filter((cwe) => cwe !== '');
        if (cwes.length > 0)
            parts.push(`CWE: ${named(cwes)}`);
    }
    parts.push(`Blocks in: ${targets(group)}`);
    // A LOW as an error needs its reason ("exploit known"): the rules that blocked the group.
    const reasons = [...new Set(group.flatMap((entry) => (entry.blockedBy ?? []).map((r) => r.text)))];
    if (reasons.length > 0)
        parts.push(`Blocked by: ${annotations_text(reasons.join('; '), 300)}`);
    const href = finding.url === undefined ? undefined : (0,text_escape/* safeHref */.v7)(finding.url);
    if (href !== undefined)
        parts.push(`Advisory: ${href}`);
    const place = (0,sarif_location/* findingPlace */.ps)(finding, file);
    return {
        level: 'error',
        title: annotations_text(title, TITLE_MAX),
        message: annotations_text(`${parts.join('. ')}.`, MESSAGE_MAX),
        ...(place !== undefined && { file: place.file, startLine: place.startLine }),
        ...(place?.endLine !== undefined && { endLine: place.endLine })
    };
}
function overflowAnnotation(rest, anyShown, file) {
    const ids = [...new Set(rest.map((group) => annotations_text(group[0]?.finding.vulnerabilityId ?? '', 60)))];
    const count = `${rest.length}${anyShown ? ' more' : ''} blocking ${rest.length === 1 ? 'vulnerability' : 'vulnerabilities'}`;
    const location = file === undefined ? '' : (0,sarif_location/* repositoryPath */.SH)(file);
    return {
        level: 'error',
        title: annotations_text(count, TITLE_MAX),
        message: annotations_text(`${count} (${listWithin(ids, 700)}) — see the job summary / findings file.`, MESSAGE_MAX),
        ...(location !== '' && { file: location, startLine: 1 })
    };
}
// ---- text ----------------------------------------------------------------------------------
function annotations_text(value, maxLength) {
    return (0,text_escape/* truncate */.xv)((0,text_escape/* singleLine */.pF)(value), maxLength);
}
function severityText(entry) {
    const label = labels/* SEVERITY_LABELS */.Gs[entry.effectiveSeverity];
    return entry.finding.severity === 'untriaged' ? `${label} (untriaged)` : label;
}
/** `a, b, c, d, e and 3 more`. */
function named(items) {
    const shown = items.slice(0, MAX_NAMED);
    const more = items.length - shown.length;
    return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}
/** As many items as fit in `budget` characters, then "and N more". */
function listWithin(items, budget) {
    const shown = [];
    let length = 0;
    for (const item of items) {
        if (shown.length > 0 && length + item.length + 2 > budget)
            break;
        shown.push(item);
        length += item.length + 2;
    }
    const more = items.length - shown.length;
    return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}
function distinctPackages(group) {
    const seen = new Map();
    for (const { finding } of group) {
        for (const pkg of finding.packages) {
            const key = [pkg.name, pkg.installedVersion, pkg.fixedInVersion].join('\u0000');
            if (!seen.has(key))
                seen.set(key, pkg);
        }
    }
    return [...seen.values()];
}
function packageNames(group) {
    const names = [...new Set(distinctPackages(group).map((pkg) => annotations_text(pkg.name, 40)))];
    const shown = names.slice(0, 2);
    return names.length > shown.length ? `${shown.join(', ')} +${names.length - 2}` : shown.join(', ');
}
/** `openssl 3.0.1 → 3.0.2, zlib 1.2 → no fixed version yet`. */
function packageChanges(group) {
    return named(distinctPackages(group).map((pkg) => {
        const installed = pkg.installedVersion === undefined ? '' : ` ${annotations_text(pkg.installedVersion, 40)}`;
        const fixed = pkg.fixedInVersion === undefined || (0,text_escape/* singleLine */.pF)(pkg.fixedInVersion) === ''
            ? 'no fixed version yet'
            : annotations_text(pkg.fixedInVersion, 40);
        return `${annotations_text(pkg.name, 80)}${installed} → ${fixed}`;
    }));
}
function codePlace(finding) {
    const code = finding.code;
    if (code === undefined)
        return '';
    const path = (0,sarif_location/* repositoryPath */.SH)(code.filePath) || annotations_text(code.filePath, 80);
    return code.startLine === undefined ? path : `${path}:${code.startLine}`;
}
/** `shop/api:1.4.2 (linux/amd64, linux/arm64), orders-api (code scanning)`. */
function targets(group) {
    const byReference = new Map();
    for (const { finding } of group) {
        const reference = annotations_text(finding.artifact.reference, 120);
        const variants = byReference.get(reference) ?? new Set();
        const variant = (0,domain_finding/* artifactVariant */.MP)(finding.artifact);
        if (variant !== undefined)
            variants.add(annotations_text(variant, 40));
        byReference.set(reference, variants);
    }
    return named([...byReference].map(([reference, variants]) => variants.size === 0 ? reference : `${reference} (${[...variants].join(', ')})`));
}

;// CONCATENATED MODULE: ./src/gate/render/artifact-counts.ts


/**
 * One artifact's row identity. The same digest can be listed under two references (`app:latest`
 * and `app@sha256:…`), and those are separate outcomes, so the reference is part of the key.
 */
function artifactKey(artifact) {
    return `${artifact.reference}\u0000${(0,domain_finding/* artifactContent */.O_)(artifact)}\u0000${(0,domain_finding/* artifactVariant */.MP)(artifact) ?? ''}`;
}
/** Not-ignored findings by raw severity, plus the ignored count, per artifact (one pass). */
function countsByArtifact(verdict) {
    const counts = new Map();
    const countsFor = (artifact) => {
        const key = artifactKey(artifact);
        let entry = counts.get(key);
        if (entry === undefined) {
            entry = emptyArtifactCounts();
            counts.set(key, entry);
        }
        return entry;
    };
    for (const { finding } of verdict.assessed)
        countsFor(finding.artifact)[finding.severity] += 1;
    for (const { finding } of verdict.ignored)
        countsFor(finding.artifact).ignored += 1;
    return counts;
}
function emptyArtifactCounts() {
    return { ...(0,severity/* emptySeverityCounts */.Fk)(), ignored: 0 };
}

;// CONCATENATED MODULE: ./src/gate/render/findings-file.ts


/**
 * 2: SBOM targets (`kind: sbom`, `sbomFormat`, `sbomComponents`, `subjectName`, issue 15); the
 * policy's risk rules and each finding's `blockedBy` (issue 16).
 */
const FINDINGS_SCHEMA_VERSION = 2;
/** The verdict as the findings file (pretty-printed JSON, trailing newline). */
function renderFindingsJson(verdict, meta) {
    return `${JSON.stringify(findingsFile(verdict, meta), null, 2)}\n`;
}
function findingsFile(verdict, meta) {
    const { policy } = meta;
    const counts = countsByArtifact(verdict);
    const assessed = [...verdict.assessed].sort(finding_order/* compareAssessed */.Dy).map((entry) => findingRecord(entry.finding, {
        effectiveSeverity: entry.effectiveSeverity,
        blocking: entry.blocking,
        blockedBy: entry.blockedBy ?? [],
        note: entry.note ?? null,
        ignored: null
    }));
    const ignored = [...verdict.ignored].sort((0,finding_order/* ignoredComparator */.BG)(policy)).map(({ finding, rule }) => findingRecord(finding, {
        effectiveSeverity: (0,finding_order/* effectiveSeverityOf */.Et)(finding, policy),
        blocking: false,
        blockedBy: [],
        note: null,
        ignored: {
            reason: rule.reason,
            rule: `${rule.file}:${rule.line}`,
            ruleId: rule.id,
            expires: rule.expires ?? null
        }
    }));
    return {
        schemaVersion: FINDINGS_SCHEMA_VERSION,
        generatedAt: isoOrNull(meta.generatedAt),
        result: verdict.result,
        failures: verdict.failures,
        warnings: verdict.warnings,
        policy: policyRecord(policy),
        counts: {
            ...verdict.counts,
            blocking: verdict.assessed.filter((entry) => entry.blocking).length,
            ignored: verdict.ignored.length
        },
        artifacts: verdict.outcomes.map((outcome) => artifactRecord(outcome, counts)),
        findings: [...assessed, ...ignored],
        expiredIgnoreRules: verdict.expiredRules.map(ruleRecord),
        unusedIgnoreRules: verdict.unusedRules.map(ruleRecord)
    };
}
function policyRecord(policy) {
    return {
        failOn: policy.failOn,
        maxFindings: { ...policy.maxFindings },
        untriagedAs: policy.untriagedAs,
        fixableOnly: policy.fixableOnly,
        failOnExploitable: policy.failOnExploitable,
        failOnEpss: policy.failOnEpss ?? null,
        minScore: policy.minScore ?? null,
        onUnscannable: policy.onUnscannable,
        onError: policy.onError
    };
}
function artifactRecord(outcome, counts) {
    const artifact = outcome.artifact;
    const image = artifact?.kind === 'image' ? artifact : undefined;
    const fn = artifact?.kind === 'function' ? artifact : undefined;
    const sbom = artifact?.kind === 'sbom' ? artifact : undefined;
    const record = {
        reference: outcome.status === 'error' ? outcome.reference : outcome.artifact.reference,
        kind: artifact?.kind ?? null,
        status: outcome.status,
        repository: image?.repository ?? null,
        registryId: image?.registryId ?? null,
        region: artifact?.region ?? null,
        digest: image?.digest ?? sbom?.subjectDigest ?? null,
        platform: image?.platform ?? null,
        sbomFormat: sbom?.format ?? null,
        sbomComponents: sbom?.components ?? null,
        subjectName: sbom?.subjectName ?? null,
        functionName: fn?.functionName ?? null,
        codeSha256: fn?.codeSha256 ?? null,
        lastModified: isoOrNull(fn?.lastModified),
        scanType: fn?.scanType ?? null,
        resourceId: artifact?.resourceId ?? null,
        pushedAt: isoOrNull(image?.pushedAt),
        scanMode: null,
        scannedAt: null,
        settled: null,
        settledBy: null,
        scanEventCounts: null,
        reason: null,
        explanation: null,
        message: null,
        timedOut: null,
        counts: null
    };
    switch (outcome.status) {
        case 'scanned':
            record.scanMode = outcome.scanMode;
            record.scannedAt = isoOrNull(outcome.scannedAt);
            record.settled = outcome.settled;
            record.settledBy = outcome.settledBy?.kind ?? null;
            if (outcome.settledBy?.kind === 'scan-event') {
                const { bySeverity, total } = outcome.settledBy.counts;
                record.scanEventCounts = { ...bySeverity, TOTAL: total };
            }
            record.counts = counts.get(artifactKey(outcome.artifact)) ?? emptyArtifactCounts();
            break;
        case 'unscannable':
            record.reason = outcome.reason;
            record.explanation = outcome.explanation;
            break;
        case 'error':
            record.message = outcome.message;
            record.timedOut = outcome.timedOut;
            break;
    }
    return record;
}
function findingRecord(finding, assessment) {
    return {
        id: finding.id,
        vulnerabilityId: finding.vulnerabilityId,
        title: finding.title,
        description: finding.description,
        severity: finding.severity,
        effectiveSeverity: assessment.effectiveSeverity,
        blocking: assessment.blocking,
        blockedBy: assessment.blockedBy.map((reason) => ({ rule: reason.rule, text: reason.text })),
        note: assessment.note,
        type: finding.type,
        source: finding.source,
        url: finding.url ?? null,
        packages: finding.packages.map(packageRecord),
        fixAvailable: finding.fixAvailable,
        exploitAvailable: finding.exploitAvailable,
        inspectorScore: finding.inspectorScore ?? null,
        epss: finding.epss ?? null,
        cvss: finding.cvss === undefined
            ? null
            : {
                score: finding.cvss.score,
                version: finding.cvss.version ?? null,
                vector: finding.cvss.vector ?? null
            },
        remediation: finding.remediation ?? null,
        code: finding.code === undefined
            ? null
            : {
                filePath: finding.code.filePath,
                startLine: finding.code.startLine ?? null,
                endLine: finding.code.endLine ?? null,
                cwes: finding.code.cwes,
                detectorName: finding.code.detectorName ?? null,
                ruleId: finding.code.ruleId ?? null
            },
        firstObservedAt: finding.firstObservedAt ?? null,
        artifact: findingArtifactRecord(finding.artifact),
        ignored: assessment.ignored
    };
}
function packageRecord(pkg) {
    return {
        name: pkg.name,
        installedVersion: pkg.installedVersion ?? null,
        fixedInVersion: pkg.fixedInVersion ?? null,
        packageManager: pkg.packageManager ?? null,
        filePath: pkg.filePath ?? null
    };
}
/** The artifact in brief; `artifacts[]` has the rest, matched by `reference` and `digest`. */
function findingArtifactRecord(artifact) {
    const image = artifact.kind === 'image' ? artifact : undefined;
    const fn = artifact.kind === 'function' ? artifact : undefined;
    const sbom = artifact.kind === 'sbom' ? artifact : undefined;
    return {
        reference: artifact.reference,
        kind: artifact.kind,
        repository: image?.repository ?? null,
        digest: image?.digest ?? sbom?.subjectDigest ?? null,
        platform: image?.platform ?? null,
        subjectName: sbom?.subjectName ?? null,
        functionName: fn?.functionName ?? null,
        codeSha256: fn?.codeSha256 ?? null,
        scanType: fn?.scanType ?? null,
        resourceId: artifact.resourceId
    };
}
function ruleRecord(rule) {
    return {
        id: rule.id,
        reason: rule.reason,
        expires: rule.expires ?? null,
        repository: rule.repository ?? null,
        image: rule.image ?? null,
        function: rule.function ?? null,
        sbom: rule.sbom ?? null,
        package: rule.package ?? null,
        file: rule.file,
        line: rule.line,
        location: `${rule.file}:${rule.line}`
    };
}
/** toISOString throws on an invalid Date; a bad timestamp must not lose the whole file. */
function isoOrNull(date) {
    return date === undefined || Number.isNaN(date.getTime()) ? null : date.toISOString();
}

;// CONCATENATED MODULE: ./src/gate/render/outputs.ts
/**
 * The step outputs, all strings as `core.setOutput` takes them. Severity counts are the verdict's:
 * active, not-ignored findings by raw severity (as Inspector shows them). `findings-file` is added
 * by the action adapter, which knows the path.
 */
function gateOutputs(verdict) {
    const { critical, high, medium, low, informational, untriaged } = verdict.counts;
    const blocking = verdict.assessed.filter((entry) => entry.blocking).length;
    const ignored = verdict.ignored.length;
    // Built field by field so `counts` has a fixed key order whatever order the verdict used.
    const counts = { critical, high, medium, low, informational, untriaged, blocking, ignored };
    return {
        result: verdict.result,
        critical: String(critical),
        high: String(high),
        medium: String(medium),
        low: String(low),
        informational: String(informational),
        untriaged: String(untriaged),
        blocking: String(blocking),
        counts: JSON.stringify(counts)
    };
}

// EXTERNAL MODULE: ./src/domain/policy.ts
var domain_policy = __webpack_require__(4596);
;// CONCATENATED MODULE: ./src/gate/render/artifacts-table.ts
/** The per-image (and per-platform) table at the top of the summary. */





/**
 * Four columns, so the table fits GitHub's ~1,000 px content width: the reference (a long ECR URI)
 * once per target group with its platform and digest under it, the scan mode, the status, and the
 * counts as one compact cell with severity marks.
 */
const ARTIFACT_COLUMNS = [
    { title: 'Target' },
    { title: 'Scan' },
    { title: 'Status' },
    { title: 'Findings' }
];
/** One row per artifact outcome: what was scanned, how it went, and its counts. */
function artifactsSection(verdict, policy) {
    if (verdict.outcomes.length === 0)
        return undefined;
    const counts = countsByArtifact(verdict);
    let previous;
    const rows = verdict.outcomes.map((outcome) => {
        const reference = referenceOf(outcome);
        const row = artifactRow(outcome, policy, counts, reference === previous);
        previous = reference;
        return row;
    });
    return `### Targets\n\n${(0,markdown_table/* tableHead */.P)(ARTIFACT_COLUMNS)}${rows.join('')}\n${LEGEND}`;
}
function referenceOf(outcome) {
    return outcome.status === 'error' ? outcome.reference : outcome.artifact.reference;
}
/** What the severity marks mean, once under the table (the same marks as the report summary). */
const LEGEND = `_${labels/* COUNTED_SEVERITIES */.T7.map((severity) => `${labels/* SEVERITY_MARKS */.ru[severity]} ${labels/* SEVERITY_LABELS */.Gs[severity]}`).join(' · ')}_\n\n`;
function artifactRow(outcome, policy, counts, sameReferenceAsAbove) {
    const artifact = outcome.artifact;
    // The next platform of the same image: the reference was just said, only what differs is shown.
    const name = sameReferenceAsAbove ? '↳' : (0,text_escape/* markdownText */.p7)(referenceOf(outcome));
    const variant = artifact === undefined ? undefined : (0,domain_finding/* artifactVariant */.MP)(artifact);
    const detail = [
        variant === undefined ? undefined : (0,text_escape/* markdownText */.p7)(variant),
        artifact === undefined ? undefined : (0,text_escape/* markdownText */.p7)(shortContent((0,domain_finding/* artifactContent */.O_)(artifact)))
    ].filter((part) => part !== undefined);
    const target = detail.length === 0 ? name : `${name}<br>${detail.join(' · ')}`;
    const found = outcome.status === 'scanned' ? counts.get(artifactKey(outcome.artifact)) : undefined;
    return (0,markdown_table/* tableRow */.j)([
        target,
        outcome.status === 'scanned' ? outcome.scanMode : '—',
        artifactStatus(outcome, policy),
        outcome.status === 'scanned' ? countsCell(found) : '—'
    ]);
}
/** `🔴 1 · 🟠 2 · 1 ignored`: only the severities that occur; `none` when nothing was found. */
function countsCell(found) {
    const parts = labels/* COUNTED_SEVERITIES */.T7.flatMap((severity) => {
        const count = found?.[severity] ?? 0;
        return count === 0 ? [] : [`${labels/* SEVERITY_MARKS */.ru[severity]} ${count}`];
    });
    const ignored = found?.ignored ?? 0;
    if (ignored > 0)
        parts.push(`${ignored} ignored`);
    return parts.length === 0 ? 'none' : parts.join(' · ');
}
function artifactStatus(outcome, policy) {
    switch (outcome.status) {
        case 'scanned': {
            // Unsettled: findings were still arriving when the wait ran out, so the counts may be partial.
            const state = outcome.settled ? '✅ scanned' : '⚠️ scanned, findings still arriving';
            const at = outcome.scannedAt === undefined ? '' : ` ${(0,text_escape/* markdownText */.p7)((0,labels/* formatTime */.fU)(outcome.scannedAt))}`;
            const proof = proofText(outcome.settledBy);
            return `${state}${at}${proof === undefined ? '' : ` · ${(0,text_escape/* markdownText */.p7)(proof, 200)}`}`;
        }
        case 'unscannable': {
            const icon = policy.onUnscannable === 'fail' ? '❌' : '⚠️';
            return `${icon} unscannable: ${(0,text_escape/* markdownText */.p7)(outcome.reason)} — ${(0,text_escape/* markdownText */.p7)(outcome.explanation, 300)}`;
        }
        case 'error': {
            const icon = policy.onError === 'fail' ? '❌' : '⚠️';
            const timedOut = outcome.timedOut ? ' (timed out)' : '';
            return `${icon} error${timedOut}: ${(0,text_escape/* markdownText */.p7)(outcome.message, 300)}`;
        }
    }
}
/**
 * `sha256:0123456789abcdef…` → `sha256:0123456789ab…` (and a CodeSha256 alike): enough to
 * recognise, and the table stays narrow.
 */
function shortContent(content) {
    const separator = Math.max(content.indexOf(':'), content.indexOf(' '));
    const hashStart = separator < 0 ? 0 : separator + 1;
    return content.length - hashStart > 12 ? `${content.slice(0, hashStart + 12)}…` : content;
}
/** Which proof settled the findings, in the words the README uses. */
function proofText(proof) {
    switch (proof?.kind) {
        case 'scan-event':
            return proof.shortfall === undefined
                ? 'scan event counts matched'
                : `short of the scan event's counts: ${proof.shortfall.join(', ')}`;
        case 'quiet-period':
            return 'two reads agreed after the quiet period';
        case 'scan-answer':
            return 'Inspector Scan answered; its totals matched';
        default:
            return undefined;
    }
}

;// CONCATENATED MODULE: ./src/gate/render/findings-tables.ts
/** The blocking, non-blocking and ignored findings tables, as trimmable blocks for the size budget. */





/** Titles are context, not the point of the row: kept short so thousands of rows stay readable. */
const findings_tables_TITLE_MAX_LENGTH = 120;
/** A finding can name dozens of packages (a vendored library); the findings file has them all. */
const findings_tables_MAX_PACKAGES_PER_ROW = 3;
/**
 * Six columns (score, EPSS and exploit share one cell) so the table fits GitHub's ~1,000 px
 * content width; the Target cell leaves out the ECR registry host the Targets table names.
 */
const FINDING_COLUMNS = [
    { title: 'Severity' },
    { title: 'Vulnerability' },
    { title: 'Package or file' },
    { title: 'Installed → fixed / CWE' },
    { title: 'Risk' },
    { title: 'Target' }
];
function findings_tables_blockingSection(blocking, omissionNote) {
    return {
        intro: `### Blocking findings (${blocking.length})\n\n`,
        head: (0,markdown_table/* tableHead */.P)([...FINDING_COLUMNS, { title: 'Why blocking' }]),
        rows: blocking.map((entry) => (0,markdown_table/* tableRow */.j)([
            ...findingCells(entry.finding, entry.effectiveSeverity),
            (0,text_escape/* markdownText */.p7)(blockReasonsText(entry))
        ])),
        outro: '\n',
        omissionNote
    };
}
/** `severity HIGH ≥ fail-on high; exploit known`: every rule that blocked the finding. */
function blockReasonsText(entry) {
    return (entry.blockedBy ?? []).map((reason) => reason.text).join('; ');
}
function nonBlockingSection(nonBlocking, omissionNote) {
    const rows = nonBlocking.map((entry) => (0,markdown_table/* tableRow */.j)([
        ...findingCells(entry.finding, entry.effectiveSeverity),
        entry.note === undefined ? '' : (0,text_escape/* markdownText */.p7)(entry.note)
    ]));
    return {
        intro: `<details>\n<summary>${(0,labels/* plural */.LS)(nonBlocking.length, 'non-blocking finding')}</summary>\n\n`,
        head: (0,markdown_table/* tableHead */.P)([...FINDING_COLUMNS, { title: 'Why not blocking' }]),
        rows,
        outro: '\n</details>\n\n',
        omissionNote
    };
}
const IGNORED_COLUMNS = [
    { title: 'Severity' },
    { title: 'Vulnerability' },
    { title: 'Package or file' },
    { title: 'Target' },
    { title: 'Ignored because' }
];
function ignoredSection(ignored, policy, omissionNote) {
    const rows = ignored.map(({ finding, rule }) => (0,markdown_table/* tableRow */.j)([
        severityCell(finding, (0,finding_order/* effectiveSeverityOf */.Et)(finding, policy)),
        vulnerabilityCell(finding),
        findings_tables_whereCell(finding),
        imageCell(finding.artifact),
        ignoredBecauseCell(rule)
    ]));
    return {
        intro: `### Ignored findings (${ignored.length})\n\n`,
        head: (0,markdown_table/* tableHead */.P)(IGNORED_COLUMNS),
        rows,
        outro: '\n',
        omissionNote
    };
}
function findingCells(finding, effectiveSeverity) {
    return [
        severityCell(finding, effectiveSeverity),
        vulnerabilityCell(finding),
        findings_tables_whereCell(finding),
        finding.code === undefined ? findings_tables_versionsCell(finding) : weaknessCell(finding.code),
        riskCell(finding),
        imageCell(finding.artifact)
    ];
}
/** Untriaged findings count at the policy's `untriaged-as`; the cell says so, or it looks scored. */
function severityCell(finding, effectiveSeverity) {
    const label = labels/* SEVERITY_LABELS */.Gs[effectiveSeverity];
    return finding.severity === 'untriaged' ? `${label} (untriaged)` : label;
}
function vulnerabilityCell(finding) {
    const link = (0,text_escape/* safeLink */.o3)(finding.vulnerabilityId, finding.url);
    const title = (0,text_escape/* markdownText */.p7)((0,labels/* titleBesideId */.YY)(finding), findings_tables_TITLE_MAX_LENGTH);
    return title === '' ? link : `${link}<br>${title}`;
}
/** A package finding names its packages; a code finding names its file and lines. */
function findings_tables_whereCell(finding) {
    const code = finding.code;
    if (code === undefined)
        return packageNamesCell(finding.packages);
    const lines = code.startLine === undefined
        ? ''
        : code.endLine !== undefined && code.endLine !== code.startLine
            ? `:${code.startLine}-${code.endLine}`
            : `:${code.startLine}`;
    return (0,text_escape/* markdownText */.p7)(`${code.filePath}${lines}`);
}
/** For code findings the "fix" column names the weakness (CWE) and the detector that found it. */
function weaknessCell(code) {
    const parts = [code.cwes.join(', '), code.detectorName ?? ''].filter((part) => part !== '');
    return parts.length === 0 ? '—' : (0,text_escape/* markdownText */.p7)(parts.join(' · '));
}
function packageNamesCell(packages) {
    return findings_tables_listCell(packages, (pkg) => {
        const name = (0,text_escape/* markdownText */.p7)(pkg.name);
        return pkg.filePath === undefined ? name : `${name} (${(0,text_escape/* markdownText */.p7)(pkg.filePath)})`;
    });
}
function findings_tables_versionsCell(finding) {
    return findings_tables_listCell(finding.packages, (pkg) => {
        const installed = pkg.installedVersion === undefined ? '?' : (0,text_escape/* markdownText */.p7)(pkg.installedVersion);
        const fixed = pkg.fixedInVersion !== undefined
            ? (0,text_escape/* markdownText */.p7)(pkg.fixedInVersion)
            : finding.fixAvailable === 'no'
                ? 'no fix'
                : finding.fixAvailable === 'unknown'
                    ? 'fix unknown'
                    : 'fix available';
        return `${installed} → ${fixed}`;
    });
}
/** Up to MAX_PACKAGES_PER_ROW items, one per line, then "+N more". */
function findings_tables_listCell(items, render) {
    if (items.length === 0)
        return '—';
    const shown = items.slice(0, findings_tables_MAX_PACKAGES_PER_ROW).map(render);
    const hidden = items.length - shown.length;
    return hidden > 0 ? [...shown, `+${hidden} more`].join('<br>') : shown.join('<br>');
}
/** `score 10.0<br>EPSS 85.12%<br>exploit yes`, only what is known; `—` when nothing is. */
function riskCell(finding) {
    const score = (0,labels/* scoreLabel */.rH)(finding);
    const parts = [
        score === '—' ? undefined : `score ${score}`,
        finding.epss === undefined ? undefined : `EPSS ${(finding.epss * 100).toFixed(2)}%`,
        exploitLabel(finding.exploitAvailable)
    ].filter((part) => part !== undefined);
    return parts.length === 0 ? '—' : parts.join('<br>');
}
function exploitLabel(exploit) {
    return exploit === 'unknown' ? undefined : `exploit ${exploit}`;
}
/** The entry's reason, then when it expires and where it is (`file:line`). */
function ignoredBecauseCell(rule) {
    const expires = rule.expires === undefined ? 'never expires' : `expires ${(0,text_escape/* markdownText */.p7)(rule.expires)}`;
    return `${(0,text_escape/* markdownText */.p7)(rule.reason, 300)}<br>${expires} · ${(0,text_escape/* markdownText */.p7)((0,labels/* ruleLocation */.eK)(rule))}`;
}
function imageCell(artifact) {
    const reference = (0,text_escape/* markdownText */.p7)((0,labels/* withoutRegistryHost */.Wt)(artifact.reference));
    const variant = (0,domain_finding/* artifactVariant */.MP)(artifact);
    return variant === undefined ? reference : `${reference} (${(0,text_escape/* markdownText */.p7)(variant)})`;
}

;// CONCATENATED MODULE: ./src/text/size-budget.ts
/**
 * Fits a markdown document into a byte budget by dropping whole table rows. GitHub rejects a step
 * summary over 1 MiB, and a verdict can hold tens of thousands of findings, so the document is kept
 * as blocks whose sizes are measured once; trimming is arithmetic, never re-measuring the string.
 */
/**
 * Joins the blocks, dropping rows from the end of the tables in `trimOrder` (each emptied before the
 * next is touched) until the result is at most `maxBytes` UTF-8 bytes. If the fixed text alone is
 * too big, whole trailing blocks go, then lines, with `truncationNote` appended.
 */
function fitToBudget(blocks, trimOrder, maxBytes, truncationNote) {
    const measured = new Map();
    let total = 0;
    for (const block of blocks) {
        if (typeof block === 'string') {
            total += bytes(block);
            continue;
        }
        const entry = measureTable(block);
        measured.set(block, entry);
        total += bytes(block.intro) + bytes(block.outro) + entry.headBytes + sum(entry.rowBytes);
    }
    for (const table of trimOrder) {
        if (total <= maxBytes)
            break;
        const entry = measured.get(table);
        if (entry !== undefined)
            total -= dropRows(entry, total - maxBytes);
    }
    const rendered = blocks.map((block) => typeof block === 'string'
        ? { text: block, splittable: true }
        : { text: renderTable(measured.get(block)), splittable: false });
    if (total <= maxBytes)
        return rendered.map((block) => block.text).join('');
    return keepLeadingBlocks(rendered, maxBytes, truncationNote);
}
function measureTable(table) {
    const rowBytes = table.rows.map(bytes);
    return { table, rowBytes, headBytes: bytes(table.head), kept: table.rows.length };
}
/**
 * Drops rows from the end until `excess` bytes are saved, net of the omission note that replaces
 * them (its size grows with the count's digits). Returns the bytes saved.
 */
function dropRows(entry, excess) {
    const total = entry.rowBytes.length;
    let freed = 0;
    const netSaving = () => {
        const omitted = total - entry.kept;
        return omitted === 0 ? 0 : freed - bytes(entry.table.omissionNote(omitted));
    };
    while (entry.kept > 0 && netSaving() < excess) {
        entry.kept -= 1;
        freed += entry.rowBytes[entry.kept] ?? 0;
        if (entry.kept === 0)
            freed += entry.headBytes;
    }
    return netSaving();
}
function renderTable(entry) {
    if (entry === undefined)
        return '';
    const { table, kept } = entry;
    const omitted = table.rows.length - kept;
    const body = kept === 0 ? '' : table.head + table.rows.slice(0, kept).join('');
    const note = omitted === 0 ? '' : table.omissionNote(omitted);
    return table.intro + body + note + table.outro;
}
/**
 * Last resort: whole blocks while they fit, then whole lines of the next one unless it holds HTML
 * (a `<details>` must not lose its closing tag), then the note, which starts with a blank line so it
 * cannot join a table cut short.
 */
function keepLeadingBlocks(rendered, maxBytes, truncationNote) {
    const budget = maxBytes - bytes(truncationNote);
    if (budget < 0)
        return leadingLines(truncationNote, maxBytes);
    let used = 0;
    let output = '';
    for (const { text, splittable } of rendered) {
        const size = bytes(text);
        if (used + size > budget) {
            if (splittable)
                output += leadingLines(text, budget - used);
            break;
        }
        used += size;
        output += text;
    }
    return output + truncationNote;
}
/** The longest prefix of whole lines within `maxBytes` (a newline byte never sits inside a UTF-8 character). */
function leadingLines(text, maxBytes) {
    if (maxBytes <= 0)
        return '';
    const buffer = Buffer.from(text, 'utf8');
    if (buffer.length <= maxBytes)
        return text;
    const cut = buffer.lastIndexOf(0x0a, maxBytes - 1);
    return cut < 0 ? '' : buffer.subarray(0, cut + 1).toString('utf8');
}
function bytes(text) {
    return Buffer.byteLength(text, 'utf8');
}
function sum(values) {
    let total = 0;
    for (const value of values)
        total += value;
    return total;
}

;// CONCATENATED MODULE: ./src/gate/render/summary.ts








const DEFAULT_SUMMARY_MAX_BYTES = 1_000_000;
const summary_HEADLINES = {
    pass: '✅ Inspector gate passed',
    fail: '❌ Inspector gate failed',
    error: '⚠️ Inspector gate errored'
};
/**
 * The job summary / PR comment for a verdict, as GitHub-flavoured markdown of at most `maxBytes`
 * UTF-8 bytes. When the findings do not fit, rows are dropped from the end of the non-blocking,
 * then ignored, then blocking table, and each table says how many it left out.
 */
function renderSummary(verdict, options) {
    const { policy, findingsFile } = options;
    const maxBytes = options.maxBytes ?? DEFAULT_SUMMARY_MAX_BYTES;
    const omissionNote = omissionNoteFor(findingsFile);
    const assessed = [...verdict.assessed].sort(finding_order/* compareAssessed */.Dy);
    const blocking = assessed.filter((entry) => entry.blocking);
    const nonBlocking = assessed.filter((entry) => !entry.blocking);
    const ignored = [...verdict.ignored].sort((0,finding_order/* ignoredComparator */.BG)(policy));
    const blockingTable = blocking.length > 0 ? findings_tables_blockingSection(blocking, omissionNote) : undefined;
    const nonBlockingTable = nonBlocking.length > 0 ? nonBlockingSection(nonBlocking, omissionNote) : undefined;
    const ignoredTable = ignored.length > 0 ? ignoredSection(ignored, policy, omissionNote) : undefined;
    const blocks = [
        headline(verdict, blocking.length),
        policyLine(policy),
        artifactsSection(verdict, policy),
        blockingTable ?? (verdict.outcomes.length > 0 ? 'No blocking findings.\n\n' : undefined),
        nonBlockingTable,
        ignoredTable,
        expiredRulesSection(verdict.expiredRules),
        unusedRulesSection(verdict.unusedRules),
        footer(findingsFile, options.findingsOnRunnerOnly === true, options.now)
    ];
    const trimOrder = [nonBlockingTable, ignoredTable, blockingTable].filter(isDefined);
    return fitToBudget(blocks.filter(isDefined), trimOrder, maxBytes, truncationNote(findingsFile));
}
// ---- headline and policy -------------------------------------------------------------------
function headline(verdict, blockingCount) {
    const lines = [`## ${summary_HEADLINES[verdict.result]}`, '', tally(verdict, blockingCount), ''];
    if (verdict.failures.length > 0) {
        lines.push(verdict.result === 'error' ? '**Errors:**' : '**Why it failed:**', '');
        listAtMost(lines, verdict.failures, (line) => `- ${(0,text_escape/* markdownText */.p7)(line, 1000)}`, 'more');
    }
    if (verdict.warnings.length > 0) {
        lines.push('**Warnings:**', '');
        listAtMost(lines, verdict.warnings, (line) => `- ⚠️ ${(0,text_escape/* markdownText */.p7)(line, 1000)}`, 'more');
    }
    return lines.join('\n') + '\n';
}
/** Lines a headline or section lists before it says how many more there are. */
const MAX_LISTED = 50;
/**
 * Appends at most MAX_LISTED items, then one line saying how many more there are. A loop, not
 * `push(...items)`: spreading 300,000 unused ignore entries as arguments overflows the stack.
 */
function listAtMost(lines, items, render, more) {
    for (const item of items.slice(0, MAX_LISTED))
        lines.push(render(item));
    if (items.length > MAX_LISTED) {
        lines.push(`- … and ${items.length - MAX_LISTED} ${more} (all of them are in the findings file)`);
    }
    lines.push('');
}
function tally(verdict, blockingCount) {
    const artifacts = (0,labels/* plural */.LS)(verdict.outcomes.length, 'artifact');
    const findings = (0,labels/* plural */.LS)(verdict.assessed.length, 'finding');
    return `**${blockingCount} blocking** of ${findings} in ${artifacts} · ${verdict.ignored.length} ignored`;
}
function policyLine(policy) {
    const budgets = severity/* RANKED_SEVERITIES */.Kw.flatMap((severity) => {
        const budget = policy.maxFindings[severity];
        return budget === undefined ? [] : [`${severity} ≤ ${budget}`];
    });
    const parts = [
        policy.failOn === 'none' ? 'fail-on: none' : `fail-on: ${policy.failOn} and above`,
        `budgets: ${budgets.length > 0 ? budgets.join(', ') : 'none'}`,
        `untriaged-as: ${policy.untriagedAs}`,
        `fixable-only: ${policy.fixableOnly ? 'yes' : 'no'}`,
        ...riskRules(policy),
        `on-unscannable: ${policy.onUnscannable}`,
        `on-error: ${policy.onError}`
    ];
    return `**Policy:** ${parts.map((part) => (0,text_escape/* markdownText */.p7)(part)).join(' · ')}\n\n`;
}
/** The risk rules, only when set: a policy line without them reads as it always did. */
function riskRules(policy) {
    return [
        ...(policy.minScore === undefined ? [] : [`min-score: ${policy.minScore}`]),
        ...(policy.failOnExploitable ? ['fail-on-exploitable: yes'] : []),
        ...(policy.failOnEpss === undefined
            ? []
            : [`fail-on-epss: ≥ ${(0,domain_policy/* epssPercent */.xf)(policy.failOnEpss)}`])
    ];
}
// ---- ignore-file housekeeping --------------------------------------------------------------
function expiredRulesSection(rules) {
    if (rules.length === 0)
        return undefined;
    const lines = [];
    listAtMost(lines, rules, (rule) => `- ${(0,text_escape/* markdownText */.p7)(rule.id)} expired ${(0,text_escape/* markdownText */.p7)(rule.expires ?? '?')} (${(0,text_escape/* markdownText */.p7)((0,labels/* ruleLocation */.eK)(rule))}): ${(0,text_escape/* markdownText */.p7)(rule.reason, 300)}`, 'more expired entries');
    const intro = 'These entries have expired and no longer apply; renew them or remove them.';
    return `### Expired ignore entries (${rules.length})\n\n${intro}\n\n${lines.join('\n')}\n`;
}
function unusedRulesSection(rules) {
    if (rules.length === 0)
        return undefined;
    const lines = [];
    listAtMost(lines, rules, (rule) => `- ${(0,text_escape/* markdownText */.p7)(rule.id)} (${(0,text_escape/* markdownText */.p7)((0,labels/* ruleLocation */.eK)(rule))}): ${(0,text_escape/* markdownText */.p7)(rule.reason, 300)}`, 'more unused entries');
    const intro = 'These entries matched no finding; they may be stale.';
    return `### Unused ignore entries (${rules.length})\n\n${intro}\n\n${lines.join('\n')}\n`;
}
// ---- notes and footer ----------------------------------------------------------------------
function omissionNoteFor(findingsFile) {
    const where = findingsFile === undefined
        ? 'not shown (the summary has a size limit)'
        : `in ${(0,text_escape/* codeSpan */.SS)(findingsFile, 500)}`;
    return (omitted) => `\n_${omitted} more ${omitted === 1 ? 'finding' : 'findings'} ${where}._\n`;
}
function truncationNote(findingsFile) {
    const where = findingsFile === undefined ? '' : `; full results in ${(0,text_escape/* codeSpan */.SS)(findingsFile, 500)}`;
    return `\n_Summary truncated to fit the size limit${where}._\n`;
}
function footer(findingsFile, onRunnerOnly, now) {
    const parts = [];
    if (findingsFile !== undefined) {
        const where = onRunnerOnly
            ? ' (the step output `findings-file`, on the runner only: upload it with actions/upload-artifact to keep it)'
            : ' (the step output `findings-file`)';
        parts.push(`Full results: ${(0,text_escape/* codeSpan */.SS)(findingsFile, 500)}${where}`);
    }
    if (now !== undefined && !Number.isNaN(now.getTime()))
        parts.push(`generated ${(0,labels/* formatTime */.fU)(now)}`);
    return parts.length === 0 ? undefined : `---\n\n_${parts.join(' · ')}_\n`;
}
function isDefined(value) {
    return value !== undefined;
}

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/gate/publish.ts











/**
 * Every place the verdict goes, files first: a gate that fails must still leave its findings file
 * and SARIF behind. A publisher that cannot write warns; it never changes the verdict.
 */
async function publishVerdict(verdict, gate, where, host) {
    // Outputs first and unguarded: they carry the verdict, and without them nothing downstream works.
    for (const [name, value] of Object.entries(gateOutputs(verdict)))
        host.setOutput(name, value);
    await guarded('findings-file', host, () => {
        const json = renderFindingsJson(verdict, { generatedAt: new Date(), policy: gate.policy });
        if (writeFile(where.findingsFile, json, 'findings-file', host)) {
            host.setOutput('findings-file', where.findingsFile);
        }
    });
    const sarifFile = where.sarifFile;
    if (sarifFile !== undefined) {
        await guarded('sarif-file', host, () => writeSarif(verdict, sarifFile, where, host));
    }
    let comment = { status: 'skipped', reason: 'not attempted' };
    await guarded('pr-comment', host, async () => {
        comment = await postComment(verdict, gate, where, host);
    });
    if (where.summary) {
        await guarded('summary', host, async () => {
            const summary = renderSummary(verdict, {
                policy: gate.policy,
                findingsFile: where.findingsShown.name,
                findingsOnRunnerOnly: !where.findingsShown.inWorkspace
            });
            const note = comment.status === 'unavailable'
                ? `\n> [!NOTE]\n> The pull request comment was not posted: ${(0,text_escape/* markdownText */.p7)(comment.reason, 500)}\n`
                : '';
            await host.appendSummary(`${summary}${note}`);
        });
    }
    await guarded('annotations', host, () => {
        // GitHub shows 10 error annotations per step; keep room for the step's own failure lines.
        const failureLines = verdict.result === 'pass' ? 0 : verdict.failures.length;
        const max = Math.max(1, DEFAULT_MAX_ANNOTATIONS - failureLines);
        for (const annotation of findingAnnotations(verdict, { file: where.sarifLocation, max })) {
            const { level, message, ...place } = annotation;
            if (level === 'error')
                host.error(message, place);
            else
                host.warning(message, place);
        }
    });
}
/**
 * A publisher that throws (a bug, an odd finding) costs its own output, with a warning: it must
 * not turn the verdict into `error` or fail a passing gate.
 */
async function guarded(what, host, publish) {
    try {
        await publish();
    }
    catch (error) {
        host.warning(`${what}: not published (${(0,error_message/* errorMessage */.g)(error)}); the verdict stands`);
    }
}
async function writeSarif(verdict, path, where, host) {
    // Only a run with sarif-file loads the SARIF writer (issue 13, cold start).
    const { renderSarif } = await __webpack_require__.e(/* import() */ 72).then(__webpack_require__.bind(__webpack_require__, 3072));
    const step = gateStep(host.env);
    const { log, warnings } = renderSarif(verdict, {
        location: where.sarifLocation,
        toolVersion: version/* VERSION */.x,
        informationUri: version/* PROJECT_URL */.w,
        ...(step === undefined ? {} : { step })
    });
    for (const warning of warnings)
        host.warning(`sarif-file: ${warning}`);
    if (writeFile(path, `${JSON.stringify(log, null, 2)}\n`, 'sarif-file', host)) {
        host.setOutput('sarif-file', path);
    }
}
/** The sticky comment; whatever happens, the step goes on (see PrCommentResult). */
async function postComment(verdict, gate, where, host) {
    const targets = [...gate.images.map((i) => i.raw), ...gate.functions.map((f) => f.raw)];
    const key = commentKey(commentIdentity(gate, host.env));
    const github = githubEnvironment(host.env);
    const result = await publishPrComment({
        mode: where.prComment,
        token: where.githubToken,
        key,
        render: (previousResult) => host.redact(renderPrComment(verdict, {
            key,
            targets,
            policy: gate.policy,
            ...(github.runUrl === undefined ? {} : { runUrl: github.runUrl }),
            ...(previousResult === undefined ? {} : { previousResult })
        }))
    }, github);
    if (result.status === 'unavailable')
        host.warning(`pr-comment: ${result.reason}`);
    else if (result.status === 'skipped')
        host.debug(`pr-comment: ${result.reason}`);
    else
        host.info(`pr-comment: ${result.status} ${result.url}`);
    if (result.status === 'created' || result.status === 'updated') {
        host.setOutput('comment-url', result.url);
    }
    return result;
}
/**
 * What a comment is the comment *of*: the gated repositories and functions (not the tag or digest
 * of this push, which change every push), and the workflow step that gates them, so two gate
 * steps in one job keep two comments even when they gate the same repository.
 */
function commentIdentity(gate, env) {
    return [
        `step:${gateStep(env) ?? ''}`,
        ...gate.images.map((i) => `image:${i.registryId}/${i.region}/${i.repository}`),
        ...gate.functions.map((f) => `function:${f.region}/${f.functionName}`)
    ];
}
/** The workflow step running the gate (workflow/job/step id); undefined outside GitHub Actions. */
function gateStep(env) {
    const parts = [env['GITHUB_WORKFLOW'], env['GITHUB_JOB'], env['GITHUB_ACTION']];
    return parts.every((part) => part === undefined) ? undefined : parts.map((p) => p ?? '').join('/');
}
/** Writes a file the user asked for; a bad path is an error line, not a lost verdict. */
function writeFile(path, content, input, host) {
    try {
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
        (0,external_node_fs_.writeFileSync)(path, host.redact(content));
        return true;
    }
    catch (error) {
        host.error(`${input}: could not write ${path} (${(0,error_message/* errorMessage */.g)(error)}); choose a writable path`);
        return false;
    }
}

;// CONCATENATED MODULE: ./src/gate/pr-comment/setting.ts
/**
 * `pr-comment`: `auto` (pull_request events), `always` (also the pushed commit's PRs), `off`. Its
 * own module, so reading the input does not load Octokit (github.ts) before a comment is posted.
 */
const PR_COMMENT_MODES = ['auto', 'always', 'off'];

;// CONCATENATED MODULE: ./src/gate/publish-config.ts





function buildPublishConfig(inputs, where) {
    const { get } = (0,read/* inputReader */.c)(inputs);
    const { workspace, env } = where;
    const exists = where.exists ?? external_node_fs_.existsSync;
    const sarif = get('sarif-file');
    const location = get('sarif-location');
    const findingsFile = findingsPath(get('findings-file'), workspace, env);
    return {
        findingsFile,
        findingsShown: findingsShownAs(findingsFile, workspace),
        summary: (0,values/* parseBoolean */.yG)('summary', get('summary')),
        ...(sarif === '' ? {} : { sarifFile: (0,external_node_path_.resolve)(workspace, sarif) }),
        sarifLocation: location === '' ? defaultSarifLocation(workspace, env, exists) : repoPath(location),
        prComment: (0,values/* parseChoice */.HU)('pr-comment', get('pr-comment'), PR_COMMENT_MODES),
        githubToken: get('github-token') || env['GITHUB_TOKEN'] || ''
    };
}
/**
 * The default is one file per step: two gate steps in one job share RUNNER_TEMP, and a shared file
 * would leave only the second step's findings. GITHUB_ACTION is the step's id (or the runner's
 * `__run_2`-style name for a step without one), unique within the job and the same on every run.
 */
function findingsPath(input, workspace, env) {
    if (input !== '')
        return (0,external_node_path_.resolve)(workspace, input);
    const temp = env['RUNNER_TEMP'] || workspace;
    const step = (env['GITHUB_ACTION'] ?? '').replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 100);
    return step === '' || /^\.+$/.test(step)
        ? (0,external_node_path_.join)(temp, 'inspector-gate', 'findings.json')
        : (0,external_node_path_.join)(temp, 'inspector-gate', step, 'findings.json');
}
function findingsShownAs(file, workspace) {
    const inside = (0,external_node_path_.relative)(workspace, file);
    const inWorkspace = inside !== '' && !inside.startsWith('..') && !(0,external_node_path_.isAbsolute)(inside);
    return inWorkspace
        ? { name: inside.replace(/\\/g, '/'), inWorkspace }
        : { name: (0,external_node_path_.basename)(file), inWorkspace };
}
/**
 * Code scanning shows an alert on a file of the repository. An image's findings belong to the
 * Dockerfile that built it, when there is one at the root; otherwise the workflow that ran the
 * gate is the one file certain to exist (GITHUB_WORKFLOW_REF is `owner/repo/<path>@<ref>`).
 */
function defaultSarifLocation(workspace, env, exists = external_node_fs_.existsSync, list = listFolder) {
    if (exists((0,external_node_path_.join)(workspace, 'Dockerfile')))
        return 'Dockerfile';
    const found = foundDockerfile(workspace, list);
    if (found !== undefined)
        return found;
    const workflow = /^[^/]+\/[^/]+\/(.+?)@/.exec(env['GITHUB_WORKFLOW_REF'] ?? '')?.[1];
    return workflow ?? 'Dockerfile';
}
const DOCKERFILE_NAME = /^Dockerfile(?:\..+)?$|^.+\.Dockerfile$/;
/**
 * The one Dockerfile at the root or one folder down (`docker/Dockerfile`, `app.Dockerfile`): a
 * shallow look, so a large checkout costs nothing. Two or more: no way to tell which built the
 * image, and the workflow file is the honest place.
 */
function foundDockerfile(workspace, list) {
    const root = list(workspace);
    const dockerfiles = (entries, prefix) => entries
        .filter((entry) => !entry.folder && DOCKERFILE_NAME.test(entry.name))
        .map((entry) => `${prefix}${entry.name}`);
    const found = [
        ...dockerfiles(root, ''),
        ...root
            .filter((entry) => entry.folder && !entry.name.startsWith('.') && entry.name !== 'node_modules')
            .flatMap((entry) => dockerfiles(list((0,external_node_path_.join)(workspace, entry.name)), `${entry.name}/`))
    ];
    return found.length === 1 ? found[0] : undefined;
}
function listFolder(folder) {
    try {
        return (0,external_node_fs_.readdirSync)(folder, { withFileTypes: true }).map((entry) => ({
            name: entry.name,
            folder: entry.isDirectory()
        }));
    }
    catch {
        // An unreadable or missing workspace has no Dockerfile to point at.
        return [];
    }
}
/** A path inside the repository, as SARIF wants it: relative, forward slashes, no `..`. */
function repoPath(value) {
    const slashed = value.replace(/\\/g, '/');
    const normalized = (0,external_node_path_.normalize)(slashed).replace(/\\/g, '/').replace(/^\.\//, '');
    // `.`, `../config/` or `a/..` is the repository itself, not a file in it.
    const root = normalized === '' || normalized === '.';
    if ((0,external_node_path_.isAbsolute)(slashed) || /^[a-zA-Z]:/.test(slashed) || normalized.startsWith('..') || root) {
        throw new values/* InputError */.dz(`sarif-location: "${(0,values/* shown */.SP)(value)}" is not a path inside the repository; give it relative to the repository root, e.g. Dockerfile or docker/app.Dockerfile`);
    }
    return normalized;
}

;// CONCATENATED MODULE: ./src/gate/render/verdict-text.ts




const MAX_BLOCKING_LINES = 20;
/**
 * The verdict for a terminal (the CLI's `--format text`): one line per target, the counts, the
 * blocking findings. Every line goes through `logLine`, which strips control characters, so a
 * hostile title cannot move the cursor or recolour the terminal, and defuses workflow commands, so
 * it cannot drive a CI runner reading the output (`##[set-output …]` counts anywhere in a line).
 */
function renderVerdictText(verdict) {
    const blocking = [...verdict.assessed].filter((entry) => entry.blocking).sort(finding_order/* compareAssessed */.Dy);
    const counts = labels/* COUNTED_SEVERITIES */.T7.map((severity) => `${verdict.counts[severity]} ${severity}`);
    const lines = [
        `inspector-gate: ${verdict.result}`,
        ...verdict.outcomes.map((outcome) => `  ${outcomeLine(outcome)}`),
        `findings: ${counts.join(', ')}; ${blocking.length} blocking, ${verdict.ignored.length} ignored`
    ];
    for (const entry of blocking.slice(0, MAX_BLOCKING_LINES)) {
        const { finding } = entry;
        const pkg = finding.packages[0];
        const where = pkg === undefined ? '' : ` in ${pkg.name} ${pkg.installedVersion ?? ''}`.trimEnd();
        const fix = pkg?.fixedInVersion === undefined ? '' : ` (fixed in ${pkg.fixedInVersion})`;
        const target = (0,domain_finding/* artifactLabel */.ri)(finding.artifact.reference, finding.artifact);
        lines.push(`  ${entry.effectiveSeverity.toUpperCase()} ${finding.vulnerabilityId}${where}${fix} — ${target}${why(entry)}`);
    }
    if (blocking.length > MAX_BLOCKING_LINES) {
        lines.push(`  … and ${blocking.length - MAX_BLOCKING_LINES} more blocking findings`);
    }
    // Loops, not push(...): 300,000 unused ignore entries are 300,000 warnings.
    // A verdict of error was a tool error (AWS, permission, timeout), not the policy: its lines say so.
    const label = verdict.result === 'error' ? 'error' : 'fail';
    for (const failure of verdict.failures)
        lines.push(`${label}: ${failure}`);
    for (const warning of verdict.warnings)
        lines.push(`warning: ${warning}`);
    return `${lines.map((line) => (0,text_escape/* truncate */.xv)((0,text_escape/* logLine */.BP)(line), 500)).join('\n')}\n`;
}
/** ` (exploit known; EPSS 42 % ≥ 10 %)`: which rules blocked it, when evaluate said. */
function why(entry) {
    const reasons = (entry.blockedBy ?? []).map((reason) => reason.text);
    return reasons.length === 0 ? '' : ` (${reasons.join('; ')})`;
}
function outcomeLine(outcome) {
    if (outcome.status === 'scanned') {
        const label = (0,domain_finding/* artifactLabel */.ri)(outcome.artifact.reference, outcome.artifact);
        return `scanned ${label}: ${outcome.findings.length} findings`;
    }
    if (outcome.status === 'unscannable') {
        const label = (0,domain_finding/* artifactLabel */.ri)(outcome.artifact.reference, outcome.artifact);
        return `unscannable ${label}: ${outcome.reason}`;
    }
    return `error ${(0,domain_finding/* artifactLabel */.ri)(outcome.reference, outcome.artifact)}: ${outcome.message}`;
}

;// CONCATENATED MODULE: ./src/gate/step.ts















/**
 * The services this run's targets use. Their SDKs are most of what a gate loads: they come with the
 * gate's own module (gate/run.ts), after the identity call has gone out (see runGateStep).
 * CloudFormation (the responder stack) is loaded only by a run that deploys it; an SBOM-only run
 * loads Inspector Scan's adapter and nothing else.
 */
function servicesFor(gate) {
    const deployed = gate.images.length + gate.functions.length > 0;
    return [
        ...(gate.images.length > 0 ? ['ecr'] : []),
        ...(gate.functions.length > 0 ? ['lambda'] : []),
        ...(deployed ? ['inspector', 'securityHub', 'logs'] : []),
        ...(gate.sboms.length > 0 ? ['inspectorScan'] : [])
    ];
}
/** `mode: gate`: inputs → verdict → outputs, files, summary, comment, annotations, outcome. */
async function runGateStep(inputs, host) {
    let config;
    try {
        // The ignore file's parser and its YAML library, only for a run that has one.
        const parseIgnore = (inputs['ignore-file'] ?? '').trim() === ''
            ? undefined
            : (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(768)]).then(__webpack_require__.bind(__webpack_require__, 3768))).parseIgnoreFile;
        config = {
            responder: (0,responder_stack_config/* buildResponderConfig */.r)(inputs),
            publish: buildPublishConfig(inputs, host),
            gate: buildGateConfig(inputs, (path) => (0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)(host.workspace, path), 'utf8'), host.env, parseIgnore)
        };
    }
    catch (error) {
        return (0,runtime_host/* failedStep */.c)(host, (0,missing_region/* stepErrorMessage */.W)(error, host.awsAdvice));
    }
    // Every wait and every AWS call ends by the gate's timeout: the deadline bounds both.
    const deadline = clock/* systemClock */.m.now() + config.gate.timeoutMs;
    const clients = (0,aws_clients/* createAwsClients */.Gv)({
        classes: { sts: dist_cjs.STSClient },
        advice: host.awsAdvice,
        deadline: {
            at: deadline,
            clock: clock/* systemClock */.m,
            name: `timeout (${durationText(config.gate.timeoutMs)})`
        }
    });
    // The first AWS call (whose credentials, whose account) does not wait for the scanners' code
    // and SDKs, most of what a gate loads: they are loaded once it has its answer (issue 13). Not
    // during the call: compiling a chunk blocks the event loop, which would hold the request back.
    // runGate awaits the call and turns its failure into the verdict's error. SBOMs need no
    // account: a run of only SBOMs makes one call per SBOM, ScanSbom, and no other.
    const deployed = config.gate.images.length + config.gate.functions.length > 0;
    const account = deployed ? (0,sts/* getCallerAccount */.f)(clients.sts()) : undefined;
    await account?.then(() => undefined, () => undefined);
    try {
        const [{ runGate }] = await Promise.all([
            __webpack_require__.e(/* import() */ 819).then(__webpack_require__.bind(__webpack_require__, 8819)),
            // Loaded here beside the SDKs, so runGate's own import of it finds it ready.
            ...(deployed ? [Promise.all(/* import() */[__webpack_require__.e(200), __webpack_require__.e(222), __webpack_require__.e(696), __webpack_require__.e(303), __webpack_require__.e(249), __webpack_require__.e(914), __webpack_require__.e(855), __webpack_require__.e(534)]).then(__webpack_require__.bind(__webpack_require__, 7855))] : []),
            ...servicesFor(config.gate).map((service) => clients.load(service))
        ]);
        const verdict = await runGate(config.gate, {
            clients,
            clock: clock/* systemClock */.m,
            log: host,
            deadline,
            ...(account !== undefined && { account })
        });
        await publishVerdict(verdict, config.gate, config.publish, host);
        const outcome = conclude(verdict, config, host);
        if (config.responder !== undefined) {
            // The stack is independent of the verdict: it is deployed whatever the gate decided.
            // Its own clients: the deployment has its own budget, after the gate's deadline.
            // Its own chunk: a gate without deploy-responder never loads the CloudFormation SDK.
            const { runResponderDeployment } = await Promise.all(/* import() */[__webpack_require__.e(805), __webpack_require__.e(754)]).then(__webpack_require__.bind(__webpack_require__, 3754));
            const own = (0,aws_clients/* createAwsClients */.Gv)({ classes: {}, advice: host.awsAdvice });
            const deployed = await runResponderDeployment(config.responder, own, host);
            if (!deployed.ok) {
                const failure = `inspector-gate: ${deployed.error}`;
                // A passing gate whose stack failed is not a pass: the step fails, and `result` says why.
                const result = outcome.result === 'pass' ? 'error' : outcome.result;
                host.setOutput('result', result);
                return {
                    ...outcome,
                    result,
                    failure: outcome.failure === undefined ? failure : `${outcome.failure}; ${failure}`
                };
            }
        }
        return outcome;
    }
    catch (error) {
        // Only a bug gets here: every expected failure is an outcome inside the verdict.
        const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
        return (0,runtime_host/* failedStep */.c)(host, `inspector-gate failed unexpectedly: ${detail}`);
    }
}
/** One line per reason, then the outcome: its first line is what shows in the checks list. */
function conclude(verdict, config, host) {
    for (const warning of verdict.warnings)
        host.warning(warning);
    const counts = Object.entries(verdict.counts)
        .filter(([, n]) => n > 0)
        .map(([severity, n]) => `${n} ${severity}`)
        .join(', ');
    host.info(`findings: ${counts || 'none'}; ${verdict.ignored.length} ignored`);
    const { policy } = config.gate;
    const render = (format) => {
        if (format === 'markdown') {
            const shown = config.publish.findingsShown;
            return renderSummary(verdict, {
                policy,
                findingsFile: shown.name,
                findingsOnRunnerOnly: !shown.inWorkspace
            });
        }
        if (format === 'json')
            return renderFindingsJson(verdict, { generatedAt: new Date(), policy });
        return renderVerdictText(verdict);
    };
    const result = verdict.result;
    if (result === 'pass') {
        host.info('inspector-gate: pass');
        return { result, render };
    }
    if (result === 'error' && policy.onError === 'warn') {
        host.warning('inspector-gate could not reach a verdict; on-error is warn, so the step passes');
        return { result, render };
    }
    for (const line of verdict.failures.slice(1))
        host.error(line);
    const head = verdict.failures[0] ?? 'no verdict';
    const more = verdict.failures.length > 1 ? ` (+${verdict.failures.length - 1} more)` : '';
    return { result, failure: `inspector-gate ${result}: ${head}${more}`, render };
}
/** 900000 → `15m`, 6000 → `6s`: as a user writes the input. */
function durationText(ms) {
    return ms % 60_000 === 0 ? `${ms / 60_000}m` : `${Math.round(ms / 1000)}s`;
}


/***/ }),

/***/ 8125:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ parseStackName),
/* harmony export */   r: () => (/* binding */ buildResponderConfig)
/* harmony export */ });
/* harmony import */ var _inputs_read_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4245);
/* harmony import */ var _inputs_values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8463);


const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]{0,54}$/;
const RETENTION = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
    3653
];
/** `responder-stack-name`, read by setup (to deploy it) and the gate (to read its outputs). */
function parseStackName(stackName) {
    if (!STACK_NAME.test(stackName)) {
        // The template names the function and the topic after the stack, which caps it at 55.
        throw new _inputs_values_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`responder-stack-name: "${(0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(stackName)}" must start with a letter and have at most 55 letters, digits or -`);
    }
    return stackName;
}
/** `deploy-responder` and its stack parameters; undefined when the stack is not wanted. */
function buildResponderConfig(inputs) {
    const { get } = (0,_inputs_read_js__WEBPACK_IMPORTED_MODULE_0__/* .inputReader */ .c)(inputs);
    if (!(0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_1__/* .parseBoolean */ .yG)('deploy-responder', get('deploy-responder')))
        return undefined;
    const stackName = parseStackName(get('responder-stack-name'));
    const email = get('responder-email');
    if (email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
        throw new _inputs_values_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`responder-email: "${(0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(email)}" is not an e-mail address`);
    }
    const kmsKeyArn = get('responder-kms-key-arn');
    if (kmsKeyArn !== '' &&
        !/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/.test(kmsKeyArn)) {
        throw new _inputs_values_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`responder-kms-key-arn: "${(0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(kmsKeyArn)}" is not a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)`);
    }
    // Digits only: Number() would also read `0x1E`, `0o36` or `3e1` as 30.
    const days = get('responder-log-retention-days');
    const retention = /^\d+$/.test(days) ? Number(days) : NaN;
    if (!RETENTION.includes(retention)) {
        throw new _inputs_values_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`responder-log-retention-days: "${(0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(get('responder-log-retention-days'))}" is not a CloudWatch Logs retention (${RETENTION.join(', ')})`);
    }
    return {
        stackName,
        notificationEmail: email,
        kmsKeyArn,
        inspectorFindingsOnly: (0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_1__/* .parseBoolean */ .yG)('responder-inspector-only', get('responder-inspector-only')),
        logRetentionDays: retention,
        scanEvents: (0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_1__/* .parseBoolean */ .yG)('responder-scan-events', get('responder-scan-events'))
    };
}


/***/ }),

/***/ 7403:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ tableHead),
/* harmony export */   j: () => (/* binding */ tableRow)
/* harmony export */ });
/** GFM table lines. Cells must already be escaped (see escape.ts); nothing here touches content. */
/** The header and separator lines. */
function tableHead(columns) {
    const titles = columns.map((column) => column.title);
    const separators = columns.map((column) => (column.align === 'right' ? '---:' : '---'));
    return tableRow(titles) + tableRow(separators);
}
function tableRow(cells) {
    return `| ${cells.join(' | ')} |\n`;
}


/***/ })

};
