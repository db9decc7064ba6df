export const id = 914;
export const ids = [914];
export const modules = {

/***/ 9108:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D4: () => (/* binding */ listFunctionFindings),
/* harmony export */   TH: () => (/* binding */ getFunctionCoverage),
/* harmony export */   WU: () => (/* binding */ getAccountStatus),
/* harmony export */   uK: () => (/* binding */ listImageFindings),
/* harmony export */   zV: () => (/* binding */ getCoverage)
/* harmony export */ });
/* unused harmony export INSPECTOR_STATES */
/* harmony import */ var _aws_sdk_client_inspector2__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3222);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6362);
/* harmony import */ var _domain_function_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9454);
/* harmony import */ var _paging_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6433);
/* harmony import */ var _response_shape_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2153);





const eq = (value) => ({
    comparison: 'EQUALS',
    value
});
/**
 * The package-scan coverage row of one resource, or undefined while Inspector has not discovered it.
 * Coverage string filters support only EQUALS/NOT_EQUALS, so the exact resource id is the key; the
 * owning account is named too, so that from a delegated administrator, who sees every member's
 * coverage, the read is about the member account that holds the resource.
 */
async function getCoverage(client, target, resourceType, scanType = 'PACKAGE') {
    const { resourceId } = target;
    const context = {
        action: 'inspector2:ListCoverage',
        doing: `checking Inspector coverage of ${resourceId}`
    };
    const filterCriteria = {
        resourceId: [eq(resourceId)],
        resourceType: [eq(resourceType)],
        accountId: [eq(target.accountId)],
        scanType: [eq(scanType)]
    };
    return readCoverageRow(client, filterCriteria, (id) => id === resourceId, context);
}
/**
 * The coverage row of one function's `$LATEST` for one scan type. Inspector's examples write the
 * id `…:function:<name>:$LATEST`, but no AWS sample confirms the form ListCoverage uses, so the
 * query is by function name, resource type and account, and a row with either id form of this
 * function (and no other: not another region's, account's or qualifier's) is the one.
 */
async function getFunctionCoverage(client, target, scanType) {
    const ids = (0,_domain_function_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .functionResourceIds */ .ZM)(target.resourceId);
    const filterCriteria = {
        lambdaFunctionName: [eq(target.functionName)],
        resourceType: [eq('AWS_LAMBDA_FUNCTION')],
        accountId: [eq(target.accountId)],
        scanType: [eq(scanType)]
    };
    return readCoverageRow(client, filterCriteria, (id) => ids.has(id), {
        action: 'inspector2:ListCoverage',
        doing: `checking Inspector coverage of ${target.resourceId}`
    });
}
async function readCoverageRow(client, filterCriteria, matches, context) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .callAws */ .IY)(context, async () => {
        const pages = (0,_paging_js__WEBPACK_IMPORTED_MODULE_2__/* .guardedPages */ .l)('ListCoverage', (0,_aws_sdk_client_inspector2__WEBPACK_IMPORTED_MODULE_4__.paginateListCoverage)({ client, pageSize: 200 }, { filterCriteria }), (page) => page.nextToken);
        for await (const page of pages) {
            const row = page.coveredResources?.find((r) => r.resourceId !== undefined && matches(r.resourceId));
            if (row) {
                return {
                    statusCode: row.scanStatus?.statusCode,
                    reason: row.scanStatus?.reason,
                    lastScannedAt: row.lastScannedAt
                };
            }
        }
        return undefined;
    });
}
/** Whole re-reads allowed when a page token goes stale mid-read (see readAllFindings). */
const STALE_TOKEN_RESTARTS = 2;
/** A page after the first was refused as invalid input: its token, the only input that changed. */
class StalePageToken extends Error {
    original;
    constructor(original) {
        super('a ListFindings page token was refused');
        this.original = original;
    }
}
async function readAllFindings(client, filterCriteria, context) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .callAws */ .IY)(context, async () => {
        // A read that outlives its page token (a slow or throttled read of thousands of findings)
        // starts over: half a finding set is never returned as the whole, and a fresh read is as good
        // as the one that went stale. A token that keeps going stale is reported as the error it is.
        for (let restarts = 0;; restarts += 1) {
            try {
                return await readFindingPages(client, filterCriteria);
            }
            catch (error) {
                if (!(error instanceof StalePageToken))
                    throw error;
                if (restarts >= STALE_TOKEN_RESTARTS)
                    throw error.original;
            }
        }
    });
}
/** One read of every page; each finding once, a repeated page token is an error. */
async function readFindingPages(client, filterCriteria) {
    const byArn = new Map();
    // A fresh input object per call: the paginator writes its token back into the input.
    const pages = (0,_paging_js__WEBPACK_IMPORTED_MODULE_2__/* .guardedPages */ .l)('ListFindings', (0,_aws_sdk_client_inspector2__WEBPACK_IMPORTED_MODULE_4__.paginateListFindings)({ client, pageSize: 100 }, { filterCriteria: structuredClone(filterCriteria) }), (page) => page.nextToken);
    let pageCount = 0;
    try {
        for await (const page of pages) {
            pageCount += 1;
            // The model makes no member of a page required, and Inspector does send pages with a
            // nextToken but no findings list: such a page is empty, and the read goes on to the next.
            // A finding inserted while paging can shift another onto a second page: count each once.
            for (const finding of page.findings ?? [])
                byArn.set(finding.findingArn ?? `#${byArn.size}`, finding);
        }
    }
    catch (error) {
        if (pageCount > 0 && error.name === 'ValidationException') {
            throw new StalePageToken(error);
        }
        throw error;
    }
    return [...byArn.values()];
}
/** Every ACTIVE finding of one image digest in one repository, all pages. */
async function listImageFindings(client, target) {
    const filterCriteria = {
        ecrImageHash: [eq(target.digest)],
        ecrImageRepositoryName: [eq(target.repository)],
        awsAccountId: [eq(target.registryId)],
        findingStatus: [eq('ACTIVE')]
    };
    // All pages, each finding once (a finding inserted while paging can repeat another on the next
    // page), and a repeated page token is an error rather than a silently short list.
    const findings = await readAllFindings(client, filterCriteria, {
        action: 'inspector2:ListFindings',
        doing: `reading Inspector findings of ${target.repository}@${target.digest}`
    });
    // The filters already say this; checking again means a filter Inspector ignored cannot leak
    // another image's findings into this verdict.
    return findings.filter((f) => namesImage(f, target));
}
/**
 * Whether a finding listed for this image's filter is about this image. One that names other
 * images only is left out (a filter that leaked); one that names no resource at all, or names it in
 * a shape we cannot read, cannot be told apart and is an error naming it: it was returned for this
 * image, so dropping it could pass a build that carries it.
 */
