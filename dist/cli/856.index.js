export const id = 856;
export const ids = [856];
export const modules = {

/***/ 3961:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b5: () => (/* binding */ withAdvice),
/* harmony export */   cp: () => (/* binding */ adviceFor),
/* harmony export */   lr: () => (/* binding */ adviseOnErrors)
/* harmony export */ });
const ADVICE = Symbol('inspector-gate AWS advice');
/**
 * Tags every error of the client's calls with the door's advice (see runtime/aws-advice.ts), so
 * `explainAwsError` tells a CLI user about the SDK's credential chain and a workflow about
 * configure-aws-credentials, with no global setting. Outermost (initialize, high): credentials
 * are resolved while signing, inside the stack.
 */
function adviseOnErrors(client, advice) {
    ;
    client.middlewareStack.add((next) => async (args) => {
        try {
            return await next(args);
        }
        catch (error) {
            throw withAdvice(error, advice);
        }
    }, { step: 'initialize', name: 'inspectorGateAdvice', priority: 'high' });
    return client;
}
/** The error, tagged with the door's advice unless it carries some already. */
function withAdvice(error, advice) {
    if (typeof error === 'object' && error !== null && !(ADVICE in error)) {
        Object.defineProperty(error, ADVICE, { value: advice });
    }
    return error;
}
/** The advice a client attached to its error, if any. */
function adviceFor(error) {
    if (typeof error !== 'object' || error === null || !(ADVICE in error))
        return undefined;
    return error[ADVICE];
}


/***/ }),

/***/ 7326:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rH: () => (/* binding */ CallDeadlineError),
/* harmony export */   uf: () => (/* binding */ boundByDeadline),
/* harmony export */   vA: () => (/* binding */ deadlineBound)
/* harmony export */ });
/** A call cut off by the step's deadline; errors.ts turns it into a line with the call's context. */
class CallDeadlineError extends Error {
    operation;
    deadlineName;
    name = 'CallDeadlineError';
    constructor(operation, deadlineName) {
        super(`${operation} had not finished when the ${deadlineName} ran out`);
        this.operation = operation;
        this.deadlineName = deadlineName;
    }
}
/** Makes every `send` of `client` (paginators call it too) end by the deadline. */
function boundByDeadline(client, deadline) {
    const bound = deadlineBound(deadline);
    if (bound === undefined)
        return client;
    const target = client;
    const send = target.send.bind(target);
    target.send = async (command, options) => bound(operationName(command), options?.abortSignal, (abortSignal) => send(command, { ...options, abortSignal }));
    return client;
}
/**
 * Runs calls so that each ends by the deadline: they get its abort signal (unless the caller gave
 * its own), and one cut off by it fails as a CallDeadlineError. Undefined for a clock that cannot
 * abort (tests' manual clocks), whose calls are then bounded per attempt only.
 */
function deadlineBound(deadline) {
    if (deadline.clock.abortAfter === undefined)
        return undefined;
    const signal = deadline.clock.abortAfter(Math.max(0, deadline.at - deadline.clock.now()));
    return async (operation, given, call) => {
        if (signal.aborted)
            throw new CallDeadlineError(operation, deadline.name);
        try {
            return await call(given ?? signal);
        }
        catch (error) {
            if (signal.aborted)
                throw new CallDeadlineError(operation, deadline.name);
            throw error;
        }
    };
}
/** `ListCoverageCommand` → `ListCoverage`. */
function operationName(command) {
    const name = command?.constructor?.name;
    return typeof name === 'string' ? name.replace(/Command$/, '') : 'an AWS call';
}


/***/ }),

/***/ 5358:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Gv: () => (/* binding */ createAwsClients)
});

// UNUSED EXPORTS: DEFAULT_MAX_IN_FLIGHT, MAX_ATTEMPTS, USER_AGENT

