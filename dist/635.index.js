export const id = 635;
export const ids = [635,534,178];
export const modules = {

/***/ 8797:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createChangeSet: () => (/* binding */ createChangeSet),
/* harmony export */   deleteChangeSet: () => (/* binding */ deleteChangeSet),
/* harmony export */   describeChangeSet: () => (/* binding */ describeChangeSet),
/* harmony export */   describeStack: () => (/* binding */ describeStack),
/* harmony export */   executeChangeSet: () => (/* binding */ executeChangeSet),
/* harmony export */   recentStackEvents: () => (/* binding */ recentStackEvents)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3805);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6362);


/** The stack's state, or undefined when there is no such stack. */
async function describeStack(client, name) {
    try {
        const out = await client.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_1__.DescribeStacksCommand({ StackName: name }));
        const stack = out.Stacks?.[0];
        if (!stack)
            return undefined;
        const outputs = {};
        for (const o of stack.Outputs ?? [])
            if (o.OutputKey && o.OutputValue !== undefined)
                outputs[o.OutputKey] = o.OutputValue;
        return { status: stack.StackStatus ?? 'UNKNOWN', reason: stack.StackStatusReason, outputs };
    }
    catch (error) {
        // CloudFormation answers a missing stack with a ValidationError, not a NotFound.
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorCode */ .CA)(error) === 'ValidationError' &&
            /does not exist/.test(String(error.message)))
            return undefined;
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explainAwsError */ .Ni)(error, {
            action: 'cloudformation:DescribeStacks',
            doing: `reading the stack ${name}`
        });
    }
}
async function createChangeSet(client, request) {
    await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .callAws */ .IY)({
        action: 'cloudformation:CreateChangeSet',
        doing: `preparing changes to the stack ${request.stackName}`
    }, () => client.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_1__.CreateChangeSetCommand({
        StackName: request.stackName,
        ChangeSetName: request.changeSetName,
        ChangeSetType: request.type,
        TemplateBody: request.templateBody,
        Parameters: Object.entries(request.parameters).map(([ParameterKey, ParameterValue]) => ({
            ParameterKey,
            ParameterValue
        })),
        // The template creates the responder's roles; nothing else needs naming.
        Capabilities: ['CAPABILITY_IAM'],
        Tags: [{ Key: 'managed-by', Value: 'inspector-gate' }]
    })));
}
async function describeChangeSet(client, stackName, changeSetName) {
    const out = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .callAws */ .IY)({
        action: 'cloudformation:DescribeChangeSet',
        doing: `reading the change set for ${stackName}`
    }, () => client.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_1__.DescribeChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName })));
    return {
        status: out.Status ?? 'UNKNOWN',
        reason: out.StatusReason,
        changes: out.Changes?.length ?? 0
    };
}
async function executeChangeSet(client, stackName, changeSetName) {
    await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .callAws */ .IY)({ action: 'cloudformation:ExecuteChangeSet', doing: `applying the changes to ${stackName}` }, () => client.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_1__.ExecuteChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName })));
}
async function deleteChangeSet(client, stackName, changeSetName) {
    await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .callAws */ .IY)({
        action: 'cloudformation:DeleteChangeSet',
        doing: `removing the empty change set of ${stackName}`
    }, () => client.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_1__.DeleteChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName })));
}
/** The stack's events newest first (the first page is enough to follow a deployment). */
async function recentStackEvents(client, stackName) {
    const out = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .callAws */ .IY)({ action: 'cloudformation:DescribeStackEvents', doing: `reading the events of ${stackName}` }, () => client.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_1__.DescribeStackEventsCommand({ StackName: stackName })));
    return out.StackEvents ?? [];
}


/***/ }),

/***/ 2153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ ShapeCheck)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6362);

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

/***/ 356:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Op: () => (/* binding */ getEnabledStandards),
/* harmony export */   Yp: () => (/* binding */ enableStandards),
/* harmony export */   qn: () => (/* binding */ describeStandards)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_securityhub__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6200);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6362);
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

/***/ 3754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runResponderDeployment: () => (/* binding */ runResponderDeployment)
});

// UNUSED EXPORTS: responderTemplate

// EXTERNAL MODULE: ./src/inputs/missing-region.ts
var missing_region = __webpack_require__(1782);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./src/aws/cloudformation.ts
var cloudformation = __webpack_require__(8797);
// EXTERNAL MODULE: ./src/runtime/poll.ts
var poll = __webpack_require__(4415);
;// CONCATENATED MODULE: ./src/responder-stack/deploy-stack.ts


class DeployError extends Error {
    name = 'DeployError';
}
const STABLE = new Set([
    'CREATE_COMPLETE',
    'UPDATE_COMPLETE',
    'UPDATE_ROLLBACK_COMPLETE',
    'IMPORT_COMPLETE',
    'IMPORT_ROLLBACK_COMPLETE'
]);
const SUCCESS = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE']);
/**
 * Creates or updates a stack through a change set, so "no changes" is a normal, quiet outcome and
 * nothing is applied that was not reviewed by CloudFormation first. Progress is logged while it
 * waits; a failure prints the failing resources' events and what the stack's state means.
 */
