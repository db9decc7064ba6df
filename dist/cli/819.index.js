export const id = 819;
export const ids = [819,631,534];
export const modules = {

/***/ 1631:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_MAX_ATTEMPTS: () => (/* binding */ DEFAULT_MAX_ATTEMPTS),
  SIGNING_NAME: () => (/* binding */ SIGNING_NAME),
  createInspectorScanClient: () => (/* binding */ createInspectorScanClient),
  resolveInspectorScanEndpoint: () => (/* binding */ resolveInspectorScanEndpoint)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/credential-provider-node/dist-cjs/index.js
var dist_cjs = __webpack_require__(5861);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/checksum/index.js
var checksum = __webpack_require__(9542);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/protocols/index.js
var protocols = __webpack_require__(3422);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/retry/index.js
var retry = __webpack_require__(3609);
// EXTERNAL MODULE: ./node_modules/@smithy/node-http-handler/dist-cjs/index.js
var node_http_handler_dist_cjs = __webpack_require__(1279);
// EXTERNAL MODULE: ./node_modules/@smithy/signature-v4/dist-cjs/index.js
var signature_v4_dist_cjs = __webpack_require__(5118);
// EXTERNAL MODULE: ./src/runtime/clock.ts
var clock = __webpack_require__(9842);
// EXTERNAL MODULE: ./src/aws/unparseable.ts
var aws_unparseable = __webpack_require__(191);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/aws/inspector-scan-wire.ts


/**
 * The wire side of Amazon Inspector Scan's one operation, ScanSbom (REST-JSON, `POST /scan/sbom`),
 * as @aws-sdk/client-inspector-scan would do it: the request, the answer's body read with a bound,
 * and an error answer turned into an object shaped like the SDK's ServiceException (`name` = the
 * error code, `$fault`, `$metadata`, `$retryable`, the modelled members), so that the retry
 * classification and `explainAwsError` treat it exactly as any other AWS error. Stands in for the
 * package until it can be installed (see inspector-scan-client.ts).
 */
const SCAN_SBOM_PATH = '/scan/sbom';
/**
 * An AWS error answer of Inspector Scan, shaped like the SDK's ServiceException. The modelled
 * errors: ValidationException (400; reason, fields), AccessDeniedException (403),
 * ThrottlingException (429) and InternalServerException (500; reason).
 */
class InspectorScanServiceException extends Error {
    $fault;
    $metadata;
    /** Set as the SDK sets it from the model's `retryable` trait (throttling, internal error). */
    $retryable;
    /** ValidationExceptionReason or InternalServerExceptionReason, when the answer has one. */
    reason;
    fields;
    constructor(code, message, response, data) {
        super(message);
        this.name = code;
        this.$fault = response.statusCode >= 500 ? 'server' : 'client';
        this.$metadata = metadataOf(response);
        const retryable = RETRYABLE[code];
        if (retryable !== undefined)
            this.$retryable = retryable;
        if (typeof data['reason'] === 'string')
            this.reason = data['reason'];
        const fields = fieldsOf(data['fields']);
        if (fields !== undefined)
            this.fields = fields;
        // Not enumerable, as in the SDK: the raw answer must not end up in logs of the error.
        Object.defineProperty(this, '$response', { value: response, enumerable: false });
    }
}
/** The model's `retryable` traits: throttling is, and so is an internal error (not throttling). */
const RETRYABLE = {
    ThrottlingException: { throttling: true },
    InternalServerException: { throttling: false }
};
/**
 * The body of one request. Members are written only when set: the SDK leaves an unset member out,
 * and the service's model has outputFormat optional.
 */
function scanSbomBody(input) {
    return JSON.stringify({
        sbom: input.sbom,
        ...(input.outputFormat !== undefined ? { outputFormat: input.outputFormat } : {})
    });
}
function scanSbomRequest(endpoint, body, attempt) {
    const basePath = endpoint.pathname.replace(/\/+$/, '');
    return new protocols.HttpRequest({
        method: 'POST',
        protocol: endpoint.protocol,
        hostname: endpoint.hostname,
        ...(endpoint.port !== '' ? { port: Number(endpoint.port) } : {}),
        path: `${basePath}${SCAN_SBOM_PATH}`,
        headers: {
            host: endpoint.host,
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
            // Same name as every other client's (clients.ts USER_AGENT; not imported: clients.ts will
            // import this client, and a cycle of constants is a trap in ESM).
            'user-agent': 'inspector-gate',
            // The SDK's retry headers: AWS ties the attempts of one call together by them.
            'amz-sdk-invocation-id': attempt.invocationId,
            'amz-sdk-request': `attempt=${attempt.number}; max=${attempt.max}`
        },
        body
    });
}
const newInvocationId = () => (0,external_node_crypto_.randomUUID)();
/**
 * More than the service's documented 10 MB answer, so that no real answer is cut; a bound all the
 * same, so that a wrong endpoint streaming without end cannot fill the runner's memory.
 */
const MAX_ANSWER_BYTES = 16 * 1024 * 1024;
/** Reads an answer's body, refusing past `limit` bytes (an error the retry loop does not retry). */
async function readAnswer(body, limit = MAX_ANSWER_BYTES) {
    if (body === undefined || body === null)
        return '';
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        size += bytes.length;
        if (size > limit) {
            ;
            body.destroy?.();
            throw Object.assign(new Error(`the answer was larger than ${limit} bytes, more than Inspector Scan ever sends (10 MB); check AWS_ENDPOINT_URL_INSPECTOR_SCAN / AWS_ENDPOINT_URL`), { name: 'AnswerTooLarge' });
        }
        chunks.push(bytes);
    }
    return Buffer.concat(chunks).toString('utf8');
}
/** A 2xx answer's output; a body that is not JSON throws as the SDK's deserializer does. */
function parseScanSbomOutput(head, text) {
    const data = parseJson(head, text);
    const sbom = typeof data === 'object' && data !== null && !Array.isArray(data)
        ? data['sbom']
        : undefined;
    return { ...(sbom !== undefined ? { sbom } : {}), $metadata: metadataOf(head) };
}
/**
 * An error answer as the SDK's REST-JSON protocol reads it: the code from `x-amzn-errortype`
 * (anything after ':' dropped), else the body's `code` or `__type`. A body that is not JSON and no
 * error-type header means the answer is not AWS's: it throws the SDK's deserialization failure
 * (`$response`, no `$fault`), which unparseable.ts recognises.
 */