// EXTERNAL MODULE: ./src/runtime/clock.ts
var runtime_clock = __webpack_require__(9842);
// EXTERNAL MODULE: ./src/aws/advice.ts
var aws_advice = __webpack_require__(3961);
;// CONCATENATED MODULE: ./src/aws/aws-time.ts
/**
 * The estimate from the `Date` header of AWS's answers. Each answer gives `Date − local receive
 * time`, which is never more than the true offset: `Date` is AWS's time floored to the second,
 * and the answer left AWS before it arrived. It is at most about one second plus the network
 * time below it. Being low only makes the gate wait a little longer (AWS times look more recent),
 * so the latest answer's value is kept as it is: a later answer always replaces it, which also
 * follows a clock that is stepped during the run.
 */
class AwsTimeEstimate {
    clock;
    offset;
    latestAt = Number.NEGATIVE_INFINITY;
    constructor(clock) {
        this.clock = clock;
    }
    offsetMs() {
        return this.offset;
    }
    /** One answer's `Date` header (RFC 7231 date, 1 s resolution), received at local `receivedAt`. */
    observe(dateHeader, receivedAt = this.clock.now()) {
        if (dateHeader === undefined)
            return;
        const date = Date.parse(dateHeader);
        // An unreadable header (a proxy's, a bad one) says nothing; the last good estimate stands.
        if (Number.isNaN(date))
            return;
        // Answers of concurrent calls can be handled out of order: keep the one received last.
        if (receivedAt < this.latestAt)
            return;
        this.latestAt = receivedAt;
        this.offset = date - receivedAt;
    }
}
/**
 * Feeds every HTTP answer of `client` to `estimate`. It sits below the deserializer (deserialize
 * step, low priority), so it sees the raw answer of each attempt: errors and retried attempts
 * carry AWS's `Date` too.
 */
function observeAwsTime(client, estimate, clock) {
    ;
    client.middlewareStack.add((next) => async (args) => {
        const result = await next(args);
        estimate.observe(dateHeaderOf(result), clock.now());
        return result;
    }, { step: 'deserialize', name: 'inspectorGateAwsTime', priority: 'low' });
    return client;
}
function dateHeaderOf(result) {
    const response = result
        ?.response;
    const headers = response?.headers;
    if (headers === undefined || headers === null || typeof headers !== 'object')
        return undefined;
    const value = headers['date'] ?? headers['Date'];
    return typeof value === 'string' ? value : undefined;
}

// EXTERNAL MODULE: ./src/aws/call-deadline.ts
var call_deadline = __webpack_require__(7326);
;// CONCATENATED MODULE: ./src/aws/in-flight.ts
/**
 * A cap on AWS requests in flight for the whole run, across every client. A gate of twenty
 * multi-arch images waits on dozens of artifacts at once; the waits are cheap timers, but their
 * polls must not turn into bursts that Inspector (whose quotas are unpublished) throttles. Each
 * logical call holds one slot from start to end, retries included, so throttling slows everyone.
 */
class RequestSlots {
    limit;
    free;
    waiting = [];
    inFlight = 0;
    /** The most calls that were ever in flight together (benchmarks and tests read it). */
    peak = 0;
    constructor(limit) {
        this.limit = limit;
        if (!Number.isInteger(limit) || limit < 1)
            throw new RangeError(`limit must be ≥ 1: ${limit}`);
        this.free = limit;
    }
    async run(call) {
        if (this.free > 0)
            this.free -= 1;
        else
            await new Promise((resolve) => this.waiting.push(resolve));
        this.inFlight += 1;
        this.peak = Math.max(this.peak, this.inFlight);
        try {
            return await call();
        }
        finally {
            this.inFlight -= 1;
            const next = this.waiting.shift();
            // The slot passes straight to the next caller, so a newcomer cannot jump the queue.
            if (next !== undefined)
                next();
            else
                this.free += 1;
        }
    }
}
/** Routes every call of `client` through `slots`, outside the retry loop (initialize step). */
function limitInFlight(client, slots) {
    ;
    client.middlewareStack.add((next) => (args) => slots.run(() => next(args)), { step: 'initialize', name: 'inspectorGateRequestSlots', priority: 'high' });
    return client;
}

// EXTERNAL MODULE: ./src/aws/unparseable.ts
var unparseable = __webpack_require__(191);
;// CONCATENATED MODULE: ./src/aws/clients.ts






