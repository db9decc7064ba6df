export const id = 125;
export const ids = [125];
export const modules = {

/***/ 6433:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ pageGuard),
/* harmony export */   l: () => (/* binding */ guardedPages)
/* harmony export */ });
/* harmony import */ var _runtime_clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9842);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _rate_limiter_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5350);



/**
 * Pages a read may fetch back to back before it is paced: 6,250 findings at ListFindings' 25 a
 * page, more than any image the benches or the scale tests gate, so a real read is never slowed.
 */
const PAGE_BURST = 250;
/** Pages a second after the burst: a read that never ends cannot become a tight loop. */
const PAGES_PER_SECOND = 10;
const DEFAULT_MAX_PAGES = 10_000;
/**
 * Guards one paged read. The SDK's `stopOnSameToken` ends paging silently, which would gate on a
 * partial list, and it only notices a token repeated at once: tokens that cycle (A, B, A, B…) page
 * forever. Any token seen before in this read, or an absurd page count, is an error instead.
 */
function pageGuard(operation, maxPages = DEFAULT_MAX_PAGES) {
    const seen = new Set();
    let pages = 0;
    return (nextToken) => {
        pages += 1;
        if (nextToken !== undefined && nextToken !== '') {
            if (seen.has(nextToken)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AwsCallError */ .iQ(`${operation} returned a page token it had already returned (after ${pages} ${pages === 1 ? 'page' : 'pages'}): its pages cycle, so the list would never be complete`, 'UnexpectedResponse', false);
            }
            seen.add(nextToken);
        }
        if (pages >= maxPages) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AwsCallError */ .iQ(`${operation} returned more than ${maxPages} pages; refusing a result that may be incomplete`, 'UnexpectedResponse', false);
        }
    };
}
/**
 * An SDK paginator, guarded (see pageGuard) and paced: after a burst, pages are fetched at a steady
 * rate, so an endpoint that keeps handing out fresh tokens is read slowly until the step's deadline
 * cuts the call (see call-deadline.ts), instead of being hammered thousands of times a minute.
 */
async function* guardedPages(operation, pages, tokenOf, options = {}) {
    const guard = pageGuard(operation, options.maxPages);
    const pace = (0,_rate_limiter_js__WEBPACK_IMPORTED_MODULE_2__/* .createRateLimiter */ .x)(options.clock ?? _runtime_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m, PAGES_PER_SECOND, PAGE_BURST);
    for await (const page of pages) {
        guard(tokenOf(page));
        yield page;
        // Before the paginator asks for the next page: only the pages after the burst wait.
        await pace();
    }
}


/***/ }),

/***/ 5350:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ createRateLimiter)
/* harmony export */ });
/**
 * A token bucket on the injectable clock: `rate` calls a second on average, `burst` at once. Pacing
 * to a documented quota costs nothing; leaning on 429 retries wastes calls and backs off too far.
 */
function createRateLimiter(clock, rate, burst) {
    let tokens = burst;
    let last = clock.now();
    return async () => {
        const now = clock.now();
        tokens = Math.min(burst, tokens + ((now - last) / 1000) * rate);
        last = now;
        if (tokens < 1) {
            const waitMs = Math.ceil(((1 - tokens) / rate) * 1000);
            await clock.sleep(waitMs);
            tokens = Math.min(burst, tokens + (waitMs / 1000) * rate);
            last = clock.now();
        }
        tokens -= 1;
    };
}


/***/ }),

/***/ 356:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Op: () => (/* binding */ getEnabledStandards),
/* harmony export */   Yp: () => (/* binding */ enableStandards),
/* harmony export */   qn: () => (/* binding */ describeStandards)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_securityhub__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6200);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/* harmony import */ var _paging_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6433);



/** `…:standards/<slug>/v/<version>` or the older `…:ruleset/<slug>/v/<version>` (CIS 1.2.0). */
const STANDARD_ARN = /:(?:standards|ruleset)\/([a-z0-9-]+)\/v\/([0-9.]+)$/;
async function describeStandards(client) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .callAws */ .IY)({
        action: 'securityhub:DescribeStandards',
        doing: 'listing the security standards Security Hub offers'
    }, async () => {
        const standards = [];
        const pages = (0,_paging_js__WEBPACK_IMPORTED_MODULE_1__/* .guardedPages */ .l)('DescribeStandards', (0,_aws_sdk_client_securityhub__WEBPACK_IMPORTED_MODULE_2__.paginateDescribeStandards)({ client }, {}), (page) => page.NextToken);
        for await (const page of pages) {
            for (const standard of page.Standards ?? []) {
                const match = STANDARD_ARN.exec(standard.StandardsArn ?? '');
                if (!standard.StandardsArn || !match)
                    continue;
                standards.push({
                    arn: standard.StandardsArn,
                    name: standard.Name ?? standard.StandardsArn,
                    slug: match[1],
                    version: match[2]
                });
            }
        }
        return standards;
    });
}
async function getEnabledStandards(client) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .callAws */ .IY)({ action: 'securityhub:GetEnabledStandards', doing: 'reading the enabled security standards' }, async () => {
        const subscriptions = [];
        const pages = (0,_paging_js__WEBPACK_IMPORTED_MODULE_1__/* .guardedPages */ .l)('GetEnabledStandards', (0,_aws_sdk_client_securityhub__WEBPACK_IMPORTED_MODULE_2__.paginateGetEnabledStandards)({ client }, {}), (page) => page.NextToken);
        for await (const page of pages) {
            for (const s of page.StandardsSubscriptions ?? []) {
                if (!s.StandardsArn)
                    continue;
                subscriptions.push({
                    standardsArn: s.StandardsArn,
                    status: s.StandardsStatus ?? 'UNKNOWN',
                    reason: s.StandardsStatusReason?.StatusReasonCode
                });
            }
        }
        return subscriptions;
    });
}
/** One BatchEnableStandards call (at most 25 standards; the API allows 1 call per second). */
async function enableStandards(client, arns) {
    await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .callAws */ .IY)({
        action: 'securityhub:BatchEnableStandards',
        doing: `enabling ${arns.length} security standard(s)`
    }, () => client.send(new _aws_sdk_client_securityhub__WEBPACK_IMPORTED_MODULE_2__.BatchEnableStandardsCommand({
        StandardsSubscriptionRequests: arns.map((StandardsArn) => ({ StandardsArn }))
    })));
}


/***/ }),

/***/ 2472:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ap: () => (/* binding */ inspectorProductArn),
/* harmony export */   P6: () => (/* binding */ describeHub),
/* harmony export */   V$: () => (/* binding */ isInspectorSubscription),
/* harmony export */   pD: () => (/* binding */ enableSecurityHub),
/* harmony export */   tg: () => (/* binding */ enableImportForProduct),
/* harmony export */   xH: () => (/* binding */ listEnabledImportProducts)
/* harmony export */ });
/* unused harmony export partitionOf */
/* harmony import */ var _aws_sdk_client_securityhub__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6200);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/* harmony import */ var _paging_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6433);



function partitionOf(region) {
    if (region.startsWith('cn-'))
        return 'aws-cn';
    if (region.startsWith('us-gov-'))
        return 'aws-us-gov';
    return 'aws';
}
/** The product (not subscription) ARN that EnableImportFindingsForProduct takes for Inspector. */
function inspectorProductArn(region) {
    return `arn:${partitionOf(region)}:securityhub:${region}::product/aws/inspector`;
}
/**
 * ListEnabledProductsForImport returns subscription ARNs
 * (`arn:aws:securityhub:<region>:<account>:product-subscription/aws/inspector`), not product ARNs.
 */
function isInspectorSubscription(subscriptionArn) {
    return subscriptionArn.endsWith(':product-subscription/aws/inspector');
}
const errorName = (error) => error?.name;
/**
 * Whether Security Hub (CSPM) is on in the client's region. When it is off, DescribeHub answers
 * InvalidAccessException "Account … is not subscribed to AWS Security Hub": an answer, not a failure.
 */
async function describeHub(client) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .callAws */ .IY)({ action: 'securityhub:DescribeHub', doing: 'checking that AWS Security Hub is enabled' }, async () => {
        try {
            await client.send(new _aws_sdk_client_securityhub__WEBPACK_IMPORTED_MODULE_2__.DescribeHubCommand({}));
            return true;
        }
        catch (error) {
            if (errorName(error) === 'InvalidAccessException')
                return false;
            throw error;
        }
    });
}
/**
 * Turns Security Hub on without its default standards (EnableDefaultStandards defaults to true,
 * which would switch on CIS 1.2.0 and FSBP); a 409 "already subscribed" means it is on.
 */
async function enableSecurityHub(client) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .callAws */ .IY)({ action: 'securityhub:EnableSecurityHub', doing: 'enabling AWS Security Hub' }, () => alreadyOnConflict(() => client.send(new _aws_sdk_client_securityhub__WEBPACK_IMPORTED_MODULE_2__.EnableSecurityHubCommand({ EnableDefaultStandards: false }))));
}
/** Every subscription ARN of products whose findings Security Hub imports, all pages. */
async function listEnabledImportProducts(client) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .callAws */ .IY)({
        action: 'securityhub:ListEnabledProductsForImport',
        doing: 'checking which products send findings to Security Hub'
    }, async () => {
        const arns = [];
        // A fresh input object: the paginator writes its token back into it.
        const pages = (0,_paging_js__WEBPACK_IMPORTED_MODULE_1__/* .guardedPages */ .l)('ListEnabledProductsForImport', (0,_aws_sdk_client_securityhub__WEBPACK_IMPORTED_MODULE_2__.paginateListEnabledProductsForImport)({ client, pageSize: 100 }, {}), (page) => page.NextToken);
        for await (const page of pages)
            arns.push(...(page.ProductSubscriptions ?? []));
        return arns;
    });
}
/** Subscribes Security Hub to a product's findings; 409 means the subscription already exists. */
async function enableImportForProduct(client, productArn) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .callAws */ .IY)({
        action: 'securityhub:EnableImportFindingsForProduct',
        doing: `enabling the import of ${productArn} findings into Security Hub`
    }, () => alreadyOnConflict(() => client.send(new _aws_sdk_client_securityhub__WEBPACK_IMPORTED_MODULE_2__.EnableImportFindingsForProductCommand({ ProductArn: productArn }))));
}
async function alreadyOnConflict(call) {
    try {
        await call();
        return 'enabled';
    }
    catch (error) {
        if (errorName(error) === 'ResourceConflictException')
            return 'already-enabled';
        throw error;
    }
}


/***/ }),

/***/ 4938:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ isRegionName)
/* harmony export */ });
/**
 * How AWS names a Region: `us-east-1`, `ap-southeast-2`, `us-gov-west-1`. One test for every place
 * a Region name comes from outside (inputs, a finding's `Region`), so they cannot drift apart.
 */
const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
function isRegionName(name) {
    return REGION_NAME.test(name);
}


/***/ }),

/***/ 5125:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runReportStep: () => (/* binding */ runReportStep)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-securityhub/dist-cjs/index.js
var client_securityhub_dist_cjs = __webpack_require__(6200);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sns/dist-cjs/index.js
var client_sns_dist_cjs = __webpack_require__(1178);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var client_sts_dist_cjs = __webpack_require__(1695);
// EXTERNAL MODULE: ./src/aws/clients.ts + 2 modules
var aws_clients = __webpack_require__(5358);
// EXTERNAL MODULE: ./src/inputs/missing-region.ts
var missing_region = __webpack_require__(1782);
// EXTERNAL MODULE: ./src/inputs/read.ts
var read = __webpack_require__(4245);
;// CONCATENATED MODULE: ./src/domain/report.ts
/**
 * The compliance report: aggregates only (the CSV carries the findings), so its size does not grow
 * with the number of findings. This is also the schema of report.json (`schemaVersion` 1); a
 * previous report.json is read back for the trend, so fields are only ever added.
 */
const REPORT_SCHEMA_VERSION = 1;
/** ASFF `Severity.Label` values, highest first. */
const SECURITY_HUB_SEVERITIES = [
    'CRITICAL',
    'HIGH',
    'MEDIUM',
    'LOW',
    'INFORMATIONAL'
];
/**
 * ASFF `Workflow.Status` values, and whether each leaves a finding open (counted in the age of
 * open findings): NEW and NOTIFIED are still to be dealt with, RESOLVED and SUPPRESSED are not.
 */
const WORKFLOW_STATUSES = {
    NEW: 'open',
    NOTIFIED: 'open',
    RESOLVED: 'closed',
    SUPPRESSED: 'closed'
};
/**
 * ASFF `Compliance.Status` values, as a control's status counts them: FAILED fails it, PASSED
 * passes it only if all its findings do, WARNING and NOT_AVAILABLE leave it undecided. Another
 * value is undecided too: a control never passes on a status the report does not know.
 */
const COMPLIANCE_STATUSES = {
    FAILED: 'failed',
    PASSED: 'passed',
    WARNING: 'undecided',
    NOT_AVAILABLE: 'undecided'
};
/** A posture's key in the trend: one per Region and standard. */
function postureKey(standard) {
    return standard.region === undefined
        ? standard.standardsArn
        : `${standard.region}|${standard.standardsArn}`;
}
/** A posture's name for readers: the standard's, with its Region when it has one. */
function postureName(standard) {
    return standard.region === undefined ? standard.name : `${standard.name} (${standard.region})`;
}
/** A gap as one line, for logs, the step failure and the summaries. */
function gapLine(gap) {
    return `${gap.effect}: ${gap.reason}`;
}
function emptySeverityCounts() {
    return { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0 };
}

// EXTERNAL MODULE: ./src/domain/region.ts
var domain_region = __webpack_require__(4938);
// EXTERNAL MODULE: ./src/inputs/values.ts
var values = __webpack_require__(8463);
;// CONCATENATED MODULE: ./src/report/config.ts





const WORKFLOW = Object.keys(WORKFLOW_STATUSES);
/** Validates the report inputs before any AWS call, naming the input in every error. */
function buildReportSettings(inputs, env) {
    const { get } = (0,read/* inputReader */.c)(inputs);
    const region = env['AWS_REGION'];
    if (!region)
        throw new missing_region/* MissingRegionError */.Z('report needs a region: ');
    const periodMs = (0,values/* parseDuration */.E9)('period', get('period'));
    const periodDays = periodMs / 86_400_000;
    if (periodDays < 1 / 24 || periodDays > 90) {
        throw new values/* InputError */.dz(`period: "${(0,values/* shown */.SP)(get('period'))}" must be between 1h and 90d (Security Hub keeps findings for 90 days)`);
    }
    const severities = (0,values/* parseList */.E1)(get('report-severities')).map((s) => s.toUpperCase());
    for (const s of severities) {
        if (!SECURITY_HUB_SEVERITIES.includes(s)) {
            throw new values/* InputError */.dz(`report-severities: "${(0,values/* shown */.SP)(s)}" is not one of ${SECURITY_HUB_SEVERITIES.join(', ')}`);
        }
    }
    const workflowStatuses = (0,values/* parseList */.E1)(get('report-workflow-statuses')).map((s) => s.toUpperCase());
    for (const s of workflowStatuses) {
        if (!WORKFLOW.includes(s))
            throw new values/* InputError */.dz(`report-workflow-statuses: "${(0,values/* shown */.SP)(s)}" is not one of ${WORKFLOW.join(', ')}`);
    }
    const accounts = (0,values/* parseList */.E1)(get('report-accounts'));
    for (const a of accounts) {
        if (!/^\d{12}$/.test(a))
            throw new values/* InputError */.dz(`report-accounts: "${(0,values/* shown */.SP)(a)}" is not a 12-digit AWS account id`);
    }
    const regions = [...new Set((0,values/* parseList */.E1)(get('report-regions')).map((r) => r.toLowerCase()))];
    for (const r of regions) {
        if (!(0,domain_region/* isRegionName */.U)(r))
            throw new values/* InputError */.dz(`report-regions: "${(0,values/* shown */.SP)(r)}" is not an AWS Region name (e.g. eu-west-1)`);
    }
    const filters = {
        products: (0,values/* parseList */.E1)(get('report-products')),
        severities,
        accounts,
        resourceTypes: (0,values/* parseList */.E1)(get('report-resource-types')),
        workflowStatuses,
        regions
    };
    return {
        config: {
            region,
            periodDays,
            filters,
            remediationTargets: parseTargets(get('remediation-targets'))
        },
        reportDir: get('report-dir'),
        previousReport: get('previous-report') || undefined,
        snsTopicArn: parseTopic(get('sns-topic-arn')),
        s3: parseS3Uri(get('s3-uri')),
        onError: (0,values/* parseChoice */.HU)('on-error', get('on-error'), ['fail', 'warn'])
    };
}
/** `critical=2, high=14`: days within which open findings of that severity should be fixed. */
function parseTargets(value) {
    const targets = {};
    for (const entry of (0,values/* parseList */.E1)(value)) {
        const match = /^([a-zA-Z]+)\s*=\s*(\d+)$/.exec(entry);
        const severity = match?.[1]?.toUpperCase();
        if (!match ||
            severity === undefined ||
            !SECURITY_HUB_SEVERITIES.includes(severity) ||
            !Number.isSafeInteger(Number(match[2]))) {
            throw new values/* InputError */.dz(`remediation-targets: "${(0,values/* shown */.SP)(entry)}" is not severity=days, e.g. critical=2, high=14`);
        }
        if (targets[severity] !== undefined) {
            throw new values/* InputError */.dz(`remediation-targets: ${severity.toLowerCase()} is given twice`);
        }
        targets[severity] = Number(match[2]);
    }
    return targets;
}
function parseTopic(value) {
    if (value === '')
        return undefined;
    if (!/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/.test(value)) {
        throw new values/* InputError */.dz(`sns-topic-arn: "${(0,values/* shown */.SP)(value)}" is not an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>)`);
    }
    return value;
}
function parseS3Uri(value) {
    if (value === '')
        return undefined;
    const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(value);
    if (!match)
        throw new values/* InputError */.dz(`s3-uri: "${(0,values/* shown */.SP)(value)}" is not an S3 location (s3://<bucket>/<prefix>)`);
    return { bucket: match[1], prefix: (match[2] ?? '').replace(/\/+$/, '') };
}