function parseErrorAnswer(head, text) {
    const hasErrorType = head.headers['x-amzn-errortype'] !== undefined;
    let data;
    try {
        data = parseJson(head, text);
    }
    catch (error) {
        if (!hasErrorType)
            throw error;
        data = {};
    }
    const members = typeof data === 'object' && data !== null && !Array.isArray(data)
        ? data
        : {};
    const code = (0,protocols.loadRestJsonErrorCode)({ statusCode: head.statusCode, headers: head.headers }, members) ??
        'UnknownError';
    const raw = members['message'] ?? members['Message'];
    const message = typeof raw === 'string' && raw !== '' ? raw : code;
    return new InspectorScanServiceException(code, message, head, members);
}
function parseJson(head, text) {
    if (text.trim() === '')
        return {};
    try {
        return JSON.parse(text);
    }
    catch (error) {
        // The SDK's deserialization failure: the SyntaxError with the answer attached.
        Object.defineProperty(error, '$response', { value: head, enumerable: false });
        Object.defineProperty(error, '$metadata', { value: metadataOf(head), enumerable: false });
        throw error;
    }
}
function metadataOf(head) {
    const requestId = head.headers['x-amzn-requestid'];
    return { httpStatusCode: head.statusCode, ...(requestId !== undefined ? { requestId } : {}) };
}
function fieldsOf(value) {
    if (!Array.isArray(value))
        return undefined;
    return value.flatMap((field) => {
        const f = field;
        return typeof f?.name === 'string' && typeof f.message === 'string'
            ? [{ name: f.name, message: f.message }]
            : [];
    });
}

;// CONCATENATED MODULE: ./src/aws/inspector-scan-client.ts









/**
 * A client for Amazon Inspector Scan, standing in for @aws-sdk/client-inspector-scan, which cannot
 * be installed here. It is built from the pieces every SDK client is built from, so that it behaves
 * as they do: credentials from the SDK's default chain, SigV4 signing, NodeHttpHandler with the
 * timeouts clients.ts sets, and the SDK's standard retry strategy (attempt count, retry quota,
 * which errors it retries). When the package can be installed, this file and
 * inspector-scan-wire.ts are the ones to replace (by an `InspectorScanClient` and a
 * `ScanSbomCommand`); inspector-scan.ts keeps its callers' interface.
 */
/** The service's names: signing name and endpoint prefix (`inspector-scan`), serviceId. */
const SIGNING_NAME = 'inspector-scan';
/** Attempts per call, as clients.ts MAX_ATTEMPTS (not imported: clients.ts will import this). */
const DEFAULT_MAX_ATTEMPTS = 6;
/**
 * The endpoint as the SDK resolves it for serviceId "Inspector Scan": the service's own variable,
 * then the global one (neither when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true), then the regional
 * default, in the China partition for cn- regions.
 */
function resolveInspectorScanEndpoint(region, env, explicit) {
    // A region becomes part of a host name: refuse anything that could make it another host.
    if (!/^[a-z0-9]+(-[a-z0-9]+)+$/.test(region)) {
        throw new Error(`${JSON.stringify(region)} is not an AWS region name (like eu-west-1): set the region input or AWS_REGION to the SBOM scan's region`);
    }
    const configured = env['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS'] === 'true'
        ? []
        : ['AWS_ENDPOINT_URL_INSPECTOR_SCAN', 'AWS_ENDPOINT_URL'].flatMap((name) => env[name] ? [{ source: name, value: env[name] }] : []);
    const chosen = explicit !== undefined ? { source: 'endpoint', value: explicit } : configured[0];
    if (chosen === undefined) {
        const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
        return { url: new URL(`https://${SIGNING_NAME}.${region}.${suffix}`), source: 'default' };
    }
    const url = URL.canParse(chosen.value) ? new URL(chosen.value) : undefined;
    if (url === undefined || !/^https?:$/.test(url.protocol)) {
        throw new Error(`${chosen.source} is not an http(s) URL (${JSON.stringify(chosen.value)}): fix it or unset it to use Inspector Scan's regional endpoint`);
    }
    return { url, source: chosen.source };
}
function createInspectorScanClient(options) {
    const { region } = options;
    const endpoint = resolveInspectorScanEndpoint(region, options.env ?? process.env, options.endpoint);
    const credentials = options.credentials ?? (0,dist_cjs.defaultProvider)();
    const signer = new signature_v4_dist_cjs.SignatureV4({
        credentials: typeof credentials === 'function' ? credentials : async () => credentials,
        region,
        service: SIGNING_NAME,
        sha256: checksum.Sha256,
        uriEscapePath: true
    });
    // As clients.ts sets for SDK clients: a stalled connection fails (and is retried), never hangs.
    const handler = new node_http_handler_dist_cjs.NodeHttpHandler({
        connectionTimeout: 5_000,
        requestTimeout: 30_000,
        throwOnRequestTimeout: true
    });
    const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    const retry = new RetryLoop(maxAttempts, options.delay ?? clock/* systemClock */.m.sleep, options.now ?? Date.now, options.random ?? Math.random);
    const attempt = async (body, invocationId, number, abortSignal) => {
        const request = scanSbomRequest(endpoint.url, body, {
            invocationId,
            number,
            max: maxAttempts
        });
        // sign() is typed with the interface; the handler takes the class (clone keeps the body).
        const signed = protocols.HttpRequest.clone(await signer.sign(request));
        const { response } = await handler.handle(signed, abortSignal ? { abortSignal } : {});
        const head = { statusCode: response.statusCode, headers: response.headers };
        const text = await readAnswer(response.body);
        if (head.statusCode >= 200 && head.statusCode < 300)
            return parseScanSbomOutput(head, text);
        throw parseErrorAnswer(head, text);
    };
    return {
        region,
        endpoint,
        scanSbom: (input, callOptions = {}) => {
            const body = scanSbomBody(input);
            const invocationId = newInvocationId();
            return retry.run((number) => attempt(body, invocationId, number, callOptions.abortSignal), callOptions.abortSignal);
        }
    };
}
/** The retry middleware's classification of an error (getRetryErrorType in @smithy/core). */
function retryErrorType(error) {
    const e = error;
    if ((0,retry.isThrottlingError)(e))
        return 'THROTTLING';
    if ((0,retry.isTransientError)(e))
        return 'TRANSIENT';
    if ((0,retry.isServerError)(e))
        return 'SERVER_ERROR';
    return 'CLIENT_ERROR';
}
/**
 * The SDK's retry middleware, with its sleep made injectable. The SDK's standard strategy decides
 * whether to retry (attempts left, retry quota, retryable error type) and keeps its quota across
 * the client's calls, as in every SDK client. It also sleeps, on a timer of its own that no test
 * could skip; so it is given a zero backoff, and the wait, computed here as the SDK computes it
 * (full jitter of the strategy's base, a longer one for throttling, capped; a Retry-After honoured
 * up to 5 s past that), goes through the injected delay.
 */