const USER_AGENT = 'inspector-gate';
/** Attempts per call (the first try and five retries), in the SDK's adaptive retry mode. */
const MAX_ATTEMPTS = 6;
/** AWS requests in flight at once, across all clients (see in-flight.ts). */
const DEFAULT_MAX_IN_FLIGHT = 8;
/** One dynamic import per package: ncc makes each a chunk, read only when `load` asks for it. */
const LOADERS = {
    ecr: async () => (await __webpack_require__.e(/* import() */ 249).then(__webpack_require__.t.bind(__webpack_require__, 8249, 19))).ECRClient,
    inspector: async () => (await __webpack_require__.e(/* import() */ 222).then(__webpack_require__.t.bind(__webpack_require__, 3222, 19))).Inspector2Client,
    lambda: async () => (await __webpack_require__.e(/* import() */ 696).then(__webpack_require__.t.bind(__webpack_require__, 1696, 19))).LambdaClient,
    securityHub: async () => (await __webpack_require__.e(/* import() */ 200).then(__webpack_require__.t.bind(__webpack_require__, 6200, 19))).SecurityHubClient,
    sts: async () => (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1695, 19))).STSClient,
    cloudformation: async () => (await __webpack_require__.e(/* import() */ 805).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19))).CloudFormationClient,
    logs: async () => (await __webpack_require__.e(/* import() */ 303).then(__webpack_require__.t.bind(__webpack_require__, 303, 19))).CloudWatchLogsClient,
    sns: async () => (await __webpack_require__.e(/* import() */ 797).then(__webpack_require__.t.bind(__webpack_require__, 1178, 19))).SNSClient,
    s3: async () => (await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19))).S3Client,
    inspectorScan: async () => (await __webpack_require__.e(/* import() */ 631).then(__webpack_require__.bind(__webpack_require__, 1631))).createInspectorScanClient
};
function createAwsClients(options) {
    const classes = { ...options.classes };
    // A bug, not a user error: a step used a service it neither passed nor loaded. It throws where
    // the call would be made, so the gate turns it into an error verdict, never a pass.
    const classOf = (service) => {
        const found = classes[service];
        if (found === undefined) {
            throw new Error(`inspector-gate bug: the ${service} client was used before its class was loaded (await clients.load('${service}') first)`);
        }
        return found;
    };
    const slots = options.slots ?? new RequestSlots(DEFAULT_MAX_IN_FLIGHT);
    const clock = options.clock ?? runtime_clock/* systemClock */.m;
    const awsTime = new AwsTimeEstimate(clock);
    const common = {
        retryMode: 'adaptive',
        maxAttempts: options.maxAttempts ?? MAX_ATTEMPTS,
        customUserAgent: USER_AGENT,
        // The SDK sets no request timeout by default, and by default only warns when one passes: a
        // stalled connection would hang the job until GitHub kills it, long after the gate's own
        // timeout. Every call here is small and quick; one that stalls fails and is retried.
        requestHandler: {
            requestTimeout: 30_000,
            connectionTimeout: 5_000,
            throwOnRequestTimeout: true
        }
    };
    const config = () => ({ ...common, ...options.overrides?.() });
    const cache = new Map();
    const scanClients = new Map();
    const memo = (key, make) => {
        const existing = cache.get(key);
        if (existing)
            return existing;
        const made = make();
        const advised = options.advice === undefined ? made : (0,aws_advice/* adviseOnErrors */.lr)(made, options.advice);
        const limited = (0,unparseable/* boundUnparseableAnswers */.Mk)(limitInFlight(observeAwsTime(advised, awsTime, clock), slots));
        const client = options.deadline ? (0,call_deadline/* boundByDeadline */.uf)(limited, options.deadline) : limited;
        cache.set(key, client);
        return client;
    };
    const regional = (service, region) => {
        const Client = classOf(service);
        return memo(`${service}:${region}`, () => new Client({ ...config(), region }));
    };
    return {
        ecr: (region) => regional('ecr', region),
        inspector: (region) => regional('inspector', region),
        lambda: (region) => regional('lambda', region),
        securityHub: (region) => regional('securityHub', region),
        sts: () => {
            const Client = classOf('sts');
            return memo('sts', () => new Client(config()));
        },
        cloudformation: (region) => regional('cloudformation', region),
        logs: (region) => regional('logs', region),
        sns: (region) => regional('sns', region),
        s3: (region) => regional('s3', region),
        inspectorScan: (region) => {
            const existing = scanClients.get(region);
            if (existing !== undefined)
                return existing;
            const client = inspectorScanClient(classOf('inspectorScan'), region, options, slots);
            scanClients.set(region, client);
            return client;
        },
        load: async (service) => {
            if (classes[service] === undefined) {
                const loaded = await LOADERS[service]();
                classes[service] = loaded;
            }
        },
        awsTime
    };
}
/**
 * The Inspector Scan adapter held to the same rules as the SDK clients: one slot of the in-flight
 * cap per call (retries included), the step's deadline, the same attempts, and the tests' endpoint
 * and credentials when they give them (real runs: the adapter reads AWS_ENDPOINT_URL* and the
 * default credential chain, as the SDK does).
 */