function namesImage(finding, target) {
    const check = new _response_shape_js__WEBPACK_IMPORTED_MODULE_3__/* .ShapeCheck */ .W('ListFindings', `finding ${finding.findingArn ?? '(without findingArn)'} for ${target.repository}@${target.digest}`);
    const resources = check.list('resources', finding.resources);
    if (resources === undefined || resources.length === 0) {
        throw check.fail('resources', 'missing, so it cannot tell which image the finding is about');
    }
    return resources.some((entry, i) => {
        const resource = check.object(`resources[${i}]`, entry);
        if (resource === undefined)
            throw check.fail(`resources[${i}]`, 'missing');
        const id = check.string(`resources[${i}].id`, resource['id']);
        const details = check.object(`resources[${i}].details`, resource['details']);
        const image = check.object(`resources[${i}].details.awsEcrContainerImage`, details?.['awsEcrContainerImage']);
        const hash = check.string(`resources[${i}].details.awsEcrContainerImage.imageHash`, image?.['imageHash']);
        if (id === undefined && hash === undefined) {
            throw check.fail(`resources[${i}]`, 'without an id or image hash');
        }
        return id === target.resourceId || hash === target.digest;
    });
}
/**
 * Every ACTIVE finding of one function's `$LATEST` of one type (package or code), all pages. Which
 * deployment a finding belongs to is decided by the caller from its codeSha256: the API has no
 * version filter, and findings of the previous code are closed only some time after an update.
 * Queried by function name (the resource id's form is not confirmed, see getFunctionCoverage);
 * only findings whose resource is this function, in either id form, are kept.
 */