// EXTERNAL MODULE: ./src/aws/rate-limiter.ts
var rate_limiter = __webpack_require__(5350);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/aws/securityhub.ts
var securityhub = __webpack_require__(2472);
// EXTERNAL MODULE: ./src/aws/paging.ts
var paging = __webpack_require__(6433);
;// CONCATENATED MODULE: ./src/aws/securityhub-findings.ts




/**
 * Reads every finding matching the filters, page by page (100 a page), waiting on `pace` before
 * each call. Pages are handed over as they arrive, so memory holds one page, whatever the total.
 */
async function readFindings(client, filters, pace, onPage) {
    const guard = (0,paging/* pageGuard */.$)('GetFindings', 100_000);
    let nextToken;
    do {
        await pace();
        const token = nextToken;
        const out = await (0,errors/* callAws */.IY)({ action: 'securityhub:GetFindings', doing: 'reading Security Hub findings' }, () => client.send(new client_securityhub_dist_cjs.GetFindingsCommand({
            Filters: filters,
            MaxResults: 100,
            ...(token !== undefined && { NextToken: token })
        })));
        if (!Array.isArray(out.Findings)) {
            throw new errors/* AwsCallError */.iQ('GetFindings returned a page without a findings list', 'UnexpectedResponse', false);
        }
        await onPage(out.Findings);
        nextToken = out.NextToken || undefined;
        guard(nextToken);
    } while (nextToken !== undefined);
}
/** The first finding matching the filters (one call, one finding), or undefined when none does. */
async function firstFinding(client, filters) {
    const out = await (0,errors/* callAws */.IY)({
        action: 'securityhub:GetFindings',
        doing: 'listing the products that have Security Hub findings'
    }, () => client.send(new client_securityhub_dist_cjs.GetFindingsCommand({ Filters: filters, MaxResults: 1 })));
    if (!Array.isArray(out.Findings)) {
        throw new errors/* AwsCallError */.iQ('GetFindings returned a page without a findings list', 'UnexpectedResponse', false);
    }
    return out.Findings[0];
}
/** ASFF → the report's fields. A finding whose severity cannot be read is an error, not a guess. */
function toReportFinding(finding) {
    const resource = finding.Resources?.[0];
    const createdAt = date(finding.CreatedAt, 'CreatedAt', finding.Id);
    return {
        id: finding.Id ?? '(no id)',
        title: finding.Title ?? '',
        severity: severityOf(finding),
        product: finding.ProductName ?? finding.CompanyName ?? productFromArn(finding.ProductArn),
        accountId: finding.AwsAccountId ?? 'unknown',
        region: finding.Region ?? resource?.Region ?? 'unknown',
        resourceType: resource?.Type ?? 'Other',
        resourceId: resource?.Id ?? 'unknown',
        createdAt,
        updatedAt: date(finding.UpdatedAt, 'UpdatedAt', finding.Id),
        firstObservedAt: finding.FirstObservedAt
            ? date(finding.FirstObservedAt, 'FirstObservedAt', finding.Id)
            : undefined,
        recordState: finding.RecordState ?? 'ACTIVE',
        workflowStatus: finding.Workflow?.Status ?? finding.WorkflowState ?? 'NEW',
        complianceStatus: finding.Compliance?.Status,
        securityControlId: finding.Compliance?.SecurityControlId,
        standardsIds: (finding.Compliance?.AssociatedStandards ?? []).flatMap((s) => s.StandardsId ? [s.StandardsId] : [])
    };
}
function severityOf(finding) {
    const label = finding.Severity?.Label;
    if (label !== undefined && SECURITY_HUB_SEVERITIES.includes(label))
        return label;
    // Older providers fill only Normalized (0–100); ASFF documents the mapping to labels.
    const normalized = finding.Severity?.Normalized;
    if (typeof normalized === 'number') {
        if (normalized >= 90)
            return 'CRITICAL';
        if (normalized >= 70)
            return 'HIGH';
        if (normalized >= 40)
            return 'MEDIUM';
        if (normalized >= 1)
            return 'LOW';
        return 'INFORMATIONAL';
    }
    throw new errors/* AwsCallError */.iQ(`finding ${finding.Id ?? '(no id)'} has no readable severity`, 'UnexpectedResponse', false);
}
function date(value, field, id) {
    const time = value === undefined ? NaN : Date.parse(value);
    if (Number.isNaN(time)) {
        throw new errors/* AwsCallError */.iQ(`finding ${id ?? '(no id)'} has no valid ${field}`, 'UnexpectedResponse', false);
    }
    return new Date(time);
}
/** `arn:aws:securityhub:us-east-1::product/aws/guardduty` → `guardduty`. */
function productFromArn(arn) {
    return arn?.split('/').pop() ?? 'unknown';
}

// EXTERNAL MODULE: ./src/aws/securityhub-standards.ts
var securityhub_standards = __webpack_require__(356);
// EXTERNAL MODULE: ./src/aws/sts.ts
var sts = __webpack_require__(8665);
;// CONCATENATED MODULE: ./src/domain/report-products.ts
/**
 * AWS renamed Security Hub's posture product "Security Hub CSPM": its control findings carry
 * either ProductName, depending on when and where they were written. Both are one product here.
 */
const SECURITY_HUB_PRODUCT_NAMES = ['Security Hub', 'Security Hub CSPM'];
/** The name the report counts a product under: one row for both Security Hub names. */
function productKey(name) {
    return isSecurityHub(name) ? 'Security Hub CSPM' : name;
}
function isSecurityHub(name) {
    return SECURITY_HUB_PRODUCT_NAMES.some((n) => n.toLowerCase() === name.trim().toLowerCase());
}
/**
 * The ProductName values to ask GetFindings for: a filter naming either Security Hub name asks for
 * both, so that the renamed product's findings are not silently dropped.
 */
function productFilterNames(products) {
    const names = new Set();
    for (const product of products) {
        if (isSecurityHub(product))
            for (const n of SECURITY_HUB_PRODUCT_NAMES)
                names.add(n);
        else
            names.add(product);
    }
    return [...names];
}
/**
 * The filter's miss in words, the same in the log, the summary and the HTML: which names matched
 * nothing, the nearest spelling when only the case differs (ProductName filters are
 * case-sensitive), and the products that had findings.
 */
function productFilterSentence(note) {
    const names = note.unmatched.map((name) => `"${name}"`).join(', ');
    const verb = note.unmatched.length === 1 ? 'matched' : 'each matched';
    const hints = note.unmatched.flatMap((name) => {
        const near = note.withFindings?.find((product) => product !== name && productKey(product).toLowerCase() === productKey(name).toLowerCase());
        return near === undefined ? [] : [`did you mean "${near}"?`];
    });
    const hint = hints.length > 0 ? ` (names are case-sensitive: ${hints.join(' ')})` : '';
    const listed = note.withFindings === undefined
        ? 'the products that had findings could not be listed'
        : note.withFindings.length === 0
            ? 'no product had findings under the other filters'
            : `products with findings under the other filters: ${note.withFindings.join(', ')}${note.more === true ? ', and possibly more' : ''}`;
    return `report-products ${names} ${verb} no finding in the period${hint}; ${listed}`;
}

;// CONCATENATED MODULE: ./src/domain/report-aggregator.ts


const DAY_MS = 86_400_000;
const TOP_RESOURCES = 10;
const TOP_ACCOUNTS_PAST_TARGET = 10;
/**
 * Builds the report one finding at a time, so 100,000 findings need no more memory than their
 * distinct products, resources and controls. Nothing here reads a clock: `periodEnd` is "now".
 */
class ReportAggregator {
    options;
    findings = 0;
    bySeverity = emptySeverityCounts();
    newInPeriod = 0;
    byProduct = new Map();
    byResourceType = new Map();
    /**
     * Keyed `<account>/<region>`, each with its parts: the breakdowns by account and by Region, and
     * the accounts and Regions seen, are summed from these few rows when the report is made.
     */
    byAccountRegion = new Map();
    /** `<account>|<standardsId>` → controlId → state: each account's posture apart. */
    accountControls = new Map();
    accountBreaches = new Map();
    resources = new Map();
    age = new Map();
    /** `<region>|<standardsId>` → controlId → state: each Region's control results apart. */
    controls = new Map();
    constructor(options) {
        this.options = options;
        for (const severity of SECURITY_HUB_SEVERITIES) {
            this.age.set(severity, {
                severity,
                open: 0,
                targetDays: options.remediationTargets[severity] ?? null,
                breaching: 0,
                oldestDays: null,
                buckets: { upTo1: 0, upTo7: 0, upTo30: 0, upTo90: 0, over90: 0 }
            });
        }
    }
    add(finding) {
        this.findings += 1;
        this.bySeverity[finding.severity] += 1;
        if (finding.createdAt.getTime() >= this.options.periodStart.getTime())
            this.newInPeriod += 1;
        count(this.byProduct, productKey(finding.product), finding.severity);
        count(this.byResourceType, finding.resourceType, finding.severity);
        this.countAccountRegion(finding);
        this.countResource(finding);
        this.countAge(finding);
        this.countControl(finding);
    }
    countAccountRegion(finding) {
        const key = `${finding.accountId}/${finding.region}`;
        let entry = this.byAccountRegion.get(key);
        if (entry === undefined) {
            entry = {
                accountId: finding.accountId,
                region: finding.region,
                row: { key, total: 0, bySeverity: emptySeverityCounts() }
            };
            this.byAccountRegion.set(key, entry);
        }
        entry.row.total += 1;
        entry.row.bySeverity[finding.severity] += 1;
    }
    countResource(finding) {
        let row = this.resources.get(finding.resourceId);
        if (row === undefined) {
            row = {
                resourceId: finding.resourceId,
                resourceType: finding.resourceType,
                critical: 0,
                high: 0,
                total: 0
            };
            this.resources.set(finding.resourceId, row);
        }
        row.total += 1;
        if (finding.severity === 'CRITICAL')
            row.critical += 1;
        if (finding.severity === 'HIGH')
            row.high += 1;
    }
    countAge(finding) {
        if (finding.recordState !== 'ACTIVE' || WORKFLOW_STATUSES[finding.workflowStatus] !== 'open')
            return;
        const row = this.age.get(finding.severity);
        const since = finding.firstObservedAt ?? finding.createdAt;
        const days = Math.max(0, (this.options.periodEnd.getTime() - since.getTime()) / DAY_MS);
        row.open += 1;
        const account = this.accountBreach(finding.accountId);
        account.open += 1;
        if (row.targetDays !== null && days > row.targetDays) {
            row.breaching += 1;
            account.breaching += 1;
            account.bySeverity[finding.severity] += 1;
        }
        row.oldestDays = Math.max(row.oldestDays ?? 0, Math.floor(days));
        const b = row.buckets;
        if (days <= 1)
            b.upTo1 += 1;
        else if (days <= 7)
            b.upTo7 += 1;
        else if (days <= 30)
            b.upTo30 += 1;
        else if (days <= 90)
            b.upTo90 += 1;
        else
            b.over90 += 1;
    }
    accountBreach(accountId) {
        let row = this.accountBreaches.get(accountId);
        if (row === undefined) {
            row = { accountId, breaching: 0, bySeverity: emptySeverityCounts(), open: 0 };
            this.accountBreaches.set(accountId, row);
        }
        return row;
    }
    /**
     * As Security Hub decides a control's status: it fails when any of its active findings in the
     * period is FAILED, and passes only when all of them are PASSED; otherwise (a WARNING or
     * NOT_AVAILABLE among them) it is neither.
     */
    countControl(finding) {
        const controlId = finding.securityControlId;
        if (controlId === undefined || finding.recordState !== 'ACTIVE')
            return;
        for (const standardsId of finding.standardsIds) {
            const key = `${finding.region}|${standardsId}`;
            let controls = this.controls.get(key);
            if (controls === undefined) {
                controls = new Map();
                this.controls.set(key, controls);
            }
            let state = controls.get(controlId);
            if (state === undefined) {
                state = {
                    title: finding.title,
                    severity: finding.severity,
                    failed: false,
                    passed: false,
                    undecided: false,
                    failedResources: new Set()
                };
                controls.set(controlId, state);
            }
            const outcome = complianceOutcome(finding.complianceStatus);
            this.countAccountControl(finding.accountId, standardsId, controlId, outcome);
            if (outcome === 'failed') {
                state.failed = true;
                state.failedResources.add(finding.resourceId);
                if (rank(finding.severity) > rank(state.severity))
                    state.severity = finding.severity;
            }
            else if (outcome === 'passed') {
                state.passed = true;
            }
            else {
                state.undecided = true;
            }
        }
    }
    /** The same rule as the Region's posture, for one account and standard across its Regions. */
    countAccountControl(accountId, standardsId, controlId, outcome) {
        const key = `${accountId}|${standardsId}`;
        let controls = this.accountControls.get(key);
        if (controls === undefined) {
            controls = new Map();
            this.accountControls.set(key, controls);
        }
        let state = controls.get(controlId);
        if (state === undefined) {
            state = { failed: false, passed: false, undecided: false };
            controls.set(controlId, state);
        }
        state[outcome] = true;
    }
    /** The Regions the findings so far came from. */
    findingRegions() {
        return [...new Set([...this.byAccountRegion.values()].map((entry) => entry.region))].sort();
    }
    /**
     * `standards`: each Region's READY standards, as read in that Region; a Region's control findings
     * count only against its own subscriptions (a Region not given has no posture: a gap says why).
     */
    result(generatedAt, standards, previous, gaps = [], 
    /**
     * Covered whatever the findings: the run's Region and the caller's account, or the
     * `report-regions` and `report-accounts` filters (the findings then come only from those).
     */
    coverage = {}) {
        const { periodStart, periodEnd } = this.options;
        const entries = [...this.byAccountRegion.values()];
        const report = {
            schemaVersion: REPORT_SCHEMA_VERSION,
            generatedAt: generatedAt.toISOString(),
            period: {
                start: periodStart.toISOString(),
                end: periodEnd.toISOString(),
                days: Math.round((periodEnd.getTime() - periodStart.getTime()) / DAY_MS)
            },
            filters: this.options.filters,
            totals: {
                findings: this.findings,
                bySeverity: { ...this.bySeverity },
                newInPeriod: this.newInPeriod,
                older: this.findings - this.newInPeriod
            },
            byProduct: sortedRows(this.byProduct.values()),
            byResourceType: sortedRows(this.byResourceType.values()),
            byAccountRegion: sortedRows(entries.map((entry) => entry.row)),
            byAccount: sortedRows(summedBy(entries, (entry) => entry.accountId)),
            byRegion: sortedRows(summedBy(entries, (entry) => entry.region)),
            topResources: [...this.resources.values()]
                .filter((r) => r.critical + r.high > 0)
                .sort(topResourceOrder)
                .slice(0, TOP_RESOURCES),
            age: SECURITY_HUB_SEVERITIES.map((s) => this.age.get(s)),
            compliance: [...standards.entries()]
                .sort(([a], [b]) => a.localeCompare(b))
                .flatMap(([region, list]) => list.map((standard) => this.posture(region, standard))),
            accountPosture: this.accountPosture(standards),
            accountsPastTarget: [...this.accountBreaches.values()]
                .filter((row) => row.breaching > 0)
                .sort((a, b) => b.breaching - a.breaching || a.accountId.localeCompare(b.accountId))
                .slice(0, TOP_ACCOUNTS_PAST_TARGET),
            trend: null,
            gaps: [...gaps],
            regions: [
                ...new Set([...(coverage.regions ?? []), ...entries.map((entry) => entry.region)])
            ].sort(),
            accounts: [
                ...new Set([...(coverage.accounts ?? []), ...entries.map((entry) => entry.accountId)])
            ].sort()
        };
        if (previous !== undefined)
            report.trend = trend(previous, report);
        return report;
    }
    /**
     * Per account and standard, sorted by account then standard. Named as the caller's own
     * subscriptions name the standard (the same standards ARN in every account), else by its id.
     */
    accountPosture(standards) {
        const names = new Map();
        for (const list of standards.values())
            for (const standard of list)
                names.set(standardsIdOf(standard.arn), standard.name);
        const rows = [];
        for (const [key, controls] of this.accountControls) {
            const split = key.indexOf('|');
            const accountId = key.slice(0, split);
            const standardsId = key.slice(split + 1);
            let passed = 0;
            let failed = 0;
            for (const state of controls.values()) {
                const status = controlStatus(state);
                if (status === 'failed')
                    failed += 1;
                else if (status === 'passed')
                    passed += 1;
            }
            rows.push({
                accountId,
                standardsId,
                name: names.get(standardsId) ?? standardsId,
                controlsPassed: passed,
                controlsFailed: failed
            });
        }
        return rows.sort((a, b) => a.accountId.localeCompare(b.accountId) || a.standardsId.localeCompare(b.standardsId));
    }
    posture(region, standard) {
        const controls = this.controls.get(`${region}|${standardsIdOf(standard.arn)}`) ??
            new Map();
        const failing = [];
        let passed = 0;
        for (const [controlId, state] of controls) {
            const status = controlStatus(state);
            if (status === 'failed') {
                failing.push({
                    controlId,
                    title: state.title,
                    severity: state.severity,
                    failedResources: state.failedResources.size
                });
            }
            else if (status === 'passed') {
                passed += 1;
            }
        }
        failing.sort((a, b) => rank(b.severity) - rank(a.severity) ||
            b.failedResources - a.failedResources ||
            a.controlId.localeCompare(b.controlId));
        return {
            region,
            standardsArn: standard.arn,
            name: standard.name,
            controlsPassed: passed,
            controlsFailed: failing.length,
            failingControls: failing
        };
    }
}
/**
 * A control finding names its standard as `standards/<slug>/v/<version>` (or `ruleset/…` for CIS
 * 1.2.0); the subscription names it by ARN. The ARN's resource part is the same string.
 */