function inspectorScanClient(create, region, options, slots) {
    const overrides = options.overrides?.();
    const endpoint = typeof overrides?.endpoint === 'string' ? overrides.endpoint : undefined;
    const credentials = overrides?.credentials;
    const client = create({
        region,
        maxAttempts: options.maxAttempts ?? MAX_ATTEMPTS,
        ...(endpoint !== undefined && { endpoint }),
        ...(credentials !== undefined && { credentials })
    });
    const bound = options.deadline === undefined ? undefined : (0,call_deadline/* deadlineBound */.vA)(options.deadline);
    const { advice } = options;
    const call = (input, signal) => bound === undefined
        ? client.scanSbom(input, signal === undefined ? {} : { abortSignal: signal })
        : bound('ScanSbom', signal, (abortSignal) => client.scanSbom(input, { abortSignal }));
    return {
        region: client.region,
        endpoint: client.endpoint,
        scanSbom: (input, callOptions = {}) => slots.run(() => call(input, callOptions.abortSignal).catch((error) => {
            throw advice === undefined ? error : (0,aws_advice/* withAdvice */.b5)(error, advice);
        }))
    };
}


/***/ }),

/***/ 9378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A7: () => (/* binding */ isDeadlineExceeded),
/* harmony export */   CA: () => (/* binding */ errorCode),
/* harmony export */   IY: () => (/* binding */ callAws),
/* harmony export */   Ni: () => (/* binding */ explainAwsError),
/* harmony export */   iQ: () => (/* binding */ AwsCallError),
/* harmony export */   sQ: () => (/* binding */ ACCESS_DENIED_CODES)
/* harmony export */ });
/* unused harmony export DEADLINE_EXCEEDED */
/* harmony import */ var _runtime_aws_advice_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6526);
/* harmony import */ var _advice_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3961);
/* harmony import */ var _call_deadline_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7326);
/* harmony import */ var _unparseable_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(191);




/**
 * Turns an SDK error into one line a user can act on: what failed, which permission or setting, and
 * what to do. The raw AWS message is kept at the end for searchability.
 */