class RetryLoop {
    maxAttempts;
    delay;
    now;
    random;
    strategy;
    constructor(maxAttempts, delay, now, random) {
        this.maxAttempts = maxAttempts;
        this.delay = delay;
        this.now = now;
        this.random = random;
        this.strategy = new retry.ConfiguredRetryStrategy(maxAttempts, 0);
    }
    async run(attempt, abortSignal) {
        let token = await this.strategy.acquireInitialRetryToken('');
        let totalRetryDelay = 0;
        let unparseable = 0;
        for (let number = 1;; number++) {
            try {
                const output = await attempt(number);
                this.strategy.recordSuccess(token);
                const metadata = output.$metadata;
                if (metadata)
                    Object.assign(metadata, { attempts: number, totalRetryDelay });
                return output;
            }
            catch (error) {
                annotate(error, number, totalRetryDelay);
                // As boundUnparseableAnswers does for the SDK clients: answers that are not AWS's are
                // not waited out, however the status classes them.
                if ((0,aws_unparseable/* isUnparseableAnswer */.dB)(error) && ++unparseable >= aws_unparseable/* UNPARSEABLE_TRIES */.xv) {
                    const status = error.$metadata
                        ?.httpStatusCode;
                    throw new aws_unparseable/* UnparseableAnswerError */.$W('ScanSbom', status, unparseable, error);
                }
                if (abortSignal?.aborted)
                    throw error;
                const errorType = retryErrorType(error);
                const retries = token.getRetryCount();
                try {
                    token = await this.strategy.refreshRetryTokenForRetry(token, { errorType });
                }
                catch {
                    throw error;
                }
                const wait = this.backoff(errorType, retries, retryAfterMs(error, this.now));
                totalRetryDelay += wait;
                await this.delay(wait, abortSignal);
                // Cut short by the caller (the gate's deadline): the AWS error says more than an abort.
                if (abortSignal?.aborted)
                    throw error;
            }
        }
    }
    /** StandardRetryStrategy's delay for the retry after `retries` retries. */
    backoff(errorType, retries, retryAfter) {
        const base = errorType === 'THROTTLING' ? retry.Retry.throttlingDelay() : retry.Retry.delay();
        const jittered = Math.floor(this.random() * Math.min(base * 2 ** retries, retry.MAXIMUM_RETRY_DELAY));
        if (retryAfter === undefined)
            return jittered;
        return Math.max(jittered, Math.min(retryAfter, jittered + 5_000));
    }
}
/** The SDK's `$metadata.attempts` on a failure, so a message or a log can say how many there were. */
function annotate(error, attempts, totalRetryDelay) {
    if (typeof error !== 'object' || error === null)
        return;
    const metadata = error.$metadata;
    if (metadata !== undefined && Object.isExtensible(metadata)) {
        Object.assign(metadata, { attempts, totalRetryDelay });
    }
}
/**
 * The wait an error answer asks for, in ms, as the SDK reads it: `Retry-After` in seconds or as an
 * HTTP date, or `x-amz-retry-after` in ms. Read here rather than by the SDK's helper, which measures
 * against the wall clock: a test's clock could not hold it still.
 */
function retryAfterMs(error, now) {
    const headers = error?.$response
        ?.headers;
    const retryAfter = headers?.['retry-after']?.trim();
    if (retryAfter !== undefined && retryAfter !== '') {
        if (/^\d+(\.\d+)?$/.test(retryAfter))
            return Number(retryAfter) * 1000;
        const date = Date.parse(retryAfter);
        if (!Number.isNaN(date))
            return Math.max(0, date - now());
        return undefined;
    }
    const amz = Number(headers?.['x-amz-retry-after']);
    return Number.isFinite(amz) && amz >= 0 ? amz : undefined;
}


/***/ }),

/***/ 2153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ ShapeCheck)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);

/**
 * Checks the members of an AWS answer that the code reads, before it reads them. The SDK does not
 * validate what a service (or something posing as one) sends: a number where a string belongs, or
 * an object where a list belongs, would otherwise surface as a raw JavaScript error ("… is not a
 * function") or, worse, be skipped. Each check names the operation, what was being read and the
 * member, in one line, and the caller's target becomes an error: never a silent default.
 */
class ShapeCheck {
    operation;
    subject;
    constructor(
    /** The operation whose answer this is, e.g. `ListFindings`. */
    operation, 
    /** What in the answer is being read, e.g. `finding arn:…`. */
    subject) {
        this.operation = operation;
        this.subject = subject;
    }
    fail(member, problem) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`${this.operation} returned ${this.subject} with ${member} ${problem}; this is not an answer AWS documents, so the gate cannot rely on it`, 'UnexpectedResponse', false);
    }
    typed(member, value, expected, ok) {
        if (!ok)
            this.throwType(member, value, expected);
    }
    throwType(member, value, expected) {
        throw this.fail(member, `of type ${describeType(value)}, not ${expected}`);
    }
    string(member, value) {
        this.typed(member, value, 'a string', value === undefined || typeof value === 'string');
        return value;
    }
    number(member, value) {
        this.typed(member, value, 'a number', value === undefined || (typeof value === 'number' && Number.isFinite(value)));
        return value;
    }
    date(member, value) {
        this.typed(member, value, 'a timestamp', value === undefined || (value instanceof Date && !Number.isNaN(value.getTime())));
        return value;
    }
    object(member, value) {
        this.typed(member, value, 'an object', value === undefined || (typeof value === 'object' && value !== null && !Array.isArray(value)));
        return value;
    }
    list(member, value) {
        this.typed(member, value, 'a list', value === undefined || Array.isArray(value));
        return value;
    }
    /** A list of strings (e.g. reference URLs, CWEs); each entry checked. */
    strings(member, value) {
        const list = this.list(member, value);
        list?.forEach((entry, i) => this.string(`${member}[${i}]`, entry));
        return list;
    }
}
function describeType(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'list';
    return typeof value;
}


/***/ }),

/***/ 8819:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runGate: () => (/* binding */ runGate)
});