async function deployStack(deployment, deps) {
    const { stackName } = deployment;
    const cfn = deps.cloudformation;
    let current = await (0,cloudformation.describeStack)(cfn, stackName);
    if (current?.status.endsWith('_IN_PROGRESS') && current.status !== 'REVIEW_IN_PROGRESS') {
        deps.log.info(`stack ${stackName} is ${current.status}; waiting for it to settle first`);
        current = await awaitStable(deployment, deps, new Set());
    }
    if (current?.status === 'ROLLBACK_COMPLETE' ||
        current?.status === 'ROLLBACK_FAILED' ||
        current?.status === 'DELETE_FAILED') {
        throw new DeployError(`stack ${stackName} is ${current.status}: its first creation failed and CloudFormation cannot update it; delete it (aws cloudformation delete-stack --stack-name ${stackName}) and run again`);
    }
    const type = current === undefined || current.status === 'REVIEW_IN_PROGRESS' ? 'CREATE' : 'UPDATE';
    const changeSetName = `inspector-gate-${deps.clock.now()}`;
    await (0,cloudformation.createChangeSet)(cfn, { ...deployment, changeSetName, type });
    const changeSet = await (0,poll/* poll */.w)(async () => {
        const state = await (0,cloudformation.describeChangeSet)(cfn, stackName, changeSetName);
        const settled = state.status === 'CREATE_COMPLETE' || state.status === 'FAILED';
        return settled
            ? { done: true, value: state }
            : { done: false, state: `change set ${state.status}` };
    }, { deadline: deps.deadline, initialDelayMs: deps.pollMs, maxDelayMs: deps.pollMs * 3 }, deps.clock);
    if (changeSet.status === 'FAILED') {
        if (/didn't contain changes|No updates are to be performed/i.test(changeSet.reason ?? '')) {
            await (0,cloudformation.deleteChangeSet)(cfn, stackName, changeSetName);
            deps.log.info(`stack ${stackName} is up to date: no changes`);
            return { outcome: 'unchanged', outputs: current?.outputs ?? {} };
        }
        throw new DeployError(`CloudFormation refused the changes to ${stackName}: ${changeSet.reason ?? 'no reason given'}`);
    }
    deps.log.info(`applying ${changeSet.changes} change(s) to stack ${stackName}`);
    // Events from before this deployment are neither logged nor blamed for its failure.
    const before = new Set((await (0,cloudformation.recentStackEvents)(cfn, stackName).catch(() => [])).map((e) => e.EventId ?? ''));
    await (0,cloudformation.executeChangeSet)(cfn, stackName, changeSetName);
    const final = await awaitStable(deployment, deps, new Set(before));
    if (!SUCCESS.has(final.status)) {
        const failures = (await (0,cloudformation.recentStackEvents)(cfn, stackName))
            .filter((e) => !before.has(e.EventId ?? '') && (e.ResourceStatus ?? '').endsWith('_FAILED'))
            .map(describeEvent);
        for (const failure of failures)
            deps.log.warning(`${stackName}: ${failure}`);
        throw new DeployError(`stack ${stackName} ended ${final.status}: ${explainStackStatus(final.status, stackName)}${failures[0] ? ` — first failure: ${failures[0]}` : ''}`);
    }
    deps.log.info(`stack ${stackName} is ${final.status}`);
    return { outcome: type === 'CREATE' ? 'created' : 'updated', outputs: final.outputs };
}
/** Polls until the stack leaves every *_IN_PROGRESS state, logging each event not yet `logged`. */
async function awaitStable(deployment, deps, logged) {
    const { stackName } = deployment;
    try {
        return await (0,poll/* poll */.w)(async () => {
            const state = await (0,cloudformation.describeStack)(deps.cloudformation, stackName);
            if (state === undefined)
                throw new DeployError(`stack ${stackName} disappeared while it was being deployed`);
            for (const event of (await (0,cloudformation.recentStackEvents)(deps.cloudformation, stackName)).reverse()) {
                if (logged.has(event.EventId ?? ''))
                    continue;
                logged.add(event.EventId ?? '');
                deps.log.info(`${stackName}: ${describeEvent(event)}`);
            }
            const stable = STABLE.has(state.status) ||
                (!state.status.endsWith('_IN_PROGRESS') && state.status !== 'UNKNOWN');
            return stable ? { done: true, value: state } : { done: false, state: state.status };
        }, { deadline: deps.deadline, initialDelayMs: deps.pollMs, maxDelayMs: deps.pollMs * 3 }, deps.clock);
    }
    catch (error) {
        if (error instanceof poll/* PollTimeoutError */.t) {
            throw new DeployError(`stack ${stackName} was still ${error.lastState} when the time ran out; it keeps going in CloudFormation — check it in the console`);
        }
        throw error;
    }
}
function describeEvent(event) {
    const reason = event.ResourceStatusReason ? ` (${event.ResourceStatusReason})` : '';
    return `${event.LogicalResourceId ?? '?'} ${event.ResourceType ?? ''} ${event.ResourceStatus ?? ''}${reason}`.replace(/\s+/g, ' ');
}
/** What a failed stack state means for the next run. */
function explainStackStatus(status, stackName) {
    switch (status) {
        case 'ROLLBACK_COMPLETE':
            return `creation failed and was rolled back; delete the stack (aws cloudformation delete-stack --stack-name ${stackName}) before running again`;
        case 'UPDATE_ROLLBACK_COMPLETE':
            return 'the update failed and the stack was rolled back to its previous working state; fix the cause and run again';
        case 'UPDATE_ROLLBACK_FAILED':
            return 'the update failed and so did the rollback; continue the rollback in the console (ContinueUpdateRollback) before anything else';
        default:
            return 'see the failing resources above';
    }
}

;// CONCATENATED MODULE: ./src/responder-stack/deploy.ts

/** Deploys (or leaves unchanged) the responder stack from the template the action ships. */
async function deployResponder(config, templateBody, deps) {
    deps.log.info(`deploying the responder stack ${config.stackName}`);
    return deployStack({
        stackName: config.stackName,
        templateBody,
        parameters: {
            NotificationEmail: config.notificationEmail,
            KmsKeyArn: config.kmsKeyArn,
            InspectorFindingsOnly: String(config.inspectorFindingsOnly),
            LogRetentionDays: String(config.logRetentionDays),
            ScanEvents: config.scanEvents ? 'Enabled' : 'Disabled'
        }
    }, deps);
}

// EXTERNAL MODULE: ./src/runtime/clock.ts
var clock = __webpack_require__(9842);
// EXTERNAL MODULE: ./src/runtime/error-message.ts
var error_message = __webpack_require__(1676);
;// CONCATENATED MODULE: ./src/responder-stack/step.ts







const DEPLOY_BUDGET_MS = 20 * 60_000;
/**
 * The template this version ships, found next to its bundle: `<root>/dist/index.js` (the action)
 * and `<root>/dist/cli/index.js` (the CLI) both look for `<root>/infra/responder.yaml`, so the stack
 * deployed is the one this version was tested with.
 */
function responderTemplate() {
    const here = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
    const candidates = [(0,external_node_path_.join)(here, '..', 'infra'), (0,external_node_path_.join)(here, '..', '..', 'infra')].map((dir) => (0,external_node_path_.join)(dir, 'responder.yaml'));
    const path = candidates.find((candidate) => (0,external_node_fs_.existsSync)(candidate));
    if (path === undefined) {
        throw new Error(`infra/responder.yaml not found next to the program (looked at ${candidates.join(', ')}); reinstall inspector-gate`);
    }
    const body = (0,external_node_fs_.readFileSync)(path, 'utf8');
    if (body.includes('responder code not built')) {
        throw new Error(`${path} holds no responder code: this copy was packaged without npm run build:responder`);
    }
    return body;
}
/** Deploys the responder stack and exposes its outputs as step outputs. Never throws. */
async function runResponderDeployment(config, clients, host) {
    const region = host.env['AWS_REGION'];
    if (!region) {
        const error = new missing_region/* MissingRegionError */.Z('deploy-responder needs a region: ').explained(host.awsAdvice.regionVariable);
        return { ok: false, error };
    }
    try {
        // Only a run that deploys the stack loads the CloudFormation SDK (a chunk of its own).
        await clients.load('cloudformation');
        const result = await deployResponder(config, responderTemplate(), {
            cloudformation: clients.cloudformation(region),
            clock: clock/* systemClock */.m,
            log: host,
            deadline: clock/* systemClock */.m.now() + DEPLOY_BUDGET_MS,
            pollMs: 10_000
        });
        host.setOutput('responder-stack', result.outcome);
        host.setOutput('responder-topic-arn', result.outputs['TopicArn'] ?? '');
        host.setOutput('responder-outputs', JSON.stringify(result.outputs));
        return { ok: true, outcome: result.outcome };
    }
    catch (error) {
        const message = (0,error_message/* errorMessage */.g)(error);
        return { ok: false, error: `responder stack ${config.stackName}: ${message}` };
    }
}


/***/ }),