class AwsCallError extends Error {
    code;
    retryable;
    name = 'AwsCallError';
    constructor(message, code, retryable) {
        super(message);
        this.code = code;
        this.retryable = retryable;
    }
}
/** The code of a call the step's deadline cut off (see call-deadline.ts). */
const DEADLINE_EXCEEDED = 'DeadlineExceeded';
/** The error codes AWS services answer a permission refusal with. */
const ACCESS_DENIED_CODES = new Set([
    'AccessDeniedException',
    'AccessDenied',
    'UnauthorizedOperation',
    'UnauthorizedException'
]);
const BAD_CREDENTIALS = new Set([
    'UnrecognizedClientException',
    'InvalidClientTokenId',
    'InvalidSignatureException',
    'SignatureDoesNotMatch'
]);
const EXPIRED = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired']);
function explainAwsError(error, context) {
    // Our own errors already say what went wrong; wrapping them again would bury the message.
    if (error instanceof AwsCallError)
        return error;
    if (error instanceof _call_deadline_js__WEBPACK_IMPORTED_MODULE_2__/* .CallDeadlineError */ .rH) {
        return new AwsCallError(`the ${error.deadlineName} ran out while ${context.doing}: ${error.operation} had not finished (AWS slow, throttling, unreachable or paging without end); raise timeout or check the network to AWS`, DEADLINE_EXCEEDED, false);
    }
    const err = error;
    const code = err?.name ?? 'Error';
    const raw = (err?.message ?? String(error)).split('\n')[0];
    const retryable = Boolean(err?.$retryable) || (err?.$metadata?.httpStatusCode ?? 0) >= 500;
    const say = (message) => new AwsCallError(message, code, retryable);
    // The door's words (the action's or the CLI's), attached by the client that failed; a client
    // built without one says how the SDK itself looks.
    const advice = (0,_advice_js__WEBPACK_IMPORTED_MODULE_1__/* .adviceFor */ .cp)(error) ?? _runtime_aws_advice_js__WEBPACK_IMPORTED_MODULE_0__/* .SDK_ADVICE */ .O;
    if (error instanceof _unparseable_js__WEBPACK_IMPORTED_MODULE_3__/* .UnparseableAnswerError */ .$W || (0,_unparseable_js__WEBPACK_IMPORTED_MODULE_3__/* .isUnparseableAnswer */ .dB)(error)) {
        return unparseable(error, context);
    }
    if (code === 'CredentialsProviderError' || /Could not load credentials/i.test(raw ?? '')) {
        return say(`no AWS credentials found: ${advice.credentials}`);
    }
    if (/region is missing/i.test(raw ?? '')) {
        return say(`no AWS region while ${context.doing}: ${advice.region}`);
    }
    if (ACCESS_DENIED_CODES.has(code)) {
        return say(`permission denied while ${context.doing}: the role needs ${context.action} (${policyFileFor(context.action)} in the inspector-gate repository grants it) — AWS said: ${raw}`);
    }
    if (BAD_CREDENTIALS.has(code)) {
        return say(`AWS rejected the credentials while ${context.doing} (${code}); check the role or keys — AWS said: ${raw}`);
    }
    if (EXPIRED.has(code)) {
        return say(`the AWS credentials expired while ${context.doing} (${code}): the role session ended before the run did; ${advice.expired}`);
    }
    if (code === 'ThrottlingException' || code === 'TooManyRequestsException') {
        return say(`AWS kept throttling ${context.action} while ${context.doing}, even after retries; try again later`);
    }
    return say(`${context.action} failed while ${context.doing}: ${code}: ${raw}`);
}
/**
 * An answer the SDK could not parse is not AWS's (a proxy's or a wrong endpoint's page): never
 * retryable, so no wait waits it out; the line names the operation and where to look.
 */