// EXTERNAL MODULE: ./src/domain/finding.ts
var finding = __webpack_require__(5457);
;// CONCATENATED MODULE: ./src/domain/ignore-rules.ts
/** An entry stops applying at the end of its `expires` day, in UTC. */
function isExpired(rule, now) {
    if (rule.expires === undefined)
        return false;
    const endOfDay = Date.parse(`${rule.expires}T23:59:59.999Z`);
    return now.getTime() > endOfDay;
}
function ruleMatches(rule, finding) {
    if (!matchesId(rule.id, finding))
        return false;
    const { artifact } = finding;
    if (artifact.kind === 'sbom') {
        // The SBOM's subject is the image it describes: an `image:` scope naming it applies too.
        if (rule.repository !== undefined || rule.function !== undefined)
            return false;
        const names = [artifact.reference, artifact.subjectName, artifact.subjectDigest];
        if (rule.sbom !== undefined && !names.includes(rule.sbom))
            return false;
        if (rule.image !== undefined && !names.slice(1).includes(rule.image))
            return false;
    }
    else if (artifact.kind === 'image') {
        if (rule.function !== undefined || rule.sbom !== undefined)
            return false;
        if (rule.repository !== undefined && !wildcardMatch(rule.repository, artifact.repository)) {
            return false;
        }
        const names = [artifact.reference, artifact.digest, artifact.indexDigest];
        if (rule.image !== undefined && !names.includes(rule.image))
            return false;
    }
    else {
        if (rule.repository !== undefined || rule.image !== undefined || rule.sbom !== undefined) {
            return false;
        }
        const names = [artifact.reference, artifact.functionName];
        if (rule.function !== undefined && !names.includes(rule.function))
            return false;
    }
    if (rule.package !== undefined && !finding.packages.some((p) => p.name === rule.package)) {
        return false;
    }
    return true;
}
function matchesId(id, finding) {
    const wanted = id.toLowerCase();
    if (finding.vulnerabilityId.toLowerCase() === wanted)
        return true;
    const arn = finding.id.toLowerCase();
    // A finding can be named by its full ARN or by the id after `finding/`, as the console shows it.
    return arn === wanted || arn.endsWith(`:finding/${wanted}`);
}
function wildcardMatch(pattern, value) {
    if (!pattern.includes('*'))
        return pattern === value;
    const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`^${escaped.join('.*')}$`).test(value);
}
/** A human label for messages: `CVE-2024-1234 (.inspector-ignore.yml:12)`. */
function describeRule(rule) {
    return `${rule.id} (${rule.file}:${rule.line})`;
}

// EXTERNAL MODULE: ./src/domain/policy.ts
var domain_policy = __webpack_require__(4596);
// EXTERNAL MODULE: ./src/domain/shown.ts
var shown = __webpack_require__(4369);
// EXTERNAL MODULE: ./src/domain/severity.ts
var domain_severity = __webpack_require__(1245);
;// CONCATENATED MODULE: ./src/domain/evaluate.ts





/**
 * Decides the gate. Pure: the same outcomes, policy, rules and clock always give the same verdict.
 * Precedence: a definite policy violation or a refused (unscannable) image is `fail`; otherwise an
 * unresolved tool error is `error`; otherwise `pass`.
 */
function evaluate({ outcomes, policy, ignoreRules, now }) {
    const activeRules = ignoreRules.filter((rule) => !isExpired(rule, now));
    const expiredRules = ignoreRules.filter((rule) => isExpired(rule, now));
    const usedRules = new Set();
    const ignored = [];
    const counted = [];
    for (const finding of outcomes.flatMap((o) => (o.status === 'scanned' ? o.findings : []))) {
        const matching = activeRules.filter((candidate) => ruleMatches(candidate, finding));
        const rule = matching[0];
        if (rule === undefined) {
            counted.push(finding);
        }
        else {
            // Every matching entry is in use (none is "unused"); the first one is shown as the reason.
            for (const used of matching)
                usedRules.add(used);
            ignored.push({ finding, rule });
        }
    }
    const failures = [];
    const warnings = [];
    const assessed = assess(counted, policy, failures, warnings);
    const counts = (0,domain_severity/* emptySeverityCounts */.Fk)();
    for (const finding of counted)
        counts[finding.severity] += 1;
    for (const outcome of outcomes) {
        if (outcome.status === 'unscannable') {
            const line = `${(0,finding/* artifactLabel */.ri)(outcome.artifact.reference, outcome.artifact)} cannot be scanned (${outcome.reason}): ${outcome.explanation}`;
            (policy.onUnscannable === 'fail' ? failures : warnings).push(line);
        }
    }
    // A verdict on findings that were still arriving is no verdict: it is reported like a tool error.
    const errorLines = outcomes.flatMap((o) => {
        if (o.status === 'error')
            return [`${(0,finding/* artifactLabel */.ri)(o.reference, o.artifact)}: ${o.message}`];
        if (o.status === 'scanned' && !o.settled) {
            const proof = o.settledBy;
            if (proof?.kind === 'scan-event' && proof.shortfall !== undefined) {
                return [
                    `${(0,finding/* artifactLabel */.ri)(o.artifact.reference, o.artifact)}: ListFindings still held fewer findings than Inspector's scan event counted (${proof.shortfall.join(', ')}) when settle ran out, so the finding set is incomplete; raise settle (or timeout)`
                ];
            }
            return [
                `${(0,finding/* artifactLabel */.ri)(o.artifact.reference, o.artifact)}: findings were still arriving when settle ran out, so the finding set may be incomplete; raise settle (or timeout)`
            ];
        }
        return [];
    });
    if (policy.onError === 'warn')
        for (const line of errorLines)
            warnings.push(line);
    for (const rule of expiredRules) {
        warnings.push(`ignore entry ${describeRule(rule)} expired on ${rule.expires} and no longer applies`);
    }
    const unusedRules = activeRules.filter((rule) => !usedRules.has(rule));
    for (const rule of unusedRules) {
        warnings.push(`ignore entry ${describeRule(rule)} matched no finding; remove it if it is no longer needed`);
    }
    let result = 'pass';
    if (failures.length > 0)
        result = 'fail';
    else if (errorLines.length > 0)
        result = 'error';
    if (policy.onError === 'fail')
        for (const line of errorLines)
            failures.push(line);
    return {
        result,
        failures,
        warnings,
        outcomes,
        assessed,
        ignored,
        counts,
        expiredRules,
        unusedRules
    };
}
function assess(findings, policy, failures, warnings) {
    // Findings whose severity has a budget: they block by it only when their target exceeds it.
    const budgeted = [];
    const unjudged = { epss: 0, exploit: 0 };
    const assessed = findings.map((finding) => {
        const one = assessOne(finding, policy);
        if (one.budgeted)
            budgeted.push(one.assessment);
        if (one.noEpss)
            unjudged.epss += 1;
        if (one.exploitUnknown)
            unjudged.exploit += 1;
        return one.assessment;
    });
    failures.push(...floorFailures(assessed, policy));
    failures.push(...budgetFailures(budgeted, policy));
    failures.push(...ruleFailures(assessed, 'fail-on-exploitable', 'with a known exploit'));
    if (policy.failOnEpss !== undefined) {
        const floor = `with EPSS at or above ${(0,domain_policy/* epssPercent */.xf)(policy.failOnEpss)}`;
        failures.push(...ruleFailures(assessed, 'fail-on-epss', floor, epssOfAssessed));
    }
    warnings.push(...unjudgedWarnings(unjudged));
    return assessed.sort((a, b) => Number(b.blocking) - Number(a.blocking) ||
        (0,domain_severity/* severityRank */.qs)(b.effectiveSeverity) - (0,domain_severity/* severityRank */.qs)(a.effectiveSeverity) ||
        (b.finding.inspectorScore ?? -1) - (a.finding.inspectorScore ?? -1) ||
        a.finding.vulnerabilityId.localeCompare(b.finding.vulnerabilityId));
}
const WITHIN_BUDGET = 'within budget';
/**
 * The rules are OR-ed: a finding blocks when any of them blocks it, so turning a blocking rule on
 * never lets a finding through. Only fixable-only (and, before it, the ignore file) lets a finding
 * off every rule.
 */
