export const id = 631;
export const ids = [631];
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


/***/ })

};
