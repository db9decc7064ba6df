export const id = 768;
export const ids = [768];
export const modules = {

/***/ 3768:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IgnoreFileError: () => (/* reexport safe */ _ignore_file_error_js__WEBPACK_IMPORTED_MODULE_2__.d),
/* harmony export */   parseIgnoreFile: () => (/* binding */ parseIgnoreFile)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _ignore_file_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6955);
/* harmony import */ var _inputs_values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8463);




const ENTRY_KEYS = [
    'id',
    'reason',
    'expires',
    'repository',
    'image',
    'function',
    'sbom',
    'package'
];
/** Every key but the two an entry must have: copied onto the rule when present. */
const OPTIONAL_KEYS = ENTRY_KEYS.filter((key) => key !== 'id' && key !== 'reason');
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/**
 * Parses the ignore file:
 *
 *   ignore:
 *     - id: CVE-2024-1234          # CVE/GHSA id, or an Inspector finding ARN or id
 *       reason: not reachable      # required: why this is accepted
 *       expires: 2026-12-31        # optional: last day it applies (UTC)
 *       repository: app            # optional scope; also image:, function:, package:
 *
 * Every error names the file and line, because a silently skipped entry would fail (or pass) a
 * build for reasons nobody can see.
 */
function parseIgnoreFile(text, file) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const lineOf = (node) => node?.range ? lineCounter.linePos(node.range[0]).line : 1;
    // A declaration (not an arrow) so that TypeScript narrows after a call: it never returns.
    function fail(line, why) {
        throw new _ignore_file_error_js__WEBPACK_IMPORTED_MODULE_2__/* .IgnoreFileError */ .d(`ignore-file ${(0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(file)}:${line}: ${why}`);
    }
    const syntaxError = doc.errors[0];
    if (syntaxError) {
        const line = syntaxError.linePos?.[0].line ?? lineCounter.linePos(syntaxError.pos[0]).line;
        fail(line, `invalid YAML (${(0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(syntaxError.message.split('\n')[0] ?? '')})`);
    }
    if (doc.contents === null)
        return [];
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(doc.contents))
        fail(lineOf(doc.contents), 'expected a mapping with an `ignore:` list');
    const root = doc.contents;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root))
        return [];
    for (const pair of root.items) {
        const key = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : '';
        if (key !== 'ignore')
            fail(lineOf(pair.key), `unknown top-level key "${(0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(key)}" (expected "ignore")`);
    }
    const list = root.get('ignore', true);
    if (list === undefined || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(list) && list.value === null))
        return [];
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(list))
        return fail(lineOf(list), '`ignore` must be a list of entries');
    return list.items.map((item) => {
        const line = lineOf(item);
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(item))
            return fail(line, 'each entry must be a mapping with at least id and reason');
        const fields = {};
        for (const pair of item.items) {
            const key = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : '';
            const keyLine = lineOf(pair.key);
            if (!ENTRY_KEYS.includes(key)) {
                fail(keyLine, `unknown key "${(0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(key)}" (allowed: ${ENTRY_KEYS.join(', ')})`);
            }
            const value = pair.value;
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(value) || value.value === null || typeof value.value === 'object') {
                fail(keyLine, `"${key}" must be a single value`);
            }
            // As written: YAML would read `function: 0123` as the number 123, `id: 1.10` as 1.1.
            const scalar = value;
            const text = typeof scalar.value === 'string' ? scalar.value : (scalar.source ?? String(scalar.value));
            fields[key] = text.trim();
        }
        if (!fields.id)
            fail(line, 'entry has no "id" (a CVE id or an Inspector finding ARN)');
        if (!fields.reason)
            fail(line, `entry ${(0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(fields.id)} has no "reason": say why it is accepted`);
        if (fields.expires !== undefined && !isValidDate(fields.expires)) {
            fail(line, `entry ${(0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(fields.id)} has expires "${(0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(fields.expires)}", expected a date YYYY-MM-DD`);
        }
        const rule = {
            id: fields.id,
            reason: fields.reason,
            line,
            file
        };
        for (const optional of OPTIONAL_KEYS) {
            const value = fields[optional];
            if (value !== undefined)
                rule[optional] = value;
        }
        return rule;
    });
}
function isValidDate(value) {
    if (!DATE.test(value))
        return false;
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}


/***/ })

};