function standardsIdOf(standardsArn) {
    return standardsArn.split(':').slice(5).join(':');
}
/** The top resources' order: most critical, then high, then findings in all; ties by id. */
function topResourceOrder(a, b) {
    return (b.critical - a.critical ||
        b.high - a.high ||
        b.total - a.total ||
        a.resourceId.localeCompare(b.resourceId));
}
/**
 * A control's status from its findings' results, as Security Hub decides it: failed when any
 * failed, passed only when some passed and none was undecided, otherwise neither.
 */
function controlStatus(state) {
    if (state.failed)
        return 'failed';
    return state.passed && !state.undecided ? 'passed' : 'neither';
}
/** The account/Region rows summed per account or per Region. */
function summedBy(entries, keyOf) {
    const rows = new Map();
    for (const entry of entries) {
        const key = keyOf(entry);
        let row = rows.get(key);
        if (row === undefined) {
            row = { key, total: 0, bySeverity: emptySeverityCounts() };
            rows.set(key, row);
        }
        row.total += entry.row.total;
        for (const severity of SECURITY_HUB_SEVERITIES)
            row.bySeverity[severity] += entry.row.bySeverity[severity];
    }
    return [...rows.values()];
}
/** A finding's Compliance.Status as a control counts it; an unknown value decides nothing. */
function complianceOutcome(status) {
    const value = status ?? '';
    return Object.hasOwn(COMPLIANCE_STATUSES, value)
        ? (COMPLIANCE_STATUSES[value] ?? 'undecided')
        : 'undecided';
}
function rank(severity) {
    return SECURITY_HUB_SEVERITIES.length - SECURITY_HUB_SEVERITIES.indexOf(severity);
}
function count(rows, key, severity) {
    let row = rows.get(key);
    if (row === undefined) {
        row = { key, total: 0, bySeverity: emptySeverityCounts() };
        rows.set(key, row);
    }
    row.total += 1;
    row.bySeverity[severity] += 1;
}
function sortedRows(rows) {
    return [...rows].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
}
/** The change in every headline number, against the previous report (the metrics both have). */
function trend(previous, current) {
    const metrics = (r) => {
        const m = new Map();
        m.set('totals.findings', r.totals.findings);
        m.set('totals.newInPeriod', r.totals.newInPeriod);
        for (const s of SECURITY_HUB_SEVERITIES)
            m.set(`totals.bySeverity.${s}`, r.totals.bySeverity[s] ?? 0);
        for (const a of r.age)
            m.set(`age.${a.severity}.breaching`, a.breaching);
        for (const c of r.compliance) {
            // Keyed by Region and ARN: a display name can change between reports, these cannot. A report
            // from before Regions were kept merged them, and is not compared.
            m.set(`compliance.${postureKey(c)}.controlsFailed`, c.controlsFailed);
            m.set(`compliance.${postureKey(c)}.controlsPassed`, c.controlsPassed);
        }
        return m;
    };
    const before = metrics(previous);
    const entries = [];
    for (const [metric, value] of metrics(current)) {
        const old = before.get(metric);
        if (old !== undefined)
            entries.push({ metric, previous: old, current: value, change: value - old });
    }
    return entries;
}

;// CONCATENATED MODULE: ./src/domain/report-comparable.ts
const FILTER_NAMES = {
    products: 'report-products',
    severities: 'report-severities',
    accounts: 'report-accounts',
    resourceTypes: 'report-resource-types',
    workflowStatuses: 'report-workflow-statuses',
    regions: 'report-regions'
};
/**
 * What makes a previous report's totals not comparable with this one's: another period length or
 * other filters. A trend across them would show a change that is only the change of scope (a week
 * against a month, one product against all), so each difference is named. Empty when comparable.
 * Filters are compared as sets, case-insensitively: `CRITICAL, HIGH` and `high, critical` match.
 */
function scopeDifferences(previous, current) {
    const differences = [];
    if (previous.period.days !== current.period.days) {
        differences.push(`period ${previous.period.days}d, not ${current.period.days}d`);
    }
    for (const key of Object.keys(FILTER_NAMES)) {
        // A filter a previous report predates was not set there: it read every value.
        const before = normalized(previous.filters[key] ?? []);
        const now = normalized(current.filters[key] ?? []);
        if (before.join('\n') !== now.join('\n')) {
            differences.push(`${FILTER_NAMES[key]} ${listed(before)}, not ${listed(now)}`);
        }
    }
    return differences;
}
function normalized(values) {
    return [...new Set(values.map((v) => v.trim().toLowerCase()).filter((v) => v !== ''))].sort();
}
function listed(values) {
    if (values.length === 0)
        return '(all)';
    const shown = values.slice(0, 5).join(', ');
    return values.length > 5 ? `${shown} and ${values.length - 5} more` : shown;
}

;// CONCATENATED MODULE: ./src/report/products-with-findings.ts


/** GetFindings takes at most 20 filters on one attribute: one NOT_EQUALS per product found. */
const MAX_PRODUCTS_LISTED = 20;
/**
 * The products that have findings under `filters` (without their ProductName filter), one
 * GetFindings of one finding per product: each call excludes the products found so far with
 * NOT_EQUALS (AND'ed on one attribute), so the next finding is of a product not yet seen. Far
 * cheaper than paging the findings a product filter left out; `more` when there may be others
 * than those listed (no room for another exclusion, or a finding had no ProductName).
 */
async function productsWithFindings(client, filters, pace) {
    const others = { ...filters };
    delete others.ProductName;
    const excluded = [];
    const products = [];
    for (;;) {
        await pace();
        const finding = await firstFinding(client, {
            ...others,
            ...(excluded.length > 0 && {
                ProductName: excluded.map((Value) => ({ Value, Comparison: 'NOT_EQUALS' }))
            })
        });
        const name = finding?.ProductName;
        if (finding === undefined)
            return { products, more: false };
        // A finding without a ProductName cannot be excluded by name: stop rather than loop on it.
        if (name === undefined || name === '')
            return { products, more: true };
        products.push(productKey(name));
        const names = productFilterNames([name]).filter((n) => !excluded.includes(n));
        // No room for another exclusion: whether other products have findings is unknown.
        if (excluded.length + names.length > MAX_PRODUCTS_LISTED)
            return { products, more: true };
        excluded.push(...names);
    }
}

;// CONCATENATED MODULE: ./src/report/run.ts











class ReportError extends Error {
    name = 'ReportError';
}
/**
 * GetFindings allows 3 requests a second with a burst of 6, per account and Region, measured where
 * the requests arrive: pacing a little under it keeps network jitter from turning into 429s.
 */
const GET_FINDINGS_RATE = 2.8;
const GET_FINDINGS_BURST = 5;
const PROGRESS_EVERY_PAGES = 25;
/**
 * The compliance report: every ACTIVE finding updated in the period, read at the API's own pace,
 * each handed to `onFinding` (the CSV) and to the aggregator, never all held at once.
 */
async function runReport(config, deps, 
/** Each page as it arrives; awaited, so a slow file write slows the reading instead of buffering. */
onPage) {
    const { region } = config;
    const client = deps.clients.securityHub(region);
    const accountId = await (0,sts/* getCallerAccount */.f)(deps.clients.sts());
    if (!(await (0,securityhub/* describeHub */.P6)(client))) {
        throw new ReportError(`AWS Security Hub is not enabled in account ${accountId} (${region}), so there are no findings to report; turn it on with mode: setup (or aws securityhub enable-security-hub)`);
    }
    // Each section is read on its own: a section that cannot be read becomes a gap, said in every
    // file, and the rest of the report is still written (on-error decides the step).
    const gaps = [];
    // With `report-regions`, the run's own Region is covered only when listed: its posture would
    // otherwise stand in a report that says it covers other Regions.
    const regionFilter = config.filters.regions ?? [];
    const coversHome = regionFilter.length === 0 || regionFilter.includes(region);
    const standards = coversHome
        ? await standardsOrGap(() => readyStandards(client, deps.log, accountId, region), gaps, 'no compliance posture (the enabled standards could not be read)')
        : undefined;
    const end = new Date(deps.clock.now());
    const start = new Date(end.getTime() - config.periodDays * 86_400_000);
    const aggregator = new ReportAggregator({
        periodStart: start,
        periodEnd: end,
        remediationTargets: config.remediationTargets,
        filters: config.filters
    });
    const pace = (0,rate_limiter/* createRateLimiter */.x)(deps.clock, GET_FINDINGS_RATE, GET_FINDINGS_BURST);
    const began = deps.clock.now();
    let pages = 0;
    let findings = 0;
    try {
        await readFindings(client, findingFilters(config, start, end), pace, async (page) => {
            pages += 1;
            const normalized = page.map((raw) => ({ raw, finding: toReportFinding(raw) }));
            for (const { finding } of normalized)
                aggregator.add(finding);
            try {
                await onPage(normalized);
            }
            catch (error) {
                // The CSV could not be written: not a read failure, so no gap; the step fails.
                throw new SinkError(error);
            }
            findings += page.length;
            if (pages % PROGRESS_EVERY_PAGES === 0) {
                const seconds = Math.max(1, (deps.clock.now() - began) / 1000);
                // GetFindings returns no total, so an ETA can only be given per page still to come.
                deps.log.info(`read ${pages} pages, ${findings} findings in ${Math.round(seconds)} s (${(findings / seconds).toFixed(0)} findings/s; at the API's 3 pages/s each further 1,000 findings take about 3.3 s)`);
            }
        });
    }
    catch (error) {
        if (error instanceof SinkError)
            throw error.cause;
        if (!(error instanceof errors/* AwsCallError */.iQ))
            throw error;
        gaps.push({
            section: 'findings',
            operation: 'securityhub:GetFindings',
            reason: error.message,
            effect: findings === 0
                ? 'no findings (none could be read)'
                : `findings incomplete (only the ${findings.toLocaleString('en-US')} read before the failure are counted, in the CSV, the totals and the control results)`
        });
    }
    deps.log.info(`read ${findings} findings updated between ${start.toISOString()} and ${end.toISOString()} in ${pages} page(s)`);
    if (findings === 0 && gaps.every((g) => g.section !== 'findings'))
        deps.log.info('no findings in the period: the report says so');
    // In an aggregation (home) Region GetFindings returns the linked Regions' findings too. Each
    // Region's control results count against that Region's own subscriptions, read there.
    const standardsByRegion = new Map();
    if (standards !== undefined)
        standardsByRegion.set(region, standards);
    for (const other of aggregator.findingRegions()) {
        if (other === region || !(0,domain_region/* isRegionName */.U)(other))
            continue;
        const theirs = await standardsOrGap(() => readyStandards(deps.clients.securityHub(other), deps.log, accountId, other), gaps, `no compliance posture for ${other} (its enabled standards could not be read there)`);
        if (theirs !== undefined)
            standardsByRegion.set(other, theirs);
    }
    // Totals of part of the period against a whole one: a change would be made up.
    const partial = gaps.some((g) => g.section === 'findings');
    if (partial && config.previous !== undefined) {
        deps.log.warning('previous-report: no trend this time, because not every finding could be read (see the report)');
    }
    const report = aggregator.result(new Date(deps.clock.now()), standardsByRegion, partial ? undefined : comparablePrevious(config, deps.log), gaps, {
        regions: regionFilter.length > 0 ? regionFilter : [region],
        accounts: config.filters.accounts.length > 0 ? config.filters.accounts : [accountId]
    });
    if (!partial) {
        const filters = findingFilters(config, start, end);
        const note = await productFilterNote(config, report, client, filters, pace, deps.log);
        if (note !== undefined)
            report.productFilter = note;
    }
    return report;
}
/**
 * A `report-products` name that matched no finding, said with the products that had findings: a
 * typo or another case ("inspector") would otherwise read as "no findings". A failure to list
 * them costs only that list (the report's numbers are complete), with one warning.
 */
async function productFilterNote(config, report, client, filters, pace, log) {
    const counted = new Set(report.byProduct.filter((row) => row.total > 0).map((row) => row.key));
    const unmatched = config.filters.products.filter((name) => !counted.has(productKey(name)));
    if (unmatched.length === 0)
        return undefined;
    let note;
    try {
        const { products, more } = await productsWithFindings(client, filters, pace);
        note = { unmatched, withFindings: products, ...(more && { more }) };
    }
    catch (error) {
        if (!(error instanceof errors/* AwsCallError */.iQ))
            throw error;
        log.warning(`report-products: could not list the products that have findings: ${error.message}`);
        note = { unmatched };
    }
    log.warning(productFilterSentence(note));
    return note;
}
/**
 * The previous report when its scope is this one's; otherwise no trend, with one warning saying
 * what differs (a "▼ -1,882 since last" that is only a change of filters would read as progress).
 */