async function listFunctionFindings(client, target) {
    const filterCriteria = {
        resourceType: [eq('AWS_LAMBDA_FUNCTION')],
        lambdaFunctionName: [eq(target.functionName)],
        awsAccountId: [eq(target.accountId)],
        findingType: [eq(target.findingType)],
        findingStatus: [eq('ACTIVE')]
    };
    const findings = await readAllFindings(client, filterCriteria, {
        action: 'inspector2:ListFindings',
        doing: `reading Inspector findings of ${target.resourceId}`
    });
    const ids = (0,_domain_function_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .functionResourceIds */ .ZM)(target.resourceId);
    return findings.filter((f) => (f.resources ?? []).some((r) => r.id !== undefined && ids.has(r.id)));
}
/** Inspector's account and resource-type states (its `Status` enum). */
const INSPECTOR_STATES = (/* unused pure expression or super */ null && ([
    'ENABLING',
    'ENABLED',
    'DISABLING',
    'DISABLED',
    'SUSPENDING',
    'SUSPENDED'
]));
async function getAccountStatus(client) {
    const out = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .callAws */ .IY)({
        action: 'inspector2:BatchGetAccountStatus',
        doing: 'checking that Amazon Inspector is enabled'
    }, () => client.send(new _aws_sdk_client_inspector2__WEBPACK_IMPORTED_MODULE_4__.BatchGetAccountStatusCommand({})));
    const account = out.accounts?.[0];
    if (!account) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ('BatchGetAccountStatus returned no account: Amazon Inspector has never been enabled here; enable it for ECR scanning', 'NotFound', false);
    }
    return {
        accountId: account.accountId,
        account: account.state?.status,
        ec2: account.resourceState?.ec2?.status,
        ecr: account.resourceState?.ecr?.status,
        lambda: account.resourceState?.lambda?.status,
        lambdaCode: account.resourceState?.lambdaCode?.status
    };
}


/***/ }),

/***/ 6433:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ pageGuard),
/* harmony export */   l: () => (/* binding */ guardedPages)
/* harmony export */ });
/* harmony import */ var _runtime_clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9842);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6362);
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
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6362);
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

/***/ 8067:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ tolerateTransient)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6362);

/**
 * The SDK already retried a throttled or failing call several times. A wait of many minutes should
 * not die of one bad minute, so retryable errors become "keep waiting" (and, if the wait runs out,
 * the reason it ran out); anything else propagates.
 */
async function tolerateTransient(call) {
    try {
        return { ok: true, value: await call() };
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ && error.retryable) {
            return { ok: false, state: `waiting out an AWS error (${error.message})` };
        }
        throw error;
    }
}


/***/ }),

/***/ 2914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  QV: () => (/* binding */ ensureEnabled)
});

// UNUSED EXPORTS: DEFAULT_ACTIVATION_TIMING, NotEnabledError