function assessOne(finding, policy) {
    const effectiveSeverity = (0,domain_policy/* effectiveSeverityOf */.Et)(finding, policy);
    // Only a finding known to have no fix is let off: one whose fixability is unknown (basic
    // scanning, or an answer that does not say) counts, because a missing fact never passes.
    if (policy.fixableOnly && finding.fixAvailable === 'no') {
        return {
            assessment: {
                finding,
                effectiveSeverity,
                blocking: false,
                note: 'no fix available (fixable-only)'
            },
            budgeted: false,
            noEpss: false,
            exploitUnknown: false
        };
    }
    const reasons = [];
    const notes = [];
    const budgeted = policy.maxFindings[effectiveSeverity] !== undefined;
    // A budget replaces the floor for its severity; blocking by it is decided per target below.
    if (budgeted)
        notes.push(WITHIN_BUDGET);
    else
        floorRule(finding, effectiveSeverity, policy, reasons, notes);
    let exploitUnknown = false;
    if (policy.failOnExploitable) {
        if (finding.exploitAvailable === 'yes') {
            reasons.push({ rule: 'fail-on-exploitable', text: 'exploit known' });
        }
        else if (finding.exploitAvailable !== 'no') {
            // Not "no exploit": nobody said. It does not block by this rule, and the note says so.
            exploitUnknown = true;
            notes.push('exploit status unknown, so fail-on-exploitable could not judge it');
        }
    }
    let noEpss = false;
    if (policy.failOnEpss !== undefined) {
        const epss = (0,domain_policy/* epssOf */.ni)(finding);
        const threshold = (0,domain_policy/* epssPercent */.xf)(policy.failOnEpss);
        if (epss === undefined) {
            // A missing probability is not "at or above" anything; the other rules still judge it.
            noEpss = true;
            notes.push('no EPSS score, so fail-on-epss could not judge it');
        }
        else if (epss >= policy.failOnEpss) {
            reasons.push({ rule: 'fail-on-epss', text: `EPSS ${(0,domain_policy/* epssPercent */.xf)(epss)} ≥ ${threshold}` });
        }
        else {
            notes.push(`EPSS ${(0,domain_policy/* epssPercent */.xf)(epss)} below fail-on-epss ${threshold}`);
        }
    }
    const assessment = reasons.length > 0
        ? { finding, effectiveSeverity, blocking: true, blockedBy: reasons }
        : { finding, effectiveSeverity, blocking: false, note: notes.join('; ') };
    return { assessment, budgeted, noEpss, exploitUnknown };
}
/** The `fail-on` floor, narrowed by `min-score` to findings Inspector scores at least that high. */
function floorRule(finding, effectiveSeverity, policy, reasons, notes) {
    if (policy.failOn === 'none') {
        notes.push('fail-on is none');
        return;
    }
    if (!(0,domain_severity/* isAtLeast */.du)(effectiveSeverity, policy.failOn)) {
        notes.push(`below fail-on ${policy.failOn}`);
        return;
    }
    const counted = finding.severity === 'untriaged'
        ? `UNTRIAGED counted as ${effectiveSeverity.toUpperCase()}`
        : effectiveSeverity.toUpperCase();
    const severity = `severity ${counted} ≥ fail-on ${policy.failOn}`;
    if (policy.minScore === undefined) {
        reasons.push({ rule: 'fail-on', text: severity });
        return;
    }
    const minScore = scoreText(policy.minScore);
    const score = (0,domain_policy/* inspectorScoreOf */.zT)(finding);
    if (score === undefined) {
        // Fail closed: without a score, min-score cannot show the finding is below its floor.
        reasons.push({
            rule: 'fail-on',
            text: `${severity}; no Inspector score, so min-score ${minScore} does not let it off`
        });
    }
    else if (score >= policy.minScore) {
        reasons.push({
            rule: 'fail-on',
            text: `${severity}, Inspector score ${scoreText(score)} ≥ min-score ${minScore}`
        });
    }
    else {
        notes.push(`Inspector score ${scoreText(score)} below min-score ${minScore}`);
    }
}
/** `7` → `7.0`, `7.25` → `7.25`: scores as Inspector shows them, without rounding a threshold. */
function scoreText(score) {
    return Number.isInteger(score) ? score.toFixed(1) : String(score);
}
function blockedBy(entry, rule) {
    return entry.blockedBy?.some((reason) => reason.rule === rule) === true;
}
function floorFailures(assessed, policy) {
    const blocking = assessed.filter((a) => blockedBy(a, 'fail-on'));
    if (blocking.length === 0 || policy.failOn === 'none')
        return [];
    const bySeverity = domain_severity/* RANKED_SEVERITIES */.Kw.map((severity) => [severity, blocking.filter((a) => a.effectiveSeverity === severity).length])
        .filter(([, n]) => n > 0)
        .map(([severity, n]) => `${n} ${severity}`);
    const unknownFix = blocking.filter((a) => a.finding.fixAvailable === 'unknown').length;
    const qualifier = policy.fixableOnly && unknownFix === 0 ? 'fixable ' : '';
    const unknownNote = policy.fixableOnly && unknownFix > 0
        ? `; ${unknownFix} of unknown fixability, which fixable-only does not let off`
        : '';
    const minScore = policy.minScore === undefined ? '' : ` and min-score ${scoreText(policy.minScore)}`;
    const unscored = policy.minScore === undefined
        ? 0
        : blocking.filter((a) => (0,domain_policy/* inspectorScoreOf */.zT)(a.finding) === undefined).length;
    const unscoredNote = unscored > 0 ? `; ${unscored} without an Inspector score, which min-score does not let off` : '';
    return [
        `${blocking.length} ${qualifier}finding${blocking.length === 1 ? '' : 's'} at or above fail-on ${policy.failOn}${minScore} (${bySeverity.join(', ')})${unknownNote}${unscoredNote}`
    ];
}
/** Vulnerability ids a failure line names before "and N more" (the summary lists every finding). */
const MAX_NAMED = 5;
/** `2 findings with a known exploit (fail-on-exploitable): CVE-1, CVE-2`. */
function ruleFailures(assessed, rule, what, detail) {
    const blocking = assessed.filter((a) => blockedBy(a, rule));
    if (blocking.length === 0)
        return [];
    const named = blocking.slice(0, MAX_NAMED).map((a) => {
        const id = (0,shown/* shown */.S)(a.finding.vulnerabilityId).slice(0, 100);
        return detail === undefined ? id : `${id} (${detail(a)})`;
    });
    const more = blocking.length > MAX_NAMED ? ` and ${blocking.length - MAX_NAMED} more` : '';
    return [
        `${blocking.length} finding${blocking.length === 1 ? '' : 's'} ${what} (${rule}): ${named.join(', ')}${more}`
    ];
}
function epssOfAssessed(entry) {
    const epss = (0,domain_policy/* epssOf */.ni)(entry.finding);
    return epss === undefined ? 'no EPSS' : (0,domain_policy/* epssPercent */.xf)(epss);
}
/** A rule that could not judge some findings says so: they were not silently judged harmless. */
function unjudgedWarnings(unjudged) {
    const lines = [];
    if (unjudged.epss > 0) {
        lines.push(`fail-on-epss: ${unjudged.epss} finding${unjudged.epss === 1 ? ' has' : 's have'} no EPSS score (basic scanning and code findings have none), so that rule could not judge ${unjudged.epss === 1 ? 'it' : 'them'}; the other rules still did`);
    }
    if (unjudged.exploit > 0) {
        lines.push(`fail-on-exploitable: ${unjudged.exploit} finding${unjudged.exploit === 1 ? ' does' : 's do'} not say whether an exploit is known (basic scanning does not), so that rule could not judge ${unjudged.exploit === 1 ? 'it' : 'them'}; the other rules still did`);
    }
    return lines;
}
/**
 * Budgets count per image reference, and a vulnerability in the same package at the same path on
 * several platforms of one multi-arch image counts once: "high=5" is about the image the team
 * shipped, not its platforms.
 */
