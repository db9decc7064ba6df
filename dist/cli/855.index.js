export const id = 855;
export const ids = [855];
export const modules = {

/***/ 7855:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  scanDeployed: () => (/* binding */ scanDeployed)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/aws/paging.ts
var paging = __webpack_require__(6433);
;// CONCATENATED MODULE: ./src/aws/single-attempt.ts
/**
 * One command, one attempt, when it fails with an error code the SDK would retry but that no retry
 * can change. The client's retry strategy is shared by every other call of that client and stays
 * as it is; only this command's own middleware stack is touched.
 */
/** Carries an error past the SDK's retry loop, which classifies by the error's own name. */
class NotToBeRetried extends Error {
    original;
    name = 'NotToBeRetried';
    constructor(original) {
        super('an error the SDK must not retry');
        this.original = original;
    }
}
/**
 * Sends `command` with `send`; an error named in `codes` ends the call after its first attempt and
 * is thrown as the SDK raised it. The middleware runs inside the retry loop (finalizeRequest step,
 * after the retry middleware's high priority) and hands the retry loop a wrapper whose name is not
 * a throttling code, so the loop gives up at once and the adaptive rate limiter is not slowed for
 * the other calls of the shared client.
 */
async function sendWithoutRetryOn(send, command, codes) {
    ;
    command.middlewareStack.add((next) => async (args) => {
        try {
            return await next(args);
        }
        catch (error) {
            const name = error?.name;
            if (typeof name === 'string' && codes.has(name))
                throw new NotToBeRetried(error);
            throw error;
        }
    }, { step: 'finalizeRequest', name: 'inspectorGateNoRetry', priority: 'low' });
    try {
        return await send(command);
    }
    catch (error) {
        if (error instanceof NotToBeRetried)
            throw error.original;
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/aws/ecr.ts




function imageId(ref) {
    return ref.digest !== undefined ? { imageDigest: ref.digest } : { imageTag: ref.tag };
}
/** Resolves a reference to the digest ECR holds for it (a tag names whatever was pushed last). */
async function describeImage(client, ref) {
    const doing = `looking up ${ref.raw} in ECR`;
    try {
        const out = await client.send(new dist_cjs.DescribeImagesCommand({
            registryId: ref.registryId,
            repositoryName: ref.repository,
            imageIds: [imageId(ref)]
        }));
        const detail = out.imageDetails?.[0];
        if (!detail?.imageDigest) {
            throw new errors/* AwsCallError */.iQ(`ECR returned no image details for ${ref.raw}`, 'UnexpectedResponse', false);
        }
        checkAnswerIsAsked(detail, ref);
        if (!(detail.imagePushedAt instanceof Date)) {
            // "Scanned after push" is the gate's proof that a scan is of this image: without the push
            // time a year-old scan would do.
            throw new errors/* AwsCallError */.iQ(`ECR's DescribeImages answer for ${ref.raw} has no imagePushedAt; the gate cannot tell whether a scan is of this push`, 'UnexpectedResponse', false);
        }
        return {
            digest: detail.imageDigest,
            tags: detail.imageTags ?? [],
            pushedAt: detail.imagePushedAt,
            mediaType: detail.imageManifestMediaType
        };
    }
    catch (error) {
        if (error instanceof errors/* AwsCallError */.iQ)
            throw error;
        const code = (0,errors/* errorCode */.CA)(error);
        if (code === 'ImageNotFoundException') {
            throw new errors/* AwsCallError */.iQ(`image ${ref.raw} does not exist in repository ${ref.repository} of registry ${ref.registryId} (${ref.region}); gate the reference your push step produced`, code, false);
        }
        if (code === 'RepositoryNotFoundException') {
            throw new errors/* AwsCallError */.iQ(`repository ${ref.repository} does not exist in registry ${ref.registryId} in ${ref.region}; check the region in the image URI (${ref.registryId}.dkr.ecr.<region>.amazonaws.com) against where the push step pushed it`, code, false);
        }
        throw (0,errors/* explainAwsError */.Ni)(error, { action: 'ecr:DescribeImages', doing });
    }
}
/**
 * An answer about another image than the one asked for (another digest, a tag it does not carry,
 * another repository or registry) would have the gate judge that image instead: refuse it, naming
 * both values.
 */
function checkAnswerIsAsked(detail, ref) {
    const mismatch = (what, asked, answered) => new errors/* AwsCallError */.iQ(`ECR's DescribeImages answer for ${ref.raw} is about another image: asked for ${what} ${asked}, answered ${answered}; the gate judges only the image it asked about`, 'UnexpectedResponse', false);
    if (ref.digest !== undefined && detail.imageDigest !== ref.digest) {
        throw mismatch('digest', ref.digest, String(detail.imageDigest));
    }
    if (ref.digest === undefined &&
        ref.tag !== undefined &&
        !(detail.imageTags ?? []).includes(ref.tag)) {
        throw mismatch('tag', ref.tag, `an image tagged ${JSON.stringify(detail.imageTags ?? [])}`);
    }
    if (detail.repositoryName !== undefined && detail.repositoryName !== ref.repository) {
        throw mismatch('repository', ref.repository, detail.repositoryName);
    }
    if (detail.registryId !== undefined && detail.registryId !== ref.registryId) {
        throw mismatch('registry', ref.registryId, detail.registryId);
    }
}
/** The manifest (or image index) document of one digest, as ECR stores it. */
async function getManifest(client, ref, digest) {
    const out = await (0,errors/* callAws */.IY)({ action: 'ecr:BatchGetImage', doing: `reading the manifest of ${ref.raw}` }, () => client.send(new dist_cjs.BatchGetImageCommand({
        registryId: ref.registryId,
        repositoryName: ref.repository,
        imageIds: [{ imageDigest: digest }],
        // Without these, ECR may refuse to return an index or manifest list as it is stored.
        acceptedMediaTypes: [
            'application/vnd.oci.image.index.v1+json',
            'application/vnd.docker.distribution.manifest.list.v2+json',
            'application/vnd.oci.image.manifest.v1+json',
            'application/vnd.docker.distribution.manifest.v2+json'
        ]
    })));
    const image = out.images?.[0];
    const answered = image?.imageId?.imageDigest;
    if (image?.imageManifest && answered !== undefined && answered !== digest) {
        throw new errors/* AwsCallError */.iQ(`ECR's BatchGetImage answer for ${ref.raw} is about another image: asked for digest ${digest}, answered ${answered}; the gate judges only the image it asked about`, 'UnexpectedResponse', false);
    }
    if (!image?.imageManifest) {
        const failure = out.failures?.[0];
        throw new errors/* AwsCallError */.iQ(`ECR could not return the manifest of ${ref.raw} (${digest}): ${failure?.failureCode ?? 'no image'} ${failure?.failureReason ?? ''}`.trim(), failure?.failureCode ?? 'UnexpectedResponse', false);
    }
    return { mediaType: image.imageManifestMediaType, document: image.imageManifest };
}
/** The registry scan types the gate has a path for (the enum test holds it to ECR's model). */
const REGISTRY_SCAN_TYPES = ['ENHANCED', 'BASIC'];
async function getRegistryScanType(client) {
    const out = await (0,errors/* callAws */.IY)({
        action: 'ecr:GetRegistryScanningConfiguration',
        doing: 'reading how the ECR registry scans images'
    }, () => client.send(new dist_cjs.GetRegistryScanningConfigurationCommand({})));
    const scanType = out.scanningConfiguration?.scanType;
    if (!REGISTRY_SCAN_TYPES.includes(scanType)) {
        throw new errors/* AwsCallError */.iQ(`GetRegistryScanningConfiguration returned an unknown scan type "${String(scanType)}"`, 'UnexpectedResponse', false);
    }
    return scanType;
}
/**
 * What each repository scan frequency means for an enhanced-scanning gate: MANUAL is "no rule
 * covers the repository", so no scan will come; the others scan. Another value is left to the
 * coverage wait, which reports it by its reason.
 */
const SCAN_FREQUENCIES = {
    SCAN_ON_PUSH: 'scanned',
    CONTINUOUS_SCAN: 'scanned',
    MANUAL: 'never'
};
/** `SCAN_ON_PUSH`, `CONTINUOUS_SCAN` or `MANUAL` (= not covered by any scanning rule). */
async function getRepositoryScanFrequency(client, ref) {
    const out = await (0,errors/* callAws */.IY)({
        action: 'ecr:BatchGetRepositoryScanningConfiguration',
        doing: `reading the scanning rules that apply to ${ref.repository}`
    }, () => client.send(new dist_cjs.BatchGetRepositoryScanningConfigurationCommand({ repositoryNames: [ref.repository] })));
    return out.scanningConfigurations?.[0]?.scanFrequency;
}
/** Reads a basic scan's status and, when complete, every page of its findings. */
async function describeBasicScan(client, ref, digest) {
    const findings = [];
    let status;
    let description;
    let completedAt;
    let enhancedCount = 0;
    let statedCounts = {};
    try {
        const pages = (0,paging/* guardedPages */.l)('DescribeImageScanFindings', (0,dist_cjs.paginateDescribeImageScanFindings)({ client, pageSize: 1000 }, {
            registryId: ref.registryId,
            repositoryName: ref.repository,
            imageId: { imageDigest: digest }
        }), (page) => page.nextToken);
        for await (const page of pages) {
            status = page.imageScanStatus?.status;
            description = page.imageScanStatus?.description;
            completedAt = page.imageScanFindings?.imageScanCompletedAt ?? completedAt;
            for (const finding of page.imageScanFindings?.findings ?? [])
                findings.push(finding);
            enhancedCount += page.imageScanFindings?.enhancedFindings?.length ?? 0;
            statedCounts = page.imageScanFindings?.findingSeverityCounts ?? statedCounts;
            if (status !== 'COMPLETE')
                break;
        }
    }
    catch (error) {
        if ((0,errors/* errorCode */.CA)(error) === 'ScanNotFoundException') {
            return {
                status: undefined,
                description: undefined,
                completedAt: undefined,
                findings: [],
                enhancedCount: 0,
                statedCounts: {}
            };
        }
        throw (0,errors/* explainAwsError */.Ni)(error, {
            action: 'ecr:DescribeImageScanFindings',
            doing: `reading the basic scan of ${ref.raw}`
        });
    }
    return { status, description, completedAt, findings, enhancedCount, statedCounts };
}
/**
 * StartImageScan errors that are an answer about the image rather than a failure of the call; any
 * other error is a failure, explained by `explainAwsError` (the enum test lists them).
 */
const START_SCAN_ANSWERS = {
    LimitExceededException: 'limit-exceeded',
    UnsupportedImageTypeException: 'unsupported',
    ImageArchivedException: 'archived'
};
const DAILY_QUOTA = new Set(['LimitExceededException']);
/** Starts a basic scan. ECR allows one per image per 24 hours; scan-on-push counts as that one. */
async function startBasicScan(client, ref, digest) {
    try {
        // LimitExceededException here is the once-a-day scan quota, which no retry lifts, but the SDK
        // classes that code as throttling (6 attempts, ~16 s of backoff, a slower adaptive rate for the
        // ECR client every other call shares): this call gets one attempt for it.
        await sendWithoutRetryOn((command) => client.send(command), new dist_cjs.StartImageScanCommand({
            registryId: ref.registryId,
            repositoryName: ref.repository,
            imageId: { imageDigest: digest }
        }), DAILY_QUOTA);
        return 'started';
    }
    catch (error) {
        const code = (0,errors/* errorCode */.CA)(error) ?? '';
        if (Object.hasOwn(START_SCAN_ANSWERS, code))
            return START_SCAN_ANSWERS[code];
        throw (0,errors/* explainAwsError */.Ni)(error, {
            action: 'ecr:StartImageScan',
            doing: `starting a basic scan of ${ref.raw}`
        });
    }
}
/** The push time of each of these digests in the reference's repository. */
async function describePushTimes(client, ref, digests) {
    const out = await (0,errors/* callAws */.IY)({ action: 'ecr:DescribeImages', doing: `reading the platform images of ${ref.raw}` }, () => client.send(new dist_cjs.DescribeImagesCommand({
        registryId: ref.registryId,
        repositoryName: ref.repository,
        imageIds: digests.map((imageDigest) => ({ imageDigest }))
    })));
    const times = new Map();
    for (const detail of out.imageDetails ?? []) {
        if (detail.imageDigest && detail.imagePushedAt)
            times.set(detail.imageDigest, detail.imagePushedAt);
    }
    return times;
}

// EXTERNAL MODULE: ./src/aws/inspector.ts
var inspector = __webpack_require__(9108);
// EXTERNAL MODULE: ./src/aws/sts.ts
var sts = __webpack_require__(8665);
// EXTERNAL MODULE: ./src/ensure-enabled/ensure-enabled.ts + 5 modules
var ensure_enabled = __webpack_require__(2914);
// EXTERNAL MODULE: ./src/runtime/error-message.ts
var error_message = __webpack_require__(1676);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-lambda/dist-cjs/index.js
var client_lambda_dist_cjs = __webpack_require__(1696);
;// CONCATENATED MODULE: ./src/aws/lambda.ts



/**
 * What each Lambda `State` says about the deployed code. `ready`: the code is in place (an idle,
 * deactivated or not-yet-invocable function still runs that code when invoked, and Inspector
 * scans it); `pending`: still being created; `failed`/`deleting`: there is no deployment to gate.
 * A state not listed is waited on, then reported by name when the wait runs out.
 */
const FUNCTION_STATES = {
    Active: 'ready',
    Inactive: 'ready',
    ActiveNonInvocable: 'ready',
    Deactivating: 'ready',
    Deactivated: 'ready',
    Pending: 'pending',
    Failed: 'failed',
    Deleting: 'deleting'
};
/** What each `LastUpdateStatus` says: the code is final only at Successful. */
const LAST_UPDATE_STATUSES = {
    Successful: 'ready',
    InProgress: 'pending',
    Failed: 'failed'
};
/** A value's meaning in `table`, or undefined for one the table does not list. */
function meaningOf(table, value) {
    return Object.hasOwn(table, value) ? table[value] : undefined;
}
async function getDeployedFunction(client, nameOrArn) {
    let out;
    try {
        out = await client.send(new client_lambda_dist_cjs.GetFunctionConfigurationCommand({ FunctionName: nameOrArn }));
    }
    catch (error) {
        if ((0,errors/* errorCode */.CA)(error) === 'ResourceNotFoundException') {
            throw new errors/* AwsCallError */.iQ(`function ${nameOrArn} does not exist in this account and region; gate the function your deploy step updated`, 'ResourceNotFoundException', false);
        }
        throw (0,errors/* explainAwsError */.Ni)(error, {
            action: 'lambda:GetFunctionConfiguration',
            doing: `reading the deployed configuration of ${nameOrArn}`
        });
    }
    const lastModified = parseLambdaTime(out.LastModified);
    if (!out.FunctionName || !out.FunctionArn || !out.CodeSha256 || lastModified === undefined) {
        throw new errors/* AwsCallError */.iQ(`GetFunctionConfiguration for ${nameOrArn} returned no name, ARN, CodeSha256 or LastModified`, 'UnexpectedResponse', false);
    }
    return {
        functionName: out.FunctionName,
        functionArn: out.FunctionArn,
        codeSha256: out.CodeSha256,
        lastModified,
        lastUpdateStatus: out.LastUpdateStatus,
        lastUpdateStatusReason: out.LastUpdateStatusReason,
        state: out.State,
        runtime: out.Runtime,
        packageType: out.PackageType,
        kmsKeyArn: out.KMSKeyArn
    };
}
/** Lambda writes `2026-11-22T10:00:00.000+0000`, which Date.parse reads only with a colon in the offset. */
function parseLambdaTime(value) {
    if (!value)
        return undefined;
    const iso = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
    const time = Date.parse(iso);
    return Number.isNaN(time) ? undefined : new Date(time);
}
/**
 * When this code was first in place, as far as published versions tell: the earliest
 * LastModified of a published version whose CodeSha256 is `codeSha256`. A version freezes the
 * code and configuration of its moment, so that code was deployed at or before it. Undefined when
 * no published version has this code (versions are not published, or not yet for this code).
 */
async function firstVersionWithCode(client, functionName, codeSha256) {
    return (0,errors/* callAws */.IY)({
        action: 'lambda:ListVersionsByFunction',
        doing: `reading the published versions of ${functionName}`
    }, async () => {
        let earliest;
        const pages = (0,paging/* guardedPages */.l)('ListVersionsByFunction', (0,client_lambda_dist_cjs.paginateListVersionsByFunction)({ client, pageSize: 50 }, { FunctionName: functionName }), (page) => page.NextMarker);
        for await (const page of pages) {
            for (const version of page.Versions ?? []) {
                if (version.Version === '$LATEST' || version.CodeSha256 !== codeSha256)
                    continue;
                const at = parseLambdaTime(version.LastModified);
                if (at !== undefined && (earliest === undefined || at < earliest))
                    earliest = at;
            }
        }
        return earliest;
    });
}

// EXTERNAL MODULE: ./src/domain/severity.ts
var domain_severity = __webpack_require__(1245);
// EXTERNAL MODULE: ./src/aws/response-shape.ts
var response_shape = __webpack_require__(2153);
;// CONCATENATED MODULE: ./src/aws/normalize.ts



/**
 * SDK shapes → domain Finding. A finding whose shape we do not understand is an error, never a
 * silently dropped or zero-counted finding: that is the fail-open bug class this tool exists to avoid.
 */
function unexpected(what) {
    return new errors/* AwsCallError */.iQ(`unexpected finding shape from AWS: ${what}`, 'UnexpectedResponse', false);
}
function severityOf(value, id) {
    const severity = (0,domain_severity/* parseAwsSeverity */.yp)(value);
    if (severity === undefined)
        throw unexpected(`finding ${id} has unknown severity "${String(value)}"`);
    return severity;
}
/**
 * Inspector's `fixAvailable` (YES, NO, PARTIAL) and `exploitAvailable` (YES, NO) values, read by
 * one table; anything else is `unknown` (never `no`), which no policy counts as "no fix".
 */
const AVAILABILITY = {
    YES: 'yes',
    NO: 'no',
    PARTIAL: 'partial'
};
function availability(value) {
    return value !== undefined && Object.hasOwn(AVAILABILITY, value)
        ? AVAILABILITY[value]
        : 'unknown';
}
/** Inspector finding types; a finding of another type is an error naming it, never skipped. */
const FINDING_TYPES = {
    PACKAGE_VULNERABILITY: 'package',
    CODE_VULNERABILITY: 'code',
    NETWORK_REACHABILITY: 'network'
};
function normalizeInspectorFinding(raw, artifact) {
    const id = raw.findingArn;
    if (!id)
        throw unexpected('a finding without findingArn');
    checkInspectorFinding(raw, new response_shape/* ShapeCheck */.W('ListFindings', `finding ${id}`));
    const type = Object.hasOwn(FINDING_TYPES, raw.type ?? '')
        ? FINDING_TYPES[raw.type ?? '']
        : undefined;
    if (type === undefined)
        throw unexpected(`finding ${id} has unknown type "${String(raw.type)}"`);
    const details = raw.packageVulnerabilityDetails;
    const packages = (details?.vulnerablePackages ?? []).map((p) => ({
        name: p.name ?? '(unnamed package)',
        ...(p.version !== undefined && {
            installedVersion: formatVersion(p.version, p.release, p.epoch)
        }),
        ...(p.fixedInVersion !== undefined &&
            p.fixedInVersion !== 'NotAvailable' && { fixedInVersion: p.fixedInVersion }),
        ...(p.packageManager !== undefined && { packageManager: p.packageManager }),
        ...(p.filePath !== undefined && { filePath: p.filePath })
    }));
    const codeDetails = raw.codeVulnerabilityDetails;
    const url = details?.sourceUrl ??
        details?.referenceUrls?.[0] ??
        codeDetails?.referenceUrls?.[0] ??
        raw.remediation?.recommendation?.Url;
    const adjusted = raw.inspectorScoreDetails?.adjustedCvss;
    return {
        id,
        vulnerabilityId: details?.vulnerabilityId ??
            codeDetails?.ruleId ??
            codeDetails?.detectorId ??
            raw.title ??
            id.split('/').pop() ??
            id,
        title: raw.title ?? details?.vulnerabilityId ?? '(untitled finding)',
        description: raw.description ?? '',
        severity: severityOf(raw.severity, id),
        type,
        source: 'inspector',
        ...(url !== undefined && { url }),
        packages,
        fixAvailable: fixability(raw),
        exploitAvailable: availability(raw.exploitAvailable),
        ...(raw.inspectorScore !== undefined && { inspectorScore: raw.inspectorScore }),
        ...(raw.epss?.score !== undefined && { epss: raw.epss.score }),
        ...(adjusted?.score !== undefined && {
            cvss: {
                score: adjusted.score,
                ...(adjusted.version !== undefined && { version: adjusted.version }),
                ...(adjusted.scoringVector !== undefined && { vector: adjusted.scoringVector })
            }
        }),
        ...(raw.remediation?.recommendation?.text !== undefined && {
            remediation: raw.remediation.recommendation.text
        }),
        ...(raw.firstObservedAt !== undefined && {
            firstObservedAt: raw.firstObservedAt.toISOString()
        }),
        ...(codeDetails !== undefined && { code: codeLocation(codeDetails, id) }),
        artifact
    };
}
/**
 * Whether a fix exists, from every field that says so: `fixAvailable`, and each vulnerable
 * package's `fixedInVersion` or `remediation`. A finding whose `fixAvailable` is missing (or says
 * NO) while its packages name a fixed version is fixable: with `fixable-only`, reading only
 * `fixAvailable` would pass a critical that has a published fix.
 */
function fixability(raw) {
    const stated = availability(raw.fixAvailable);
    if (stated === 'yes' || stated === 'partial')
        return stated;
    const packages = raw.packageVulnerabilityDetails?.vulnerablePackages ?? [];
    const fixed = packages.filter((p) => (p.fixedInVersion !== undefined &&
        p.fixedInVersion !== '' &&
        p.fixedInVersion !== 'NotAvailable') ||
        (p.remediation !== undefined && p.remediation.trim() !== ''));
    if (fixed.length === 0)
        return stated;
    return fixed.length === packages.length ? 'yes' : 'partial';
}
/**
 * Every member of an Inspector finding that the gate reads, checked for its type before it is read
 * (see ShapeCheck): a malformed finding makes its target an error that names it.
 */
function checkInspectorFinding(raw, check) {
    const f = raw;
    for (const member of [
        'type',
        'severity',
        'title',
        'description',
        'fixAvailable',
        'exploitAvailable'
    ]) {
        check.string(member, f[member]);
    }
    check.number('inspectorScore', f['inspectorScore']);
    check.number('epss.score', check.object('epss', f['epss'])?.['score']);
    check.date('firstObservedAt', f['firstObservedAt']);
    const details = check.object('packageVulnerabilityDetails', f['packageVulnerabilityDetails']);
    if (details !== undefined) {
        check.string('packageVulnerabilityDetails.vulnerabilityId', details['vulnerabilityId']);
        check.string('packageVulnerabilityDetails.sourceUrl', details['sourceUrl']);
        check.strings('packageVulnerabilityDetails.referenceUrls', details['referenceUrls']);
        const packages = check.list('packageVulnerabilityDetails.vulnerablePackages', details['vulnerablePackages']);
        packages?.forEach((entry, i) => {
            const where = `packageVulnerabilityDetails.vulnerablePackages[${i}]`;
            const p = check.object(where, entry);
            if (p === undefined)
                throw check.fail(where, 'missing');
            for (const member of [
                'name',
                'version',
                'release',
                'fixedInVersion',
                'remediation',
                'packageManager',
                'filePath'
            ]) {
                check.string(`${where}.${member}`, p[member]);
            }
            check.number(`${where}.epoch`, p['epoch']);
        });
    }
    const code = check.object('codeVulnerabilityDetails', f['codeVulnerabilityDetails']);
    if (code !== undefined) {
        for (const member of ['ruleId', 'detectorId', 'detectorName']) {
            check.string(`codeVulnerabilityDetails.${member}`, code[member]);
        }
        check.strings('codeVulnerabilityDetails.referenceUrls', code['referenceUrls']);
        check.strings('codeVulnerabilityDetails.cwes', code['cwes']);
        const path = check.object('codeVulnerabilityDetails.filePath', code['filePath']);
        if (path !== undefined) {
            check.string('codeVulnerabilityDetails.filePath.filePath', path['filePath']);
            check.string('codeVulnerabilityDetails.filePath.fileName', path['fileName']);
            check.number('codeVulnerabilityDetails.filePath.startLine', path['startLine']);
            check.number('codeVulnerabilityDetails.filePath.endLine', path['endLine']);
        }
    }
    const cvss = check.object('inspectorScoreDetails.adjustedCvss', check.object('inspectorScoreDetails', f['inspectorScoreDetails'])?.['adjustedCvss']);
    if (cvss !== undefined) {
        check.number('inspectorScoreDetails.adjustedCvss.score', cvss['score']);
        check.string('inspectorScoreDetails.adjustedCvss.version', cvss['version']);
        check.string('inspectorScoreDetails.adjustedCvss.scoringVector', cvss['scoringVector']);
    }
    const recommendation = check.object('remediation.recommendation', check.object('remediation', f['remediation'])?.['recommendation']);
    if (recommendation !== undefined) {
        check.string('remediation.recommendation.text', recommendation['text']);
        check.string('remediation.recommendation.Url', recommendation['Url']);
    }
}
function codeLocation(details, id) {
    const path = details.filePath?.filePath ?? details.filePath?.fileName;
    if (!path)
        throw unexpected(`code finding ${id} has no file path`);
    return {
        filePath: path,
        ...(details.filePath?.startLine !== undefined && { startLine: details.filePath.startLine }),
        ...(details.filePath?.endLine !== undefined && { endLine: details.filePath.endLine }),
        cwes: details.cwes ?? [],
        ...(details.detectorName !== undefined && { detectorName: details.detectorName }),
        ...(details.ruleId !== undefined && { ruleId: details.ruleId })
    };
}
function formatVersion(version, release, epoch) {
    const withRelease = release ? `${version}-${release}` : version;
    return epoch ? `${epoch}:${withRelease}` : withRelease;
}
/** ECR basic scanning findings carry package data as loose key/value attributes. */
function normalizeBasicFinding(raw, artifact) {
    const name = raw.name;
    if (!name)
        throw unexpected('a basic scan finding without a name');
    const attr = new Map((raw.attributes ?? []).map((a) => [a.key ?? '', a.value ?? '']));
    const packageName = attr.get('package_name');
    const score = Number(attr.get('CVSS3_SCORE') ?? attr.get('CVSS2_SCORE'));
    const vector = attr.get('CVSS3_VECTOR') ?? attr.get('CVSS2_VECTOR');
    const packages = packageName
        ? [
            {
                name: packageName,
                ...(attr.get('package_version') !== undefined && {
                    installedVersion: attr.get('package_version')
                })
            }
        ]
        : [];
    return {
        id: `${artifact.resourceId}/${name}/${packageName ?? ''}`,
        vulnerabilityId: name,
        title: name,
        description: raw.description ?? '',
        severity: severityOf(raw.severity, name),
        type: 'package',
        source: 'ecr-basic',
        ...(raw.uri !== undefined && { url: raw.uri }),
        packages,
        fixAvailable: 'unknown',
        exploitAvailable: 'unknown',
        ...(Number.isFinite(score) && {
            cvss: {
                score,
                version: attr.has('CVSS3_SCORE') ? '3' : '2',
                ...(vector !== undefined && { vector })
            }
        }),
        artifact
    };
}

// EXTERNAL MODULE: ./src/domain/function-reference.ts
var function_reference = __webpack_require__(9454);
// EXTERNAL MODULE: ./src/runtime/poll.ts
var poll = __webpack_require__(4415);
;// CONCATENATED MODULE: ./src/gate/scan/scan-status.ts
/** Reasons that mean "this artifact cannot be scanned", as opposed to "the setup prevents it". */
const UNSUPPORTED = new Set([
    'UNSUPPORTED_OS',
    'UNSUPPORTED_MEDIA_TYPE',
    'UNSUPPORTED_RUNTIME',
    'UNSUPPORTED_CODE_ARTIFACTS',
    'UNSUPPORTED_IMAGE',
    'IMAGE_SIZE_EXCEEDED',
    'NO_RESOURCES_FOUND'
]);
function refusal(reason, explanation) {
    return { kind: UNSUPPORTED.has(reason) ? 'unscannable' : 'blocked', reason, explanation };
}
/** What a coverage reason means and what to do, for reasons that end a wait. */
function explainReason(reason) {
    return UNSCANNABLE_REASONS[reason];
}
const UNSCANNABLE_REASONS = {
    SCAN_FREQUENCY_MANUAL: 'the repository matches no enhanced-scanning rule in the ECR registry scanning configuration; add a scan-on-push or continuous rule that covers it',
    SCAN_ELIGIBILITY_EXPIRED: "the image is outside Inspector's re-scan duration (push/pull date too old); push it again or lengthen the ECR re-scan duration in Inspector settings",
    UNSUPPORTED_OS: "Inspector does not support this image's operating system, architecture or manifest type; use a supported base image",
    UNSUPPORTED_MEDIA_TYPE: 'Inspector does not scan this media type (for example an image index); gate the platform images by digest',
    UNSUPPORTED_RUNTIME: 'Inspector does not support this runtime',
    UNSUPPORTED_CODE_ARTIFACTS: 'Inspector does not support these code artifacts',
    IMAGE_SIZE_EXCEEDED: 'the image is larger than Inspector scans',
    NO_RESOURCES_FOUND: 'Inspector found nothing to scan in this resource',
    EXCLUDED_BY_TAG: 'a tag excludes this resource from Inspector scanning; remove the exclusion tag',
    ACCESS_DENIED: 'a resource policy denies Inspector access; allow inspector2.amazonaws.com to read it',
    ACCESS_DENIED_TO_ENCRYPTION_KEY: "the KMS key policy does not let Inspector decrypt the resource; grant Inspector's service role kms:Decrypt",
    IMAGE_ARCHIVED: 'the image was moved to the ECR archive tier, and archived images are not scanned; restore it',
    RESOURCE_TERMINATED: 'the resource was deleted',
    PENDING_DISABLE: 'Inspector scanning is being disabled for this account or resource type'
};
/** Where a reason means something else for a Lambda function than for an image. */
const FUNCTION_REASONS = {
    SCAN_ELIGIBILITY_EXPIRED: 'Inspector stops scanning functions not invoked or updated for 90 days; deploy or invoke it, then gate again',
    EXCLUDED_BY_TAG: 'a tag on the function excludes it from Inspector scanning (InspectorExclusion / InspectorCodeExclusion); remove the tag',
    ACCESS_DENIED_TO_ENCRYPTION_KEY: 'Inspector does not scan functions encrypted with a customer managed KMS key; use the AWS managed key or accept that this function is not scanned'
};
const WAIT_REASONS = new Set(['PENDING_INITIAL_SCAN', 'SCAN_IN_PROGRESS', 'PENDING_REVIVAL_SCAN']);
/** Reasons that mean the artifact was scanned (or is covered and will be at the next push). */
const SCANNED_REASONS = new Set(['SUCCESSFUL', 'SCAN_FREQUENCY_SCAN_ON_PUSH']);
/** Inspector-side errors Inspector says it recovers from on its own: waited on, not refused. */
const SELF_HEALING_REASONS = new Set(['INTERNAL_ERROR']);
/**
 * Reasons of Inspector's model that describe other kinds of resources (EC2 instances, code
 * repositories, other clouds' VMs), never an ECR image or a Lambda function. Known by name so that
 * one on an image's or function's coverage row is reported at once, as the setup problem it is
 * (a coverage row that does not describe what was asked for), not waited on to the timeout as if
 * it were a new status that might resolve.
 */
const OTHER_RESOURCE_REASONS = {
    UNMANAGED_EC2_INSTANCE: 'EC2 instances (not managed by Systems Manager)',
    EC2_INSTANCE_STOPPED: 'EC2 instances (stopped)',
    NO_INVENTORY: 'EC2 instances (no SSM inventory)',
    STALE_INVENTORY: 'EC2 instances (SSM inventory out of date)',
    DEEP_INSPECTION_PACKAGE_COLLECTION_LIMIT_EXCEEDED: 'EC2 deep inspection',
    DEEP_INSPECTION_DAILY_SSM_INVENTORY_LIMIT_EXCEEDED: 'EC2 deep inspection',
    DEEP_INSPECTION_COLLECTION_TIME_LIMIT_EXCEEDED: 'EC2 deep inspection',
    DEEP_INSPECTION_NO_INVENTORY: 'EC2 deep inspection',
    AGENTLESS_INSTANCE_STORAGE_LIMIT_EXCEEDED: 'EC2 agentless scanning',
    AGENTLESS_INSTANCE_COLLECTION_TIME_LIMIT_EXCEEDED: 'EC2 agentless scanning',
    UNSUPPORTED_LANGUAGE: 'code repositories',
    UNSUPPORTED_CONFIG_FILE: 'code repositories',
    NO_SCAN_CONFIGURATION_ASSOCIATED: 'code repositories',
    INTEGRATION_CONNECTION_LOST: 'code repositories',
    RESOURCE_UNMANAGED: 'virtual machines in other clouds',
    RESOURCE_STOPPED: 'virtual machines in other clouds'
};
function otherResourceReason(reason, event) {
    const kind = event === 'deployment' ? 'a Lambda function' : 'an ECR image';
    return {
        kind: 'blocked',
        reason,
        explanation: `Inspector reported a status of ${OTHER_RESOURCE_REASONS[reason]} for ${kind}, so its coverage says nothing about this scan; check the resource's coverage in the Inspector console and re-run`
    };
}
/**
 * Coverage `scanStatus.statusCode` values. The reason decides the classification; a status code
 * outside these is a new AWS state, waited on and reported by name like an unknown reason.
 */
const COVERAGE_STATUS_CODES = ['ACTIVE', 'INACTIVE'];
/**
 * Every coverage reason `classifyCoverage` knows by name, from the tables it classifies with (the
 * enum test compares it with Inspector's model). Any other reason is waited on, then reported.
 */
const COVERAGE_REASONS = [
    ...SCANNED_REASONS,
    ...WAIT_REASONS,
    ...SELF_HEALING_REASONS,
    ...Object.keys(UNSCANNABLE_REASONS),
    ...Object.keys(OTHER_RESOURCE_REASONS)
];
/**
 * Classifies one Inspector coverage row for an artifact pushed (or deployed) at `notBefore`.
 * `undefined` coverage means Inspector has not discovered the artifact yet.
 */
function classifyCoverage(coverage, notBefore, 
/** What `notBefore` is, for the message: the image push or the function deployment. */
event = 'push') {
    if (coverage === undefined)
        return { kind: 'wait', state: 'not yet discovered by Inspector' };
    const reason = coverage.reason ?? 'UNKNOWN';
    if (coverage.statusCode !== undefined && !COVERAGE_STATUS_CODES.includes(coverage.statusCode)) {
        return { kind: 'wait', state: `unrecognised coverage status ${coverage.statusCode}/${reason}` };
    }
    if (SCANNED_REASONS.has(reason)) {
        const scannedAt = coverage.lastScannedAt;
        if (scannedAt === undefined) {
            // A scan-on-push repository scans an image only when it is pushed; the scan of this push may
            // still be on its way, so wait, but say what the timeout will mean if it never comes.
            const state = reason === 'SCAN_FREQUENCY_SCAN_ON_PUSH'
                ? 'SCAN_FREQUENCY_SCAN_ON_PUSH without a scan of this image; a scan-on-push repository scans only at push, so if this image was pushed before the rule or before Inspector scanned the registry, push it again or use a continuous scanning rule'
                : `${reason} but not scanned yet`;
            return { kind: 'wait', state };
        }
        if (notBefore !== undefined && scannedAt.getTime() < notBefore.getTime()) {
            return {
                kind: 'wait',
                state: `last scanned ${scannedAt.toISOString()}, before the ${event} at ${notBefore.toISOString()}`
            };
        }
        return { kind: 'done', scannedAt };
    }
    if (WAIT_REASONS.has(reason))
        return { kind: 'wait', state: reason };
    if (SELF_HEALING_REASONS.has(reason)) {
        // Inspector says it recovers from these on its own; if it does not, the timeout reports it.
        return { kind: 'wait', state: 'INTERNAL_ERROR (Inspector-side error it retries on its own)' };
    }
    const explanation = (event === 'deployment' ? FUNCTION_REASONS[reason] : undefined) ?? UNSCANNABLE_REASONS[reason];
    if (explanation !== undefined)
        return refusal(reason, explanation);
    if (Object.hasOwn(OTHER_RESOURCE_REASONS, reason))
        return otherResourceReason(reason, event);
    return { kind: 'wait', state: `unrecognised coverage status ${coverage.statusCode}/${reason}` };
}
/** How each ECR basic scanning `imageScanStatus.status` is classified; `detail` is ": description". */
const BASIC_SCAN_STATUS = {
    COMPLETE: () => ({ kind: 'done', scannedAt: undefined }),
    IN_PROGRESS: (status) => ({ kind: 'wait', state: status }),
    PENDING: (status) => ({ kind: 'wait', state: status }),
    FINDINGS_UNAVAILABLE: (status, detail) => ({ kind: 'wait', state: `${status}${detail}` }),
    // Continuous (enhanced) scanning reports ACTIVE forever; on the basic path it proves nothing.
    ACTIVE: () => ({ kind: 'wait', state: 'ACTIVE (continuous scanning; use Inspector coverage)' }),
    FAILED: (status, detail) => refusal(status, `the ECR basic scan failed${detail}`),
    UNSUPPORTED_IMAGE: (status, detail) => refusal(status, `ECR basic scanning does not support this image${detail}; use a supported base image or enhanced scanning`),
    LIMIT_EXCEEDED: (status) => refusal(status, 'ECR allows one basic scan per image per 24 hours and this image already used it; push a new image or wait'),
    SCAN_ELIGIBILITY_EXPIRED: (status) => refusal(status, UNSCANNABLE_REASONS[status]),
    IMAGE_ARCHIVED: (status) => refusal(status, UNSCANNABLE_REASONS[status])
};
/** The ECR scan statuses `classifyBasicScanStatus` knows (the enum test holds it to ECR's model). */
const BASIC_SCAN_STATUSES = Object.keys(BASIC_SCAN_STATUS);
/** ECR basic scanning `imageScanStatus.status` values, classified the same way. */
function classifyBasicScanStatus(status, description) {
    const detail = description ? `: ${description}` : '';
    const classify = status !== undefined ? BASIC_SCAN_STATUS[status] : undefined;
    if (status === undefined || classify === undefined || !Object.hasOwn(BASIC_SCAN_STATUS, status)) {
        return { kind: 'wait', state: `unrecognised ECR scan status ${status ?? '(none)'}` };
    }
    return classify(status, detail);
}

;// CONCATENATED MODULE: ./src/domain/scan-event.ts
/** Why a log event that names a digest could not be used as its scan event. */
class ScanEventShapeError extends Error {
    name = 'ScanEventShapeError';
}
const INITIAL_SCAN_COMPLETE = 'INITIAL_SCAN_COMPLETE';
/**
 * The scan event in one log message (EventBridge writes the whole event as JSON), or undefined
 * when the message is another kind of event (other source, detail-type or scan status: a log
 * group may hold more than the rule sends). A scan event of odd shape is an error naming what is
 * wrong, so the gate can say why it settles without it instead of trusting half an event.
 */
function parseScanEvent(message) {
    let event;
    try {
        event = JSON.parse(message);
    }
    catch {
        return undefined;
    }
    if (!isRecord(event))
        return undefined;
    if (event.source !== 'aws.inspector2' || event['detail-type'] !== 'Inspector2 Scan')
        return undefined;
    const detail = event.detail;
    if (!isRecord(detail))
        throw new ScanEventShapeError('the Inspector2 Scan event has no detail');
    if (detail['scan-status'] !== INITIAL_SCAN_COMPLETE)
        return undefined;
    // Lambda scan events name no image: they are not about any digest this gate waits for.
    if (detail['image-digest'] === undefined)
        return undefined;
    const digest = scan_event_text(detail['image-digest'], 'detail.image-digest');
    const repositoryArn = scan_event_text(detail['repository-name'], 'detail.repository-name');
    const time = new Date(scan_event_text(event.time, 'time'));
    if (Number.isNaN(time.getTime()))
        throw new ScanEventShapeError(`the scan event's time "${String(event.time)}" is not a date`);
    return {
        digest,
        repositoryArn,
        time,
        counts: parseCounts(detail['finding-severity-counts']),
        account: scan_event_text(event.account, 'account'),
        region: scan_event_text(event.region, 'region')
    };
}
function parseCounts(raw) {
    if (!isRecord(raw))
        throw new ScanEventShapeError('the scan event has no detail.finding-severity-counts');
    const bySeverity = {};
    let total;
    for (const [key, value] of Object.entries(raw)) {
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
            throw new ScanEventShapeError(`the scan event's finding-severity-counts.${key} is ${JSON.stringify(value)}, not a count`);
        }
        if (key === 'TOTAL')
            total = value;
        else
            bySeverity[key] = value;
    }
    if (total === undefined)
        throw new ScanEventShapeError('the scan event has no finding-severity-counts.TOTAL');
    const named = Object.values(bySeverity).reduce((a, b) => a + b, 0);
    if (named > total) {
        throw new ScanEventShapeError(`the scan event's severity counts add up to ${named}, more than its TOTAL ${total}`);
    }
    return { bySeverity, total };
}
/** What the findings read so far lack against the event's counts; empty when they hold them all. */
function countShortfall(findings, counts) {
    const short = [];
    for (const [severity, expected] of Object.entries(counts.bySeverity)) {
        // The event names Inspector's severities (`HIGH`); findings carry them in lower case.
        const held = findings.filter((f) => f.severity.toUpperCase() === severity).length;
        if (held < expected)
            short.push(`${severity} ${held} of ${expected}`);
    }
    if (findings.length < counts.total)
        short.push(`TOTAL ${findings.length} of ${counts.total}`);
    return short;
}
/** `CRITICAL 1, HIGH 2, TOTAL 5`: the event's counts in its own order, for logs and summaries. */
function describeCounts(counts) {
    return [
        ...Object.entries(counts.bySeverity).map(([s, n]) => `${s} ${n}`),
        `TOTAL ${counts.total}`
    ].join(', ');
}
function scan_event_text(value, field) {
    if (typeof value !== 'string' || value === '')
        throw new ScanEventShapeError(`the scan event has no ${field}`);
    return value;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// EXTERNAL MODULE: ./src/domain/finding.ts
var finding = __webpack_require__(5457);
;// CONCATENATED MODULE: ./src/gate/scan/waiting.ts

/**
 * `app:v1 [linux/arm64/v8 sha256:0123456789ab]` / `orders-api [code scanning CodeSha256 Xk…]`: short
 * enough for a log line, exact enough to find.
 */
function artifactName(artifact) {
    const content = (0,finding/* artifactContent */.O_)(artifact);
    const short = content.length > 26 ? `${content.slice(0, 26)}…` : content;
    const variant = (0,finding/* artifactVariant */.MP)(artifact);
    return variant
        ? `${artifact.reference} [${variant} ${short}]`
        : `${artifact.reference} [${short}]`;
}
/**
 * Now on AWS's clock (the runner's clock plus the offset AWS's answers showed), for every
 * comparison of a time AWS reported (lastScannedAt, imagePushedAt, LastModified) with now. Before
 * any answer carried a `Date`, the runner's clock is all there is.
 */
function awsNow(deps) {
    return deps.clock.now() + (deps.clients.awsTime.offsetMs() ?? 0);
}
/** Poll options for one artifact's wait, logging each pause so a long wait is never silent. */
function pollOptions(deps, name, reserveMs = 0) {
    return {
        deadline: deps.deadline - reserveMs,
        initialDelayMs: deps.timing.pollInitialMs,
        maxDelayMs: deps.timing.pollMaxMs,
        ...(deps.random !== undefined && { random: deps.random }),
        onWait: ({ state, delayMs }) => deps.log.info(`${name}: ${state}; next check in ${Math.round(delayMs / 100) / 10}s`)
    };
}
/**
 * The outcome for a scan that will not happen. An unsupported artifact is `unscannable` (the team's
 * `on-unscannable` decides); a setup problem is an error (`on-error` decides), with the reason kept.
 */
function refusalOutcome(artifact, refusal, scanner) {
    if (refusal.kind === 'unscannable') {
        return {
            status: 'unscannable',
            artifact,
            reason: refusal.reason,
            explanation: refusal.explanation
        };
    }
    return {
        status: 'error',
        reference: artifact.reference,
        artifact,
        message: `${scanner} will not scan it (${refusal.reason}): ${refusal.explanation}`,
        timedOut: false
    };
}

;// CONCATENATED MODULE: ./src/gate/scan/settle.ts


/**
 * Findings keep arriving for a while after Inspector reports a scan complete, so one read is not
 * enough. Two proofs end the wait:
 * - **The scan's own count.** Inspector's `Inspector2 Scan` event counts what the scan found; the
 *   moment ListFindings holds at least that for every severity it names and in total, the set is
 *   complete (more is fine: a later re-scan found more). Once the event is known, nothing else
 *   settles: fewer findings when the bound runs out is `unsettled`.
 * - **The quiet period**, without an event: re-read until two consecutive reads agree, counting
 *   agreement only once a quiet period has passed since the scan (two empty reads seconds after
 *   completion prove little). A scan that finished long ago still needs two agreeing reads: AWS
 *   promises no propagation time after which one read is enough.
 * "Since the scan" is on AWS's clock (`scannedAt` is AWS's time): with a runner ahead of AWS, its
 * own clock would call a scan that just finished old; with a runner behind, never quiet.
 */
async function settleFindings(name, read, scannedAt, deps, scanEvent) {
    let latest = await read();
    // The bound counts from the first read's end: a first read slowed by throttling and retries
    // must not leave no time for the second.
    const settleDeadline = Math.min(deps.deadline, deps.clock.now() + deps.timing.settleMs);
    let previous;
    for (;;) {
        const event = scanEvent?.state();
        const current = fingerprint(latest);
        if (event?.kind === 'found') {
            const shortfall = countShortfall(latest, event.event.counts);
            const proof = {
                kind: 'scan-event',
                counts: event.event.counts,
                eventTime: event.event.time
            };
            if (shortfall.length === 0) {
                deps.log.info(`${name}: findings match Inspector's scan event (${describeCounts(event.event.counts)})`);
                return { findings: latest, settled: true, settledBy: proof };
            }
            if (deps.clock.now() >= settleDeadline) {
                return { findings: latest, settled: false, settledBy: { ...proof, shortfall } };
            }
            deps.log.info(`${name}: findings still arriving (${shortfall.join(', ')} of Inspector's scan event)`);
        }
        else {
            const quiet = scannedAt === undefined || awsNow(deps) - scannedAt.getTime() >= quietMs(deps);
            const proof = {
                kind: 'quiet-period',
                ...(event?.kind === 'unavailable' && { withoutScanEvent: event.reason }),
                ...(event?.kind === 'pending' && {
                    withoutScanEvent: "Inspector's scan event was not in the log group in time"
                })
            };
            if (previous !== undefined && current === previous && quiet)
                return { findings: latest, settled: true, settledBy: proof };
            if (previous !== undefined && current !== previous)
                deps.log.info(`${name}: findings still arriving (${latest.length} so far)`);
            if (deps.clock.now() >= settleDeadline)
                return { findings: latest, settled: false, settledBy: proof };
        }
        previous = current;
        const remaining = settleDeadline - deps.clock.now();
        // The event says findings are due: look often. Without it, the slower re-read; an event that
        // arrives meanwhile cuts the pause short.
        const interval = event?.kind === 'found' ? deps.timing.scanEventPollMs : deps.timing.settleIntervalMs;
        await deps.clock.sleep(Math.min(interval, remaining), event?.kind === 'pending' ? scanEvent?.found : undefined);
        latest = await read();
    }
}
function fingerprint(findings) {
    return findings
        .map((f) => `${f.id}:${f.severity}`)
        .sort()
        .join('\n');
}
/** How long after a scan two agreeing reads are believed: three settle intervals, within the bound. */
function quietMs(deps) {
    return Math.min(deps.timing.settleMs, 3 * deps.timing.settleIntervalMs);
}
/**
 * The coverage wait stops this much before the deadline, so a scan that completes late still gets
 * its findings read twice instead of once.
 */
function settleReserveMs(deps) {
    return Math.min(deps.timing.settleMs, deps.timing.settleIntervalMs);
}

// EXTERNAL MODULE: ./src/aws/transient.ts
var aws_transient = __webpack_require__(8067);
;// CONCATENATED MODULE: ./src/gate/scan/function-scanner.ts












/**
 * Everything about one `functions:` entry: wait for the deployment to finish, then, for standard
 * (package) scanning and — when on — code scanning, wait until Inspector scanned `$LATEST` at or
 * after the deployment and keep only findings of exactly the deployed code (CodeSha256): findings
 * of the previous deployment are closed only later and must not decide this build.
 */
async function scanFunction(ref, codeScanning, deps) {
    let deployed;
    try {
        deployed = await awaitDeployment(ref, deps);
    }
    catch (error) {
        return [errorOutcome(ref.raw, undefined, error, 'Lambda to finish the deployment')];
    }
    const base = {
        kind: 'function',
        reference: ref.raw,
        region: ref.region,
        accountId: deployed.functionArn.split(':')[4] ?? ref.accountId ?? '',
        functionName: deployed.functionName,
        codeSha256: deployed.codeSha256,
        lastModified: deployed.lastModified,
        resourceId: (0,function_reference/* functionResourceId */.oH)(deployed.functionArn),
        ...(deployed.runtime !== undefined && { runtime: deployed.runtime })
    };
    deps.log.info(`${ref.raw}: deployed CodeSha256 ${deployed.codeSha256} at ${deployed.lastModified.toISOString()}`);
    const artifacts = [{ ...base, scanType: 'package' }];
    if (codeScanning)
        artifacts.push({ ...base, scanType: 'code' });
    return Promise.all(artifacts.map(async (artifact) => {
        try {
            return await scanFunctionArtifact(artifact, deps);
        }
        catch (error) {
            return errorOutcome(ref.raw, artifact, error, 'Inspector to scan the deployed code');
        }
    }));
}
/** A deployment is final only when Lambda says the update succeeded; the code may change until then. */
async function awaitDeployment(ref, deps) {
    const client = deps.clients.lambda(ref.region);
    return (0,poll/* poll */.w)(async () => {
        const read = await (0,aws_transient/* tolerateTransient */.f)(() => getDeployedFunction(client, ref.nameOrArn));
        if (!read.ok)
            return { done: false, state: read.state };
        const fn = read.value;
        // Older functions may lack either field; a missing one says nothing against the code.
        const state = fn.state === undefined ? 'ready' : meaningOf(FUNCTION_STATES, fn.state);
        const update = fn.lastUpdateStatus === undefined
            ? 'ready'
            : meaningOf(LAST_UPDATE_STATUSES, fn.lastUpdateStatus);
        if (update === 'failed' || state === 'failed') {
            throw new Error(`the last deployment of ${fn.functionName} failed (${fn.lastUpdateStatusReason ?? 'no reason given'}); fix the deployment before gating it`);
        }
        if (state === 'deleting') {
            throw new Error(`${fn.functionName} is being deleted (State Deleting); gate the function your deploy step updated`);
        }
        if (state === 'pending')
            return { done: false, state: 'function is still being created (State Pending)' };
        if (update === 'pending') {
            return { done: false, state: 'deployment still in progress (LastUpdateStatus InProgress)' };
        }
        // A new Lambda value is not taken as "deployed": waited on, then named by the timeout.
        if (state === undefined || update === undefined) {
            return {
                done: false,
                state: `unrecognised Lambda State ${String(fn.state)} / LastUpdateStatus ${String(fn.lastUpdateStatus)}`
            };
        }
        return { done: true, value: fn };
    }, pollOptions(deps, ref.raw, settleReserveMs(deps)), deps.clock);
}
async function scanFunctionArtifact(artifact, deps) {
    const client = deps.clients.inspector(artifact.region);
    const name = artifactName(artifact);
    const scanType = artifact.scanType === 'code' ? 'CODE' : 'PACKAGE';
    const findingType = artifact.scanType === 'code' ? 'CODE_VULNERABILITY' : 'PACKAGE_VULNERABILITY';
    const listFindings = () => (0,inspector/* listFunctionFindings */.D4)(client, {
        resourceId: artifact.resourceId,
        functionName: artifact.functionName,
        accountId: artifact.accountId,
        findingType
    });
    const evidence = deployedCodeEvidence(artifact, listFindings, deps);
    const coverage = await (0,poll/* poll */.w)(async () => {
        const snapshot = await (0,aws_transient/* tolerateTransient */.f)(() => (0,inspector/* getFunctionCoverage */.TH)(client, artifact, scanType));
        if (!snapshot.ok)
            return { done: false, state: snapshot.state };
        const c = classifyCoverage(snapshot.value, artifact.lastModified, 'deployment');
        if (c.kind !== 'wait')
            return { done: true, value: c };
        const scannedAt = scanBeforeDeployment(snapshot.value, artifact.lastModified);
        if (scannedAt === undefined)
            return { done: false, state: c.state };
        // LastModified moves with configuration-only updates too, which start no scan: the scan
        // counts if evidence shows it is of the deployed code; otherwise say what would show it.
        const proof = await evidence(scannedAt);
        if (proof !== undefined) {
            deps.log.info(`${name}: ${proof}`);
            return { done: true, value: { kind: 'done', scannedAt } };
        }
        return {
            done: false,
            state: `${c.state}, and nothing shows it scanned CodeSha256 ${artifact.codeSha256} (an update of configuration only starts no Inspector scan: publish a version with each deployment, e.g. --publish, so the gate can tell when this code was deployed, or deploy the code again)`
        };
    }, pollOptions(deps, name, settleReserveMs(deps)), deps.clock);
    if (coverage.kind !== 'done')
        return refusalOutcome(artifact, coverage, 'Inspector');
    deps.log.info(`${name}: Inspector scan complete (${coverage.scannedAt?.toISOString() ?? 'time unknown'})`);
    let previousDeployments = 0;
    const read = async () => {
        const raw = await listFindings();
        // A finding that does not say which code it is about is counted: dropping it could fail open.
        const current = raw.filter((f) => {
            const code = deployedCodeOf(f);
            return code === undefined || code === artifact.codeSha256;
        });
        previousDeployments = raw.length - current.length;
        return current.map((f) => normalizeInspectorFinding(f, artifact));
    };
    const { findings, settled, settledBy } = await settleFindings(name, read, coverage.scannedAt, deps);
    if (previousDeployments > 0) {
        deps.log.info(`${name}: left out ${previousDeployments} findings of earlier deployments (other CodeSha256)`);
    }
    return {
        status: 'scanned',
        artifact,
        scanMode: 'enhanced',
        ...(coverage.scannedAt !== undefined && { scannedAt: coverage.scannedAt }),
        findings,
        settled,
        settledBy
    };
}
/** The last scan time of a completed scan older than the deployment, else undefined. */
function scanBeforeDeployment(coverage, lastModified) {
    const reason = coverage?.reason;
    if (reason !== 'SUCCESSFUL' && reason !== 'SCAN_FREQUENCY_SCAN_ON_PUSH')
        return undefined;
    const scannedAt = coverage?.lastScannedAt;
    return scannedAt !== undefined && scannedAt < lastModified ? scannedAt : undefined;
}
/**
 * Whether a scan at `scannedAt`, older than LastModified, is a scan of the deployed code: either
 * a published version with this CodeSha256 is no newer than the scan (read once: the code was in
 * place by then, and the later LastModified is a configuration change), or a finding of this
 * function names this CodeSha256 (only a scan of this code raises one). A scan with no findings
 * names no code, so without versions nothing can prove it. Returns the proof in words, or
 * undefined. A failed read is no proof, and never a pass.
 */
function deployedCodeEvidence(artifact, listFindings, deps) {
    let codeSince;
    return async (scannedAt) => {
        codeSince ??= firstVersionWithCode(deps.clients.lambda(artifact.region), artifact.functionName, artifact.codeSha256).catch((error) => {
            deps.log.info(`${artifact.reference}: could not read the published versions (${(0,error_message/* errorMessage */.g)(error)}); only findings can show which code was scanned`);
            return undefined;
        });
        const since = await codeSince;
        if (since !== undefined && scannedAt >= since) {
            return `last scanned ${scannedAt.toISOString()}, after version with this CodeSha256 was published (${since.toISOString()}): the later update (LastModified ${artifact.lastModified.toISOString()}) changed configuration only`;
        }
        const findings = await listFindings().catch(() => []);
        if (findings.some((f) => deployedCodeOf(f) === artifact.codeSha256)) {
            return `last scanned ${scannedAt.toISOString()}, before LastModified ${artifact.lastModified.toISOString()}, but Inspector's findings name the deployed CodeSha256: the update changed configuration only`;
        }
        return undefined;
    };
}
/** The CodeSha256 a Lambda finding was raised against; undefined when the finding does not say. */
function deployedCodeOf(finding) {
    const check = new response_shape/* ShapeCheck */.W('ListFindings', `finding ${finding.findingArn ?? '(without ARN)'}`);
    const resources = check.list('resources', finding.resources) ?? [];
    for (const [i, entry] of resources.entries()) {
        const details = check.object(`resources[${i}].details`, check.object(`resources[${i}]`, entry)?.['details']);
        const fn = check.object(`resources[${i}].details.awsLambdaFunction`, details?.['awsLambdaFunction']);
        const code = check.string(`resources[${i}].details.awsLambdaFunction.codeSha256`, fn?.['codeSha256']);
        if (code)
            return code;
    }
    return undefined;
}
function errorOutcome(reference, artifact, error, waitingFor) {
    const timedOut = error instanceof poll/* PollTimeoutError */.t || (0,errors/* isDeadlineExceeded */.A7)(error);
    const message = error instanceof poll/* PollTimeoutError */.t
        ? `timed out waiting for ${waitingFor}: ${error.message}; raise timeout or check the function in the console`
        : error instanceof Error
            ? error.message
            : String(error);
    return {
        status: 'error',
        reference,
        ...(artifact !== undefined && { artifact }),
        message,
        timedOut
    };
}

;// CONCATENATED MODULE: ./src/gate/scan/basic-scanner.ts







/**
 * ECR basic scanning of one digest. When no scan exists yet (no scan on push), start one; ECR allows
 * one per image per 24 h, so "limit exceeded" on start means a scan is already under way or done.
 */
async function scanBasic(artifact, ref, deps) {
    const client = deps.clients.ecr(artifact.region);
    const name = artifactName(artifact);
    let startAttempted = false;
    let limitHitAt;
    /** No scan exists yet: start one (once), or say how long to wait for the one ECR accepted. */
    const noScanYet = async () => {
        if (!startAttempted) {
            startAttempted = true;
            const started = await startBasicScan(client, ref, artifact.digest);
            // ECR refusing to scan this image type is the same verdict as a scan that says so.
            if (started === 'unsupported')
                return 'UNSUPPORTED_IMAGE';
            // An archived image is not scanned until restored: a setup problem, like the scan status.
            if (started === 'archived')
                return 'IMAGE_ARCHIVED';
            if (started === 'limit-exceeded')
                limitHitAt = deps.clock.now();
            deps.log.info(started === 'started'
                ? `${name}: no basic scan existed; started one`
                : `${name}: a basic scan was already requested for this image in the last 24 h; waiting for it`);
            return { done: false, state: 'scan requested' };
        }
        if (limitHitAt !== undefined && deps.clock.now() - limitHitAt > 2 * deps.timing.pollMaxMs) {
            // ECR said today's scan was used, yet none appears: none will, until tomorrow.
            return 'LIMIT_EXCEEDED';
        }
        return { done: false, state: 'waiting for the scan ECR accepted to appear' };
    };
    const awaited = await (0,poll/* poll */.w)(async () => {
        const read = await (0,aws_transient/* tolerateTransient */.f)(() => describeBasicScan(client, ref, artifact.digest));
        if (!read.ok)
            return { done: false, state: read.state };
        const current = read.value;
        const status = current.status ?? (await noScanYet());
        if (typeof status !== 'string')
            return status;
        const c = classifyBasicScanStatus(status, current.description);
        if (c.kind === 'wait')
            return { done: false, state: c.state };
        if (c.kind !== 'done') {
            const outcome = refusalOutcome(artifact, c, 'ECR basic scanning');
            return { done: true, value: { kind: 'refused', outcome } };
        }
        return { done: true, value: { kind: 'complete', scan: current } };
    }, pollOptions(deps, name), deps.clock);
    if (awaited.kind === 'refused')
        return awaited.outcome;
    const result = awaited.scan;
    if (result.enhancedCount > 0) {
        // Enhanced findings on the basic path mean the registry changed scan type mid-run; reading
        // only the basic list would under-count, so refuse rather than guess.
        throw new errors/* AwsCallError */.iQ(`${name}: ECR returned enhanced findings although the registry reported basic scanning; run the gate again`, 'UnexpectedResponse', false);
    }
    checkListMatchesCounts(result, name);
    return {
        status: 'scanned',
        artifact,
        scanMode: 'basic',
        ...(result.completedAt !== undefined && { scannedAt: result.completedAt }),
        findings: result.findings.map((raw) => normalizeBasicFinding(raw, artifact)),
        // Basic scan results are final once COMPLETE; nothing trickles in afterwards.
        settled: true,
        settledBy: { kind: 'scan-complete' }
    };
}
/**
 * ECR states the number of findings per severity beside the list. A list short of those counts is
 * not the whole answer (a truncated page, a proxy that dropped it): judging it would pass what the
 * counts say is there.
 */
function checkListMatchesCounts(scan, name) {
    const listed = new Map();
    for (const finding of scan.findings) {
        const severity = String(finding.severity);
        listed.set(severity, (listed.get(severity) ?? 0) + 1);
    }
    const short = Object.entries(scan.statedCounts)
        .filter(([severity, count]) => (listed.get(severity) ?? 0) < count)
        .map(([severity, count]) => `${severity} ${listed.get(severity) ?? 0} of ${count}`);
    if (short.length > 0) {
        throw new errors/* AwsCallError */.iQ(`${name}: ECR's DescribeImageScanFindings lists fewer findings than its own findingSeverityCounts (${short.join(', ')}); the finding list is incomplete, so the gate cannot pass it; run the gate again`, 'UnexpectedResponse', false);
    }
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch-logs/dist-cjs/index.js
var client_cloudwatch_logs_dist_cjs = __webpack_require__(303);
;// CONCATENATED MODULE: ./src/aws/scan-events.ts



/**
 * Every event of the log group matching the pattern since `startTime`, all pages. FilterLogEvents
 * may answer pages without events while it is still searching, with a token for the rest: only a
 * page without a token ends the search.
 */
async function filterLogMessages(client, query, clock) {
    return (0,errors/* callAws */.IY)({
        action: 'logs:FilterLogEvents',
        doing: `reading Inspector's scan events from the log group ${query.logGroupName}`
    }, async () => {
        const messages = [];
        const pages = (0,client_cloudwatch_logs_dist_cjs.paginateFilterLogEvents)({ client }, {
            logGroupName: query.logGroupName,
            filterPattern: query.filterPattern,
            startTime: query.startTime
        });
        for await (const page of (0,paging/* guardedPages */.l)('FilterLogEvents', pages, (p) => p.nextToken, {
            clock
        })) {
            for (const event of page.events ?? []) {
                if (typeof event.message === 'string' && typeof event.timestamp === 'number')
                    messages.push({ timestamp: event.timestamp, message: event.message });
            }
        }
        return messages;
    });
}

// EXTERNAL MODULE: ./src/gate/scan/scan-event-log-group.ts
var scan_event_log_group = __webpack_require__(6296);
;// CONCATENATED MODULE: ./src/gate/scan/scan-events.ts





/**
 * A log group's `Inspector2 Scan` events are searched from this long before the push, for
 * EventBridge's timestamps and AWS's clocks; the event itself must be at or after the push.
 */
const LOOK_BACK_MS = 60_000;
/** Event times have whole seconds; a push has milliseconds. */
const TIME_GRAIN_MS = 1_000;
/** CloudWatch Logs caps a filter pattern at 1,024 characters: at most this many digest terms. */
const MAX_DIGEST_TERMS = 12;
/**
 * Watches one log group for the scan events of every target that asked, with ONE FilterLogEvents
 * search per interval for all of them (the digests ORed in one narrow pattern), so twenty targets
 * cost what one does. It runs only while a target waits and stops at the deadline. A permission or
 * a missing group ends the watch for every target: each then settles by the quiet period, and the
 * reason is logged once.
 */
class LogGroupWatcher {
    logGroup;
    region;
    deps;
    watched = new Set();
    running = false;
    stopped;
    idle = new AbortController();
    /** Known once located: the first search waits for it, and it is never looked up twice. */
    logGroupName;
    /**
     * @param logGroup the group's name, or how to find it (the responder stack's output), which
     *   is done when the first target waits, so a gate with nothing to wait for never asks.
     */
    constructor(logGroup, region, deps) {
        this.logGroup = logGroup;
        this.region = region;
        this.deps = deps;
        if (typeof logGroup === 'string')
            this.logGroupName = logGroup;
    }
    watch(subject) {
        const entry = {
            subject,
            state: this.stopped === undefined
                ? { kind: 'pending' }
                : { kind: 'unavailable', reason: this.stopped },
            found: new AbortController()
        };
        if (this.stopped === undefined) {
            this.watched.add(entry);
            if (!this.running)
                void this.run();
        }
        return {
            state: () => entry.state,
            found: entry.found.signal,
            close: () => {
                this.watched.delete(entry);
                if (this.pending().length === 0)
                    this.idle.abort();
            }
        };
    }
    pending() {
        return [...this.watched].filter((w) => w.state.kind === 'pending');
    }
    async run() {
        this.running = true;
        try {
            if (!(await this.located()))
                return;
            while (this.stopped === undefined && this.deps.clock.now() < this.deps.deadline) {
                const waiting = this.pending();
                if (waiting.length === 0)
                    break;
                await this.search(waiting);
                if (this.pending().length === 0)
                    break;
                const remaining = this.deps.deadline - this.deps.clock.now();
                // A fresh signal per pause: one aborted while nobody waited must not make later pauses
                // instant when a new target arrives before the loop ends.
                this.idle = new AbortController();
                await this.deps.clock.sleep(Math.min(this.deps.timing.scanEventPollMs, Math.max(0, remaining)), this.idle.signal);
            }
        }
        finally {
            this.running = false;
        }
    }
    /** False when there is no group to read: every target then settles by the quiet period. */
    async located() {
        if (this.logGroupName !== undefined || typeof this.logGroup === 'string')
            return true;
        const located = await this.logGroup();
        if ('logGroupName' in located) {
            this.logGroupName = located.logGroupName;
            this.deps.log.debug(`scan events: reading the log group ${located.logGroupName} in ${this.region}`);
            return true;
        }
        this.end(located.unavailable, located.level);
        return false;
    }
    async search(waiting) {
        const logGroupName = this.logGroupName ?? '';
        const digests = [...new Set(waiting.map((w) => w.subject.digest))];
        // Up to a dozen digests fit one pattern; past that, every scan event of the window is read and
        // matched here (the group holds only scan events, so that is still a small read).
        const filterPattern = digests.length === 1
            ? `"${digests[0]}"`
            : digests.length <= MAX_DIGEST_TERMS
                ? digests.map((d) => `?"${d}"`).join(' ')
                : '"Inspector2 Scan"';
        const startTime = Math.min(...waiting.map((w) => w.subject.pushedAt)) - LOOK_BACK_MS;
        let messages;
        try {
            messages = await filterLogMessages(this.deps.clients.logs(this.region), { logGroupName, filterPattern, startTime }, this.deps.clock);
        }
        catch (error) {
            if (error instanceof errors/* AwsCallError */.iQ && error.retryable) {
                this.deps.log.debug(`scan events: ${error.message}; trying again`);
                return;
            }
            this.stop((0,error_message/* errorMessage */.g)(error), error);
            return;
        }
        for (const { message } of messages)
            this.take(message, waiting);
    }
    /** One log message: the scan event of some waiting targets, another event, or an odd one. */
    take(message, waiting) {
        let event;
        try {
            event = parseScanEvent(message);
        }
        catch (error) {
            if (!(error instanceof ScanEventShapeError))
                throw error;
            // An event of odd shape cannot prove a count: the targets it names settle without it.
            for (const w of waiting.filter((w) => message.includes(w.subject.digest))) {
                w.state = {
                    kind: 'unavailable',
                    reason: `${error.message} (log group ${this.logGroupName ?? ''})`
                };
                this.deps.log.warning(`${w.subject.digest}: ${error.message} in the log group ${this.logGroupName ?? ''}; settling by the quiet period instead`);
            }
            return;
        }
        if (event === undefined)
            return;
        for (const w of waiting) {
            if (w.state.kind !== 'pending' || !matches(event, w.subject))
                continue;
            w.state = { kind: 'found', event };
            w.found.abort();
        }
    }
    stop(reason, error) {
        const code = error instanceof errors/* AwsCallError */.iQ ? error.code : '';
        this.end(code === 'ResourceNotFoundException'
            ? `the log group ${this.logGroupName ?? ''} does not exist in ${this.region}`
            : reason, 'warning');
    }
    /** The watch is over for every target, present and future; the reason is said once. */
    end(line, level) {
        this.stopped = line;
        this.deps.log[level](`scan events unavailable (${line}); settling findings by the quiet period instead`);
        for (const w of this.watched) {
            if (w.state.kind === 'pending')
                w.state = { kind: 'unavailable', reason: line };
        }
    }
}
function matches(event, subject) {
    return (event.digest === subject.digest &&
        event.repositoryArn === subject.repositoryArn &&
        event.region === subject.region &&
        event.time.getTime() >= subject.pushedAt - TIME_GRAIN_MS);
}
/** The repository ARN an image's scan event names: its resource id without the digest. */
function repositoryArnOf(resourceId, digest) {
    return resourceId.endsWith(`/${digest}`) ? resourceId.slice(0, -digest.length - 1) : resourceId;
}
/**
 * One watcher per Region, created when a target there first asks; undefined when the setting is
 * `off`. From the stack, each Region reads its own stack's output: a responder is deployed per Region.
 */
function scanEventSource(setting, deps) {
    if (setting.kind === 'off')
        return undefined;
    const byRegion = new Map();
    return {
        watch: (subject) => {
            const watcher = byRegion.get(subject.region) ??
                new LogGroupWatcher(() => (0,scan_event_log_group/* locateScanEventLogGroup */.X)(setting, subject.region, deps), subject.region, deps);
            byRegion.set(subject.region, watcher);
            return watcher.watch(subject);
        }
    };
}

;// CONCATENATED MODULE: ./src/gate/scan/enhanced-scanner.ts








/**
 * Enhanced (Inspector) scanning of one image digest: wait until Inspector coverage says that exact
 * digest was scanned at or after its push, then read its findings until two reads agree.
 */
async function scanEnhanced(artifact, deps) {
    const client = deps.clients.inspector(artifact.region);
    const name = artifactName(artifact);
    // Inspector's own scan event, when there is a log group to read it from: it may end the coverage
    // wait (it says the scan of this digest is complete) and it settles the findings on its counts.
    const scanEvent = watchScanEvent(artifact, deps);
    try {
        return await scanWithEvent(artifact, client, name, deps, scanEvent);
    }
    finally {
        scanEvent?.close();
    }
}
async function scanWithEvent(artifact, client, name, deps, scanEvent) {
    const coverage = await (0,poll/* poll */.w)(async () => {
        const event = scanEvent?.state();
        if (event?.kind === 'found') {
            deps.log.info(`${name}: Inspector's scan event says the scan is complete`);
            return { done: true, value: { kind: 'done', scannedAt: event.event.time } };
        }
        const snapshot = await (0,aws_transient/* tolerateTransient */.f)(() => (0,inspector/* getCoverage */.zV)(client, { resourceId: artifact.resourceId, accountId: artifact.registryId }, 'AWS_ECR_CONTAINER_IMAGE'));
        if (!snapshot.ok)
            return { done: false, state: snapshot.state };
        const c = classifyCoverage(snapshot.value, artifact.pushedAt);
        return c.kind === 'wait' ? { done: false, state: c.state } : { done: true, value: c };
    }, {
        ...pollOptions(deps, name, settleReserveMs(deps)),
        ...(scanEvent !== undefined && { wake: scanEvent.found })
    }, deps.clock);
    if (coverage.kind !== 'done')
        return refusalOutcome(artifact, coverage, 'Inspector');
    const scannedAt = coverage.scannedAt;
    deps.log.info(`${name}: Inspector scan complete (${scannedAt?.toISOString() ?? 'time unknown'})`);
    const read = async () => (await (0,inspector/* listImageFindings */.uK)(client, artifact)).map((raw) => normalizeInspectorFinding(raw, artifact));
    const { findings, settled, settledBy } = await settleFindings(name, read, scannedAt, deps, scanEvent);
    return {
        status: 'scanned',
        artifact,
        scanMode: 'enhanced',
        ...(scannedAt !== undefined && { scannedAt }),
        findings,
        settled,
        settledBy
    };
}
/** A digest of a known push is watched for; without a push time no event can be tied to it. */
function watchScanEvent(artifact, deps) {
    if (deps.scanEvents === undefined || artifact.pushedAt === undefined)
        return undefined;
    return deps.scanEvents.watch({
        digest: artifact.digest,
        repositoryArn: repositoryArnOf(artifact.resourceId, artifact.digest),
        region: artifact.region,
        pushedAt: artifact.pushedAt.getTime()
    });
}

// EXTERNAL MODULE: ./src/domain/image-reference.ts
var image_reference = __webpack_require__(8677);
;// CONCATENATED MODULE: ./src/gate/scan/image-resolver.ts



const INDEX_TYPES = new Set([
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json'
]);
/**
 * Resolves one reference to the digests Inspector actually scans. Inspector does not scan image
 * indexes; it scans each platform manifest under its own (usually untagged) digest, so an index is
 * expanded into its platform children and BuildKit attestation manifests are dropped.
 */
async function resolveImage(client, ref) {
    const image = await describeImage(client, ref);
    const base = {
        kind: 'image',
        reference: ref.raw,
        registryId: ref.registryId,
        region: ref.region,
        repository: ref.repository
    };
    let mediaType = image.mediaType;
    let document;
    if (mediaType === undefined) {
        // Older images may lack the media type in DescribeImages; the manifest itself is authoritative.
        const manifest = await getManifest(client, ref, image.digest);
        document = manifest.document;
        mediaType = manifest.mediaType ?? mediaTypeOf(document);
    }
    if (mediaType === undefined || !INDEX_TYPES.has(mediaType)) {
        return {
            artifacts: [
                {
                    ...base,
                    digest: image.digest,
                    resourceId: (0,image_reference/* imageResourceId */.f0)(ref, image.digest),
                    pushedAt: image.pushedAt
                }
            ],
            skipped: []
        };
    }
    document ??= (await getManifest(client, ref, image.digest)).document;
    const { platforms, skipped } = platformChildren(document, ref);
    // Each child's own push time: the index is pushed last, and a scan may finish before it lands.
    const pushedAt = await describePushTimes(client, ref, platforms.map((p) => p.digest));
    return {
        artifacts: platforms.map(({ digest, platform }) => {
            const childPushedAt = pushedAt.get(digest);
            if (childPushedAt === undefined) {
                // Without its push time a scan of any age would count as a scan of this push.
                throw new errors/* AwsCallError */.iQ(`ECR's DescribeImages answer for the platform images of ${ref.raw} has no push time for ${digest}; the gate cannot tell whether a scan is of this push`, 'UnexpectedResponse', false);
            }
            return {
                ...base,
                digest,
                platform,
                indexDigest: image.digest,
                resourceId: (0,image_reference/* imageResourceId */.f0)(ref, digest),
                pushedAt: childPushedAt
            };
        }),
        skipped
    };
}
function mediaTypeOf(document) {
    try {
        const parsed = JSON.parse(document);
        if (typeof parsed.mediaType === 'string')
            return parsed.mediaType;
        return Array.isArray(parsed.manifests) ? 'application/vnd.oci.image.index.v1+json' : undefined;
    }
    catch {
        return undefined;
    }
}
function platformChildren(document, ref) {
    let parsed;
    try {
        parsed = JSON.parse(document);
    }
    catch {
        throw new errors/* AwsCallError */.iQ(`the image index of ${ref.raw} is not valid JSON`, 'UnexpectedResponse', false);
    }
    if (!Array.isArray(parsed.manifests)) {
        throw new errors/* AwsCallError */.iQ(`the image index of ${ref.raw} has no manifests list`, 'UnexpectedResponse', false);
    }
    const platforms = [];
    const skipped = [];
    for (const entry of parsed.manifests) {
        if (typeof entry.digest !== 'string' || !/^sha256:[a-f0-9]{64}$/.test(entry.digest)) {
            throw new errors/* AwsCallError */.iQ(`the image index of ${ref.raw} lists a manifest without a valid digest`, 'UnexpectedResponse', false);
        }
        // Only a child proven to be an attestation is skipped. `unknown/unknown` alone proves nothing:
        // anyone who can push can write it on an image full of vulnerable packages, and skipping it
        // would leave that image ungated. Such a child is gated like any other.
        if (isAttestation(entry)) {
            skipped.push(`${entry.digest} (attestation manifest)`);
            continue;
        }
        if (typeof entry.mediaType === 'string' && INDEX_TYPES.has(entry.mediaType)) {
            throw new errors/* AwsCallError */.iQ(`the image index of ${ref.raw} contains another index (${entry.digest}); gate the nested index by its own reference`, 'UnexpectedResponse', false);
        }
        platforms.push({ digest: entry.digest, platform: platformLabel(entry, ref) });
    }
    if (platforms.length === 0) {
        throw new errors/* AwsCallError */.iQ(`the image index of ${ref.raw} has no platform images to scan`, 'UnexpectedResponse', false);
    }
    return { platforms, skipped };
}
/** In-toto statements: what BuildKit and other tools store SBOM and provenance attestations as. */
const IN_TOTO = /^application\/vnd\.in-toto(\+json|\.)/;
/**
 * An index entry the index itself marks as an attestation: BuildKit's
 * `vnd.docker.reference.type: attestation-manifest` annotation, or an in-toto artifact or media
 * type (OCI 1.1 `artifactType`).
 */
function isAttestation(entry) {
    if (entry.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest')
        return true;
    return [entry.artifactType, entry.mediaType].some((type) => typeof type === 'string' && IN_TOTO.test(type));
}
/** `linux/arm64/v8`. The parts come from a manifest anyone who can push wrote, so they are checked. */
function platformLabel(entry, ref) {
    if (entry.platform === undefined)
        return 'unspecified platform';
    const parts = [entry.platform.os, entry.platform.architecture, entry.platform.variant].filter((part) => part !== undefined);
    if (!parts.every((part) => typeof part === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(part))) {
        throw new errors/* AwsCallError */.iQ(`the image index of ${ref.raw} has a malformed platform`, 'UnexpectedResponse', false);
    }
    return parts.join('/');
}

;// CONCATENATED MODULE: ./src/gate/scan/image-scanner.ts









async function scanImage(ref, registry, deps) {
    const scanType = registry.scanType;
    try {
        const ecr = deps.clients.ecr(ref.region);
        const { artifacts, skipped } = await resolveImage(ecr, ref);
        for (const line of skipped)
            deps.log.info(`${ref.raw}: skipping ${line}`);
        if (artifacts.length > 1) {
            deps.log.info(`${ref.raw}: image index with ${artifacts.length} platforms (${artifacts.map((a) => a.platform).join(', ')})`);
        }
        if (registry.scanType === 'ENHANCED' && registry.ownAccount) {
            // A repository no enhanced-scanning rule covers will never be scanned: say so now instead of
            // waiting out the whole timeout. The lookup only reads the caller's own registry, hence the
            // ownAccount condition; when it fails, the coverage wait still reports the reason in time.
            const frequency = await repositoryScanFrequency(ecr, ref, deps).catch((error) => {
                deps.log.debug(`${ref.raw}: could not read repository scanning rules: ${String(error)}`);
                return undefined;
            });
            if (frequency !== undefined && SCAN_FREQUENCIES[frequency] === 'never') {
                const reason = 'SCAN_FREQUENCY_MANUAL';
                const explanation = explainReason(reason);
                return artifacts.map((a) => refusalOutcome(a, { kind: 'blocked', reason, explanation }, 'Inspector'));
            }
        }
        return await Promise.all(artifacts.map(async (artifact) => {
            try {
                return scanType === 'ENHANCED'
                    ? await scanEnhanced(artifact, deps)
                    : await scanBasic(artifact, ref, deps);
            }
            catch (error) {
                return image_scanner_errorOutcome(ref, error, artifact, scanType);
            }
        }));
    }
    catch (error) {
        return [
            image_scanner_errorOutcome(ref, crossAccountDenial(error, ref, registry) ?? error, undefined, scanType)
        ];
    }
}
/**
 * ECR refusing the gate another account's repository: the role's own policy is rarely what is
 * missing (gate-ecr-policy.json grants the reads on every registry), the repository's policy in the
 * owning account is — a delegated administrator sees a member's Inspector coverage and findings,
 * but not its registry, unless the member's repository policy lets it read the image.
 */
function crossAccountDenial(error, ref, registry) {
    if (registry.ownAccount || !(error instanceof errors/* AwsCallError */.iQ))
        return undefined;
    if (!errors/* ACCESS_DENIED_CODES */.sQ.has(error.code))
        return undefined;
    const said = error.message.split(' — AWS said: ')[1];
    return new errors/* AwsCallError */.iQ(`permission denied reading repository ${ref.repository} of account ${ref.registryId}'s registry (${ref.region}) from account ${registry.callerAccount}: the repository policy in ${ref.registryId} must allow ${registry.callerAccount} ecr:DescribeImages and ecr:BatchGetImage (and the role needs them, as infra/iam/gate-ecr-policy.json grants)${said === undefined ? '' : ` — AWS said: ${said}`}`, error.code, false);
}
/**
 * One lookup per repository per gate: twenty tags of one repository share its scanning rules. The
 * cache lives as long as the gate's ScanDeps, which runGate creates once per run.
 */
const frequencies = new WeakMap();
function repositoryScanFrequency(ecr, ref, deps) {
    const cache = frequencies.get(deps) ?? new Map();
    frequencies.set(deps, cache);
    const key = `${ref.registryId}/${ref.region}/${ref.repository}`;
    const known = cache.get(key);
    if (known !== undefined)
        return known;
    const lookup = getRepositoryScanFrequency(ecr, ref);
    cache.set(key, lookup);
    return lookup;
}
function image_scanner_errorOutcome(ref, error, artifact, scanType) {
    if (error instanceof poll/* PollTimeoutError */.t) {
        const scanner = scanType === 'ENHANCED' ? 'Inspector' : 'ECR basic scanning';
        return {
            status: 'error',
            reference: ref.raw,
            ...(artifact !== undefined && { artifact }),
            // The verdict prefixes the reference and platform; the digest says which image exactly.
            message: `timed out waiting for ${scanner} to scan ${artifact?.digest ?? 'the image'}: ${error.message}; raise timeout or check the scan in the console`,
            timedOut: true
        };
    }
    const message = (0,error_message/* errorMessage */.g)(error);
    return {
        status: 'error',
        reference: ref.raw,
        ...(artifact !== undefined && { artifact }),
        message,
        timedOut: (0,errors/* isDeadlineExceeded */.A7)(error)
    };
}

;// CONCATENATED MODULE: ./src/gate/scan-deployed.ts









/**
 * The pushed images and deployed functions: account, registries, set-up, then each one's wait
 * (gate/run.ts loads this module only for a run that has some).
 */
async function scanDeployed(config, deps, deadline) {
    const base = { ...deps, timing: config.timing, deadline };
    const scanEvents = scanEventSource(config.scanEvents, base);
    const scanDeps = scanEvents === undefined ? base : { ...base, scanEvents };
    try {
        const account = await (deps.account ?? (0,sts/* getCallerAccount */.f)(deps.clients.sts()));
        logClockSkew(deps);
        const registries = await learnRegistries(config.images, account, deps);
        const codeScanning = await prepareAccounts(config, account, registries, deps, deadline);
        const scans = [
            ...config.images.map((ref) => scanImage(ref, registries.get(registryKey(ref)) ?? {
                scanType: 'ENHANCED',
                ownAccount: false,
                callerAccount: account
            }, scanDeps)),
            ...config.functions.map((ref) => scanFunction(ref, codeScanning.get(ref.region) ?? false, scanDeps))
        ];
        return (await Promise.all(scans)).flat();
    }
    catch (error) {
        const message = (0,error_message/* errorMessage */.g)(error);
        return [...config.images, ...config.functions].map((ref) => ({
            status: 'error',
            reference: ref.raw,
            message,
            timedOut: (0,errors/* isDeadlineExceeded */.A7)(error)
        }));
    }
}
/**
 * A runner clock far off AWS's is worth a line: the times in the log (scans, deployments) are
 * AWS's, and the gate measures them with AWS's clock (gate/scan/waiting.ts awsNow), not the runner's.
 */
function logClockSkew(deps) {
    const offset = deps.clients.awsTime.offsetMs();
    // The estimate is up to a second low (Date headers have whole seconds): below 5 s is noise.
    if (offset === undefined || Math.abs(offset) < 5_000)
        return;
    const seconds = Math.round(Math.abs(offset) / 1000);
    deps.log.info(`AWS's clock is ${seconds} s ${offset < 0 ? 'behind' : 'ahead of'} this runner's (Date header of its answers); times AWS reports are measured with AWS's clock`);
}
function registryKey(ref) {
    return `${ref.registryId}/${ref.region}`;
}
/** How each registry scans. Another account's registry configuration is not readable from here. */
async function learnRegistries(images, account, deps) {
    const facts = new Map();
    for (const ref of new Map(images.map((r) => [registryKey(r), r])).values()) {
        if (ref.registryId !== account) {
            // Inspector coverage (seen through a delegated administrator) is the only way to gate it.
            deps.log.info(`registry ${ref.registryId} belongs to another account than ${account}; assuming enhanced scanning`);
            facts.set(registryKey(ref), {
                scanType: 'ENHANCED',
                ownAccount: false,
                callerAccount: account
            });
            continue;
        }
        const scanType = await getRegistryScanType(deps.clients.ecr(ref.region));
        deps.log.info(`registry ${ref.registryId} (${ref.region}) uses ${scanType.toLowerCase()} scanning`);
        facts.set(registryKey(ref), { scanType, ownAccount: true, callerAccount: account });
    }
    return facts;
}
/**
 * Per region of the caller's account: what the targets need switched on, checked or enabled
 * (`ensure-enabled`), and whether Lambda code scanning applies there.
 */
async function prepareAccounts(config, account, registries, deps, deadline) {
    const codeScanning = new Map();
    const regions = new Set([
        ...config.images.map((r) => r.region),
        ...config.functions.map((r) => r.region)
    ]);
    for (const region of regions) {
        const ecr = config.images.some((ref) => {
            const facts = registries.get(registryKey(ref));
            return ref.region === region && facts?.ownAccount === true && facts.scanType === 'ENHANCED';
        });
        const lambda = config.functions.some((ref) => ref.region === region && (ref.accountId ?? account) === account);
        const inspector = ecr || lambda;
        const needs = {
            ecr,
            lambda,
            lambdaCode: lambda && config.codeScanning === 'true',
            securityHub: inspector,
            inspectorImport: inspector
        };
        const ctx = {
            inspector: deps.clients.inspector(region),
            securityHub: deps.clients.securityHub(region),
            clock: deps.clock,
            log: deps.log,
            accountId: account,
            region,
            deadline,
            timing: {
                pollIntervalMs: config.timing.enablePollMs,
                retryInitialMs: config.timing.enablePollMs / 2,
                retryMaxMs: config.timing.enablePollMs * 3
            }
        };
        // The module logs each change once, as it makes it.
        await (0,ensure_enabled/* ensureEnabled */.QV)(config.ensureEnabled, needs, ctx);
        if (lambda)
            codeScanning.set(region, await codeScanningApplies(config.codeScanning, region, deps));
    }
    return codeScanning;
}
async function codeScanningApplies(setting, region, deps) {
    if (setting !== 'auto')
        return setting === 'true';
    try {
        const status = await (0,inspector/* getAccountStatus */.WU)(deps.clients.inspector(region));
        const on = status.lambdaCode === 'ENABLED';
        deps.log.info(`Lambda code scanning is ${on ? 'on' : 'off'} in ${region}; ${on ? 'gating' : 'not gating'} code findings`);
        return on;
    }
    catch (error) {
        deps.log.warning(`could not tell whether Lambda code scanning is on in ${region} (${(0,error_message/* errorMessage */.g)(error)}); gating package findings only — set code-scanning: true to require code scanning`);
        return false;
    }
}


/***/ })

};