// EXTERNAL MODULE: ./src/aws/securityhub.ts
var securityhub = __webpack_require__(2472);
;// CONCATENATED MODULE: ./src/ensure-enabled/messages.ts
/* The one-line failures of ensure-enabled, each with its fix. */
/** A prerequisite is off (or cannot be turned on); the message is one line that includes the fix. */
class NotEnabledError extends Error {
    missing;
    name = 'NotEnabledError';
    constructor(message, 
    /** Labels of the pieces that are not ready. */
    missing) {
        super(message);
        this.missing = missing;
    }
}
function notEnabledMessage(gaps, ctx) {
    const remedies = [];
    const commands = fixCommands(gaps);
    if (commands.length > 0) {
        remedies.push(`set ensure-enabled: enable, or run: ${commands.join(' && ')}`);
    }
    if (gaps.some((gap) => gap.remedy === 'wait')) {
        remedies.push('re-run once Inspector reports ENABLED (usually within minutes), or set ensure-enabled: enable to wait for it');
    }
    if (gaps.some((gap) => gap.remedy === 'suspended'))
        remedies.push(SUSPENDED_ADVICE);
    return `${inWords(gaps.map((gap) => gap.problem))} in ${where(ctx)}; ${remedies.join('; ')}`;
}
const SUSPENDED_ADVICE = 'Inspector suspends an account for billing or AWS Organizations reasons and enabling cannot undo that; ask the account administrator to resolve the suspension';
/** Inspector types share one `aws inspector2 enable` (LAMBDA_CODE needs LAMBDA in the same call). */
function fixCommands(gaps) {
    const runnable = gaps.filter((gap) => gap.remedy === 'run');
    const scanTypes = runnable.flatMap((gap) => (gap.scanType ? [gap.scanType] : []));
    const others = runnable.flatMap((gap) => (gap.command ? [gap.command] : []));
    const inspector = `aws inspector2 enable --resource-types ${scanTypes.join(' ')}`;
    return [...(scanTypes.length > 0 ? [inspector] : []), ...others];
}
function refusalAdvice(errorCode) {
    if (errorCode === 'BLOCKED_BY_ORGANIZATION_POLICY') {
        return ' (an AWS Organizations policy forbids it; ask the organization administrator to enable it or lift the policy)';
    }
    return '';
}
function where(ctx) {
    return `account ${ctx.accountId} (${ctx.region})`;
}
/** `a`, `a and b`, `a, b and c`. */
function inWords(items) {
    if (items.length <= 1)
        return items.join('');
    return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
function seconds(ms) {
    const s = Math.max(0, Math.round(ms / 1000));
    return s >= 120 && s % 60 === 0 ? `${s / 60} min` : `${s}s`;
}

// EXTERNAL MODULE: ./src/aws/errors.ts + 1 modules
var errors = __webpack_require__(6362);
// EXTERNAL MODULE: ./src/aws/inspector.ts
var inspector = __webpack_require__(9108);
;// CONCATENATED MODULE: ./src/ensure-enabled/plan.ts


/** Terraform's aws_inspector2_enabler waits 5 minutes, polling every 10 s; so do we. */
const DEFAULT_ACTIVATION_TIMING = {
    budgetMs: 5 * 60_000,
    pollIntervalMs: 10_000,
    retryInitialMs: 5_000,
    retryMaxMs: 30_000
};
const SCAN_LABEL = {
    EC2: 'Amazon Inspector EC2 scanning',
    ECR: 'Amazon Inspector ECR scanning',
    LAMBDA: 'Amazon Inspector Lambda standard scanning',
    LAMBDA_CODE: 'Amazon Inspector Lambda code scanning'
};
const SECURITY_HUB = 'AWS Security Hub';
const INSPECTOR_IMPORT = 'Security Hub import of Amazon Inspector findings';
const ALL_PIECES = [...Object.values(SCAN_LABEL), SECURITY_HUB, INSPECTOR_IMPORT];
function planFor(needs) {
    const scanTypes = [];
    if (needs.ec2)
        scanTypes.push('EC2');
    if (needs.ecr)
        scanTypes.push('ECR');
    if (needs.lambda || needs.lambdaCode)
        scanTypes.push('LAMBDA');
    if (needs.lambdaCode)
        scanTypes.push('LAMBDA_CODE');
    return {
        scanTypes,
        securityHub: needs.securityHub || needs.inspectorImport,
        inspectorImport: needs.inspectorImport
    };
}
function neededLabels(plan) {
    return [
        ...plan.scanTypes.map((type) => SCAN_LABEL[type]),
        ...(plan.securityHub ? [SECURITY_HUB] : []),
        ...(plan.inspectorImport ? [INSPECTOR_IMPORT] : [])
    ];
}
function timingOf(ctx) {
    return { ...DEFAULT_ACTIVATION_TIMING, ...ctx.timing };
}
async function readScanStates(client) {
    try {
        const status = await (0,inspector/* getAccountStatus */.WU)(client);
        return {
            EC2: status.ec2,
            ECR: status.ecr,
            LAMBDA: status.lambda,
            LAMBDA_CODE: status.lambdaCode
        };
    }
    catch (error) {
        // No account in the answer means Inspector was never enabled here: every type is off.
        if (error instanceof errors/* AwsCallError */.iQ && error.code === 'NotFound') {
            return { EC2: undefined, ECR: undefined, LAMBDA: undefined, LAMBDA_CODE: undefined };
        }
        throw error;
    }
}
/** A type the answer leaves out (older accounts lack lambdaCode) has never been enabled. */
function stateOf(states, type) {
    return states[type] ?? 'DISABLED';
}

;// CONCATENATED MODULE: ./src/ensure-enabled/check.ts



/* `ensure-enabled: check`: read once, fail with every gap and its fix. */
async function checkEnabled(plan, ctx, report) {
    const gaps = [];
    if (plan.scanTypes.length > 0) {
        const states = await readScanStates(ctx.inspector);
        for (const type of plan.scanTypes) {
            const gap = scanGap(type, stateOf(states, type));
            if (gap)
                gaps.push(gap);
            else
                report.alreadyOk.push(SCAN_LABEL[type]);
        }
    }
    if (plan.securityHub) {
        const hubOn = await (0,securityhub/* describeHub */.P6)(ctx.securityHub);
        if (hubOn)
            report.alreadyOk.push(SECURITY_HUB);
        else
            gaps.push(hubGap());
        if (plan.inspectorImport) {
            // Without the hub there is nothing to list (the call would fail): the import is off too.
            const importOn = hubOn && (await (0,securityhub/* listEnabledImportProducts */.xH)(ctx.securityHub)).some(securityhub/* isInspectorSubscription */.V$);
            if (importOn)
                report.alreadyOk.push(INSPECTOR_IMPORT);
            else
                gaps.push(importGap(ctx.region));
        }
    }
    if (gaps.length > 0) {
        throw new NotEnabledError(notEnabledMessage(gaps, ctx), gaps.map((gap) => gap.label));
    }
}
/**
 * What each Inspector state asks of a check: nothing (ENABLED), time (ENABLING: scans cannot start
 * before ENABLED, and failing now beats waiting out the gate's timeout), an administrator
 * (suspensions), or enabling. A state not listed is named in the failure and enabling is offered.
 */
const STATE_REMEDY = {
    ENABLED: 'ok',
    ENABLING: 'wait',
    DISABLING: 'run',
    DISABLED: 'run',
    SUSPENDING: 'suspended',
    SUSPENDED: 'suspended'
};
function scanGap(type, state) {
    const label = SCAN_LABEL[type];
    const remedy = Object.hasOwn(STATE_REMEDY, state) ? STATE_REMEDY[state] : 'run';
    if (remedy === 'ok')
        return undefined;
    if (remedy === 'wait') {
        return { label, problem: `${label} is still ${state} (being turned on)`, remedy };
    }
    if (remedy === 'suspended')
        return { label, problem: `${label} is ${state}`, remedy };
    return { label, problem: `${label} is ${state}`, remedy, scanType: type };
}
function hubGap() {
    return {
        label: SECURITY_HUB,
        problem: `${SECURITY_HUB} is not enabled`,
        remedy: 'run',
        command: 'aws securityhub enable-security-hub --no-enable-default-standards'
    };
}
function importGap(region) {
    return {
        label: INSPECTOR_IMPORT,
        problem: `${INSPECTOR_IMPORT} is not enabled`,
        remedy: 'run',
        command: `aws securityhub enable-import-findings-for-product --product-arn ${(0,securityhub/* inspectorProductArn */.Ap)(region)}`
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-inspector2/dist-cjs/index.js
var dist_cjs = __webpack_require__(3222);
;// CONCATENATED MODULE: ./src/aws/inspector-activation.ts


/** The Inspector scan types this action can depend on. LAMBDA_CODE only works on top of LAMBDA. */
const INSPECTOR_SCAN_TYPES = (/* unused pure expression or super */ null && (['EC2', 'ECR', 'LAMBDA', 'LAMBDA_CODE']));
/**
 * What each `failedAccounts[].errorCode` of Enable means: `enabled` (nothing to do), `retry` ("not
 * now": Terraform's enabler retries exactly these), `final` (a refusal no retry changes). A code
 * not listed is final too, reported by name with Inspector's message.
 */
const ENABLE_FAILURE_CODES = {
    ALREADY_ENABLED: 'enabled',
    ENABLE_IN_PROGRESS: 'retry',
    DISABLE_IN_PROGRESS: 'retry',
    SUSPEND_IN_PROGRESS: 'retry',
    SSM_THROTTLED: 'retry',
    EVENTBRIDGE_THROTTLED: 'retry',
    // Right after an account joins an organization, its membership has not propagated yet.
    ACCESS_DENIED: 'retry',
    RESOURCE_NOT_FOUND: 'final',
    INTERNAL_ERROR: 'final',
    SSM_UNAVAILABLE: 'final',
    EVENTBRIDGE_UNAVAILABLE: 'final',
    RESOURCE_SCAN_NOT_DISABLED: 'final',
    DISASSOCIATE_ALL_MEMBERS: 'final',
    ACCOUNT_IS_ISOLATED: 'final',
    EC2_SSM_RESOURCE_DATA_SYNC_LIMIT_EXCEEDED: 'final',
    EC2_SSM_ASSOCIATION_VERSION_LIMIT_EXCEEDED: 'final',
    BLOCKED_BY_ORGANIZATION_POLICY: 'final'
};
/** The meaning of one failed-account code; unknown codes are final refusals. */
function enableFailureKind(code) {
    return Object.hasOwn(ENABLE_FAILURE_CODES, code)
        ? ENABLE_FAILURE_CODES[code]
        : 'final';
}
const ENABLE_CONTEXT = (types) => ({
    action: 'inspector2:Enable',
    doing: `enabling Amazon Inspector ${types.join(', ')} scanning`
});
/**
 * Inspector's model documents AccessDeniedException from Enable for two causes: the role lacks
 * the permission, or Inspector (or this feature) is not offered in the Region. The answer does not
 * say which, so the line names both and what to do about each.
 */
function enableDenied(error, types, region) {
    const raw = String(error?.message ?? error).split('\n')[0];
    const where = region !== undefined ? `Region ${region}` : 'this Region';
    return new errors/* AwsCallError */.iQ(`Amazon Inspector refused Enable for ${types.join(', ')} in ${where} (AccessDeniedException), for one of two reasons: the role lacks inspector2:Enable (and iam:CreateServiceLinkedRole for inspector2.amazonaws.com, which the first Enable needs; infra/iam/ensure-enabled-policy.json grants both), or Amazon Inspector ${types.join(', ')} scanning is not available in ${where}; grant the permissions, or check the Region against Inspector's Regions and features list and run in a Region that has it — AWS said: ${raw}`, 'AccessDeniedException', false);
}
/**
 * Asks Inspector to turn on `types` for the caller's own account (no `accountIds`). The token makes a
 * retried HTTP request of the same attempt idempotent; the caller picks a fresh one per attempt.
 */
async function enableInspector(client, types, clientToken, 
/** For the message when Enable is denied: the Region Inspector may not be offered in. */
region) {
    let out;
    try {
        out = await client.send(new dist_cjs.EnableCommand({ resourceTypes: [...types], clientToken }));
    }
    catch (error) {
        if ((0,errors/* errorCode */.CA)(error) === 'AccessDeniedException')
            throw enableDenied(error, types, region);
        throw (0,errors/* explainAwsError */.Ni)(error, ENABLE_CONTEXT(types));
    }
    return {
        accounts: (out.accounts ?? []).map((account) => ({
            accountId: account.accountId,
            status: account.status
        })),
        failedAccounts: (out.failedAccounts ?? []).map((failed) => ({
            accountId: failed.accountId,
            errorCode: failed.errorCode ?? 'UNKNOWN',
            errorMessage: failed.errorMessage ?? ''
        }))
    };
}

// EXTERNAL MODULE: ./src/aws/transient.ts
var aws_transient = __webpack_require__(8067);
// EXTERNAL MODULE: ./src/runtime/poll.ts
var poll = __webpack_require__(4415);
;// CONCATENATED MODULE: ./src/ensure-enabled/enable.ts







/* `ensure-enabled: enable`: turn on what is missing, idempotently. */
async function enableMissing(plan, ctx, report) {
    if (plan.scanTypes.length > 0)
        await ensureScanTypes(plan.scanTypes, ctx, report);
    if (plan.securityHub)
        await ensureSecurityHub(ctx, report);
    if (plan.inspectorImport)
        await ensureInspectorImport(ctx, report);
}
async function ensureScanTypes(types, ctx, report) {
    const timing = timingOf(ctx);
    const start = ctx.clock.now();
    // One budget for retries and waiting together, and never past the caller's own deadline.
    const deadline = Math.min(start + timing.budgetMs, ctx.deadline ?? Infinity);
    const states = await readScanStates(ctx.inspector);
    failIfSuspended(types, states, ctx);
    const alreadyOn = types.filter((type) => stateOf(states, type) === 'ENABLED');
    const beingEnabled = types.filter((type) => stateOf(states, type) === 'ENABLING');
    const toEnable = types.filter((type) => !alreadyOn.includes(type) && !beingEnabled.includes(type));
    report.alreadyOk.push(...alreadyOn.map((type) => SCAN_LABEL[type]));
    if (toEnable.length === 0 && beingEnabled.length === 0)
        return;
    if (toEnable.length > 0)
        await requestEnable(toEnable, deadline, ctx);
    const pending = types.filter((type) => !alreadyOn.includes(type));
    ctx.log.info(`waiting for ${inWords(pending.map((type) => SCAN_LABEL[type]))} to become ENABLED in ${where(ctx)} (up to ${seconds(deadline - start)})`);
    await waitUntilEnabled(pending, deadline, start, ctx);
    for (const type of beingEnabled) {
        ctx.log.info(`${SCAN_LABEL[type]} finished enabling in ${where(ctx)} (it was already ENABLING)`);
        report.alreadyOk.push(SCAN_LABEL[type]);
    }
    for (const type of toEnable) {
        ctx.log.info(`enabled ${SCAN_LABEL[type]} in ${where(ctx)}`);
        report.changes.push(SCAN_LABEL[type]);
    }
}
/**
 * Calls Enable until Inspector accepts it. The HTTP call succeeds even when the account is refused,
 * so the verdict is in failedAccounts: ALREADY_ENABLED is success, the "not now" codes are retried
 * with backoff, anything else is final. Each attempt is a new request, hence a fresh clientToken.
 */
async function requestEnable(types, deadline, ctx) {
    const timing = timingOf(ctx);
    const labels = types.map((type) => SCAN_LABEL[type]);
    try {
        await (0,poll/* poll */.w)(async () => {
            const attempt = await (0,aws_transient/* tolerateTransient */.f)(() => enableInspector(ctx.inspector, types, (0,external_node_crypto_.randomUUID)(), ctx.region));
            if (!attempt.ok)
                return { done: false, state: attempt.state };
            const refusals = attempt.value.failedAccounts.filter((failed) => enableFailureKind(failed.errorCode) !== 'enabled');
            const final = refusals.find((failed) => enableFailureKind(failed.errorCode) === 'final');
            if (final) {
                throw new NotEnabledError(`Amazon Inspector refused to enable ${types.join(', ')} in ${where(ctx)}: ${final.errorCode}: ${final.errorMessage}${refusalAdvice(final.errorCode)}`, labels);
            }
            if (refusals.length === 0)
                return { done: true, value: undefined };
            return {
                done: false,
                state: `Enable answered ${refusals.map((failed) => failed.errorCode).join(', ')}`
            };
        }, {
            deadline,
            initialDelayMs: timing.retryInitialMs,
            maxDelayMs: timing.retryMaxMs,
            onWait: ({ state, delayMs }) => ctx.log.info(`Amazon Inspector: ${state}; retrying in ${seconds(delayMs)}`)
        }, ctx.clock);
    }
    catch (error) {
        if (!(error instanceof poll/* PollTimeoutError */.t))
            throw error;
        throw new NotEnabledError(`Amazon Inspector did not accept enabling ${types.join(', ')} in ${where(ctx)}: ${error.lastState} after ${error.attempts} attempts; re-run later`, labels);
    }
}
/**
 * Polls BatchGetAccountStatus until every type is ENABLED. ENABLING, DISABLING and even DISABLED
 * (right after Enable the status can lag) mean "keep waiting", within the budget; a suspension
 * cannot resolve itself, so it fails at once.
 */
async function waitUntilEnabled(types, deadline, start, ctx) {
    const timing = timingOf(ctx);
    let lastStates;
    try {
        await (0,poll/* poll */.w)(async () => {
            const read = await (0,aws_transient/* tolerateTransient */.f)(() => readScanStates(ctx.inspector));
            if (!read.ok)
                return { done: false, state: read.state };
            lastStates = read.value;
            failIfSuspended(types, read.value, ctx);
            const notYet = types.filter((type) => stateOf(read.value, type) !== 'ENABLED');
            if (notYet.length === 0)
                return { done: true, value: undefined };
            return {
                done: false,
                state: notYet.map((type) => `${type} ${stateOf(read.value, type)}`).join(', ')
            };
        }, {
            deadline,
            initialDelayMs: timing.pollIntervalMs,
            maxDelayMs: timing.pollIntervalMs,
            factor: 1,
            onWait: ({ state, delayMs }) => ctx.log.info(`Amazon Inspector is ${state}; next check in ${seconds(delayMs)}`)
        }, ctx.clock);
    }
    catch (error) {
        if (!(error instanceof poll/* PollTimeoutError */.t))
            throw error;
        const states = lastStates;
        const notYet = types.filter((type) => !states || stateOf(states, type) !== 'ENABLED');
        const described = states
            ? inWords(notYet.map((type) => `${SCAN_LABEL[type]} is still ${stateOf(states, type)}`))
            : `${inWords(notYet.map((type) => SCAN_LABEL[type]))} could not be read (${error.lastState})`;
        throw new NotEnabledError(`${described} in ${where(ctx)} after waiting ${seconds(ctx.clock.now() - start)}; Inspector publishes no time limit for enabling and keeps going in the background: re-run later, or check the account in the Inspector console`, notYet.map((type) => SCAN_LABEL[type]));
    }
}
function failIfSuspended(types, states, ctx) {
    const suspended = types.filter((type) => /^SUSPEND/.test(stateOf(states, type)));
    if (suspended.length === 0)
        return;
    throw new NotEnabledError(`${inWords(suspended.map((type) => `${SCAN_LABEL[type]} is ${stateOf(states, type)}`))} in ${where(ctx)}; ${SUSPENDED_ADVICE}`, suspended.map((type) => SCAN_LABEL[type]));
}
async function ensureSecurityHub(ctx, report) {
    if (await (0,securityhub/* describeHub */.P6)(ctx.securityHub)) {
        report.alreadyOk.push(SECURITY_HUB);
        return;
    }
    // Someone may enable it between our read and our write: "already subscribed" is then success.
    if ((await (0,securityhub/* enableSecurityHub */.pD)(ctx.securityHub)) === 'already-enabled') {
        report.alreadyOk.push(SECURITY_HUB);
        return;
    }
    ctx.log.info(`enabled ${SECURITY_HUB} in ${where(ctx)} without its default standards (EnableDefaultStandards: false); the standards that are on are the ones setup's standards input names`);
    report.changes.push(SECURITY_HUB);
}
async function ensureInspectorImport(ctx, report) {
    // Enabling the hub can switch the Inspector integration on by itself, so look before writing.
    const subscriptions = await (0,securityhub/* listEnabledImportProducts */.xH)(ctx.securityHub);
    if (subscriptions.some(securityhub/* isInspectorSubscription */.V$)) {
        report.alreadyOk.push(INSPECTOR_IMPORT);
        return;
    }
    const productArn = (0,securityhub/* inspectorProductArn */.Ap)(ctx.region);
    if ((await (0,securityhub/* enableImportForProduct */.tg)(ctx.securityHub, productArn)) === 'already-enabled') {
        report.alreadyOk.push(INSPECTOR_IMPORT);
        return;
    }
    ctx.log.info(`enabled ${INSPECTOR_IMPORT} (${productArn}) in ${where(ctx)}`);
    report.changes.push(INSPECTOR_IMPORT);
}

;// CONCATENATED MODULE: ./src/ensure-enabled/ensure-enabled.ts






/**
 * Makes sure the services a run depends on are on in one account and region. Shared by the gate
 * (before waiting for scans that could otherwise never happen) and the setup mode.
 */
async function ensureEnabled(mode, needs, ctx) {
    const plan = planFor(needs);
    const needed = neededLabels(plan);
    const report = {
        changes: [],
        alreadyOk: [],
        skipped: ALL_PIECES.filter((label) => mode === 'off' || !needed.includes(label))
    };
    if (mode === 'off')
        return report;
    if (mode === 'check')
        await checkEnabled(plan, ctx, report);
    else
        await enableMissing(plan, ctx, report);
    logSummary(mode, report, ctx);
    return report;
}
function logSummary(mode, report, ctx) {
    if (report.alreadyOk.length === 0 && report.changes.length === 0)
        return;
    if (mode === 'enable' && report.changes.length === 0) {
        ctx.log.info(`nothing to change in ${where(ctx)}: ${inWords(report.alreadyOk)} already enabled`);
    }
    else if (mode === 'check') {
        ctx.log.info(`${inWords(report.alreadyOk)} enabled in ${where(ctx)}`);
    }
}


/***/ }),

/***/ 4415:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ PollTimeoutError),
/* harmony export */   w: () => (/* binding */ poll)
/* harmony export */ });
class PollTimeoutError extends Error {
    lastState;
    attempts;
    name = 'PollTimeoutError';
    constructor(lastState, attempts) {
        super(`still ${lastState} after ${attempts} checks`);
        this.lastState = lastState;
        this.attempts = attempts;
    }
}
/**
 * Polls `check` with jittered exponential backoff until it is done or the deadline passes. The last
 * check is placed at the deadline rather than skipped, so a budget is never wasted on a final sleep.
 * Errors thrown by `check` propagate: only the check knows which ones are worth waiting out.
 */
async function poll(check, options, clock) {
    const factor = options.factor ?? 1.6;
    const random = options.random ?? Math.random;
    let delay = options.initialDelayMs;
    for (let attempt = 1;; attempt += 1) {
        const step = await check(attempt);
        if (step.done)
            return step.value;
        const remaining = options.deadline - clock.now();
        if (remaining <= 0)
            throw new PollTimeoutError(step.state, attempt);
        // Full jitter would allow near-zero sleeps; ±20 % keeps polls spread without hammering the API.
        const jittered = Math.round(delay * (0.8 + 0.4 * random()));
        const sleepMs = Math.min(jittered, remaining);
        options.onWait?.({ attempt, delayMs: sleepMs, state: step.state });
        await clock.sleep(sleepMs, options.wake);
        delay = Math.min(options.maxDelayMs, delay * factor);
    }
}


/***/ })

};