/***/ 8823:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runSetupStep: () => (/* binding */ runSetupStep)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-inspector2/dist-cjs/index.js
var dist_cjs = __webpack_require__(3222);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-securityhub/dist-cjs/index.js
var client_securityhub_dist_cjs = __webpack_require__(6200);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var client_sts_dist_cjs = __webpack_require__(1695);
// EXTERNAL MODULE: ./src/aws/clients.ts + 2 modules
var aws_clients = __webpack_require__(5358);
// EXTERNAL MODULE: ./src/responder-stack/config.ts
var responder_stack_config = __webpack_require__(8125);
// EXTERNAL MODULE: ./src/inputs/missing-region.ts
var missing_region = __webpack_require__(1782);
// EXTERNAL MODULE: ./src/inputs/read.ts
var read = __webpack_require__(4245);
// EXTERNAL MODULE: ./src/domain/region.ts
var domain_region = __webpack_require__(4938);
;// CONCATENATED MODULE: ./src/setup/standards.ts
/** Short names users reach for, mapped to the slug in the standard's ARN. */
const ALIASES = {
    fsbp: 'aws-foundational-security-best-practices',
    cis: 'cis-aws-foundations-benchmark',
    nist: 'nist-800-53',
    pci: 'pci-dss'
};
function parseStandardChoice(raw) {
    const [name = '', version] = raw.trim().toLowerCase().split('@');
    // hasOwn: `constructor` or `__proto__` must not find what every object inherits.
    const slug = (Object.hasOwn(ALIASES, name) ? ALIASES[name] : undefined) ?? name;
    return { raw: raw.trim(), slug, ...(version !== undefined && version !== '' && { version }) };
}
/**
 * The problem line for a standard Security Hub does not offer here, listing what it does offer
 * (`slug@version`), so a typo is fixed without a trip to the console.
 */
function unknownStandardProblem(name, region, available) {
    const offered = [...new Set(available.map((s) => `${s.slug}@${s.version}`))].sort();
    const list = offered.length === 0 ? 'none' : offered.join(', ');
    return `standards: "${name}" is not offered by Security Hub in ${region}; offered here: ${list}; check the name and version`;
}
/**
 * Resolves friendly names to the ARNs Security Hub offers here (never hand-built: the ARN forms
 * differ by standard, version and partition). Without a version, the newest offered version wins.
 */
function resolveStandards(choices, available) {
    const resolved = [];
    const unknown = [];
    for (const choice of choices) {
        const candidates = available
            .filter((s) => s.slug === choice.slug && (choice.version === undefined || s.version === choice.version))
            .sort((a, b) => compareVersions(b.version, a.version));
        const pick = candidates[0];
        if (pick === undefined)
            unknown.push(choice.raw);
        else if (!resolved.some((s) => s.arn === pick.arn))
            resolved.push(pick);
    }
    return { resolved, unknown };
}
function compareVersions(a, b) {
    const pa = a.split('.').map(Number);
    const pb = b.split('.').map(Number);
    for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
        const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
        if (diff !== 0)
            return diff;
    }
    return 0;
}
/** What a failed or incomplete standard needs, in words a user can act on. */
function explainStandardStatus(reason) {
    switch (reason) {
        case 'NO_AVAILABLE_CONFIGURATION_RECORDER':
            return 'AWS Config is not recording in this region; turn on AWS Config recording (Security Hub controls are AWS Config rules)';
        case 'MAXIMUM_NUMBER_OF_CONFIG_RULES_EXCEEDED':
            return 'the account has reached its AWS Config rules quota; remove unused rules or request a quota increase';
        case 'INTERNAL_ERROR':
            return 'Security Hub reported an internal error; run setup again later';
        default:
            return reason ? `Security Hub gave reason ${reason}` : 'Security Hub gave no reason';
    }
}

// EXTERNAL MODULE: ./src/inputs/values.ts
var values = __webpack_require__(8463);
;// CONCATENATED MODULE: ./src/setup/config.ts





const SCAN_TYPES = ['ec2', 'ecr', 'lambda', 'lambda-code'];
/** Every EcrRescanDuration of the Inspector model, by the input that names it. */
const ECR_RESCAN_DURATIONS = {
    '3d': 'DAYS_3',
    '7d': 'DAYS_7',
    '14d': 'DAYS_14',
    '30d': 'DAYS_30',
    '60d': 'DAYS_60',
    '90d': 'DAYS_90',
    '180d': 'DAYS_180',
    lifetime: 'LIFETIME'
};
/** Validates the setup inputs before any AWS call, naming the input in every error. */
function buildSetupConfig(inputs, env) {
    const { get } = (0,read/* inputReader */.c)(inputs);
    const region = env['AWS_REGION'];
    if (!region)
        throw new missing_region/* MissingRegionError */.Z('setup needs a region: ');
    const listed = (0,values/* parseList */.E1)(get('scan-types')).map((type) => (0,values/* parseChoice */.HU)('scan-types', type, SCAN_TYPES));
    const scanTypes = {
        ec2: listed.includes('ec2'),
        ecr: listed.includes('ecr'),
        lambda: listed.includes('lambda') || listed.includes('lambda-code'),
        lambdaCode: listed.includes('lambda-code')
    };
    const rescan = get('ecr-rescan-duration').toLowerCase();
    // hasOwn: `constructor` or `__proto__` must not find what every object inherits.
    const ecrRescanDuration = Object.hasOwn(ECR_RESCAN_DURATIONS, rescan)
        ? ECR_RESCAN_DURATIONS[rescan]
        : undefined;
    if (rescan !== '' && ecrRescanDuration === undefined) {
        throw new values/* InputError */.dz(`ecr-rescan-duration: "${(0,values/* shown */.SP)(rescan)}" is not one of ${Object.keys(ECR_RESCAN_DURATIONS).join(', ')}`);
    }
    const standardsInput = get('standards');
    const standards = standardsInput.toLowerCase() === 'none'
        ? []
        : (0,values/* parseList */.E1)(standardsInput).map(parseStandardChoice);
    const override = env['INSPECTOR_GATE_POLL_INTERVAL'];
    // The same test-only knob as the gate's: shortens the waits for local endpoints.
    const pollMs = override ? (0,values/* parseDuration */.E9)('INSPECTOR_GATE_POLL_INTERVAL', override) : 10_000;
    const listedRegions = (0,values/* parseList */.E1)(get('regions'));
    for (const name of listedRegions) {
        if (!(0,domain_region/* isRegionName */.U)(name))
            throw new values/* InputError */.dz(`regions: "${(0,values/* shown */.SP)(name)}" is not an AWS Region name such as us-east-1`);
    }
    const regions = listedRegions.length > 0 ? [...new Set(listedRegions)] : [region];
    return {
        region: regions[0] ?? region,
        regions,
        organization: (0,values/* parseBoolean */.yG)('organization', get('organization')),
        aggregateRegions: (0,values/* parseBoolean */.yG)('aggregate-regions', get('aggregate-regions')),
        scanTypes,
        ...(ecrRescanDuration !== undefined && { ecrRescanDuration }),
        standards,
        insights: (0,values/* parseBoolean */.yG)('insights', get('insights')),
        timing: { pollMs, budgetMs: 10 * 60_000 }
    };
}