function unparseable(error, context) {
    const bounded = error instanceof _unparseable_js__WEBPACK_IMPORTED_MODULE_3__/* .UnparseableAnswerError */ .$W ? error : undefined;
    const status = bounded?.httpStatus ??
        error.$metadata?.httpStatusCode;
    const operation = bounded?.operation ?? context.action.split(':').pop() ?? context.action;
    const tries = bounded !== undefined ? `, ${bounded.tries} times` : '';
    const http = status !== undefined ? `HTTP ${status}, ` : '';
    return new AwsCallError(`${operation} answered with a response that is not AWS's (${http}not JSON${tries}) while ${context.doing}: check AWS_ENDPOINT_URL and any proxy (HTTPS_PROXY) between the runner and AWS`, 'UnparseableResponse', false);
}
/** Which of the action's IAM policies (infra/iam/) grants an action, for the permission message. */
function policyFileFor(action) {
    if (/^(inspector2:Enable|securityhub:Enable)/.test(action))
        return 'infra/iam/ensure-enabled-policy.json';
    // The report's reads; setup reads the standards too.
    if (action === 'securityhub:GetFindings')
        return 'infra/iam/report-policy.json';
    if (/^securityhub:(GetEnabledStandards|DescribeStandards)$/.test(action))
        return 'infra/iam/report-policy.json (mode: report) or setup-policy.json (mode: setup)';
    if (action.startsWith('lambda:'))
        return 'infra/iam/gate-lambda-policy.json';
    if (action.startsWith('ecr:'))
        return 'infra/iam/gate-ecr-policy.json';
    if (action.startsWith('inspector-scan:'))
        return 'infra/iam/gate-sbom-policy.json';
    // The gate reads Inspector's scan events from the responder stack's log group.
    if (action === 'logs:FilterLogEvents')
        return 'infra/iam/gate-ecr-policy.json';
    // Setup deploys the responder stack; the gate reads its outputs to find that log group.
    if (action === 'cloudformation:DescribeStacks')
        return 'infra/iam/setup-policy.json (mode: setup) or gate-ecr-policy.json (mode: gate)';
    if (action.startsWith('cloudformation:'))
        return 'infra/iam/setup-policy.json';
    return 'infra/iam/gate-ecr-policy.json or gate-lambda-policy.json';
}
/** Runs one SDK call and rethrows its failure as an AwsCallError with context. */
async function callAws(context, call) {
    try {
        return await call();
    }
    catch (error) {
        throw explainAwsError(error, context);
    }
}
function errorCode(error) {
    if (error instanceof AwsCallError)
        return error.code;
    return error?.name;
}
/** Whether the step's deadline cut the call off: the outcome then reads "timed out", not "error". */
function isDeadlineExceeded(error) {
    return error instanceof AwsCallError && error.code === DEADLINE_EXCEEDED;
}


/***/ }),

/***/ 8665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ getCallerAccount)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1695);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);


/**
 * The caller's account. Needs no IAM permission, so it is the cheapest way to prove the credentials
 * work before any waiting starts.
 */
async function getCallerAccount(client) {
    const out = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .callAws */ .IY)({ action: 'sts:GetCallerIdentity', doing: 'checking the AWS credentials' }, () => client.send(new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_1__.GetCallerIdentityCommand({})));
    if (!out.Account) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ('sts:GetCallerIdentity returned no account id', 'UnexpectedResponse', false);
    }
    return out.Account;
}


/***/ }),

/***/ 191:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $W: () => (/* binding */ UnparseableAnswerError),
/* harmony export */   Mk: () => (/* binding */ boundUnparseableAnswers),
/* harmony export */   dB: () => (/* binding */ isUnparseableAnswer),
/* harmony export */   xv: () => (/* binding */ UNPARSEABLE_TRIES)
/* harmony export */ });
/**
 * An answer the SDK cannot parse (an HTML error page from a proxy, a wrong AWS_ENDPOINT_URL) is
 * not a transient AWS error, yet the SDK classes a 5xx one as such and retries it, and our waits
 * would then wait it out for minutes. This bounds it: after UNPARSEABLE_TRIES such answers to one
 * call, the call fails with an error the retry loop does not retry and `explainAwsError` turns into
 * one line that names the operation and says the answer was not AWS's.
 */
/** HTTP requests one call may make while every answer is unparseable. */
const UNPARSEABLE_TRIES = 3;
/** The SDK's deserialization failure: `$response` attached, no AWS error shape (`$fault`). */
function isUnparseableAnswer(error) {
    if (typeof error !== 'object' || error === null)
        return false;
    const e = error;
    if (e.$fault !== undefined)
        return false;
    return e.$response !== undefined || e.name === 'SyntaxError';
}
/** Carries the last unparseable answer past the retry loop (no `$metadata`: not a server error). */
class UnparseableAnswerError extends Error {
    operation;
    httpStatus;
    tries;
    original;
    name = 'UnparseableAnswerError';
    constructor(operation, httpStatus, tries, original) {
        super(`${operation} answered ${tries} times with a response that is not AWS's`);
        this.operation = operation;
        this.httpStatus = httpStatus;
        this.tries = tries;
        this.original = original;
    }
}
/**
 * Counts unparseable answers per call, inside the retry loop (finalizeRequest, like
 * single-attempt.ts); the context object is the call's own, shared by its attempts.
 */