function budgetFailures(budgeted, policy) {
    const lines = [];
    for (const severity of domain_severity/* RANKED_SEVERITIES */.Kw) {
        const budget = policy.maxFindings[severity];
        if (budget === undefined)
            continue;
        const candidates = budgeted.filter((a) => a.effectiveSeverity === severity);
        for (const [reference, group] of groupBy(candidates, (a) => a.finding.artifact.reference)) {
            const distinct = new Set(group.map((a) => budgetKey(a.finding)));
            if (distinct.size <= budget)
                continue;
            for (const a of group) {
                const reason = {
                    rule: 'max-findings',
                    text: `over budget ${severity}=${budget}`
                };
                a.blocking = true;
                a.blockedBy = [...(a.blockedBy ?? []), reason];
                a.note = reason.text;
            }
            lines.push(`${reference}: ${distinct.size} ${severity} findings exceed max-findings ${severity}=${budget}`);
        }
    }
    return lines;
}
/** What makes two findings "the same" for a budget: the vulnerability and where it is. */
function budgetKey(finding) {
    if (finding.code !== undefined) {
        // Code findings name a rule, not a package: the same rule in two places is two problems.
        return `${finding.vulnerabilityId}|${finding.code.filePath}:${finding.code.startLine ?? ''}`;
    }
    // The same package at two paths (two copies of a jar) is two problems to fix; the same package
    // at the same path on two platforms of one image is one.
    const packages = finding.packages
        .map((p) => `${p.name}@${p.filePath ?? ''}`)
        .sort()
        .join(',');
    return `${finding.vulnerabilityId}|${packages}`;
}
function groupBy(items, key) {
    const groups = new Map();
    for (const item of items) {
        const k = key(item);
        const group = groups.get(k);
        if (group)
            group.push(item);
        else
            groups.set(k, [item]);
    }
    return groups;
}

// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/domain/sbom-limits.ts
var sbom_limits = __webpack_require__(908);
// EXTERNAL MODULE: ./src/aws/response-shape.ts
var response_shape = __webpack_require__(2153);
// EXTERNAL MODULE: ./src/aws/inspector-scan-client.ts + 1 modules
var inspector_scan_client = __webpack_require__(1631);
;// CONCATENATED MODULE: ./src/aws/inspector-scan.ts



/**
 * Amazon Inspector Scan's ScanSbom for the gate: one SBOM in, the scanned SBOM out, every failure
 * one line that says what to do (errors.ts), a ValidationException's reason in words, and an answer
 * without an SBOM an error rather than "nothing found".
 */

const SCAN_SBOM_ACTION = 'inspector-scan:ScanSbom';

/** What each ValidationExceptionReason means for the user, and what to do about it. */
const VALIDATION_REASONS = {
    UNSUPPORTED_SBOM_TYPE: 'Inspector does not accept this SBOM type (it takes CycloneDX 1.5 JSON); generate the SBOM as CycloneDX 1.5 JSON',
    CANNOT_PARSE: 'Inspector could not parse the SBOM; check that the file is a complete CycloneDX 1.5 JSON document',
    FIELD_VALIDATION_FAILED: 'Inspector rejected fields of the SBOM',
    UNKNOWN_OPERATION: 'the endpoint does not know ScanSbom; check AWS_ENDPOINT_URL_INSPECTOR_SCAN / AWS_ENDPOINT_URL',
    OTHER: 'Inspector rejected the SBOM'
};
async function scanSbom(client, request) {
    const context = { action: SCAN_SBOM_ACTION, doing: `scanning the SBOM ${request.file}` };
    refuseOversized(request);
    return (0,errors/* callAws */.IY)(context, async () => {
        const output = await client
            .scanSbom({
            sbom: request.sbom,
            ...(request.outputFormat !== undefined ? { outputFormat: request.outputFormat } : {})
        }, request.abortSignal ? { abortSignal: request.abortSignal } : {})
            .catch((error) => {
            throw explainValidation(error, context) ?? error;
        });
        const check = new response_shape/* ShapeCheck */.W('ScanSbom', `the scan of ${request.file}`);
        const sbom = check.object('sbom', output.sbom);
        if (sbom === undefined)
            throw check.fail('sbom', 'missing');
        return { sbom };
    });
}
/**
 * A ValidationException says why in `reason`: put into words, it tells the user what to change;
 * AWS's own message stays at the end, as errors.ts keeps it.
 */