// EXTERNAL MODULE: ./src/aws/errors.ts + 1 modules
var errors = __webpack_require__(6362);
;// CONCATENATED MODULE: ./src/aws/inspector-configuration.ts


/** How long Inspector keeps re-scanning an ECR image after its push (or pull). */
async function getEcrRescanDuration(client) {
    const out = await (0,errors/* callAws */.IY)({ action: 'inspector2:GetConfiguration', doing: 'reading the Inspector ECR re-scan duration' }, () => client.send(new dist_cjs.GetConfigurationCommand({})));
    return out.ecrConfiguration?.rescanDurationState?.rescanDuration;
}
async function setEcrRescanDuration(client, duration) {
    await (0,errors/* callAws */.IY)({
        action: 'inspector2:UpdateConfiguration',
        doing: 'setting the Inspector ECR re-scan duration'
    }, () => client.send(new dist_cjs.UpdateConfigurationCommand({ ecrConfiguration: { rescanDuration: duration } })));
}

// EXTERNAL MODULE: ./src/aws/paging.ts
var aws_paging = __webpack_require__(6433);
;// CONCATENATED MODULE: ./src/aws/securityhub-insights.ts



async function listInsights(client) {
    return (0,errors/* callAws */.IY)({ action: 'securityhub:GetInsights', doing: 'listing the Security Hub insights' }, async () => {
        const insights = [];
        const pages = (0,aws_paging/* guardedPages */.l)('GetInsights', (0,client_securityhub_dist_cjs.paginateGetInsights)({ client }, {}), (page) => page.NextToken);
        for await (const page of pages) {
            for (const insight of page.Insights ?? []) {
                if (!insight.InsightArn || insight.Name === undefined)
                    continue;
                insights.push({
                    arn: insight.InsightArn,
                    name: insight.Name,
                    filters: insight.Filters ?? {},
                    groupByAttribute: insight.GroupByAttribute ?? ''
                });
            }
        }
        return insights;
    });
}
async function createInsight(client, insight) {
    const out = await (0,errors/* callAws */.IY)({ action: 'securityhub:CreateInsight', doing: `creating the insight "${insight.name}"` }, () => client.send(new client_securityhub_dist_cjs.CreateInsightCommand({
        Name: insight.name,
        Filters: insight.filters,
        GroupByAttribute: insight.groupByAttribute
    })));
    if (!out.InsightArn) {
        throw new errors/* AwsCallError */.iQ(`CreateInsight returned no ARN for "${insight.name}"`, 'UnexpectedResponse', false);
    }
    return out.InsightArn;
}
async function updateInsight(client, arn, insight) {
    await (0,errors/* callAws */.IY)({ action: 'securityhub:UpdateInsight', doing: `updating the insight "${insight.name}"` }, () => client.send(new client_securityhub_dist_cjs.UpdateInsightCommand({
        InsightArn: arn,
        Name: insight.name,
        Filters: insight.filters,
        GroupByAttribute: insight.groupByAttribute
    })));
}

// EXTERNAL MODULE: ./src/aws/securityhub-standards.ts
var securityhub_standards = __webpack_require__(356);
// EXTERNAL MODULE: ./src/aws/sts.ts
var sts = __webpack_require__(8665);
// EXTERNAL MODULE: ./src/runtime/poll.ts
var poll = __webpack_require__(4415);
// EXTERNAL MODULE: ./src/ensure-enabled/ensure-enabled.ts + 5 modules
var ensure_enabled = __webpack_require__(2914);
;// CONCATENATED MODULE: ./src/setup/insights.ts
const eq = (Value) => ({ Value, Comparison: 'EQUALS' });
const ACTIVE_INSPECTOR = {
    ProductName: [eq('Inspector')],
    RecordState: [eq('ACTIVE')],
    WorkflowStatus: [eq('NEW'), eq('NOTIFIED')]
};
/**
 * The insights setup keeps, found again by name on every run (names are not unique in the API, so
 * the name is the key). The prefix marks them as this tool's, so nobody's own insights are touched.
 */
const INSIGHTS = [
    {
        name: 'inspector-gate: Critical vulnerabilities by resource',
        filters: { ...ACTIVE_INSPECTOR, SeverityLabel: [eq('CRITICAL')] },
        groupByAttribute: 'ResourceId'
    },
    {
        name: 'inspector-gate: Unpatched EC2 instances',
        filters: {
            ...ACTIVE_INSPECTOR,
            ResourceType: [eq('AwsEc2Instance')],
            VulnerabilitiesFixAvailable: [eq('YES'), eq('PARTIAL')]
        },
        groupByAttribute: 'ResourceId'
    },
    {
        name: 'inspector-gate: Exploitable critical vulnerabilities by image',
        filters: {
            ...ACTIVE_INSPECTOR,
            ResourceType: [eq('AwsEcrContainerImage')],
            SeverityLabel: [eq('CRITICAL')],
            VulnerabilitiesExploitAvailable: [eq('YES')]
        },
        groupByAttribute: 'ResourceId'
    }
];
/** Whether an existing insight already says what the definition says (key order aside). */
function sameInsight(a, b) {
    return a.groupByAttribute === b.groupByAttribute && canonical(a.filters) === canonical(b.filters);
}
function canonical(value) {
    if (Array.isArray(value))
        return `[${value.map(canonical).join(',')}]`;
    if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => a.localeCompare(b));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
    }
    return JSON.stringify(value);
}

;// CONCATENATED MODULE: ./src/aws/explained-call.ts

/** Sends one call, its error explained with the IAM action it needs and what was being done. */
const call = async (action, doing, send) => {
    try {
        return await send();
    }
    catch (error) {
        throw (0,errors/* explainAwsError */.Ni)(error, { action, doing });
    }
};

;// CONCATENATED MODULE: ./src/aws/inspector-organization.ts
/**
 * Inspector's organization calls that setup makes from the delegated administrator (issue 18).
 * Organizations' own write APIs are never called: delegating an administrator is the management
 * account's decision.
 */




/**
 * Inspector's delegated administrator as the caller can read it: `undefined` when the caller may
 * not read it (a member account), `null` when the organization has none.
 */