function comparablePrevious(config, log) {
    const previous = config.previous;
    if (previous === undefined)
        return undefined;
    const differences = scopeDifferences(previous, {
        period: { days: config.periodDays },
        filters: config.filters
    });
    if (differences.length === 0)
        return previous;
    log.warning(`previous-report: no trend this time, because the previous report covers another scope (${differences.join('; ')}); give the previous report of the same period and filters`);
    return undefined;
}
/** Wraps a failure of the page consumer, so that it is not taken for a failed read. */
class SinkError extends Error {
    cause;
    constructor(cause) {
        super('the report files could not be written');
        this.cause = cause;
    }
}
/** A Region's standards, or undefined with a posture gap saying `effect` when they cannot be read. */
async function standardsOrGap(read, gaps, effect) {
    try {
        return await read();
    }
    catch (error) {
        if (!(error instanceof errors/* AwsCallError */.iQ))
            throw error;
        gaps.push({
            section: 'posture',
            operation: 'securityhub:GetEnabledStandards',
            reason: error.message,
            effect
        });
        return undefined;
    }
}
/** The standards whose controls the posture counts: enabled and READY (others are said). */
async function readyStandards(client, log, accountId, region) {
    const subscriptions = await (0,securityhub_standards/* getEnabledStandards */.Op)(client);
    if (subscriptions.length === 0) {
        log.warning(`no security standards are enabled in account ${accountId} (${region}); the report has no compliance posture — enable standards with mode: setup`);
        return [];
    }
    const names = new Map();
    try {
        for (const s of await (0,securityhub_standards/* describeStandards */.qn)(client))
            names.set(s.arn, s.name);
    }
    catch (error) {
        if (!(error instanceof errors/* AwsCallError */.iQ))
            throw error;
        // Only the display names are lost: the posture is counted all the same, standards by ARN.
        log.warning(`the standards are named by ARN in this report: ${error.message}`);
    }
    for (const s of subscriptions.filter((s) => s.status !== 'READY')) {
        log.warning(`the standard ${names.get(s.standardsArn) ?? s.standardsArn} is ${s.status}; its controls are not counted`);
    }
    return subscriptions
        .filter((s) => s.status === 'READY')
        .map((s) => ({ arn: s.standardsArn, name: names.get(s.standardsArn) ?? s.standardsArn }));
}
function findingFilters(config, start, end) {
    const equalsAny = (values) => values.map((Value) => ({ Value, Comparison: 'EQUALS' }));
    const { filters } = config;
    return {
        UpdatedAt: [{ Start: start.toISOString(), End: end.toISOString() }],
        RecordState: equalsAny(['ACTIVE']),
        ...(filters.products.length > 0 && {
            ProductName: equalsAny(productFilterNames(filters.products))
        }),
        ...(filters.severities.length > 0 && { SeverityLabel: equalsAny(filters.severities) }),
        ...(filters.accounts.length > 0 && { AwsAccountId: equalsAny(filters.accounts) }),
        ...(filters.regions !== undefined &&
            filters.regions.length > 0 && { Region: equalsAny(filters.regions) }),
        ...(filters.resourceTypes.length > 0 && { ResourceType: equalsAny(filters.resourceTypes) }),
        ...(filters.workflowStatuses.length > 0 && {
            WorkflowStatus: equalsAny(filters.workflowStatuses)
        })
    };
}

;// CONCATENATED MODULE: ./src/aws/delivery.ts



async function publishToTopic(client, topicArn, subject, message) {
    await (0,errors/* callAws */.IY)({ action: 'sns:Publish', doing: `publishing the report summary to ${topicArn}` }, () => client.send(new client_sns_dist_cjs.PublishCommand({ TopicArn: topicArn, Subject: subject, Message: message })));
}
/** Uploads one object; a stream needs its length up front (S3 does not take chunked bodies). */
async function putObject(client, target, body, contentLength, contentType) {
    await (0,errors/* callAws */.IY)({ action: 's3:PutObject', doing: `uploading s3://${target.bucket}/${target.key}` }, () => client.send(new dist_cjs.PutObjectCommand({
        Bucket: target.bucket,
        Key: target.key,
        Body: body,
        ContentLength: contentLength,
        ContentType: contentType
    })));
}

;// CONCATENATED MODULE: ./src/report/render/format.ts
/**
 * Wording and numbers shared by the compliance report's renderers (markdown summary, HTML, charts).
 * Nothing here escapes: the strings returned may hold untrusted text (standard names, metric keys),
 * and each renderer passes them through its own format's helper.
 */