function explainValidation(error, context) {
    const e = error;
    if (e?.name !== 'ValidationException')
        return undefined;
    const reason = typeof e.reason === 'string' ? e.reason : 'OTHER';
    const words = VALIDATION_REASONS[reason] ?? `${VALIDATION_REASONS['OTHER']} (${reason})`;
    const fields = describeFields(e.fields);
    const raw = firstLine(typeof e.message === 'string' ? e.message : '');
    return new errors/* AwsCallError */.iQ(`${context.action} refused the request while ${context.doing}: ${words}${fields} — AWS said: ${raw}`, 'ValidationException', false);
}
/** The fields AWS named, a few of them, on the same line. */
function describeFields(fields) {
    if (!Array.isArray(fields) || fields.length === 0)
        return '';
    const shown = fields
        .slice(0, 3)
        .map((field) => `${firstLine(field.name)}: ${firstLine(field.message)}`);
    const more = fields.length > 3 ? ` and ${fields.length - 3} more` : '';
    return ` (${shown.join('; ')}${more})`;
}
function firstLine(text) {
    return (text.split(/\r?\n/)[0] ?? '').slice(0, 300);
}
/**
 * Refuses before sending an SBOM whose top-level component list is over the limit: AWS would refuse
 * it too, with a message that does not say to split it. (Nested components are left for AWS to
 * count: the API reference does not say whether they count.)
 */
function refuseOversized(request) {
    const components = request.sbom?.components;
    if (!Array.isArray(components) || components.length <= sbom_limits/* MAX_SBOM_COMPONENTS */.s)
        return;
    throw new errors/* AwsCallError */.iQ(`the SBOM ${request.file} lists ${components.length} components, more than the ${sbom_limits/* MAX_SBOM_COMPONENTS */.s} Inspector's ScanSbom takes in one request; split it (for instance one SBOM per image or package directory) and scan each`, 'TooManyComponents', false);
}

// EXTERNAL MODULE: ./src/runtime/error-message.ts
var error_message = __webpack_require__(1676);
;// CONCATENATED MODULE: ./src/sbom/findings.ts
/**
 * The SBOM as a gate target. Inspector has no resource for it (nothing was pushed), so its id is the
 * file's, which is what the findings' ids and SARIF's fingerprints rest on.
 */
function sbomArtifact(document, region) {
    return {
        kind: 'sbom',
        reference: document.file,
        region,
        resourceId: `sbom:${document.file}`,
        format: document.format,
        components: document.components,
        ...(document.subject.name !== undefined && { subjectName: document.subject.name }),
        ...(document.subject.digest !== undefined && { subjectDigest: document.subject.digest })
    };
}
/**
 * One of Inspector Scan's vulnerabilities in the gate's Finding shape, so the same policy, ignore
 * file and publishers apply. What the answer does not say stays unknown rather than a guess: no
 * Inspector score (the answer carries the CVSS rating it was ranked by), and a vulnerability with
 * no fixed version named is of unknown fixability, which `fixable-only` does not let off.
 */
function sbomFinding(vulnerability, artifact) {
    const packages = vulnerability.packages.map(vulnerablePackage);
    const names = [...new Set(packages.map((p) => p.name))];
    const fixes = vulnerability.packages.filter((p) => p.fixedVersion !== undefined);
    return {
        id: `${artifact.resourceId}/${vulnerability.id}`,
        vulnerabilityId: vulnerability.id,
        // As Inspector titles package findings: `CVE-2023-45853 - zlib1g`.
        title: `${vulnerability.id} - ${names.join(', ')}`,
        description: vulnerability.description,
        severity: vulnerability.severity,
        type: 'package',
        source: 'inspector-scan',
        ...(vulnerability.url !== undefined && { url: vulnerability.url }),
        packages,
        fixAvailable: fixAvailability(fixes.length, vulnerability.packages.length),
        exploitAvailable: vulnerability.exploitAvailable ? 'yes' : 'no',
        ...(vulnerability.epss !== undefined && { epss: vulnerability.epss }),
        ...(vulnerability.score !== undefined && { cvss: { score: vulnerability.score } }),
        ...(fixes.length > 0 && {
            remediation: fixes.map((p) => `upgrade ${p.name} to ${p.fixedVersion}`).join('; ')
        }),
        artifact
    };
}
function fixAvailability(fixed, affected) {
    if (fixed === 0)
        return 'unknown';
    return fixed === affected ? 'yes' : 'partial';
}
function vulnerablePackage(pkg) {
    const manager = pkg.purl === undefined ? undefined : /^pkg:([a-z0-9.+-]+)\//i.exec(pkg.purl)?.[1];
    return {
        name: pkg.name,
        ...(pkg.version !== undefined && { installedVersion: pkg.version }),
        ...(pkg.fixedVersion !== undefined && { fixedInVersion: pkg.fixedVersion }),
        ...(manager !== undefined && { packageManager: manager.toUpperCase() })
    };
}