async function readDelegatedAdmin(client) {
    try {
        const out = await client.send(new dist_cjs.GetDelegatedAdminAccountCommand({}));
        return out.delegatedAdmin?.accountId ?? null;
    }
    catch (error) {
        if ((0,errors/* errorCode */.CA)(error) === 'AccessDeniedException')
            return undefined;
        throw (0,errors/* explainAwsError */.Ni)(error, {
            action: 'inspector2:GetDelegatedAdminAccount',
            doing: 'reading the Inspector delegated administrator'
        });
    }
}
/** Every member of the organization, every page (associated or not). */
async function listInspectorMembers(client, paging = {}) {
    const members = [];
    const pages = (0,dist_cjs.paginateListMembers)({ client, pageSize: 50 }, { onlyAssociated: false });
    await call('inspector2:ListMembers', 'listing the organization members', async () => {
        for await (const page of (0,aws_paging/* guardedPages */.l)('ListMembers', pages, (p) => p.nextToken, paging)) {
            for (const m of page.members ?? []) {
                if (m.accountId !== undefined)
                    members.push({ accountId: m.accountId, relationshipStatus: m.relationshipStatus ?? '' });
            }
        }
    });
    return members;
}
/** Per member account, the status of each resource type (BatchGetAccountStatus, 100 a call). */
async function memberStatuses(client, accountIds) {
    const out = new Map();
    for (let i = 0; i < accountIds.length; i += 100) {
        const batch = accountIds.slice(i, i + 100);
        const answer = await call('inspector2:BatchGetAccountStatus', 'reading the members’ Inspector status', () => client.send(new dist_cjs.BatchGetAccountStatusCommand({ accountIds: [...batch] })));
        for (const account of answer.accounts ?? []) {
            const state = account.resourceState;
            out.set(account.accountId ?? '', {
                EC2: state?.ec2?.status ?? '',
                ECR: state?.ecr?.status ?? '',
                LAMBDA: state?.lambda?.status ?? '',
                LAMBDA_CODE: state?.lambdaCode?.status ?? ''
            });
        }
    }
    return out;
}
/** Enable with `accountIds`, in batches of 100 (the model's most). */
async function enableMembers(client, accountIds, resourceTypes) {
    const result = { enabled: [], failed: [] };
    for (let i = 0; i < accountIds.length; i += 100) {
        const batch = accountIds.slice(i, i + 100);
        const answer = await call('inspector2:Enable', 'enabling Inspector for member accounts', () => client.send(new dist_cjs.EnableCommand({
            accountIds: [...batch],
            resourceTypes: [...resourceTypes]
        })));
        result.enabled.push(...(answer.accounts ?? []).map((a) => a.accountId ?? ''));
        for (const failed of answer.failedAccounts ?? []) {
            result.failed.push({
                accountId: failed.accountId ?? '',
                errorCode: failed.errorCode ?? 'UNKNOWN',
                errorMessage: failed.errorMessage ?? ''
            });
        }
    }
    return result;
}
async function getInspectorAutoEnable(client) {
    const out = await call('inspector2:DescribeOrganizationConfiguration', 'reading the Inspector organization configuration', () => client.send(new dist_cjs.DescribeOrganizationConfigurationCommand({})));
    return out.autoEnable ?? { ec2: false, ecr: false };
}
async function setInspectorAutoEnable(client, autoEnable) {
    await call('inspector2:UpdateOrganizationConfiguration', 'turning on Inspector auto-enable for new members', () => client.send(new dist_cjs.UpdateOrganizationConfigurationCommand({ autoEnable })));
}

;// CONCATENATED MODULE: ./src/aws/securityhub-organization.ts
/** Security Hub's organization calls that setup makes from its administrator (issue 18). */



async function getHubOrganization(client) {
    const out = await call('securityhub:DescribeOrganizationConfiguration', 'reading the Security Hub organization configuration', () => client.send(new client_securityhub_dist_cjs.DescribeOrganizationConfigurationCommand({})));
    return {
        central: out.OrganizationConfiguration?.ConfigurationType === 'CENTRAL',
        autoEnable: out.AutoEnable === true
    };
}
async function enableHubAutoEnable(client) {
    await call('securityhub:UpdateOrganizationConfiguration', 'turning on Security Hub auto-enable for new members', () => client.send(new client_securityhub_dist_cjs.UpdateOrganizationConfigurationCommand({ AutoEnable: true })));
}
/** Every Security Hub member of the administrator (associated or not) → its MemberStatus. */
async function listHubMembers(client, paging = {}) {
    const pages = (0,client_securityhub_dist_cjs.paginateListMembers)({ client, pageSize: 50 }, { OnlyAssociated: false });
    const out = new Map();
    await call('securityhub:ListMembers', 'listing the Security Hub members', async () => {
        for await (const page of (0,aws_paging/* guardedPages */.l)('ListMembers', pages, (p) => p.NextToken, paging)) {
            for (const m of page.Members ?? []) {
                if (m.AccountId !== undefined)
                    out.set(m.AccountId, m.MemberStatus ?? '');
            }
        }
    });
    return out;
}
/** CreateMembers takes at most 50 AccountDetails a call (the model's AccountDetailsList). */
const HUB_MEMBERS_PER_CALL = 50;
/**
 * Adds organization accounts as Security Hub members, 50 a call. An organization account needs no
 * invitation (and no email): CreateMembers from the administrator enables Security Hub there.
 */
async function createHubMembers(client, accountIds) {
    const result = { added: [], unprocessed: [] };
    for (let i = 0; i < accountIds.length; i += HUB_MEMBERS_PER_CALL) {
        const batch = accountIds.slice(i, i + HUB_MEMBERS_PER_CALL);
        const answer = await call('securityhub:CreateMembers', 'adding organization accounts as Security Hub members', () => client.send(new client_securityhub_dist_cjs.CreateMembersCommand({ AccountDetails: batch.map((AccountId) => ({ AccountId })) })));
        const refused = new Map((answer.UnprocessedAccounts ?? []).map((u) => [u.AccountId ?? '', u.ProcessingResult ?? '']));
        for (const id of batch) {
            const reason = refused.get(id);
            if (reason === undefined)
                result.added.push(id);
            else
                result.unprocessed.push({ accountId: id, reason });
        }
        // An unprocessed account outside the batch (AWS names it, we did not send it) is still said.
        for (const [accountId, reason] of refused) {
            if (!batch.includes(accountId))
                result.unprocessed.push({ accountId, reason });
        }
    }
    return result;
}
async function findingAggregatorExists(client) {
    const out = await call('securityhub:ListFindingAggregators', 'looking for a finding aggregator', () => client.send(new client_securityhub_dist_cjs.ListFindingAggregatorsCommand({})));
    return (out.FindingAggregators ?? []).length > 0;
}
async function createFindingAggregator(client, regions) {
    await call('securityhub:CreateFindingAggregator', 'creating the finding aggregator', () => client.send(new client_securityhub_dist_cjs.CreateFindingAggregatorCommand({
        RegionLinkingMode: 'SPECIFIED_REGIONS',
        Regions: [...regions]
    })));
}

// EXTERNAL MODULE: ./src/text/escape.ts
var text_escape = __webpack_require__(7388);
;// CONCATENATED MODULE: ./src/setup/organization.ts