function boundUnparseableAnswers(client, tries = UNPARSEABLE_TRIES) {
    const counts = new WeakMap();
    client.middlewareStack.add((next, context) => async (args) => {
        try {
            return await next(args);
        }
        catch (error) {
            if (!isUnparseableAnswer(error))
                throw error;
            const count = (counts.get(context) ?? 0) + 1;
            counts.set(context, count);
            if (count < tries)
                throw error;
            const operation = (context.commandName ?? 'the call').replace(/Command$/, '');
            const status = error.$metadata
                ?.httpStatusCode;
            throw new UnparseableAnswerError(operation, status, count, error);
        }
    }, { step: 'finalizeRequest', name: 'inspectorGateUnparseableAnswers', priority: 'low' });
    return client;
}


/***/ }),

/***/ 1782:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ stepErrorMessage),
/* harmony export */   Z: () => (/* binding */ MissingRegionError)
/* harmony export */ });
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8463);

/**
 * No AWS Region where a run needs one. The fix depends on the door: a workflow sets AWS_REGION
 * with a configure-aws-credentials step, a terminal exports it. So the message carries only the
 * words around "set AWS_REGION", and the step that reports it adds its door's words with
 * `stepErrorMessage` (AwsAdvice's `regionVariable`).
 */
class MissingRegionError extends _values_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz {
    lead;
    tail;
    name = 'MissingRegionError';
    constructor(
    /** What needs the Region, up to the advice, e.g. `setup needs a region; `. */
    lead, 
    /** What follows the advice, e.g. ` or give the function ARN`. */
    tail = '') {
        super(`${lead}set AWS_REGION${tail}`);
        this.lead = lead;
        this.tail = tail;
    }
    /** The message with the door's words after "set AWS_REGION". */
    explained(regionVariable) {
        return `${this.lead}set AWS_REGION${regionVariable}${this.tail}`;
    }
}
/** A step's failure line: the error's message, in the door's words where a Region is missing. */
function stepErrorMessage(error, advice) {
    return error instanceof MissingRegionError
        ? error.explained(advice.regionVariable)
        : error instanceof Error
            ? error.message
            : String(error);
}


/***/ }),

/***/ 4245:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ inputReader)
/* harmony export */ });
/* harmony import */ var _catalogue_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8968);

function inputReader(inputs) {
    const given = (name) => (inputs[name] ?? '').trim();
    return { get: (name) => given(name) || ((0,_catalogue_js__WEBPACK_IMPORTED_MODULE_0__/* .inputSpec */ .mm)(name)?.default ?? '') };
}


/***/ }),

/***/ 9842:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ systemClock)
/* harmony export */ });
const systemClock = {
    now: () => Date.now(),
    sleep: (ms, wake) => new Promise((resolve) => {
        if (wake?.aborted)
            return resolve();
        const done = () => {
            clearTimeout(timer);
            wake?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        wake?.addEventListener('abort', done, { once: true });
    }),
    // The runtime's own timeout signal: its timer is unreferenced, so a finished run exits at once.
    abortAfter: (ms) => AbortSignal.timeout(Math.max(0, ms))
};


/***/ }),

/***/ 6320:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ failedStep)
/* harmony export */ });
/* harmony import */ var _text_escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7388);

/** A step that stopped before producing anything: bad input, missing region, an unexpected bug. */
function failedStep(host, line) {
    host.setOutput('result', 'error');
    return {
        result: 'error',
        failure: line,
        render: (format) => {
            if (format === 'markdown')
                return `${(0,_text_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(line, 4_000)}\n`;
            if (format === 'json')
                return `${JSON.stringify({ result: 'error', error: line }, null, 2)}\n`;
            // The text result of a step that never ran is nothing: the line is the door's to print
            // (the CLI's one stderr line, the action's failed step), not a second time on stdout.
            return '';
        }
    };
}


/***/ })

};
