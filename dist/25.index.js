export const id = 25;
export const ids = [25];
export const modules = {

/***/ 8025:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionHost: () => (/* binding */ actionHost),
/* harmony export */   oneLine: () => (/* binding */ oneLine)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _text_escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7388);
/* harmony import */ var _runtime_redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5259);
/* harmony import */ var _runtime_error_message_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1676);
/* harmony import */ var _runner_env_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3716);
/* harmony import */ var _advice_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3264);






/**
 * The Host for a GitHub Actions runner: step outputs, the job summary, annotations, the log. The
 * run's credentials (`secrets`) are registered with the runner's masking and also replaced in
 * every text written here, since the masking does not reach the summary or the outputs.
 */
function actionHost(secrets = []) {
    const redact = (0,_runtime_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redactor */ .$p)(secrets);
    for (const secret of secrets)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setSecret(secret);
    return {
        info: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(oneLine(redact(message))),
        debug: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.debug((0,_text_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .logText */ .kc)(redact(message))),
        warning: (message, place) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning((0,_text_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .logText */ .kc)(redact(message)), annotation(place, redact)),
        error: (message, place) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.error((0,_text_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .logText */ .kc)(redact(message)), annotation(place, redact)),
        setOutput: (name, value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(name, redact(value)),
        appendSummary: async (markdown) => {
            if (!process.env['GITHUB_STEP_SUMMARY'])
                return false;
            try {
                await _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary.addRaw(redact(markdown)).write();
                return true;
            }
            catch (error) {
                _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(redact(`could not write the job summary: ${(0,_runtime_error_message_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error)}`));
                return false;
            }
        },
        workspace: (0,_runner_env_js__WEBPACK_IMPORTED_MODULE_5__/* .runnerWorkspace */ .gx)(process.env),
        env: process.env,
        redact,
        awsAdvice: _advice_js__WEBPACK_IMPORTED_MODULE_2__/* .ACTION_ADVICE */ .g
    };
}
/**
 * core.info writes the text as is, and the runner runs a line that starts with `::` (after white
 * space) or holds a legacy `##[…]` as a workflow command. Text from AWS (descriptions, names) must
 * never start one, so every log line is kept to one line, with commands defused and terminal
 * controls removed (`logText`). core.warning/error/debug encode line breaks in their message, so
 * those get `logText` alone: no colours or bidi overrides from AWS in the log or an annotation.
 */
function oneLine(message) {
    return (0,_text_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .logText */ .kc)(message.replace(/[\r\n]+/g, ' '));
}
function annotation(place, redact) {
    if (place === undefined)
        return {};
    return {
        ...(place.title === undefined ? {} : { title: redact(place.title) }),
        ...(place.file === undefined ? {} : { file: place.file }),
        ...(place.startLine === undefined ? {} : { startLine: place.startLine }),
        ...(place.endLine === undefined ? {} : { endLine: place.endLine })
    };
}


/***/ })

};