const TYPE_KEYS = {
    EC2: 'ec2',
    ECR: 'ecr',
    LAMBDA: 'lambda',
    LAMBDA_CODE: 'lambdaCode'
};
/** The Inspector resource types the chosen scan-types name. */
function chosenTypes(scanTypes) {
    return Object.keys(TYPE_KEYS).filter((type) => scanTypes[TYPE_KEYS[type]]);
}
/** Why Enable refused a member, and what to do, in words (failedAccounts errorCode). */
function explainMemberFailure(code, message, relationship) {
    switch (code) {
        case 'ACCOUNT_IS_ISOLATED':
            return {
                line: 'the account is suspended, so Inspector cannot be enabled; nothing to do until AWS reinstates it',
                severity: 'warning'
            };
        case 'ACCESS_DENIED':
            return relationship !== undefined && relationship !== 'ENABLED'
                ? {
                    line: `the account is not an associated member (relationship ${relationship}); nothing to do unless it should be — then associate it`,
                    severity: 'warning'
                }
                : {
                    line: 'Inspector denied access to the account; if it just joined the organization, rerun setup in a few minutes',
                    severity: 'problem'
                };
        case 'BLOCKED_BY_ORGANIZATION_POLICY':
            return {
                line: 'an organization policy (SCP) blocks enabling Inspector there; change the policy from the management account',
                severity: 'problem'
            };
        case 'ENABLE_IN_PROGRESS':
        case 'DISABLE_IN_PROGRESS':
        case 'SUSPEND_IN_PROGRESS':
            return {
                line: `Inspector is busy changing the account (${code}); rerun setup later`,
                severity: 'problem'
            };
        default:
            return { line: `Inspector refused it (${code}): ${message}`, severity: 'problem' };
    }
}
/** The one line when the caller is not the delegated administrator (readable or not). */
function notAdministratorLine(caller, admin, region) {
    const how = `from the management account, run \`aws inspector2 enable-delegated-admin-account --delegated-admin-account-id <account>\` (and \`aws securityhub enable-organization-admin-account\`)`;
    if (admin === null)
        return `organization: the organization has no Inspector delegated administrator in ${region}; ${how.replace('<account>', caller)}, then rerun setup`;
    if (admin === undefined)
        return `organization: account ${caller} is not the Inspector delegated administrator in ${region}, and may not read which account is; ask the management account, or ${how}, and run setup from that account`;
    return `organization: account ${admin} is the Inspector delegated administrator in ${region}, not ${caller}; run setup with that account's role`;
}
/**
 * Organization-wide setup in one Region, from the delegated administrator: auto-enable for new
 * members, every existing member enabled for the chosen types, Security Hub's organization
 * configuration (left alone under central configuration). Reads before each write, so a second
 * run changes nothing.
 */
async function setupOrganizationRegion(config, region, caller, deps, report, rows) {
    const inspector = deps.clients.inspector(region);
    const admin = await readDelegatedAdmin(inspector);
    if (admin !== caller) {
        report.problems.push(notAdministratorLine(caller, admin, region));
        return;
    }
    const types = chosenTypes(config.scanTypes);
    const current = await getInspectorAutoEnable(inspector);
    const missingAuto = types.filter((type) => current[TYPE_KEYS[type]] !== true);
    if (missingAuto.length > 0) {
        const wanted = { ...current };
        for (const type of types)
            wanted[TYPE_KEYS[type]] = true;
        await setInspectorAutoEnable(inspector, wanted);
        rows.push({
            account: caller,
            region,
            changed: `auto-enable for new members: ${missingAuto.join(', ')}`
        });
    }
    else
        report.unchanged.push(`Inspector auto-enable for new members in ${region}`);
    const members = await listInspectorMembers(inspector, { clock: deps.clock });
    const relationship = new Map(members.map((m) => [m.accountId, m.relationshipStatus]));
    const statuses = await memberStatuses(inspector, [...relationship.keys()]);
    const missing = new Map();
    for (const id of relationship.keys()) {
        const status = statuses.get(id);
        const lacking = types.filter((t) => !['ENABLED', 'ENABLING'].includes(status?.[t] ?? ''));
        if (lacking.length > 0)
            missing.set(id, lacking);
    }
    if (missing.size === 0) {
        report.unchanged.push(`Inspector in all ${members.length} member account(s) in ${region}`);
    }
    else {
        const result = await enableMembers(inspector, [...missing.keys()], types);
        for (const id of result.enabled) {
            rows.push({
                account: id,
                region,
                changed: `Inspector enabled: ${(missing.get(id) ?? []).join(', ')}`
            });
        }
        for (const failed of result.failed) {
            if (failed.errorCode === 'ALREADY_ENABLED')
                continue;
            const why = explainMemberFailure(failed.errorCode, failed.errorMessage, relationship.get(failed.accountId));
            const line = `Inspector not enabled for member ${failed.accountId} in ${region}: ${why.line}`;
            report[why.severity === 'warning' ? 'warnings' : 'problems'].push(line);
        }
    }
    const hub = deps.clients.securityHub(region);
    const hubOrg = await getHubOrganization(hub);
    if (hubOrg.central) {
        report.unchanged.push(`Security Hub in ${region} uses central configuration: its configuration policies decide which accounts have it, and setup leaves them alone`);
    }
    else if (!hubOrg.autoEnable) {
        await enableHubAutoEnable(hub);
        rows.push({ account: caller, region, changed: 'Security Hub auto-enable for new members' });
    }
    else
        report.unchanged.push(`Security Hub auto-enable for new members in ${region}`);
    await ensureHubMembers(hub, hubOrg.central, relationship, region, deps, report, rows);
}
/** Security Hub membership statuses that CreateMembers (re-)adds: none yet, disassociated, deleted. */
const HUB_ADDABLE = new Set([undefined, 'Removed', 'Deleted']);
/**
 * Every organization account a Security Hub member: auto-enable covers accounts that join later
 * only, so the ones already there are added with CreateMembers. Under central configuration its
 * policies decide, and setup says so instead of fighting them.
 */
async function ensureHubMembers(hub, central, relationship, region, deps, report, rows) {
    const statuses = await listHubMembers(hub, { clock: deps.clock });
    const accounts = [...relationship]
        .filter(([, status]) => status !== 'ACCOUNT_SUSPENDED')
        .map(([id]) => id);
    const addable = accounts.filter((id) => HUB_ADDABLE.has(statuses.get(id)));
    const pending = accounts.filter((id) => statuses.get(id) !== 'Enabled' && !HUB_ADDABLE.has(statuses.get(id)));
    if (pending.length > 0) {
        report.warnings.push(`Security Hub membership of ${pending.length} account(s) in ${region} is not Enabled (${pending
            .slice(0, 10)
            .map((id) => `${id}: ${safe(statuses.get(id) ?? '')}`)
            .join(', ')}${pending.length > 10 ? ', …' : ''}): an invitation is waiting; accept it in the member account, or disassociate the member and rerun setup`);
    }
    if (central) {
        if (addable.length > 0)
            report.unchanged.push(`Security Hub membership of ${addable.length} organization account(s) in ${region}: central configuration's policies decide it, so setup adds no member`);
        return;
    }
    if (addable.length === 0) {
        report.unchanged.push(`Security Hub membership of all ${accounts.length} organization account(s) in ${region}`);
        return;
    }
    const result = await createHubMembers(hub, addable);
    for (const id of result.added)
        rows.push({ account: id, region, changed: 'Security Hub member added' });
    for (const { accountId, reason } of result.unprocessed) {
        report.problems.push(`Security Hub member ${accountId} not added in ${region}: ${safe(reason) || 'no reason given'}; check the account is active in the organization and that no SCP denies Security Hub there, then rerun setup`);
    }
}
/** AWS's free text in one line of bounded length (it reaches logs and the summary). */
function safe(text) {
    return (0,text_escape/* truncate */.xv)((0,text_escape/* singleLine */.pF)(text), 200);
}
/** The finding aggregator in the first Region, linking the others; an existing one is kept. */
async function ensureFindingAggregator(regions, caller, deps, report, rows) {
    const [home, ...linked] = regions;
    if (home === undefined)
        return;
    const hub = deps.clients.securityHub(home);
    if (await findingAggregatorExists(hub)) {
        report.unchanged.push('Security Hub finding aggregator (an existing one is kept as it is)');
        return;
    }
    await createFindingAggregator(hub, linked);
    rows.push({
        account: caller,
        region: home,
        changed: `finding aggregator linking ${linked.length === 0 ? 'no other Region' : linked.join(', ')}`
    });
}

