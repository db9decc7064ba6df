export const id = 178;
export const ids = [178];
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


/***/ })

};