const SEVERITY_NAMES = {
    CRITICAL: 'Critical',
    HIGH: 'High',
    MEDIUM: 'Medium',
    LOW: 'Low',
    INFORMATIONAL: 'Informational'
};
/** The age buckets, youngest first, with the labels both renderers show. */
const AGE_BUCKETS = [
    { key: 'upTo1', label: '≤ 1 day' },
    { key: 'upTo7', label: '≤ 7 days' },
    { key: 'upTo30', label: '≤ 30 days' },
    { key: 'upTo90', label: '≤ 90 days' },
    { key: 'over90', label: '> 90 days' }
];
/** `1234567` → `1,234,567`: fixed grouping, whatever the runner's locale. */
function formatCount(value) {
    if (!Number.isFinite(value))
        return '?';
    const sign = value < 0 ? '-' : '';
    const digits = String(Math.trunc(Math.abs(value)));
    return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
function pluralCount(count, noun, nouns = `${noun}s`) {
    return `${formatCount(count)} ${count === 1 ? noun : nouns}`;
}
/** `▲ +3`, `▼ -2` or `= 0`: the direction as a symbol *and* the signed number (never colour alone). */
function trendArrow(change) {
    if (change > 0)
        return `▲ +${formatCount(change)}`;
    if (change < 0)
        return `▼ ${formatCount(change)}`;
    return '= 0';
}
/** Whether a rise in this metric is good news (passed controls); for every other count it is bad. */
function higherIsBetter(metric) {
    return /passed/i.test(metric);
}
function trendFor(report, metric) {
    return report.trend?.find((entry) => entry.metric === metric);
}
function severityMetric(severity) {
    return `totals.bySeverity.${severity}`;
}
/** The trend metric of a standard's failed controls, keyed by ARN (the name as a fallback). */
function failedControlsTrend(report, standard) {
    return (trendFor(report, `compliance.${postureKey(standard)}.controlsFailed`) ??
        trendFor(report, `compliance.${standard.name}.controlsFailed`));
}
/** A reader's name for a trend metric (`totals.bySeverity.HIGH` → `High findings`). Unescaped. */
function trendLabel(metric, report) {
    const fixed = {
        'totals.findings': 'Findings',
        'totals.newInPeriod': 'New in the period',
        'totals.older': 'Older findings'
    };
    const known = fixed[metric];
    if (known !== undefined)
        return known;
    const severity = /^totals\.bySeverity\.([A-Z]+)$/.exec(metric)?.[1];
    if (isSeverityLabel(severity))
        return `${SEVERITY_NAMES[severity]} findings`;
    const breaching = /^age\.([A-Z]+)\.breaching$/.exec(metric)?.[1];
    if (isSeverityLabel(breaching))
        return `${SEVERITY_NAMES[breaching]} over target`;
    // Standards ARNs contain dots, so the key is whatever sits between the prefix and the suffix.
    const control = /^compliance\.(.+)\.controls(Failed|Passed)$/.exec(metric);
    if (control !== null) {
        const key = control[1] ?? '';
        const standard = report.compliance.find((s) => postureKey(s) === key || s.name === key);
        const name = standard === undefined ? key : postureName(standard);
        return `${name}: ${control[2] === 'Failed' ? 'failed' : 'passed'} controls`;
    }
    return metric;
}
function isSeverityLabel(value) {
    return SECURITY_HUB_SEVERITIES.includes(value ?? '');
}
/** Passed controls over controls with a result, as `80%`; `—` when there is no result. */
function passRate(passed, failed) {
    const total = passed + failed;
    if (total <= 0)
        return '—';
    const percent = (passed / total) * 100;
    // Never round up to 100% while something fails, nor down to 0% while something passes.
    const rounded = failed > 0 && percent > 99 ? 99 : passed > 0 && percent < 1 ? 1 : Math.round(percent);
    return `${rounded}%`;
}
/** The rows by total, then critical, then high findings, then name: the aggregator's order is not relied on. */
function rankCountRows(rows) {
    return [...rows].sort((a, b) => b.total - a.total ||
        b.bySeverity.CRITICAL - a.bySeverity.CRITICAL ||
        b.bySeverity.HIGH - a.bySeverity.HIGH ||
        a.key.localeCompare(b.key));
}
/** `2025-06-09` from an ISO timestamp; the text itself when it is not one. */
function formatDay(iso) {
    return /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : iso;
}
/** `2025-06-09 06:00 UTC` from an ISO timestamp; the text itself when it is not one. */
function formatInstant(iso) {
    const date = new Date(iso);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(date.getTime()))
        return iso;
    return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
function periodWords(days) {
    return days === 1 ? 'the last day' : `the last ${formatCount(days)} days`;
}
/** The filters that were set, as `[label, values]`; empty when the report was unfiltered. */
function activeFilters(filters) {
    const named = [
        ['Products', filters.products],
        ['Severities', filters.severities],
        ['Accounts', filters.accounts],
        ['Resource types', filters.resourceTypes],
        ['Workflow statuses', filters.workflowStatuses],
        ['Regions', filters.regions ?? []]
    ];
    return named.filter(([, values]) => values.length > 0);
}
/** Open findings past their target, over all severities. */
function totalBreaching(age) {
    return age.reduce((sum, row) => sum + row.breaching, 0);
}
function targetWords(targetDays) {
    if (targetDays === null)
        return 'none';
    return targetDays === 1 ? '1 day' : `${formatCount(targetDays)} days`;
}
/**
 * What the report covers, in one line: `5 accounts (111111111111, …) in 2 Regions (eu-west-1,
 * us-east-1)`, each list cut after `max` names with how many more. Accounts are absent from
 * reports written before they were kept.
 */
function coverageWords(report, max = 10) {
    const regions = `${pluralCount(report.regions.length, 'Region')} (${namesWithMore(report.regions, max)})`;
    if (report.accounts === undefined)
        return regions;
    return `${pluralCount(report.accounts.length, 'account')} (${namesWithMore(report.accounts, max)}) in ${regions}`;
}
function namesWithMore(names, max) {
    if (names.length <= max)
        return names.join(', ');
    return `${names.slice(0, max).join(', ')} and ${formatCount(names.length - max)} more`;
}
/**
 * The sentence for a period without findings. With filters it says so: under a filter that
 * matched nothing (a product name's typo), a bare "no findings" would read as a clean account.
 */
function noFindingsSentence(report) {
    const filtered = activeFilters(report.filters).length > 0 ? ' matching the filters' : '';
    return `No findings${filtered} were updated in ${periodWords(report.period.days)}.`;
}

;// CONCATENATED MODULE: ./src/report/render/notice.ts


/**
 * The short plain-text summary a report publishes to SNS (subjects are limited to 100 ASCII
 * characters; e-mail subscribers read the body as it is).
 */
function renderReportNotice(report, location) {
    const t = report.totals;
    const subject = `${report.gaps.length > 0 ? 'INCOMPLETE ' : ''}Security Hub report, ${report.period.days} days: ${t.findings} findings (${t.bySeverity.CRITICAL} critical, ${t.bySeverity.HIGH} high)`.slice(0, 100);
    const change = (metric) => {
        const entry = report.trend?.find((e) => e.metric === metric);
        if (entry === undefined)
            return '';
        return entry.change === 0
            ? ' (no change)'
            : ` (${entry.change > 0 ? '+' : ''}${entry.change} since the last report)`;
    };
    const lines = [
        `Security Hub compliance report for ${report.period.start} to ${report.period.end}`,
        `Covers: ${coverageWords(report)}`,
        '',
        ...report.gaps.map((gap) => `INCOMPLETE: ${gapLine(gap)}`),
        ...(report.gaps.length > 0 ? [''] : []),
        `Findings: ${t.findings}${change('totals.findings')}, ${t.newInPeriod} new in the period`,
        ...SECURITY_HUB_SEVERITIES.map((s) => `  ${s}: ${t.bySeverity[s]}${change(`totals.bySeverity.${s}`)}`),
        '',
        `Past remediation target: ${report.age.reduce((n, a) => n + a.breaching, 0)} open findings`,
        ...report.compliance.map((c) => `${postureName(c)}: ${c.controlsPassed} controls passed, ${c.controlsFailed} failed`)
    ];
    if (location)
        lines.push('', `Full report: ${location}`);
    return { subject: subject.replace(/[^\x20-\x7e]/g, '?'), message: `${lines.join('\n')}\n` };
}

;// CONCATENATED MODULE: ./src/report/delivery.ts




const CONTENT_TYPES = {
    'findings.csv': 'text/csv; charset=utf-8',
    'report.json': 'application/json',
    'report.html': 'text/html; charset=utf-8'
};
/**
 * Optional delivery after the files are written: the folder to S3 under `<prefix>/<date>/`
 * (streamed from disk), then a short summary to SNS that points at it.
 */
async function deliverReport(report, files, targets, deps) {
    let s3Uri;
    if (targets.s3 !== undefined) {
        const { bucket, prefix } = targets.s3;
        const folder = [prefix, report.generatedAt.slice(0, 10)].filter(Boolean).join('/');
        for (const file of files) {
            const name = (0,external_node_path_.basename)(file);
            const body = (0,external_node_fs_.createReadStream)(file);
            try {
                await putObject(deps.clients.s3(deps.region), { bucket, key: `${folder}/${name}` }, body, (0,external_node_fs_.statSync)(file).size, CONTENT_TYPES[name] ?? 'application/octet-stream');
            }
            finally {
                // A refused upload leaves the stream unread: close it rather than leak its descriptor.
                // Its errors now concern nobody (the call is over and has said what went wrong).
                body.on('error', () => undefined);
                body.destroy();
            }
        }
        s3Uri = `s3://${bucket}/${folder}/`;
        deps.log.info(`uploaded the report to ${s3Uri}`);
    }
    if (targets.snsTopicArn !== undefined) {
        const notice = renderReportNotice(report, s3Uri);
        await publishToTopic(deps.clients.sns(deps.region), targets.snsTopicArn, notice.subject, notice.message);
        deps.log.info(`published the report summary to ${targets.snsTopicArn}`);
    }
    return { s3Uri };
}

;// CONCATENATED MODULE: ./src/report/render/csv.ts
/**
 * The report's findings CSV, written a row at a time: the report module maps each ASFF finding to a
 * `ReportCsvFinding` and appends `csvRow(…)` to a file stream as pages arrive, after `csvHeader()`
 * once, so no list of rows is ever held.
 *
 * RFC 4180: `\r\n` line ends, fields holding a comma, a quote, CR or LF are quoted and their quotes
 * doubled. Text is written as JavaScript strings; the stream encodes it as UTF-8 (no byte order
 * mark). Every field is untrusted, and a spreadsheet runs a cell that starts with `=`, `+`, `-`,
 * `@`, tab or CR as a formula ("CSV injection"), so such a cell gets a leading `'`, which
 * spreadsheets show as text and do not evaluate. This file is the one place a value becomes CSV.
 */
const COLUMNS = [
    { key: 'id', title: 'Id' },
    { key: 'title', title: 'Title' },
    { key: 'severity', title: 'Severity' },
    { key: 'resourceType', title: 'Resource type' },
    { key: 'resourceId', title: 'Resource id' },
    { key: 'complianceStatus', title: 'Compliance status' },
    { key: 'createdAt', title: 'Created at' },
    { key: 'productName', title: 'Product' },
    { key: 'accountId', title: 'Account' },
    { key: 'region', title: 'Region' },
    { key: 'workflowStatus', title: 'Workflow status' },
    { key: 'updatedAt', title: 'Updated at' }
];
const CSV_LINE_END = '\r\n';
/** The header line (with its `\r\n`); write it once, before the first row. */
function csvHeader() {
    return csvLine(COLUMNS.map((column) => column.title));
}
/** One finding as a CSV line (with its `\r\n`). */
function csvRow(finding) {
    return csvLine(COLUMNS.map((column) => finding[column.key] ?? ''));
}
function csvLine(values) {
    return values.map(csvField).join(',') + CSV_LINE_END;
}
/** A cell a spreadsheet would evaluate as a formula (or whose leading tab/CR hides one). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
/** One value as a CSV field: formula-neutralised, then quoted if RFC 4180 requires it. */
function csvField(value) {
    const inert = FORMULA_START.test(value) ? `'${value}` : value;
    return NEEDS_QUOTES.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

// EXTERNAL MODULE: ./src/text/escape.ts
var text_escape = __webpack_require__(7388);
;// CONCATENATED MODULE: ./src/text/html-escape.ts
/**
 * The one place untrusted text becomes HTML (and inline SVG, which the HTML parser reads the same
 * way). Finding titles, control titles, product names, resource ids and account keys all come from
 * outside; the report renderers pass such text through these helpers exactly once.
 *
 * Both helpers make the text single-line and strip control and bidi characters first (see
 * `singleLine` in escape.ts), then turn every character HTML gives meaning to into an entity, so the
 * result is inert in element content and in a *double-quoted* attribute value alike.
 */

/** Text longer than this (in characters) is cut with `…`; one huge title must not eat the page. */
const DEFAULT_MAX_HTML_TEXT_LENGTH = 300;
const ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
    '`': '&#96;'
};
const ACTIVE = /[&<>"'`]/g;
/** Untrusted text → inert element content, cut to `maxLength` characters *before* escaping. */
function htmlText(text, maxLength = DEFAULT_MAX_HTML_TEXT_LENGTH) {
    return entities((0,text_escape/* truncate */.xv)((0,text_escape/* singleLine */.pF)(text), maxLength));
}
/** Untrusted text → a value for a double-quoted attribute (`title="…"`, `aria-label="…"`). */
function htmlAttr(text, maxLength = DEFAULT_MAX_HTML_TEXT_LENGTH) {
    return entities((0,text_escape/* truncate */.xv)((0,text_escape/* singleLine */.pF)(text), maxLength));
}
function entities(text) {
    return text.replace(ACTIVE, (ch) => ENTITIES[ch] ?? ch);
}

;// CONCATENATED MODULE: ./src/report/render/charts.ts
/**
 * Inline SVG charts for the HTML report: pure functions from aggregates to an `<svg>` string, with
 * no scripts, no external references and no `xmlns` (the HTML parser puts inline SVG in the right
 * namespace itself). Every chart is `role="img"` with a `<title>` and a `<desc>` that states the
 * data in words, every bar carries its number as text, and every segment has a tooltip naming what
 * it is, so nothing is told by colour alone. Untrusted labels go through `htmlText`/`htmlAttr`.
 */




const SEVERITY_COLOURS = {
    CRITICAL: { fill: '#b91c1c', ink: '#ffffff' },
    HIGH: { fill: '#ea580c', ink: '#ffffff' },
    MEDIUM: { fill: '#f59e0b', ink: '#1f2937' },
    LOW: { fill: '#2563eb', ink: '#ffffff' },
    INFORMATIONAL: { fill: '#6b7280', ink: '#ffffff' }
};
const PASSED = { fill: '#15803d', ink: '#ffffff' };
const FAILED = { fill: '#b91c1c', ink: '#ffffff' };
/** Youngest (light) to oldest (dark). */
const AGE_COLOURS = [
    { fill: '#dbeafe', ink: '#1e3a8a' },
    { fill: '#93c5fd', ink: '#1e3a8a' },
    { fill: '#3b82f6', ink: '#ffffff' },
    { fill: '#1d4ed8', ink: '#ffffff' },
    { fill: '#1e3a8a', ink: '#ffffff' }
];
/** How many rows the product and resource-type charts show (the tables beside them show all). */
const CHART_TOP_ROWS = 10;
// ---- public charts -------------------------------------------------------------------------
/** One bar per severity, in the severity's colour, labelled with the count and its share. */
function severityChart(counts) {
    const total = SECURITY_HUB_SEVERITIES.reduce((sum, label) => sum + counts[label], 0);
    const bars = SECURITY_HUB_SEVERITIES.map((label) => ({
        label: SEVERITY_NAMES[label],
        segments: [
            { name: SEVERITY_NAMES[label], value: counts[label], colour: SEVERITY_COLOURS[label] }
        ],
        valueText: `${formatCount(counts[label])}${total > 0 ? ` (${share(counts[label], total)})` : ''}`
    }));
    return barChart({
        id: 'chart-severity',
        title: 'Findings by severity',
        description: `${formatCount(total)} findings: ${describeSeverities(counts)}.`,
        bars,
        legend: [],
        scale: 'shared'
    });
}
/** The top rows (products, resource types, …) as bars stacked by severity, labelled with totals. */
function countRowsChart(options) {
    const limit = options.limit ?? CHART_TOP_ROWS;
    const rows = options.rows.slice(0, limit);
    const more = options.rows.length - rows.length;
    const bars = rows.map((row) => ({
        label: row.key,
        segments: SECURITY_HUB_SEVERITIES.map((label) => ({
            name: SEVERITY_NAMES[label],
            value: row.bySeverity[label],
            colour: SEVERITY_COLOURS[label]
        })),
        valueText: formatCount(row.total)
    }));
    const listed = rows.map((row) => `${shortLabel(row.key)}: ${formatCount(row.total)} (${describeSeverities(row.bySeverity)})`);
    const tail = more > 0 ? ` ${formatCount(more)} more ${options.noun} are in the table.` : '';
    return barChart({
        id: options.id,
        title: options.title,
        description: `${capitalise(options.noun)}, most findings first. ${listed.join('; ')}.${tail}`,
        bars,
        legend: severityLegend(),
        scale: 'shared'
    });
}
/** One 100% bar per standard: controls passed and failed, labelled with the pass rate and counts. */
function complianceChart(standards) {
    const bars = standards.map((standard) => {
        const passed = standard.controlsPassed;
        const failed = standard.controlsFailed;
        return {
            label: postureName(standard),
            segments: [
                { name: 'Passed', value: passed, colour: PASSED },
                { name: 'Failed', value: failed, colour: FAILED }
            ],
            valueText: `${passRate(passed, failed)} passed (${formatCount(passed)}/${formatCount(passed + failed)})`
        };
    });
    const listed = standards.map((s) => `${shortLabel(postureName(s))}: ${formatCount(s.controlsPassed)} controls passed, ${formatCount(s.controlsFailed)} failed`);
    return barChart({
        id: 'chart-compliance',
        title: 'Controls passed and failed per standard',
        description: `${listed.join('; ')}.`,
        bars,
        legend: [
            { name: 'Passed', colour: PASSED },
            { name: 'Failed', colour: FAILED }
        ],
        scale: 'each'
    });
}
/** One 100% bar per severity of its open findings, stacked by age bucket, labelled with open / over target. */
function ageChart(age) {
    const bars = age.map((row) => ({
        label: SEVERITY_NAMES[row.severity],
        segments: AGE_BUCKETS.map((bucket, index) => ({
            name: bucket.label,
            value: row.buckets[bucket.key],
            colour: AGE_COLOURS[index] ?? FAILED
        })),
        valueText: `${formatCount(row.open)} open · ${formatCount(row.breaching)} over target`
    }));
    const listed = age.map((row) => {
        const buckets = AGE_BUCKETS.map((b) => `${formatCount(row.buckets[b.key])} ${b.label}`);
        return `${SEVERITY_NAMES[row.severity]}: ${formatCount(row.open)} open (${buckets.join(', ')}), ${formatCount(row.breaching)} over target`;
    });
    return barChart({
        id: 'chart-age',
        title: 'Age of open findings per severity',
        description: `${listed.join('; ')}.`,
        bars,
        legend: AGE_BUCKETS.map((bucket, index) => ({
            name: bucket.label,
            colour: AGE_COLOURS[index] ?? FAILED
        })),
        // Each severity's own 100%: how old its findings are matters more than how many there are.
        scale: 'each'
    });
}
const WIDTH = 800;
const LABEL_WIDTH = 220;
const BAR_WIDTH = 400;
const ROW_HEIGHT = 28;
const BAR_HEIGHT = 18;
const LEGEND_HEIGHT = 26;
const PADDING = 6;
/** Below this width (px) a segment's number does not fit inside it; the tooltip still has it. */
const MIN_LABELLED_SEGMENT = 26;
const MAX_LABEL_CHARACTERS = 30;
function barChart(spec) {
    const legendHeight = spec.legend.length > 0 ? LEGEND_HEIGHT : 0;
    const rowsHeight = Math.max(1, spec.bars.length) * ROW_HEIGHT;
    const height = PADDING + legendHeight + rowsHeight + PADDING;
    const titleId = `${spec.id}-title`;
    const descId = `${spec.id}-desc`;
    const body = spec.bars.length === 0 || spec.bars.every((bar) => barTotal(bar) === 0)
        ? emptyChart(PADDING + legendHeight)
        : spec.bars
            .map((bar, index) => barRow(bar, PADDING + legendHeight + index * ROW_HEIGHT, spec))
            .join('');
    return (`<svg class="chart" id="${htmlAttr(spec.id)}" role="img" aria-labelledby="${htmlAttr(titleId)} ${htmlAttr(descId)}" ` +
        `viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" font-size="12">` +
        `<title id="${htmlAttr(titleId)}">${htmlText(spec.title)}</title>` +
        `<desc id="${htmlAttr(descId)}">${htmlText(spec.description, 4000)}</desc>` +
        legend(spec.legend) +
        body +
        '</svg>');
}
function barRow(bar, top, spec) {
    const total = barTotal(bar);
    const max = spec.scale === 'each' ? total : Math.max(...spec.bars.map(barTotal));
    const barTop = top + (ROW_HEIGHT - BAR_HEIGHT) / 2;
    const textY = num(top + ROW_HEIGHT / 2 + 4);
    let x = LABEL_WIDTH;
    const parts = [];
    for (const segment of bar.segments) {
        if (segment.value <= 0 || max <= 0)
            continue;
        const width = (segment.value / max) * BAR_WIDTH;
        const tip = `${segment.name}: ${formatCount(segment.value)}`;
        parts.push(`<rect x="${num(x)}" y="${num(barTop)}" width="${num(width)}" height="${BAR_HEIGHT}" fill="${segment.colour.fill}" stroke="#ffffff" stroke-width="0.5">` +
            `<title>${htmlText(tip)}</title></rect>`);
        if (width >= MIN_LABELLED_SEGMENT && bar.segments.length > 1) {
            parts.push(`<text x="${num(x + width / 2)}" y="${textY}" text-anchor="middle" fill="${segment.colour.ink}" font-size="11" aria-hidden="true">${formatCount(segment.value)}</text>`);
        }
        x += width;
    }
    const label = shortLabel(bar.label);
    return ('<g>' +
        `<title>${htmlText(`${bar.label}: ${bar.valueText}`)}</title>` +
        `<text x="${LABEL_WIDTH - 8}" y="${textY}" text-anchor="end" fill="#1f2937">${htmlText(label)}</text>` +
        `<rect x="${LABEL_WIDTH}" y="${num(barTop)}" width="${BAR_WIDTH}" height="${BAR_HEIGHT}" fill="#f3f4f6"/>` +
        parts.join('') +
        `<text x="${num(x + 6)}" y="${textY}" fill="#1f2937">${htmlText(bar.valueText)}</text>` +
        '</g>');
}
function legend(items) {
    if (items.length === 0)
        return '';
    let x = LABEL_WIDTH;
    const parts = items.map((item) => {
        const swatch = `<rect x="${num(x)}" y="${PADDING + 4}" width="12" height="12" fill="${item.colour.fill}" stroke="#6b7280" stroke-width="0.5"/>`;
        const text = `<text x="${num(x + 16)}" y="${PADDING + 14}" fill="#374151">${htmlText(item.name)}</text>`;
        x += 16 + item.name.length * 6.5 + 14;
        return swatch + text;
    });
    return `<g aria-hidden="true">${parts.join('')}</g>`;
}
function emptyChart(top) {
    return `<text x="${LABEL_WIDTH}" y="${num(top + ROW_HEIGHT / 2 + 4)}" fill="#6b7280">No data in this period</text>`;
}
// ---- helpers -------------------------------------------------------------------------------
function severityLegend() {
    return SECURITY_HUB_SEVERITIES.map((label) => ({
        name: SEVERITY_NAMES[label],
        colour: SEVERITY_COLOURS[label]
    }));
}
function describeSeverities(counts) {
    return SECURITY_HUB_SEVERITIES.map((label) => `${SEVERITY_NAMES[label]} ${formatCount(counts[label])}`).join(', ');
}
function barTotal(bar) {
    return bar.segments.reduce((sum, segment) => sum + Math.max(0, segment.value), 0);
}
function share(part, total) {
    const percent = (part / total) * 100;
    return part > 0 && percent < 1 ? '<1%' : `${Math.round(percent)}%`;
}
/** Untrusted label shaped (not escaped) to fit beside a bar. */
function shortLabel(label) {
    return (0,text_escape/* truncate */.xv)((0,text_escape/* singleLine */.pF)(label), MAX_LABEL_CHARACTERS);
}
function capitalise(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
/** Coordinates to one decimal: shorter markup, and stable output for tests. */
function num(value) {
    return String(Math.round(value * 10) / 10);
}

;// CONCATENATED MODULE: ./src/report/render/html.ts
/**
 * The compliance report as ONE self-contained HTML5 document: inline CSS and inline SVG charts, no
 * scripts, fonts, images or requests of any kind (a Content-Security-Policy meta forbids them, so
 * a browser opening the downloaded artifact proves it), readable on screen and on paper.
 *
 * It embeds aggregates only, never a list of findings, so its size does not grow with the number of
 * findings; the aggregate tables are shown in full up to `MAX_TABLE_ROWS` rows each. Untrusted text
 * goes through `htmlText`/`htmlAttr` (html-escape.ts) and nowhere else.
 */





/** Aggregate tables longer than this (thousands of accounts × Regions) are cut, with a note. */
const MAX_TABLE_ROWS = 1000;
/** The header names every account and Region up to this many (an organization of 1,000 fits). */
const MAX_COVERAGE_NAMES = 1000;
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
function renderReportHtml(report) {
    const period = `${formatDay(report.period.start)} → ${formatDay(report.period.end)}`;
    const sections = [
        overviewSection(report),
        trendSection(report),
        countSection(report.byProduct, {
            id: 'products',
            heading: 'Products',
            keyTitle: 'Product',
            noun: 'products',
            chartTitle: 'Findings by product (top 10)'
        }),
        countSection(report.byResourceType, {
            id: 'resource-types',
            heading: 'Resource types',
            keyTitle: 'Resource type',
            noun: 'resource types',
            chartTitle: 'Findings by resource type (top 10)'
        }),
        countSection(report.byAccount, {
            id: 'accounts',
            heading: 'Accounts',
            keyTitle: 'Account',
            noun: 'accounts',
            chartTitle: 'Findings by account (top 10)'
        }),
        report.byRegion.length > 1
            ? countSection(report.byRegion, {
                id: 'regions',
                heading: 'Regions',
                keyTitle: 'Region',
                noun: 'Regions',
                chartTitle: 'Findings by Region (top 10)'
            })
            : undefined,
        countSection(report.byAccountRegion, {
            id: 'accounts-regions',
            heading: 'Accounts and Regions',
            keyTitle: 'Account / Region',
            noun: 'accounts and Regions',
            chartTitle: 'Findings by account and Region (top 10)'
        }),
        resourcesSection(report),
        ageSection(report),
        accountsPastTargetSection(report),
        complianceSection(report),
        accountPostureSection(report)
    ].filter((section) => section !== undefined);
    return ([
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light">',
        `<title>Security Hub compliance report · ${htmlText(period)}</title>`,
        `<style>${STYLE}</style>`,
        '</head>',
        '<body>',
        '<header>',
        '<h1>Security Hub compliance report</h1>',
        `<p class="meta">${htmlText(period)} (${pluralCount(report.period.days, 'day')}) · generated ${htmlText(formatInstant(report.generatedAt))}</p>`,
        `<p class="meta">Covers: <strong>${htmlText(coverageWords(report, MAX_COVERAGE_NAMES), 20_000)}</strong></p>`,
        filtersLine(report),
        productFilterNotice(report),
        gapsNotice(report),
        navigation(sections),
        '</header>',
        '<main>',
        ...sections.map((s) => `<section id="${s.id}" aria-labelledby="${s.id}-h"><h2 id="${s.id}-h">${s.heading}</h2>\n${s.body}</section>`),
        '</main>',
        '<footer>',
        `<p>Aggregates only: every finding is in the report's CSV file. Report schema version ${report.schemaVersion}. Written by inspector-gate.</p>`,
        '</footer>',
        '</body>',
        '</html>'
    ].join('\n') + '\n');
}
/** Links to the sections, when there is more than one to jump between. */
function navigation(sections) {
    if (sections.length < 2)
        return '';
    const links = sections.map((s) => `<li><a href="#${s.id}">${s.heading}</a></li>`);
    return `<nav aria-label="Sections"><ul>${links.join('')}</ul></nav>`;
}
// ---- header --------------------------------------------------------------------------------
function filtersLine(report) {
    const filters = activeFilters(report.filters);
    if (filters.length === 0)
        return '<p class="meta">Filters: none (all active findings).</p>';
    const parts = filters.map(([name, values]) => `${name}: <strong>${htmlText(values.join(', '), 500)}</strong>`);
    return `<p class="meta">Filters: ${parts.join(' · ')}</p>`;
}
/** A product filter that matched nothing, said before the numbers it would make look clean. */
function productFilterNotice(report) {
    if (report.productFilter === undefined)
        return '';
    return `<p class="gap">${htmlText(productFilterSentence(report.productFilter), 2000)}</p>`;
}
/** What could not be read, above everything else: a reader must not take a gap for a zero. */
function gapsNotice(report) {
    if (report.gaps.length === 0)
        return '';
    const items = report.gaps.map((gap) => `<li><strong>${htmlText(capitalised(gap.effect))}</strong>: ${htmlText(gap.reason, 2_000)}</li>`);
    return `<div class="gaps" role="alert" id="gaps"><p><strong>This report is incomplete</strong>: ${pluralCount(report.gaps.length, 'part')} could not be read. Everything else was read and is shown.</p><ul>${items.join('')}</ul></div>`;
}
function capitalised(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
function gapOf(report, section) {
    return report.gaps.find((gap) => gap.section === section);
}
// ---- overview ------------------------------------------------------------------------------
function overviewSection(report) {
    const { totals } = report;
    const breaching = totalBreaching(report.age);
    const cards = [
        card('Findings', totals.findings, trendFor(report, 'totals.findings'), 'total'),
        card('New in the period', totals.newInPeriod, trendFor(report, 'totals.newInPeriod')),
        card('Older', totals.older, trendFor(report, 'totals.older')),
        ...SECURITY_HUB_SEVERITIES.map((label) => card(SEVERITY_NAMES[label], totals.bySeverity[label], trendFor(report, severityMetric(label)), `sev-${label}`)),
        card('Past remediation target', breaching, undefined, breaching > 0 ? 'breach' : undefined)
    ];
    const findingsGap = gapOf(report, 'findings');
    const intro = findingsGap !== undefined
        ? `<p class="gap">${htmlText(capitalised(findingsGap.effect))}: the numbers below are not the whole period.</p>`
        : totals.findings === 0
            ? `<p class="empty">${htmlText(noFindingsSentence(report))}</p>`
            : `<p><strong>${pluralCount(totals.findings, 'finding')}</strong> updated in ${periodWords(report.period.days)}: ${formatCount(totals.newInPeriod)} created in the period, ${formatCount(totals.older)} older.</p>`;
    const chart = totals.findings === 0 ? '' : figure(severityChart(totals.bySeverity));
    return {
        id: 'overview',
        heading: 'Overview',
        body: `${intro}\n<div class="cards">${cards.join('')}</div>\n${chart}`
    };
}
function card(label, value, entry, kind) {
    const change = entry === undefined ? '' : `<div class="change">${changeSpan(entry)} since last</div>`;
    const className = kind === undefined ? 'card' : `card ${kind}`;
    return `<div class="${className}"><div class="label">${htmlText(label)}</div><div class="value">${formatCount(value)}</div>${change}</div>`;
}
function changeSpan(entry) {
    const tone = entry.change === 0
        ? 'same'
        : entry.change > 0 === higherIsBetter(entry.metric)
            ? 'better'
            : 'worse';
    return `<span class="${tone}">${htmlText(trendArrow(entry.change))}</span>`;
}
// ---- trend ---------------------------------------------------------------------------------
function trendSection(report) {
    if (report.trend === null)
        return undefined;
    const body = report.trend.length === 0
        ? '<p class="empty">The previous report had no comparable numbers.</p>'
        : table([
            { title: 'Metric' },
            { title: 'Previous', numeric: true },
            { title: 'Current', numeric: true },
            { title: 'Change', numeric: true }
        ], report.trend.map((entry) => [
            htmlText(trendLabel(entry.metric, report)),
            formatCount(entry.previous),
            formatCount(entry.current),
            changeSpan(entry)
        ]), 'metrics');
    return {
        id: 'trend',
        heading: 'Change since the last report',
        body: `<p class="note">▲ a rise, ▼ a fall; red where it is bad news, green where it is good.</p>\n${body}`
    };
}
// ---- where the findings are ----------------------------------------------------------------
function countSection(rows, options) {
    if (rows.length === 0)
        return undefined;
    const ranked = rankCountRows(rows);
    const chart = countRowsChart({
        id: `chart-${options.id}`,
        title: options.chartTitle,
        noun: options.noun,
        rows: ranked
    });
    const columns = [
        { title: options.keyTitle },
        { title: 'Total', numeric: true },
        ...SECURITY_HUB_SEVERITIES.map((label) => ({ title: SEVERITY_NAMES[label], numeric: true }))
    ];
    const cells = ranked.map((row) => [
        htmlText(row.key),
        formatCount(row.total),
        ...SECURITY_HUB_SEVERITIES.map((label) => formatCount(row.bySeverity[label]))
    ]);
    return {
        id: options.id,
        heading: options.heading,
        body: `${figure(chart)}\n${table(columns, cells, options.noun)}`
    };
}
function resourcesSection(report) {
    if (report.topResources.length === 0)
        return undefined;
    const columns = [
        { title: 'Resource', className: 'id' },
        { title: 'Type' },
        { title: 'Critical', numeric: true },
        { title: 'High', numeric: true },
        { title: 'Total', numeric: true }
    ];
    const cells = report.topResources.map((row) => [
        htmlText(row.resourceId, 500),
        htmlText(row.resourceType),
        formatCount(row.critical),
        formatCount(row.high),
        formatCount(row.total)
    ]);
    return {
        id: 'resources',
        heading: 'Top resources',
        body: `<p class="note">The resources with the most critical, then high findings.</p>\n${table(columns, cells, 'resources')}`
    };
}
// ---- age -----------------------------------------------------------------------------------
function ageSection(report) {
    const anyOpen = report.age.some((row) => row.open > 0);
    if (!anyOpen && totalBreaching(report.age) === 0)
        return undefined;
    const breaching = totalBreaching(report.age);
    const intro = breaching === 0
        ? '<p>No open finding is past its remediation target.</p>'
        : `<p class="breach">${pluralCount(breaching, 'open finding is', 'open findings are')} past the remediation target.</p>`;
    const columns = [
        { title: 'Severity' },
        { title: 'Open', numeric: true },
        { title: 'Target' },
        { title: 'Over target', numeric: true },
        { title: 'Oldest', numeric: true },
        ...AGE_BUCKETS.map((bucket) => ({ title: bucket.label, numeric: true }))
    ];
    const cells = report.age.map((row) => [
        severityBadge(row.severity),
        formatCount(row.open),
        targetWords(row.targetDays),
        row.breaching > 0
            ? `<span class="breach">${formatCount(row.breaching)}</span>`
            : formatCount(row.breaching),
        row.oldestDays === null ? '—' : pluralCount(row.oldestDays, 'day'),
        ...AGE_BUCKETS.map((bucket) => formatCount(row.buckets[bucket.key]))
    ]);
    const chart = anyOpen ? figure(ageChart(report.age)) : '';
    return {
        id: 'age',
        heading: 'Age vs remediation targets',
        body: `${intro}\n${chart}\n${table(columns, cells, 'severities')}`
    };
}
function accountsPastTargetSection(report) {
    if (report.accountsPastTarget.length === 0)
        return undefined;
    const columns = [
        { title: 'Account' },
        { title: 'Over target', numeric: true },
        ...SECURITY_HUB_SEVERITIES.map((label) => ({ title: SEVERITY_NAMES[label], numeric: true })),
        { title: 'Open', numeric: true }
    ];
    const cells = report.accountsPastTarget.map((row) => [
        htmlText(row.accountId),
        `<span class="breach">${formatCount(row.breaching)}</span>`,
        ...SECURITY_HUB_SEVERITIES.map((label) => formatCount(row.bySeverity[label])),
        formatCount(row.open)
    ]);
    return {
        id: 'accounts-past-target',
        heading: 'Accounts past their remediation target',
        body: `<p class="note">The accounts with the most open findings older than their severity's target, most first.</p>\n${table(columns, cells, 'accounts')}`
    };
}
// ---- compliance ----------------------------------------------------------------------------
function complianceSection(report) {
    const postureGap = gapOf(report, 'posture');
    if (postureGap !== undefined && report.compliance.length === 0) {
        return {
            id: 'compliance',
            heading: 'Compliance posture',
            body: `<p class="gap">${htmlText(capitalised(postureGap.effect))}: ${htmlText(postureGap.reason, 2_000)}</p>`
        };
    }
    if (report.compliance.length === 0)
        return undefined;
    const withTrend = report.trend !== null;
    const columns = [
        { title: 'Standard' },
        { title: 'Passed', numeric: true },
        { title: 'Failed', numeric: true },
        { title: 'Pass rate', numeric: true },
        ...(withTrend ? [{ title: 'Failed change', numeric: true }] : [])
    ];
    const cells = report.compliance.map((standard) => {
        const entry = failedControlsTrend(report, standard);
        const row = [
            `${htmlText(postureName(standard))}<div class="note id">${htmlText(standard.standardsArn, 500)}</div>`,
            formatCount(standard.controlsPassed),
            formatCount(standard.controlsFailed),
            passRate(standard.controlsPassed, standard.controlsFailed)
        ];
        if (withTrend)
            row.push(entry === undefined ? '—' : changeSpan(entry));
        return row;
    });
    const failing = report.compliance.map(failingControls).join('\n');
    return {
        id: 'compliance',
        heading: 'Compliance posture',
        body: `${figure(complianceChart(report.compliance))}\n${table(columns, cells, 'standards')}\n${failing}`
    };
}
/** Every account's posture per standard, by account: shown when more than one account has one. */
function accountPostureSection(report) {
    if (new Set(report.accountPosture.map((row) => row.accountId)).size < 2)
        return undefined;
    const columns = [
        { title: 'Account' },
        { title: 'Standard' },
        { title: 'Passed', numeric: true },
        { title: 'Failed', numeric: true },
        { title: 'Pass rate', numeric: true }
    ];
    const cells = report.accountPosture.map((row) => [
        htmlText(row.accountId),
        htmlText(row.name),
        formatCount(row.controlsPassed),
        formatCount(row.controlsFailed),
        passRate(row.controlsPassed, row.controlsFailed)
    ]);
    return {
        id: 'account-posture',
        heading: 'Posture per account',
        body: `<p class="note">Each account's controls, from the control findings its own Security Hub wrote in the Regions covered.</p>\n${table(columns, cells, 'accounts and standards')}`
    };
}
function failingControls(standard) {
    const heading = `<h3>Failing controls: ${htmlText(postureName(standard))}</h3>`;
    if (standard.failingControls.length === 0)
        return `${heading}\n<p class="empty">No failing controls.</p>`;
    const columns = [
        { title: 'Control' },
        { title: 'Title' },
        { title: 'Severity' },
        { title: 'Failed resources', numeric: true }
    ];
    const cells = standard.failingControls.map((control) => [
        htmlText(control.controlId),
        htmlText(control.title),
        severityBadge(control.severity),
        formatCount(control.failedResources)
    ]);
    return `${heading}\n${table(columns, cells, 'failing controls')}`;
}
/** A table of already-escaped cells, cut to `MAX_TABLE_ROWS` rows with a note naming what is left out. */
function table(columns, rows, noun) {
    const kept = rows.slice(0, MAX_TABLE_ROWS);
    const classOf = (column) => {
        const names = [column?.numeric === true ? 'num' : '', column?.className ?? ''].filter(Boolean);
        return names.length === 0 ? '' : ` class="${names.join(' ')}"`;
    };
    const head = columns.map((column) => `<th scope="col"${classOf(column)}>${column.title}</th>`);
    const body = kept.map((cells) => `<tr>${cells.map((cell, index) => `<td${classOf(columns[index])}>${cell}</td>`).join('')}</tr>`);
    const omitted = rows.length - kept.length;
    const note = omitted > 0
        ? `\n<p class="note">${formatCount(omitted)} more ${noun} are in report.json.</p>`
        : '';
    return `<table><thead><tr>${head.join('')}</tr></thead><tbody>\n${body.join('\n')}\n</tbody></table>${note}`;
}
function figure(svg) {
    return `<figure class="chart-box">${svg}</figure>`;
}
function severityBadge(severity) {
    return `<span class="sev sev-${severity}">${htmlText(SEVERITY_NAMES[severity])}</span>`;
}
/** Used in the stylesheet only: severity badge and card colours. */
function severityStyles() {
    return SECURITY_HUB_SEVERITIES.map((label) => {
        const { fill, ink } = SEVERITY_COLOURS[label];
        return `.sev-${label}{background:${fill};color:${ink}}.card.sev-${label}{background:#f9fafb;color:inherit;border-left-color:${fill}}`;
    }).join('\n');
}
const STYLE = `
:root{color-scheme:light;--ink:#111827;--muted:#4b5563;--line:#e5e7eb;--panel:#f9fafb}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#fff;color:var(--ink);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header,main,footer{max-width:1080px;margin:0 auto;padding:0 24px}
header{padding-top:24px;border-bottom:1px solid var(--line)}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:19px;margin:32px 0 12px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:15px;margin:20px 0 8px}
a{color:#1d4ed8}
.meta{color:var(--muted);margin:0 0 6px}
nav ul{list-style:none;padding:0;margin:12px 0 16px;display:flex;flex-wrap:wrap;gap:4px 18px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px;margin:12px 0 20px}
.card{border:1px solid var(--line);border-left:6px solid #9ca3af;border-radius:6px;padding:8px 12px;background:var(--panel)}
.card.total{border-left-color:#111827}
.card.breach{border-left-color:#b91c1c}
.card .label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.card .value{font-size:26px;font-weight:700;font-variant-numeric:tabular-nums;line-height:1.2}
.card .change{font-size:12px;color:var(--muted)}
.worse{color:#b91c1c;font-weight:600}
.better{color:#15803d;font-weight:600}
.same{color:var(--muted)}
.breach{color:#b91c1c;font-weight:700}
.chart-box{margin:8px 0 16px;padding:0}
.chart{display:block;max-width:100%;height:auto}
table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-variant-numeric:tabular-nums}
th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--panel);font-weight:600}
.num{text-align:right;white-space:nowrap}
.id{word-break:break-all;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
.sev{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;font-weight:600}
${severityStyles()}
.empty{color:var(--muted);font-style:italic}
.gaps{border:1px solid #b91c1c;border-left:6px solid #b91c1c;border-radius:6px;background:#fef2f2;padding:8px 12px;margin:8px 0 12px}
.gaps p{margin:0 0 4px}
.gaps ul{margin:0;padding-left:20px}
.gap{color:#b91c1c;font-weight:600}
.note{color:var(--muted);font-size:12px}
footer{color:var(--muted);font-size:12px;padding-top:16px;padding-bottom:24px;border-top:1px solid var(--line);margin-top:32px}
@media print{
body{font-size:11px}
nav{display:none}
header,main,footer{max-width:none;padding:0}
h2,h3{break-after:avoid}
.chart-box,.cards,tr{break-inside:avoid}
thead{display:table-header-group}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`.trim();

;// CONCATENATED MODULE: ./src/text/short-digest.ts
/**
 * Every `sha256:<64 hex>` in `text` cut to its first 12 hex digits and `…`: an ECR image's ARN
 * stays recognisable and a table cell stays narrow. For display only; files keep the full id.
 */
function shortenDigests(text) {
    return text.replace(/sha256:([0-9a-f]{12})[0-9a-f]{52}/g, 'sha256:$1…');
}

// EXTERNAL MODULE: ./src/text/markdown-table.ts
var markdown_table = __webpack_require__(7403);
;// CONCATENATED MODULE: ./src/report/render/summary.ts
/**
 * The compliance report's job summary: GitHub-flavoured markdown of aggregates only. Every table is
 * capped (top 10 rows, 5 failing controls per standard, 20 standards, 30 trend rows) and every
 * untrusted cell is cut by `markdownText`, so the output stays far below GitHub's 1 MiB step-summary
 * limit whatever the number of findings; the HTML report and report.json hold the full tables.
 */






const SUMMARY_TOP_ROWS = 10;
const SUMMARY_FAILING_CONTROLS = 5;
const SUMMARY_MAX_STANDARDS = 20;
const SUMMARY_MAX_TREND_ROWS = 30;
/** Cut lengths for untrusted cells: enough to recognise an ARN or a control title. */
const NAME_LENGTH = 120;
const RESOURCE_LENGTH = 160;
const FILTER_LENGTH = 300;
const GAP_LENGTH = 600;
/** Ten 12-digit accounts and ten Regions, with the words around them. */
const COVERAGE_LENGTH = 400;
/** A product-filter note lists up to 21 product names. */
const NOTE_LENGTH = 1_500;
const SEVERITY_MARKS = {
    CRITICAL: '🔴',
    HIGH: '🟠',
    MEDIUM: '🟡',
    LOW: '🔵',
    INFORMATIONAL: '⚪'
};
function renderReportSummary(report, options = {}) {
    const sections = [
        header(report),
        gapsSection(report),
        productFilterSection(report),
        headline(report),
        severityTable(report),
        summary_trendSection(report),
        productsSection(report),
        summary_resourcesSection(report),
        summary_countSection('Resource types', 'Resource type', report.byResourceType, [
            'resource type',
            'resource types'
        ]),
        summary_countSection('Accounts', 'Account', report.byAccount, ['account', 'accounts']),
        report.byRegion.length > 1
            ? summary_countSection('Regions', 'Region', report.byRegion, ['Region', 'Regions'])
            : undefined,
        // The cross product only says more than the two tables when both have more than one row.
        report.byAccount.length > 1 && report.byRegion.length > 1
            ? summary_countSection('Accounts and Regions', 'Account / Region', report.byAccountRegion, [
                'account and Region',
                'accounts and Regions'
            ])
            : undefined,
        summary_ageSection(report),
        summary_accountsPastTargetSection(report),
        summary_complianceSection(report),
        summary_accountPostureSection(report),
        filesSection(options.files)
    ];
    return sections.filter((section) => section !== undefined).join('');
}
// ---- header and headline -------------------------------------------------------------------
function header(report) {
    const { period } = report;
    const lines = [
        '## 📋 Security Hub compliance report',
        '',
        `**Period:** ${(0,text_escape/* markdownText */.p7)(formatDay(period.start))} → ${(0,text_escape/* markdownText */.p7)(formatDay(period.end))} ` +
            `(${pluralCount(period.days, 'day')}) · generated ${(0,text_escape/* markdownText */.p7)(formatInstant(report.generatedAt))}`,
        '',
        `**Covers:** ${(0,text_escape/* markdownText */.p7)(coverageWords(report), COVERAGE_LENGTH)}`
    ];
    const filters = activeFilters(report.filters);
    if (filters.length > 0) {
        const parts = filters.map(([name, values]) => `${name}: ${(0,text_escape/* markdownText */.p7)(values.join(', '), FILTER_LENGTH)}`);
        lines.push('', `**Filters:** ${parts.join(' · ')}`);
    }
    return lines.join('\n') + '\n\n';
}
/** What could not be read, before any number: a gap must not read as a zero. */
function gapsSection(report) {
    if (report.gaps.length === 0)
        return undefined;
    const lines = report.gaps.map((gap) => `> - **${(0,text_escape/* markdownText */.p7)(gap.effect, GAP_LENGTH)}**: ${(0,text_escape/* markdownText */.p7)(gap.reason, GAP_LENGTH)}`);
    return (`> [!WARNING]\n> **This report is incomplete**: ${pluralCount(report.gaps.length, 'part')} could not be read; everything else was read and is shown.\n` +
        lines.join('\n') +
        '\n\n');
}
/** A product filter that matched nothing, before the numbers it would make look clean. */
function productFilterSection(report) {
    if (report.productFilter === undefined)
        return undefined;
    return `> [!NOTE]\n> ${(0,text_escape/* markdownText */.p7)(productFilterSentence(report.productFilter), NOTE_LENGTH)}\n\n`;
}
function headline(report) {
    const { totals, period } = report;
    if (totals.findings === 0 && report.gaps.some((gap) => gap.section === 'findings')) {
        return '**No findings could be read** (see above).\n\n';
    }
    if (totals.findings === 0) {
        const change = changeNote(trendFor(report, 'totals.findings'));
        return `**${noFindingsSentence(report)}**${change}\n\n`;
    }
    const parts = [
        `**${pluralCount(totals.findings, 'finding')}** updated in ${periodWords(period.days)}${changeNote(trendFor(report, 'totals.findings'))}`,
        `${formatCount(totals.newInPeriod)} new in the period`,
        `${formatCount(totals.older)} older`
    ];
    return `${parts.join(' · ')}\n\n`;
}
function changeNote(entry) {
    return entry === undefined ? '' : ` (${trendArrow(entry.change)} since the last report)`;
}
function severityTable(report) {
    if (report.totals.findings === 0)
        return undefined;
    const withTrend = report.trend !== null;
    const columns = [
        { title: 'Severity' },
        { title: 'Findings', align: 'right' },
        ...(withTrend ? [{ title: 'Change', align: 'right' }] : [])
    ];
    const rows = SECURITY_HUB_SEVERITIES.map((label) => {
        const cells = [
            `${SEVERITY_MARKS[label]} ${SEVERITY_NAMES[label]}`,
            formatCount(report.totals.bySeverity[label])
        ];
        if (withTrend)
            cells.push(changeCell(trendFor(report, severityMetric(label))));
        return (0,markdown_table/* tableRow */.j)(cells);
    });
    return (0,markdown_table/* tableHead */.P)(columns) + rows.join('') + '\n';
}
function changeCell(entry) {
    return entry === undefined ? '—' : trendArrow(entry.change);
}
// ---- trend ---------------------------------------------------------------------------------
function summary_trendSection(report) {
    if (report.trend === null || report.trend.length === 0)
        return undefined;
    const entries = report.trend.slice(0, SUMMARY_MAX_TREND_ROWS);
    const columns = [
        { title: 'Metric' },
        { title: 'Previous', align: 'right' },
        { title: 'Current', align: 'right' },
        { title: 'Change', align: 'right' }
    ];
    const rows = entries.map((entry) => (0,markdown_table/* tableRow */.j)([
        (0,text_escape/* markdownText */.p7)(trendLabel(entry.metric, report), NAME_LENGTH),
        formatCount(entry.previous),
        formatCount(entry.current),
        trendArrow(entry.change)
    ]));
    return ('### Change since the last report\n\n' +
        (0,markdown_table/* tableHead */.P)(columns) +
        rows.join('') +
        moreNote(report.trend.length - entries.length, 'metric', 'metrics') +
        '\n');
}
// ---- where the findings are ----------------------------------------------------------------
const SEVERITY_COLUMNS = SECURITY_HUB_SEVERITIES.map((label) => ({
    title: label === 'INFORMATIONAL' ? 'Info' : SEVERITY_NAMES[label],
    align: 'right'
}));
function productsSection(report) {
    return summary_countSection('Top products', 'Product', report.byProduct, ['product', 'products']);
}
function summary_countSection(heading, keyTitle, all, [noun, nouns]) {
    if (all.length === 0)
        return undefined;
    const rows = rankCountRows(all).slice(0, SUMMARY_TOP_ROWS);
    const columns = [
        { title: keyTitle },
        { title: 'Total', align: 'right' },
        ...SEVERITY_COLUMNS
    ];
    const lines = rows.map((row) => (0,markdown_table/* tableRow */.j)([
        (0,text_escape/* markdownText */.p7)(row.key, NAME_LENGTH),
        formatCount(row.total),
        ...SECURITY_HUB_SEVERITIES.map((label) => formatCount(row.bySeverity[label]))
    ]));
    const more = all.length - rows.length;
    return (`### ${heading}\n\n` + (0,markdown_table/* tableHead */.P)(columns) + lines.join('') + moreNote(more, noun, nouns) + '\n');
}
function summary_resourcesSection(report) {
    if (report.topResources.length === 0)
        return undefined;
    // The type after the id, and image digests cut: an ECR image's ARN alone is ~130 characters.
    const columns = [
        { title: 'Resource' },
        { title: 'Critical', align: 'right' },
        { title: 'High', align: 'right' },
        { title: 'Total', align: 'right' }
    ];
    const rows = report.topResources
        .slice(0, SUMMARY_TOP_ROWS)
        .map((row) => (0,markdown_table/* tableRow */.j)([
        `${(0,text_escape/* markdownText */.p7)(shortenDigests(row.resourceId), RESOURCE_LENGTH)} · ${(0,text_escape/* markdownText */.p7)(row.resourceType, NAME_LENGTH)}`,
        formatCount(row.critical),
        formatCount(row.high),
        formatCount(row.total)
    ]));
    return '### Top resources\n\n' + (0,markdown_table/* tableHead */.P)(columns) + rows.join('') + '\n';
}
// ---- age -----------------------------------------------------------------------------------
function summary_ageSection(report) {
    const rows = report.age.filter((row) => row.open > 0 || row.breaching > 0);
    if (rows.length === 0)
        return undefined;
    const breaching = totalBreaching(report.age);
    const intro = breaching === 0
        ? '✅ No open finding is past its remediation target.'
        : `⚠️ **${pluralCount(breaching, 'open finding is', 'open findings are')} past the remediation target** ` +
            `(${report.age
                .filter((row) => row.breaching > 0)
                .map((row) => `${formatCount(row.breaching)} ${SEVERITY_NAMES[row.severity].toLowerCase()}`)
                .join(', ')}).`;
    const columns = [
        { title: 'Severity' },
        { title: 'Open', align: 'right' },
        { title: 'Target' },
        { title: 'Over target', align: 'right' },
        { title: 'Oldest', align: 'right' },
        ...AGE_BUCKETS.map((bucket) => ({ title: bucket.label, align: 'right' }))
    ];
    const lines = rows.map((row) => (0,markdown_table/* tableRow */.j)([
        `${SEVERITY_MARKS[row.severity]} ${SEVERITY_NAMES[row.severity]}`,
        formatCount(row.open),
        targetWords(row.targetDays),
        row.breaching > 0 ? `**${formatCount(row.breaching)}**` : '0',
        row.oldestDays === null ? '—' : pluralCount(row.oldestDays, 'day'),
        ...AGE_BUCKETS.map((bucket) => formatCount(row.buckets[bucket.key]))
    ]));
    return ('### Age vs remediation targets\n\n' +
        intro +
        '\n\n' +
        (0,markdown_table/* tableHead */.P)(columns) +
        lines.join('') +
        '\n');
}
/** Where the breaches are: in an organization, the accounts to chase first. */
function summary_accountsPastTargetSection(report) {
    if (report.accountsPastTarget.length === 0)
        return undefined;
    const columns = [
        { title: 'Account' },
        { title: 'Over target', align: 'right' },
        { title: 'By severity' },
        { title: 'Open', align: 'right' }
    ];
    const rows = report.accountsPastTarget
        .slice(0, SUMMARY_TOP_ROWS)
        .map((row) => (0,markdown_table/* tableRow */.j)([
        (0,text_escape/* markdownText */.p7)(row.accountId, NAME_LENGTH),
        `**${formatCount(row.breaching)}**`,
        severityMarks(row.bySeverity),
        formatCount(row.open)
    ]));
    return ('### Accounts with the most findings past their remediation target\n\n' +
        (0,markdown_table/* tableHead */.P)(columns) +
        rows.join('') +
        '\n');
}
/** `🔴 3 🟠 12`: the non-zero severities, highest first, in one compact cell. */
function severityMarks(counts) {
    const parts = SECURITY_HUB_SEVERITIES.filter((label) => counts[label] > 0).map((label) => `${SEVERITY_MARKS[label]} ${formatCount(counts[label])}`);
    return parts.length === 0 ? '—' : parts.join(' ');
}
// ---- compliance ----------------------------------------------------------------------------
function summary_complianceSection(report) {
    const postureGap = report.gaps.find((gap) => gap.section === 'posture');
    if (postureGap !== undefined && report.compliance.length === 0) {
        return `### Compliance posture\n\n⚠️ **${(0,text_escape/* markdownText */.p7)(postureGap.effect, GAP_LENGTH)}** (see above).\n\n`;
    }
    if (report.compliance.length === 0)
        return undefined;
    const standards = report.compliance.slice(0, SUMMARY_MAX_STANDARDS);
    const withTrend = report.trend !== null;
    const columns = [
        { title: 'Standard' },
        { title: 'Passed', align: 'right' },
        { title: 'Failed', align: 'right' },
        { title: 'Pass rate', align: 'right' },
        ...(withTrend ? [{ title: 'Failed change', align: 'right' }] : [])
    ];
    const rows = standards.map((standard) => {
        const cells = [
            (0,text_escape/* markdownText */.p7)(postureName(standard), NAME_LENGTH),
            formatCount(standard.controlsPassed),
            formatCount(standard.controlsFailed),
            passRate(standard.controlsPassed, standard.controlsFailed)
        ];
        if (withTrend)
            cells.push(changeCell(failedControlsTrend(report, standard)));
        return (0,markdown_table/* tableRow */.j)(cells);
    });
    const failing = standards.map(failingControlsTable).filter((text) => text !== undefined);
    return ('### Compliance posture\n\n' +
        (0,markdown_table/* tableHead */.P)(columns) +
        rows.join('') +
        moreNote(report.compliance.length - standards.length, 'standard', 'standards') +
        '\n' +
        failing.join(''));
}
/**
 * Each account's posture per standard, worst first (most failed controls); shown only when the
 * report covers more than one account, since one account's posture is the table above.
 */
function summary_accountPostureSection(report) {
    const accounts = new Set(report.accountPosture.map((row) => row.accountId));
    if (accounts.size < 2)
        return undefined;
    const ranked = [...report.accountPosture].sort((a, b) => b.controlsFailed - a.controlsFailed ||
        a.accountId.localeCompare(b.accountId) ||
        a.standardsId.localeCompare(b.standardsId));
    const rows = ranked.slice(0, SUMMARY_TOP_ROWS);
    const columns = [
        { title: 'Account' },
        { title: 'Standard' },
        { title: 'Passed', align: 'right' },
        { title: 'Failed', align: 'right' },
        { title: 'Pass rate', align: 'right' }
    ];
    const lines = rows.map((row) => (0,markdown_table/* tableRow */.j)([
        (0,text_escape/* markdownText */.p7)(row.accountId, NAME_LENGTH),
        (0,text_escape/* markdownText */.p7)(row.name, NAME_LENGTH),
        formatCount(row.controlsPassed),
        formatCount(row.controlsFailed),
        passRate(row.controlsPassed, row.controlsFailed)
    ]));
    return ('### Posture per account\n\n' +
        (0,markdown_table/* tableHead */.P)(columns) +
        lines.join('') +
        moreNote(ranked.length - rows.length, 'account and standard', 'accounts and standards') +
        '\n');
}
function failingControlsTable(standard) {
    if (standard.failingControls.length === 0)
        return undefined;
    const controls = standard.failingControls.slice(0, SUMMARY_FAILING_CONTROLS);
    const columns = [
        { title: 'Control' },
        { title: 'Title' },
        { title: 'Severity' },
        { title: 'Failed resources', align: 'right' }
    ];
    const rows = controls.map((control) => (0,markdown_table/* tableRow */.j)([
        (0,text_escape/* markdownText */.p7)(control.controlId, NAME_LENGTH),
        (0,text_escape/* markdownText */.p7)(control.title, NAME_LENGTH),
        `${SEVERITY_MARKS[control.severity]} ${SEVERITY_NAMES[control.severity]}`,
        formatCount(control.failedResources)
    ]));
    return (`#### Top failing controls: ${(0,text_escape/* markdownText */.p7)(postureName(standard), NAME_LENGTH)}\n\n` +
        (0,markdown_table/* tableHead */.P)(columns) +
        rows.join('') +
        moreNote(standard.failingControls.length - controls.length, 'failing control', 'failing controls') +
        '\n');
}
// ---- files ---------------------------------------------------------------------------------
function filesSection(files) {
    if (files === undefined)
        return undefined;
    const lines = [];
    if (files.html !== undefined)
        lines.push(`- Report with charts and full tables (HTML): ${(0,text_escape/* codeSpan */.SS)(files.html, 500)}`);
    if (files.csv !== undefined)
        lines.push(`- Every finding (CSV): ${(0,text_escape/* codeSpan */.SS)(files.csv, 500)}`);
    if (files.json !== undefined)
        lines.push(`- Aggregates (JSON): ${(0,text_escape/* codeSpan */.SS)(files.json, 500)}`);
    if (lines.length === 0)
        return undefined;
    return '### Files\n\n' + lines.join('\n') + '\n';
}
function moreNote(more, noun, nouns) {
    if (more <= 0)
        return '';
    return `\n_${formatCount(more)} more ${more === 1 ? noun : nouns} in the HTML report and report.json._\n`;
}

// EXTERNAL MODULE: ./src/runtime/clock.ts
var runtime_clock = __webpack_require__(9842);
;// CONCATENATED MODULE: ./src/domain/report-shape.ts

/**
 * Checks a parsed report.json against the shape this program writes (schema version 1), every
 * field the trend reads included, and returns the first problem found, or undefined. A previous
 * report comes from a cache or an artifact of another run: anything else in its place (another
 * file, a hand edit, a truncated write) must cost only the trend, never the week's report.
 * Fields added to schema 1 later (`gaps`, `regions`, a posture's `region`, `filters.regions`) are checked when present.
 */
function reportShapeProblem(value) {
    try {
        checkReport(value);
        return undefined;
    }
    catch (error) {
        if (error instanceof ShapeError)
            return error.message;
        throw error;
    }
}
/** The report, when `reportShapeProblem` found nothing wrong with it. */
function asCheckedReport(value) {
    checkReport(value);
    return value;
}
class ShapeError extends Error {
}
function fail(path, problem) {
    throw new ShapeError(`${path} ${problem}`);
}
function describe(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'string')
        return `a string (${JSON.stringify(value.slice(0, 40))})`;
    if (typeof value === 'number')
        return String(value);
    return typeof value === 'object' ? 'an object' : typeof value;
}
function object(value, path) {
    if (value === undefined)
        fail(path, 'is missing');
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        fail(path, `is ${describe(value)}, not an object`);
    return value;
}
function list(value, path) {
    if (value === undefined)
        fail(path, 'is missing');
    if (!Array.isArray(value))
        fail(path, `is ${describe(value)}, not a list`);
    return value;
}
function report_shape_text(value, path) {
    if (value === undefined)
        fail(path, 'is missing');
    if (typeof value !== 'string')
        fail(path, `is ${describe(value)}, not a string`);
    return value;
}
function instant(value, path) {
    if (Number.isNaN(Date.parse(report_shape_text(value, path))))
        fail(path, 'is not a date');
}
/** A count: a whole number, at least 0 (JSON's 1e999 parses as Infinity, and is refused here). */
function report_shape_count(value, path) {
    if (value === undefined)
        fail(path, 'is missing');
    if (typeof value !== 'number')
        fail(path, `is ${describe(value)}, not a number`);
    if (!Number.isSafeInteger(value) || value < 0)
        fail(path, `is ${value}, not a whole number ≥ 0`);
    return value;
}
function countOrNull(value, path) {
    if (value !== null)
        report_shape_count(value, path);
}
/** A signed whole number (a trend's change). */
function integer(value, path) {
    if (value === undefined)
        fail(path, 'is missing');
    if (typeof value !== 'number')
        fail(path, `is ${describe(value)}, not a number`);
    if (!Number.isSafeInteger(value))
        fail(path, `is ${value}, not a whole number`);
}
function severity(value, path) {
    const label = report_shape_text(value, path);
    if (!SECURITY_HUB_SEVERITIES.includes(label))
        fail(path, `is "${label.slice(0, 40)}", not one of ${SECURITY_HUB_SEVERITIES.join(', ')}`);
}
function severityCounts(value, path) {
    const counts = object(value, path);
    for (const label of SECURITY_HUB_SEVERITIES)
        report_shape_count(counts[label], `${path}.${label}`);
}
function each(value, path, check) {
    list(value, path).forEach((item, index) => check(object(item, `${path}[${index}]`), `${path}[${index}]`));
}
function checkReport(value) {
    const report = object(value, 'the report');
    if (report['schemaVersion'] === undefined)
        fail('schemaVersion', 'is missing');
    if (report['schemaVersion'] !== REPORT_SCHEMA_VERSION)
        fail('schemaVersion', `is ${describe(report['schemaVersion'])}, not ${REPORT_SCHEMA_VERSION}`);
    instant(report['generatedAt'], 'generatedAt');
    const period = object(report['period'], 'period');
    instant(period['start'], 'period.start');
    instant(period['end'], 'period.end');
    report_shape_count(period['days'], 'period.days');
    const filters = object(report['filters'], 'filters');
    for (const name of ['products', 'severities', 'accounts', 'resourceTypes', 'workflowStatuses']) {
        list(filters[name], `filters.${name}`).forEach((item, i) => report_shape_text(item, `filters.${name}[${i}]`));
    }
    if (filters['regions'] !== undefined) {
        list(filters['regions'], 'filters.regions').forEach((item, i) => report_shape_text(item, `filters.regions[${i}]`));
    }
    const totals = object(report['totals'], 'totals');
    report_shape_count(totals['findings'], 'totals.findings');
    severityCounts(totals['bySeverity'], 'totals.bySeverity');
    report_shape_count(totals['newInPeriod'], 'totals.newInPeriod');
    report_shape_count(totals['older'], 'totals.older');
    for (const name of ['byProduct', 'byResourceType', 'byAccountRegion']) {
        each(report[name], name, (row, path) => {
            report_shape_text(row['key'], `${path}.key`);
            report_shape_count(row['total'], `${path}.total`);
            severityCounts(row['bySeverity'], `${path}.bySeverity`);
        });
    }
    each(report['topResources'], 'topResources', (row, path) => {
        report_shape_text(row['resourceId'], `${path}.resourceId`);
        report_shape_text(row['resourceType'], `${path}.resourceType`);
        for (const field of ['critical', 'high', 'total'])
            report_shape_count(row[field], `${path}.${field}`);
    });
    each(report['age'], 'age', (row, path) => {
        severity(row['severity'], `${path}.severity`);
        report_shape_count(row['open'], `${path}.open`);
        countOrNull(row['targetDays'], `${path}.targetDays`);
        report_shape_count(row['breaching'], `${path}.breaching`);
        countOrNull(row['oldestDays'], `${path}.oldestDays`);
        const buckets = object(row['buckets'], `${path}.buckets`);
        for (const bucket of ['upTo1', 'upTo7', 'upTo30', 'upTo90', 'over90'])
            report_shape_count(buckets[bucket], `${path}.buckets.${bucket}`);
    });
    each(report['compliance'], 'compliance', (standard, path) => {
        report_shape_text(standard['standardsArn'], `${path}.standardsArn`);
        report_shape_text(standard['name'], `${path}.name`);
        if (standard['region'] !== undefined)
            report_shape_text(standard['region'], `${path}.region`);
        report_shape_count(standard['controlsPassed'], `${path}.controlsPassed`);
        report_shape_count(standard['controlsFailed'], `${path}.controlsFailed`);
        each(standard['failingControls'], `${path}.failingControls`, (control, at) => {
            report_shape_text(control['controlId'], `${at}.controlId`);
            report_shape_text(control['title'], `${at}.title`);
            severity(control['severity'], `${at}.severity`);
            report_shape_count(control['failedResources'], `${at}.failedResources`);
        });
    });
    if (report['trend'] === undefined)
        fail('trend', 'is missing');
    if (report['trend'] !== null) {
        each(report['trend'], 'trend', (entry, path) => {
            report_shape_text(entry['metric'], `${path}.metric`);
            report_shape_count(entry['previous'], `${path}.previous`);
            report_shape_count(entry['current'], `${path}.current`);
            integer(entry['change'], `${path}.change`);
        });
    }
    if (report['gaps'] !== undefined) {
        each(report['gaps'], 'gaps', (gap, path) => {
            for (const field of ['section', 'operation', 'reason', 'effect'])
                report_shape_text(gap[field], `${path}.${field}`);
        });
    }
    if (report['regions'] !== undefined) {
        list(report['regions'], 'regions').forEach((item, i) => report_shape_text(item, `regions[${i}]`));
    }
}

// EXTERNAL MODULE: ./src/runtime/error-message.ts
var error_message = __webpack_require__(1676);
;// CONCATENATED MODULE: ./src/report/previous-report.ts



/**
 * A report.json holds aggregates only: even thousands of accounts × Regions stay far below this.
 * Anything larger is not one of ours, and is not read into memory.
 */
const MAX_PREVIOUS_REPORT_BYTES = 32 * 1024 * 1024;
/**
 * The previous report for the trend. Missing (the first run) is said; anything in doubt (not JSON,
 * another shape or schema, too large, an incomplete report) costs only the trend, with one warning
 * naming the file and the first problem: it must never cost the week's report.
 */
function readPreviousReport(path, log, maxBytes = MAX_PREVIOUS_REPORT_BYTES) {
    const noTrend = (problem) => {
        log.warning(`previous-report: ${path} ${problem}; this report has no trend`);
        return undefined;
    };
    let size;
    try {
        const stat = (0,external_node_fs_.statSync)(path);
        if (!stat.isFile())
            return noTrend('is not a file');
        size = stat.size;
    }
    catch (error) {
        if (error.code === 'ENOENT') {
            log.info(`no previous report at ${path}; this report has no trend`);
            return undefined;
        }
        return noTrend(`could not be read (${(0,error_message/* errorMessage */.g)(error)})`);
    }
    if (size > maxBytes) {
        return noTrend(`is ${size.toLocaleString('en-US')} bytes, larger than any report.json (at most ${maxBytes.toLocaleString('en-US')})`);
    }
    let parsed;
    try {
        parsed = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch (error) {
        return noTrend(`is not JSON (${(0,error_message/* errorMessage */.g)(error).split('\n')[0]})`);
    }
    const problem = reportShapeProblem(parsed);
    if (problem !== undefined)
        return noTrend(`is not a report.json this version wrote: ${problem}`);
    const report = asCheckedReport(parsed);
    // Its totals count only part of that period: a change against them would be made up.
    const gap = (report.gaps ?? []).find((g) => g.section === 'findings');
    if (gap !== undefined)
        return noTrend(`is an incomplete report (${gap.effect.slice(0, 200)})`);
    return report;
}

// EXTERNAL MODULE: ./src/runtime/host.ts
var runtime_host = __webpack_require__(6320);
;// CONCATENATED MODULE: ./src/report/step.ts




















/** `mode: report`: Security Hub findings → findings.csv, report.json, report.html, summary. */
async function runReportStep(inputs, host, deps) {
    const { workspace } = host;
    const log = host;
    try {
        const settings = buildReportSettings(inputs, host.env);
        const dir = (0,external_node_path_.resolve)(workspace, settings.reportDir);
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
        const files = {
            csv: (0,external_node_path_.join)(dir, 'findings.csv'),
            json: (0,external_node_path_.join)(dir, 'report.json'),
            html: (0,external_node_path_.join)(dir, 'report.html')
        };
        const previous = settings.previousReport &&
            readPreviousReport((0,external_node_path_.resolve)(workspace, settings.previousReport), log);
        const clients = deps?.clients ??
            (0,aws_clients/* createAwsClients */.Gv)({
                classes: { securityHub: client_securityhub_dist_cjs.SecurityHubClient, sts: client_sts_dist_cjs.STSClient, s3: dist_cjs.S3Client, sns: client_sns_dist_cjs.SNSClient },
                advice: host.awsAdvice
            });
        const clock = deps?.clock ?? runtime_clock/* systemClock */.m;
        const csv = (0,external_node_fs_.createWriteStream)(files.csv, { encoding: 'utf8' });
        await write(csv, csvHeader());
        let report;
        try {
            report = await runReport({ ...settings.config, ...(previous ? { previous } : {}) }, { clients, clock, log }, (page) => write(csv, host.redact(page.map(({ finding }) => csvRow(csvFields(finding))).join(''))));
        }
        finally {
            csv.end();
            await (0,external_node_events_.once)(csv, 'close');
        }
        (0,external_node_fs_.writeFileSync)(files.json, host.redact(`${JSON.stringify(report, null, 2)}\n`));
        (0,external_node_fs_.writeFileSync)(files.html, host.redact(renderReportHtml(report)));
        // Delivery comes after the files exist, so a failed upload still leaves the artifact.
        const { s3Uri } = await deliverReport(report, Object.values(files), settings, {
            clients,
            region: settings.config.region,
            log
        });
        if (s3Uri !== undefined)
            host.setOutput('report-s3-uri', s3Uri);
        const result = report.gaps.length === 0 ? 'pass' : 'error';
        host.setOutput('result', result);
        host.setOutput('report-dir', dir);
        host.setOutput('report-findings', String(report.totals.findings));
        host.setOutput('report-critical', String(report.totals.bySeverity.CRITICAL));
        host.setOutput('report-high', String(report.totals.bySeverity.HIGH));
        // Without the posture there is no count of failed controls; 0 would claim that none failed.
        const postureRead = report.gaps.every((gap) => gap.section !== 'posture');
        host.setOutput('report-controls-failed', postureRead ? String(report.compliance.reduce((n, s) => n + s.controlsFailed, 0)) : '');
        const markdown = renderReportSummary(report, { files });
        await host.appendSummary(markdown);
        log.info(`report written to ${dir} (findings.csv, report.json, report.html)`);
        const render = (format) => format === 'markdown'
            ? markdown
            : format === 'json'
                ? (0,external_node_fs_.readFileSync)(files.json, 'utf8')
                : reportText(report, dir);
        if (result === 'pass')
            return { result, render };
        return concludeGaps(report, settings.onError, host, render);
    }
    catch (error) {
        return (0,runtime_host/* failedStep */.c)(host, `inspector-gate report: ${(0,missing_region/* stepErrorMessage */.W)(error, host.awsAdvice)}`);
    }
}
/**
 * A report with gaps was still written in full; as in gate mode, `on-error` decides whether what
 * could not be read fails the step (`fail`, the default) or only warns.
 */
function concludeGaps(report, onError, host, render) {
    const lines = report.gaps.map(gapLine);
    if (onError === 'warn') {
        for (const line of lines)
            host.warning(`report incomplete: ${line}`);
        host.warning('the report is incomplete; on-error is warn, so the step passes');
        return { result: 'error', render };
    }
    for (const line of lines.slice(1))
        host.error(`report incomplete: ${line}`);
    const more = lines.length > 1 ? ` (+${lines.length - 1} more)` : '';
    return {
        result: 'error',
        failure: `inspector-gate report incomplete: ${lines[0] ?? 'a part could not be read'}${more}`,
        render
    };
}
function reportText(report, dir) {
    const { totals } = report;
    const failed = report.compliance.reduce((n, standard) => n + standard.controlsFailed, 0);
    return [
        `compliance report written to ${dir}`,
        `Covers: ${coverageWords(report)}`,
        ...report.gaps.map((gap) => `INCOMPLETE: ${gapLine(gap)}`),
        `findings: ${totals.findings} (${totals.bySeverity.CRITICAL} critical, ${totals.bySeverity.HIGH} high)`,
        report.gaps.some((gap) => gap.section === 'posture')
            ? 'controls failed: unknown (the posture could not be read)'
            : `controls failed: ${failed}`,
        ''
    ].join('\n');
}
/** Resolves when the stream can take more: a slow disk slows the reading, not the memory. */
async function write(stream, text) {
    if (text !== '' && !stream.write(text))
        await (0,external_node_events_.once)(stream, 'drain');
}
function csvFields(finding) {
    return {
        id: finding.id,
        title: finding.title,
        severity: finding.severity,
        resourceType: finding.resourceType,
        resourceId: finding.resourceId,
        complianceStatus: finding.complianceStatus,
        createdAt: finding.createdAt.toISOString(),
        productName: finding.product,
        accountId: finding.accountId,
        region: finding.region,
        workflowStatus: finding.workflowStatus,
        updatedAt: finding.updatedAt.toISOString()
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