;// CONCATENATED MODULE: ./src/setup/run.ts










/** BatchEnableStandards accepts 25 standards a call and 1 call a second. */
const STANDARDS_PER_CALL = 25;
const STANDARDS_CALL_SPACING_MS = 1_000;
/**
 * The security baseline, idempotently: Inspector scan types, the ECR re-scan duration, Security
 * Hub with its Inspector import, the chosen standards and the custom insights. Each step compares
 * before it writes, so running it on every push to main changes nothing once the baseline is in.
 */
async function runSetup(config, deps) {
    const accountId = await (0,sts/* getCallerAccount */.f)(deps.clients.sts());
    const regions = config.regions.length > 0 ? config.regions : [config.region];
    // Regions run side by side; every call still takes a slot of the run's in-flight cap (in-flight.ts).
    const reports = await Promise.all(regions.map((region) => runRegion({ ...config, region }, accountId, deps)));
    const label = (region, item) => (regions.length > 1 ? `${region}: ${item}` : item);
    const report = { changes: [], unchanged: [], problems: [], warnings: [] };
    reports.forEach((one, i) => {
        const region = regions[i] ?? '';
        report.changes.push(...one.changes.map((item) => label(region, item)));
        report.unchanged.push(...one.unchanged.map((item) => label(region, item)));
        report.problems.push(...one.problems.map((item) => label(region, item)));
        report.warnings.push(...one.warnings.map((item) => label(region, item)));
    });
    if (config.organization) {
        const rows = [];
        await Promise.all(regions.map((region) => setupOrganizationRegion(config, region, accountId, deps, report, rows)));
        if (config.aggregateRegions && report.problems.length === 0)
            await ensureFindingAggregator(regions, accountId, deps, report, rows);
        rows.sort((a, b) => a.account.localeCompare(b.account) || a.region.localeCompare(b.region));
        report.table = rows;
        report.changes.push(...rows.map((row) => `${row.account} ${row.region}: ${row.changed}`));
    }
    return { report, scope: { accountId, regions, organization: config.organization } };
}
/** The caller's own baseline in one Region. */
async function runRegion(config, accountId, deps) {
    const report = { changes: [], unchanged: [], problems: [], warnings: [] };
    const { region } = config;
    const deadline = deps.clock.now() + config.timing.budgetMs;
    const activation = await (0,ensure_enabled/* ensureEnabled */.QV)('enable', { ...config.scanTypes, securityHub: true, inspectorImport: true }, {
        inspector: deps.clients.inspector(region),
        securityHub: deps.clients.securityHub(region),
        clock: deps.clock,
        log: deps.log,
        accountId,
        region,
        deadline,
        timing: { pollIntervalMs: config.timing.pollMs, retryInitialMs: config.timing.pollMs / 2 }
    });
    report.changes.push(...activation.changes.map((piece) => `enabled ${piece}`));
    report.unchanged.push(...activation.alreadyOk);
    if (config.ecrRescanDuration !== undefined)
        await ensureRescanDuration(config.ecrRescanDuration, deps, region, report);
    if (config.standards.length > 0)
        await ensureStandards(config, deps, deadline, report);
    if (config.insights)
        await ensureInsights(deps, region, report);
    return report;
}
async function ensureRescanDuration(wanted, deps, region, report) {
    const client = deps.clients.inspector(region);
    const current = await getEcrRescanDuration(client);
    const label = `Inspector ECR re-scan duration ${durationInput(wanted)}`;
    if (current === wanted) {
        report.unchanged.push(label);
        return;
    }
    await setEcrRescanDuration(client, wanted);
    const was = current === undefined ? 'unset' : durationInput(current);
    deps.log.info(`set the Inspector ECR re-scan duration to ${durationInput(wanted)} (was ${was})`);
    report.changes.push(`set ${label}`);
}
/**
 * The step's last line, written once everything that can fail has run (the responder stack too).
 * "A second run will change nothing" and "already in place" are promised only when nothing is left
 * to fail: with problems the step fails, and their lines follow.
 */