;// CONCATENATED MODULE: ./src/sbom/scan-answer.ts
const NAMESPACE = 'amazon:inspector:sbom_scanner';
/** The answer does not look like ScanSbom's: which member, and what is wrong with it. */
class SbomAnswerError extends Error {
    name = 'SbomAnswerError';
}
const isRecord = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
/** CycloneDX rating severities, as the gate ranks them; `none` is EPSS's, never a finding's. */
const SEVERITY = {
    critical: 'critical',
    high: 'high',
    medium: 'medium',
    low: 'low',
    info: 'informational',
    unknown: 'untriaged'
};
const TOTAL = new RegExp(`^${NAMESPACE}:(critical|high|medium|low|other)_vulnerabilities$`);
const RANK = ['critical', 'high', 'medium', 'low', 'informational', 'untriaged'];
function readScanAnswer(file, sbom) {
    const fail = (what) => {
        throw new SbomAnswerError(`the scan of ${file}: ${what}; the findings cannot be trusted`);
    };
    const packages = componentsByRef(sbom['components'], fail);
    const raw = sbom['vulnerabilities'] ?? [];
    if (!Array.isArray(raw))
        fail('vulnerabilities is not a list');
    const vulnerabilities = raw.map((entry, i) => vulnerabilityOf(entry, `vulnerabilities[${i}]`, packages, fail));
    const totals = totalsOf(sbom['metadata'], fail);
    const counted = Object.values(totals).reduce((a, b) => a + b, 0);
    if (counted !== vulnerabilities.length) {
        fail(`Inspector's totals count ${counted} vulnerabilities but the answer lists ${vulnerabilities.length}`);
    }
    return { vulnerabilities, totals };
}
function componentsByRef(value, fail) {
    const byRef = new Map();
    const walk = (list, path) => {
        if (list === undefined || list === null)
            return;
        if (!Array.isArray(list))
            fail(`${path} is not a list`);
        list.forEach((component, i) => {
            if (!isRecord(component))
                fail(`${path}[${i}] is not an object`);
            const c = component;
            const ref = c['bom-ref'];
            const name = c['name'];
            if (typeof ref === 'string' && typeof name === 'string') {
                byRef.set(ref, {
                    name,
                    ...(typeof c['version'] === 'string' && { version: c['version'] }),
                    ...(typeof c['purl'] === 'string' && { purl: c['purl'] })
                });
            }
            walk(c['components'], `${path}[${i}].components`);
        });
    };
    walk(value, 'components');
    return byRef;
}
function vulnerabilityOf(value, path, packages, fail) {
    if (!isRecord(value))
        return fail(`${path} is not an object`);
    const id = value['id'];
    if (typeof id !== 'string' || id === '')
        return fail(`${path} has no id`);
    const ratings = Array.isArray(value['ratings']) ? value['ratings'].filter(isRecord) : [];
    const epss = ratings.find((r) => isRecord(r['source']) && r['source']['name'] === 'EPSS');
    const severityRatings = ratings.filter((r) => r !== epss && r['severity'] !== 'none');
    // Several scores (NVD, a vendor) can disagree: the gate counts the highest, never the lowest.
    let chosen;
    for (const rating of severityRatings) {
        const severity = SEVERITY[String(rating['severity'])];
        if (severity === undefined) {
            return fail(`${path} (${id}) has a rating of severity ${JSON.stringify(rating['severity'])}`);
        }
        if (chosen === undefined || RANK.indexOf(severity) < RANK.indexOf(chosen.severity)) {
            chosen = {
                severity,
                ...(typeof rating['score'] === 'number' && { score: rating['score'] })
            };
        }
    }
    if (chosen === undefined)
        return fail(`${path} (${id}) has no severity rating`);
    const properties = new Map();
    for (const p of Array.isArray(value['properties']) ? value['properties'] : []) {
        if (isRecord(p) && typeof p['name'] === 'string' && typeof p['value'] === 'string')
            properties.set(p['name'], p['value']);
    }
    const affects = Array.isArray(value['affects']) ? value['affects'] : [];
    const affected = affects.flatMap((a) => {
        const ref = isRecord(a) ? a['ref'] : undefined;
        const pkg = typeof ref === 'string' ? packages.get(ref) : undefined;
        if (pkg === undefined)
            return [];
        const fixed = properties.get(`${NAMESPACE}:fixed_version:${String(ref)}`);
        return [{ ...pkg, ...(fixed !== undefined && { fixedVersion: fixed }) }];
    });
    if (affected.length === 0)
        return fail(`${path} (${id}) affects no component of the answer`);
    const source = isRecord(value['source']) ? value['source']['url'] : undefined;
    const cwes = Array.isArray(value['cwes']) ? value['cwes'] : [];
    return {
        id,
        severity: chosen.severity,
        ...(chosen.score !== undefined && { score: chosen.score }),
        ...(typeof epss?.['score'] === 'number' && { epss: epss['score'] }),
        exploitAvailable: properties.get(`${NAMESPACE}:exploit_available`) === 'true',
        description: typeof value['description'] === 'string' ? value['description'] : '',
        ...(typeof source === 'string' && { url: source }),
        cwes: cwes.map((cwe) => (typeof cwe === 'number' ? `CWE-${cwe}` : String(cwe))),
        packages: affected
    };
}
function totalsOf(metadata, fail) {
    const totals = { critical: 0, high: 0, medium: 0, low: 0, other: 0 };
    const properties = isRecord(metadata) ? metadata['properties'] : undefined;
    if (!Array.isArray(properties))
        return totals;
    for (const p of properties) {
        if (!isRecord(p) || typeof p['name'] !== 'string')
            continue;
        const match = TOTAL.exec(p['name']);
        if (match === null)
            continue;
        const count = Number(p['value']);
        if (!Number.isSafeInteger(count) || count < 0 || !/^\d+$/.test(String(p['value']))) {
            fail(`metadata property ${p['name']} is ${JSON.stringify(p['value'])}, not a count`);
        }
        totals[match[1]] = count;
    }
    return totals;
}

;// CONCATENATED MODULE: ./src/sbom/scan-target.ts





/**
 * One SBOM, gated before anything is pushed: one synchronous ScanSbom call, no wait and no settle.
 * The answer is complete when it comes (its vulnerabilities must add up to the totals it states,
 * scan-answer.ts), so the outcome is settled by that answer. Every failure is this target's error
 * outcome, which the policy's `on-error` decides, never an empty pass.
 */
async function scanSbomTarget(document, region, deps) {
    const artifact = sbomArtifact(document, region);
    try {
        const { sbom } = await scanSbom(deps.clients.inspectorScan(region), {
            file: document.file,
            sbom: document.cycloneDx,
            // The format AWS documents (cyclonedx-namespace); INSPECTOR's shape is not published.
            outputFormat: 'CYCLONE_DX_1_5'
        });
        const report = readScanAnswer(document.file, sbom);
        const findings = report.vulnerabilities.map((v) => sbomFinding(v, artifact));
        deps.log.info(`${document.file}: Inspector Scan found ${findings.length} vulnerabilit${findings.length === 1 ? 'y' : 'ies'} in ${document.components} components (${document.format})`);
        return {
            status: 'scanned',
            artifact,
            scanMode: 'sbom',
            scannedAt: new Date(deps.clock.now()),
            findings,
            settled: true,
            settledBy: { kind: 'scan-answer' }
        };
    }
    catch (error) {
        return {
            status: 'error',
            reference: document.file,
            artifact,
            message: (0,error_message/* errorMessage */.g)(error),
            timedOut: (0,errors/* isDeadlineExceeded */.A7)(error)
        };
    }
}

;// CONCATENATED MODULE: ./src/gate/run.ts


/**
 * The gate use-case: make sure the account is set up, scan every image, function and SBOM
 * concurrently (one slow target never serialises the others), evaluate the policy. Problems that
 * concern every target (credentials, Inspector off) become an error outcome for each target, so the
 * verdict, summary and outputs are produced the same way in every case.
 */
async function runGate(config, deps) {
    const deadline = deps.deadline ?? deps.clock.now() + config.timeoutMs;
    // SBOMs need no account set-up and no wait: their scans start at once, beside the others.
    const sbomOutcomes = Promise.all(config.sboms.map((document) => scanSbomTarget(document, config.sbomRegion ?? '', deps)));
    // Their own chunk: the image and function scanners (and their SDKs) are not an SBOM gate's.
    const scannedOutcomes = config.images.length + config.functions.length === 0
        ? []
        : await (await Promise.all(/* import() */[__webpack_require__.e(200), __webpack_require__.e(222), __webpack_require__.e(696), __webpack_require__.e(303), __webpack_require__.e(249), __webpack_require__.e(914), __webpack_require__.e(855)]).then(__webpack_require__.bind(__webpack_require__, 7855))).scanDeployed(config, deps, deadline);
    const outcomes = [...scannedOutcomes, ...(await sbomOutcomes)];
    return evaluate({
        outcomes,
        policy: config.policy,
        ignoreRules: config.ignoreRules,
        now: new Date(deps.clock.now())
    });
}


/***/ })

};
