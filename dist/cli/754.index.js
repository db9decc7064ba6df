export const id = 754;
export const ids = [754,178];
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
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);


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