function closingLine(report, scope) {
    const regions = scope.regions.join(', ');
    const where = scope.organization
        ? `the organization across ${regions}`
        : `account ${scope.accountId} (${regions})`;
    const problems = report.problems.length;
    if (problems > 0) {
        return `changed ${report.changes.length} thing(s) in ${where}; ${problems} could not be done`;
    }
    return report.changes.length === 0
        ? `nothing to change in ${where}: the security baseline is already in place`
        : `changed ${report.changes.length} thing(s) in ${where}; a second run will change nothing`;
}
/** `30d` for DAYS_30: the log speaks the input's words, not the API's. */
function durationInput(duration) {
    const input = Object.entries(ECR_RESCAN_DURATIONS).find(([, value]) => value === duration)?.[0];
    return input ?? duration;
}
async function ensureStandards(config, deps, deadline, report) {
    const client = deps.clients.securityHub(config.region);
    const available = await (0,securityhub_standards/* describeStandards */.qn)(client);
    const { resolved, unknown } = resolveStandards(config.standards, available);
    for (const name of unknown) {
        report.problems.push(unknownStandardProblem(name, config.region, available));
    }
    const subscriptions = new Map((await (0,securityhub_standards/* getEnabledStandards */.Op)(client)).map((s) => [s.standardsArn, s]));
    const missing = resolved.filter((s) => {
        const status = subscriptions.get(s.arn)?.status;
        return status === undefined || status === 'DELETING';
    });
    for (let i = 0; i < missing.length; i += STANDARDS_PER_CALL) {
        if (i > 0)
            await deps.clock.sleep(STANDARDS_CALL_SPACING_MS);
        const batch = missing.slice(i, i + STANDARDS_PER_CALL);
        await (0,securityhub_standards/* enableStandards */.Yp)(client, batch.map((s) => s.arn));
        for (const s of batch)
            deps.log.info(`enabling the standard ${s.name}`);
    }
    const final = await awaitStandards(resolved, client, config, deps, deadline);
    for (const standard of resolved) {
        const state = final.get(standard.arn);
        const wasMissing = missing.includes(standard);
        if (state?.status === 'READY') {
            if (wasMissing)
                report.changes.push(`enabled standard ${standard.name}`);
            else
                report.unchanged.push(`standard ${standard.name}`);
        }
        else {
            report.problems.push(`the standard ${standard.name} is ${state?.status ?? 'not enabled'}: ${explainStandardStatus(state?.reason)}`);
        }
    }
}
/** Polls until every standard left PENDING: READY, or FAILED/INCOMPLETE with a reason. */
async function awaitStandards(standards, client, config, deps, deadline) {
    const arns = new Set(standards.map((s) => s.arn));
    const read = async () => new Map((await (0,securityhub_standards/* getEnabledStandards */.Op)(client))
        .filter((s) => arns.has(s.standardsArn))
        .map((s) => [s.standardsArn, s]));
    try {
        return await (0,poll/* poll */.w)(async () => {
            const states = await read();
            const pending = [...arns].filter((arn) => {
                const status = states.get(arn)?.status;
                return status === undefined || status === 'PENDING' || status === 'DELETING';
            });
            return pending.length === 0
                ? { done: true, value: states }
                : { done: false, state: `${pending.length} standard(s) still PENDING` };
        }, { deadline, initialDelayMs: config.timing.pollMs, maxDelayMs: config.timing.pollMs * 3 }, deps.clock);
    }
    catch (error) {
        if (!(error instanceof poll/* PollTimeoutError */.t))
            throw error;
        // Whatever is still PENDING at the deadline is reported as such, with the rest's real states.
        return read();
    }
}
async function ensureInsights(deps, region, report) {
    const client = deps.clients.securityHub(region);
    const existing = await listInsights(client);
    for (const definition of INSIGHTS) {
        const [first, ...duplicates] = existing.filter((insight) => insight.name === definition.name);
        if (duplicates.length > 0) {
            report.warnings.push(`${duplicates.length + 1} insights are named "${definition.name}"; setup keeps ${first?.arn} up to date and leaves the others alone — delete the extra ones`);
        }
        if (first === undefined) {
            await createInsight(client, definition);
            deps.log.info(`created the insight "${definition.name}"`);
            report.changes.push(`created insight "${definition.name}"`);
        }
        else if (!sameInsight(first, definition)) {
            await updateInsight(client, first.arn, definition);
            deps.log.info(`updated the insight "${definition.name}" to its current filters`);
            report.changes.push(`updated insight "${definition.name}"`);
        }
        else {
            report.unchanged.push(`insight "${definition.name}"`);
        }
    }
}

;// CONCATENATED MODULE: ./src/setup/summary.ts

/** The job summary of a setup run: what changed, what was already in place, what went wrong. */
function renderSetupSummary(report) {
    const ok = report.problems.length === 0;
    const lines = [
        `## ${ok ? '✅' : '❌'} Security baseline ${ok ? 'in place' : 'incomplete'}`,
        '',
        report.changes.length === 0
            ? 'Nothing to change: everything was already in place.'
            : `**Changed ${report.changes.length} thing(s):**`
    ];
    const section = (items) => items.map((item) => `- ${(0,text_escape/* markdownText */.p7)(item, 400)}`);
    if (report.changes.length > 0)
        lines.push('', ...section(report.changes));
    if (report.table !== undefined) {
        lines.push('', '**Organization:**', '');
        if (report.table.length === 0)
            lines.push('Nothing to change in any account or Region.');
        else {
            lines.push('| Account | Region | Changed |', '| --- | --- | --- |');
            for (const row of report.table) {
                const cell = (text) => (0,text_escape/* markdownText */.p7)(text, 200).replaceAll('|', '\\|');
                lines.push(`| ${cell(row.account)} | ${cell(row.region)} | ${cell(row.changed)} |`);
            }
        }
    }
    if (report.problems.length > 0)
        lines.push('', '**Problems:**', '', ...section(report.problems));
    if (report.warnings.length > 0)
        lines.push('', '**Warnings:**', '', ...section(report.warnings));
    if (report.unchanged.length > 0) {
        lines.push('', '<details>', `<summary>${report.unchanged.length} already in place</summary>`, '');
        lines.push(...section(report.unchanged), '', '</details>');
    }
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./src/runtime/clock.ts
var clock = __webpack_require__(9842);
// EXTERNAL MODULE: ./src/runtime/host.ts
var runtime_host = __webpack_require__(6320);
// EXTERNAL MODULE: ./src/responder-stack/step.ts + 2 modules
var step = __webpack_require__(3754);
;// CONCATENATED MODULE: ./src/setup/step.ts












/** `mode: setup`: inputs → baseline → outputs, summary, outcome. Never throws. */
async function runSetupStep(inputs, host) {
    try {
        const config = buildSetupConfig(inputs, host.env);
        const responder = (0,responder_stack_config/* buildResponderConfig */.r)(inputs);
        // CloudFormation, for deploy-responder only, is loaded by runResponderDeployment.
        const clients = (0,aws_clients/* createAwsClients */.Gv)({
            classes: { sts: client_sts_dist_cjs.STSClient, inspector: dist_cjs.Inspector2Client, securityHub: client_securityhub_dist_cjs.SecurityHubClient },
            advice: host.awsAdvice
        });
        const { report, scope } = await runSetup(config, { clients, clock: clock/* systemClock */.m, log: host });
        if (responder !== undefined) {
            const deployed = await (0,step.runResponderDeployment)(responder, clients, host);
            const stack = `responder stack ${responder.stackName}`;
            if (!deployed.ok)
                report.problems.push(deployed.error);
            else if (deployed.outcome === 'unchanged')
                report.unchanged.push(stack);
            else
                report.changes.push(`${deployed.outcome} ${stack}`);
        }
        host.info(closingLine(report, scope));
        const result = report.problems.length === 0 ? 'pass' : 'fail';
        host.setOutput('changes', String(report.changes.length));
        host.setOutput('result', result);
        for (const warning of report.warnings)
            host.warning(warning);
        const markdown = renderSetupSummary(report);
        await host.appendSummary(markdown);
        const render = (format) => format === 'markdown'
            ? markdown
            : format === 'json'
                ? setupJson(result, report)
                : setupText(report);
        if (report.problems.length === 0)
            return { result, render };
        for (const problem of report.problems.slice(1))
            host.error(problem);
        const more = report.problems.length > 1 ? ` (+${report.problems.length - 1} more)` : '';
        return { result, failure: `inspector-gate setup: ${report.problems[0]}${more}`, render };
    }
    catch (error) {
        return (0,runtime_host/* failedStep */.c)(host, `inspector-gate setup: ${(0,missing_region/* stepErrorMessage */.W)(error, host.awsAdvice)}`);
    }
}
function setupText(report) {
    const lines = [
        report.problems.length === 0 ? 'security baseline in place' : 'security baseline incomplete',
        ...report.changes.map((change) => `changed: ${change}`),
        ...report.problems.map((problem) => `problem: ${problem}`),
        `${report.unchanged.length} already in place`
    ];
    return `${lines.join('\n')}\n`;
}
function setupJson(result, report) {
    return `${JSON.stringify({ result, ...report }, null, 2)}\n`;
}


/***/ })

};
