export const id = 534;
export const ids = [534];
export const modules = {

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


/***/ })

};
