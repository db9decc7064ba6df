export const id = 72;
export const ids = [72];
export const modules = {

/***/ 3072:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderSarif: () => (/* binding */ renderSarif)
});

// UNUSED EXPORTS: MAX_SARIF_RESULTS_PER_RUN, MAX_SARIF_RUNS, SARIF_SCHEMA_URI, SARIF_TOOL_NAME

// EXTERNAL MODULE: ./src/domain/finding.ts
var finding = __webpack_require__(5457);
// EXTERNAL MODULE: ./src/domain/severity.ts
var severity = __webpack_require__(1245);
// EXTERNAL MODULE: ./src/text/escape.ts
var text_escape = __webpack_require__(7388);
// EXTERNAL MODULE: ./src/gate/render/finding-order.ts
var finding_order = __webpack_require__(4388);
// EXTERNAL MODULE: ./src/gate/render/labels.ts
var labels = __webpack_require__(2845);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/gate/render/sarif/identity.ts
/**
 * The identities code scanning tracks alerts by: the run's category (`automationDetails.id`), the
 * rule id and the result's fingerprint. Each must be the same for the same problem on the next push
 * (a new digest, a new tag, a new deployment), or GitHub closes the alert and opens a new one.
 */


/** The key `partialFingerprints` carries our fingerprint under (versioned: a new scheme, a new key). */
const FINGERPRINT_KEY = 'inspectorGateFinding/v1';
const CATEGORY_PREFIX = 'inspector-gate';
/** The run that carries only notifications, for targets that have no run of their own. */
const STATUS_CATEGORY = `${CATEGORY_PREFIX}/status/`;
/** The status run's category: one per gate step when the step is known (see SarifOptions.step). */
function statusCategory(step) {
    return step === undefined ? STATUS_CATEGORY : `${CATEGORY_PREFIX}/status-${shortHash(step, 12)}/`;
}
const MAX_SLUG_LENGTH = 60;
const MAX_RULE_ID_LENGTH = 200;
/**
 * What stays the same from push to push for the target a reference names: the ECR repository
 * (account, region, name) or the Lambda function (account, region, name). Not the reference as
 * written: `app:${{ github.sha }}` names a new tag on every push, and a category or fingerprint
 * built from it would orphan every alert on the next push.
 */
function stableTargetKey(artifact) {
    if (artifact.kind === 'image')
        return `image\u0000${artifact.registryId}\u0000${artifact.region}\u0000${artifact.repository}`;
    if (artifact.kind === 'sbom')
        return `sbom\u0000${sbomTargetName(artifact)}`;
    return `function\u0000${artifact.accountId}\u0000${artifact.region}\u0000${artifact.functionName}`;
}
/** A readable name for the slug: the repository or function name, or what the SBOM describes. */
function targetSlugName(artifact, reference) {
    if (artifact === undefined)
        return reference;
    if (artifact.kind === 'image')
        return artifact.repository;
    if (artifact.kind === 'sbom')
        return `sbom-${sbomTargetName(artifact)}`;
    return `lambda-${artifact.functionName}`;
}
/**
 * The image an SBOM describes without its tag or digest (`ghcr.io/acme/app`), which stays the same
 * from push to push; the file as listed when the SBOM names no image.
 */
function sbomTargetName(artifact) {
    const name = artifact.subjectName;
    if (name === undefined)
        return artifact.reference;
    const untagged = name.replace(/@sha256:[0-9a-f]+$/, '');
    const lastSlash = untagged.lastIndexOf('/');
    const colon = untagged.lastIndexOf(':');
    return colon > lastSlash ? untagged.slice(0, colon) : untagged;
}
/**
 * `inspector-gate/<slug>-<hash>/`: the readable part is limited to safe characters and cut; the
 * hash of the full key keeps two targets apart even when their readable parts collide
 * (`shop/api` and `shop-api`). The trailing `/` makes the whole id the category.
 */
function automationId(key, name) {
    const readable = name
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^[-.]+|[-.]+$/g, '')
        .slice(0, MAX_SLUG_LENGTH)
        .replace(/[-.]+$/g, '')
        .toLowerCase();
    const hash = shortHash(key, 12);
    return `${CATEGORY_PREFIX}/${readable === '' ? hash : `${readable}-${hash}`}/`;
}
/**
 * The rule id for a vulnerability id: single-line; a very long id is cut and suffixed with a hash of
 * the whole, so two long ids stay two rules.
 */
function ruleIdOf(vulnerabilityId) {
    const clean = (0,text_escape/* singleLine */.pF)(vulnerabilityId);
    if (clean === '')
        return 'unknown-vulnerability';
    if (clean.length <= MAX_RULE_ID_LENGTH)
        return clean;
    return `${(0,text_escape/* truncate */.xv)(clean, MAX_RULE_ID_LENGTH - 13)}-${shortHash(clean, 12)}`;
}
/**
 * A result's fingerprint: the target's stable key, the platform or scan type, the vulnerability and
 * where it is (package names and paths, or a code finding's file and line). Never the digest or
 * installed version, which change on every push or upgrade while the problem stays the same.
 */
function findingFingerprint(targetKey, finding) {
    const artifact = finding.artifact;
    const variant = artifact.kind === 'image'
        ? (artifact.platform ?? '')
        : artifact.kind === 'sbom'
            ? 'sbom'
            : artifact.scanType;
    const where = finding.code !== undefined
        ? [`${finding.code.filePath}:${finding.code.startLine ?? ''}`]
        : finding.packages.map((pkg) => `${pkg.name}\u0000${pkg.filePath ?? ''}`).sort();
    return shortHash([targetKey, variant, finding.vulnerabilityId, ...where].join('\u0001'), 32);
}
function shortHash(text, length) {
    return (0,external_node_crypto_.createHash)('sha256').update(text, 'utf8').digest('hex').slice(0, length);
}

// EXTERNAL MODULE: ./src/gate/render/sarif/location.ts
var sarif_location = __webpack_require__(7475);
// EXTERNAL MODULE: ./src/domain/policy.ts
var policy = __webpack_require__(4596);
;// CONCATENATED MODULE: ./src/gate/render/sarif/rules.ts





/** Titles become the alert's headline; descriptions are cut to a few KB (the findings file has all). */
const SHORT_DESCRIPTION_MAX = 300;
const FULL_DESCRIPTION_MAX = 4000;
const REMEDIATION_MAX = 2000;
const PACKAGE_TEXT_MAX = 200;
/** Packages (or code locations) listed in a rule's help before "and N more". */
const MAX_HELP_ITEMS = 20;
/** GitHub keeps at most 20 tags per rule. */
const MAX_TAGS = 20;
/**
 * `security-severity` when Inspector gives no score: the middle of GitHub's band for the severity
 * (≥ 9 critical, 7–8.9 high, 4–6.9 medium, 0.1–3.9 low). GitHub has no informational band and reads
 * 0 as "no security severity", so informational sits at the bottom of the low band (1.0). Untriaged
 * findings are derived from their effective severity (the policy's `untriaged-as`), so they show up
 * at the level the gate counted them, never without a severity.
 */
const SEVERITY_SCORES = {
    critical: 9.5,
    high: 8.0,
    medium: 5.5,
    low: 2.0,
    informational: 1.0
};
/** Inspector score, else CVSS base score, else the severity's score; within 0.1–10. */
function securitySeverity(entry) {
    const { inspectorScore, cvss } = entry.finding;
    const score = [inspectorScore, cvss?.score].find((value) => value !== undefined && Number.isFinite(value) && value > 0);
    return Math.min(10, Math.max(0.1, score ?? SEVERITY_SCORES[entry.effectiveSeverity]));
}
/** Blocking results are errors; the rest are warnings down to medium, notes below. */
function resultLevel(entry) {
    if (entry.blocking)
        return 'error';
    return (0,severity/* severityRank */.qs)(entry.effectiveSeverity) >= (0,severity/* severityRank */.qs)('medium')
        ? 'warning'
        : 'note';
}
/**
 * The rule for one vulnerability, from every result of it in the run (most severe first): its
 * packages or code locations are listed together, and its severity is the highest of them.
 */
function ruleDescriptor(id, entries) {
    if (entries.length === 0)
        throw new Error(`rule ${id} has no findings`);
    // The most severe finding speaks for the rule (the first one of that severity: entries are sorted).
    const top = entries.reduce((best, entry) => (0,severity/* severityRank */.qs)(entry.effectiveSeverity) > (0,severity/* severityRank */.qs)(best.effectiveSeverity) ? entry : best);
    const finding = top.finding;
    // reduce, not Math.max(...): one vulnerability can have tens of thousands of findings.
    const score = entries.reduce((best, entry) => Math.max(best, securitySeverity(entry)), -Infinity);
    const href = pickUrl(entries);
    const title = (0,text_escape/* singleLine */.pF)(finding.title) || id;
    const description = (0,text_escape/* singleLine */.pF)(finding.description) || title;
    const level = entries.some((entry) => entry.blocking) ? 'error' : resultLevel(top);
    return {
        id,
        shortDescription: { text: (0,text_escape/* truncate */.xv)(title, SHORT_DESCRIPTION_MAX) },
        fullDescription: { text: (0,text_escape/* truncate */.xv)(description, FULL_DESCRIPTION_MAX) },
        ...(href !== undefined && { helpUri: href }),
        help: {
            text: helpText(id, entries, top, score, href),
            markdown: helpMarkdown(id, entries, top, score, href)
        },
        defaultConfiguration: { level },
        properties: {
            'security-severity': score.toFixed(1),
            tags: tags(entries, top.effectiveSeverity)
        }
    };
}
function tags(entries, severity) {
    const all = new Set(['security', 'vulnerability', severity]);
    // The risk facts the gate can block on (fail-on-exploitable, fail-on-epss), for filtering alerts.
    if (entries.some(({ finding }) => finding.exploitAvailable === 'yes'))
        all.add('exploit-known');
    const epss = entries.reduce((best, { finding }) => Math.max(best, (0,policy/* epssOf */.ni)(finding) ?? -1), -1);
    if (epss >= 0)
        all.add(`epss:${(0,policy/* epssPercent */.xf)(epss).replace(' ', '')}`);
    for (const { finding } of entries) {
        all.add(finding.type === 'code' ? 'code' : 'package');
        if (finding.severity === 'untriaged')
            all.add('untriaged');
        for (const cwe of finding.code?.cwes ?? []) {
            // GitHub's convention for CWE tags; anything else in the field is dropped, not echoed.
            const match = /^CWE-(\d{1,6})$/i.exec(cwe.trim());
            if (match?.[1] !== undefined)
                all.add(`external/cwe/cwe-${Number(match[1])}`);
        }
    }
    return [...all].slice(0, MAX_TAGS);
}
function pickUrl(entries) {
    for (const { finding } of entries) {
        const href = finding.url === undefined ? undefined : (0,text_escape/* safeHref */.v7)(finding.url);
        if (href !== undefined)
            return href;
    }
    return undefined;
}
function facts(top, score) {
    const finding = top.finding;
    const label = labels/* SEVERITY_LABELS */.Gs[top.effectiveSeverity];
    const scores = [`security severity ${score.toFixed(1)}`];
    if (finding.inspectorScore !== undefined) {
        scores.push(`Inspector score ${finding.inspectorScore.toFixed(1)}`);
    }
    if (finding.cvss !== undefined) {
        const version = finding.cvss.version === undefined ? '' : ` v${finding.cvss.version}`;
        scores.push(`CVSS${version} ${finding.cvss.score.toFixed(1)}`);
    }
    if (finding.epss !== undefined)
        scores.push(`EPSS ${(finding.epss * 100).toFixed(2)}%`);
    if (finding.exploitAvailable === 'yes')
        scores.push('exploit available');
    return {
        severity: finding.severity === 'untriaged' ? `${label} (untriaged)` : label,
        scores
    };
}
function helpText(id, entries, top, score, href) {
    const finding = top.finding;
    const { severity, scores } = facts(top, score);
    const lines = [
        (0,text_escape/* truncate */.xv)((0,text_escape/* singleLine */.pF)(finding.title) || id, SHORT_DESCRIPTION_MAX),
        '',
        (0,text_escape/* truncate */.xv)((0,text_escape/* singleLine */.pF)(finding.description), FULL_DESCRIPTION_MAX),
        '',
        `Severity: ${severity} (${(0,text_escape/* singleLine */.pF)(scores.join(', '))})`
    ];
    const code = codeLines(entries, (text) => (0,text_escape/* truncate */.xv)((0,text_escape/* singleLine */.pF)(text), PACKAGE_TEXT_MAX));
    if (code !== undefined) {
        lines.push('', 'Locations:', ...code.items.map((item) => `- ${item}`));
        if (code.more > 0)
            lines.push(`- and ${code.more} more`);
        if (code.detectors.length > 0)
            lines.push(`Detector: ${code.detectors.join(', ')}`);
        if (code.cwes.length > 0)
            lines.push(`CWE: ${code.cwes.join(', ')}`);
    }
    const packages = packageItems(entries);
    if (packages.items.length > 0) {
        lines.push('', 'Packages (installed → fixed):');
        for (const pkg of packages.items) {
            const name = (0,text_escape/* truncate */.xv)((0,text_escape/* singleLine */.pF)(pkg.name), PACKAGE_TEXT_MAX);
            lines.push(`- ${name} ${versionText(pkg.installedVersion)} → ${fixedText(pkg.fixedInVersion)}`);
        }
        if (packages.more > 0)
            lines.push(`- and ${packages.more} more`);
    }
    if (href !== undefined)
        lines.push('', `Advisory: ${href}`);
    if (finding.remediation !== undefined && (0,text_escape/* singleLine */.pF)(finding.remediation) !== '') {
        lines.push('', `Remediation: ${(0,text_escape/* truncate */.xv)((0,text_escape/* singleLine */.pF)(finding.remediation), REMEDIATION_MAX)}`);
    }
    return lines.join('\n');
}
function helpMarkdown(id, entries, top, score, href) {
    const finding = top.finding;
    const { severity, scores } = facts(top, score);
    const blocks = [
        `**${(0,text_escape/* markdownText */.p7)((0,text_escape/* singleLine */.pF)(finding.title) || id, SHORT_DESCRIPTION_MAX)}**`,
        (0,text_escape/* markdownText */.p7)(finding.description, FULL_DESCRIPTION_MAX),
        `**Severity:** ${(0,text_escape/* markdownText */.p7)(severity)} · ${scores.map((part) => (0,text_escape/* markdownText */.p7)(part)).join(' · ')}`
    ];
    const code = codeLines(entries, (text) => (0,text_escape/* codeSpan */.SS)(text, PACKAGE_TEXT_MAX));
    if (code !== undefined) {
        const items = code.items.map((item) => `- ${item}`);
        if (code.more > 0)
            items.push(`- and ${code.more} more`);
        blocks.push(`**Locations:**\n\n${items.join('\n')}`);
        if (code.detectors.length > 0) {
            blocks.push(`**Detector:** ${code.detectors.map((name) => (0,text_escape/* markdownText */.p7)(name)).join(', ')}`);
        }
        if (code.cwes.length > 0) {
            blocks.push(`**CWE:** ${code.cwes.map((cwe) => (0,text_escape/* markdownText */.p7)(cwe)).join(', ')}`);
        }
    }
    const packages = packageItems(entries);
    if (packages.items.length > 0) {
        const items = packages.items.map((pkg) => `- ${(0,text_escape/* markdownText */.p7)(pkg.name, PACKAGE_TEXT_MAX)} ${(0,text_escape/* markdownText */.p7)(versionText(pkg.installedVersion), PACKAGE_TEXT_MAX)} → ${(0,text_escape/* markdownText */.p7)(fixedText(pkg.fixedInVersion), PACKAGE_TEXT_MAX)}`);
        if (packages.more > 0)
            items.push(`- and ${packages.more} more`);
        blocks.push(`**Packages** (installed → fixed):\n\n${items.join('\n')}`);
    }
    if (href !== undefined)
        blocks.push(`**Advisory:** ${(0,text_escape/* safeLink */.o3)(id, href)}`);
    if (finding.remediation !== undefined && (0,text_escape/* singleLine */.pF)(finding.remediation) !== '') {
        blocks.push(`**Remediation:** ${(0,text_escape/* markdownText */.p7)(finding.remediation, REMEDIATION_MAX)}`);
    }
    return blocks.filter((block) => block !== '').join('\n\n');
}
function versionText(version) {
    return version === undefined || (0,text_escape/* singleLine */.pF)(version) === ''
        ? 'unknown version'
        : (0,text_escape/* truncate */.xv)((0,text_escape/* singleLine */.pF)(version), PACKAGE_TEXT_MAX);
}
function fixedText(version) {
    return version === undefined || (0,text_escape/* singleLine */.pF)(version) === ''
        ? 'no fixed version yet'
        : (0,text_escape/* truncate */.xv)((0,text_escape/* singleLine */.pF)(version), PACKAGE_TEXT_MAX);
}
/** The packages of every result of the rule, each distinct one once. */
function packageItems(entries) {
    const seen = new Map();
    for (const { finding } of entries) {
        for (const pkg of finding.packages) {
            const key = [pkg.name, pkg.installedVersion, pkg.fixedInVersion].join('\u0000');
            if (!seen.has(key))
                seen.set(key, pkg);
        }
    }
    const all = [...seen.values()];
    return { items: all.slice(0, MAX_HELP_ITEMS), more: Math.max(0, all.length - MAX_HELP_ITEMS) };
}
/** Code findings of the rule: `file:line` items (rendered by `render`), detectors and CWEs. */
function codeLines(entries, render) {
    const code = entries.flatMap(({ finding }) => (finding.code === undefined ? [] : [finding]));
    if (code.length === 0)
        return undefined;
    const places = [...new Set(code.map(placeText))];
    const detectors = new Set();
    const cwes = new Set();
    for (const finding of code) {
        const name = finding.code?.detectorName;
        if (name !== undefined && (0,text_escape/* singleLine */.pF)(name) !== '')
            detectors.add((0,text_escape/* truncate */.xv)((0,text_escape/* singleLine */.pF)(name), 200));
        for (const cwe of finding.code?.cwes ?? [])
            cwes.add((0,text_escape/* truncate */.xv)((0,text_escape/* singleLine */.pF)(cwe), 50));
    }
    return {
        items: places.slice(0, MAX_HELP_ITEMS).map(render),
        more: Math.max(0, places.length - MAX_HELP_ITEMS),
        detectors: [...detectors].slice(0, MAX_HELP_ITEMS),
        cwes: [...cwes].slice(0, MAX_HELP_ITEMS)
    };
}
function placeText(finding) {
    const code = finding.code;
    if (code === undefined)
        return '';
    const path = (0,sarif_location/* repositoryPath */.SH)(code.filePath) || (0,text_escape/* singleLine */.pF)(code.filePath);
    return code.startLine === undefined ? path : `${path}:${code.startLine}`;
}

;// CONCATENATED MODULE: ./src/gate/render/sarif/sarif.ts








const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const SARIF_TOOL_NAME = 'inspector-gate';
/** GitHub's limits for one upload (docs: "SARIF support for code scanning", upload limits). */
const MAX_SARIF_RUNS = 20;
const MAX_SARIF_RESULTS_PER_RUN = 25_000;
/** Where results point when `location` is not a usable repository path. */
const FALLBACK_LOCATION = 'Dockerfile';
const MESSAGE_MAX = 1000;
const PROPERTY_TEXT_MAX = 500;
const MAX_PACKAGES_IN_PROPERTIES = 50;
const MAX_PACKAGES_IN_MESSAGE = 3;
/** References named in a warning before "and N more". */
const MAX_NAMED = 5;
function renderSarif(verdict, options) {
    const warnings = [];
    const location = defaultLocation(options.location, warnings);
    const targets = collectTargets(verdict);
    const keys = targetKeys(targets);
    const complete = targets.filter(isComplete);
    const incomplete = targets.filter((target) => !isComplete(target));
    for (const target of incomplete) {
        warnings.push(`no code scanning run for ${referenceText(target.reference)}: ${notScannedText(target)}; code scanning keeps the alerts of its last complete scan`);
    }
    const needsStatusRun = incomplete.length > 0 || complete.length === 0;
    const capacity = MAX_SARIF_RUNS - (needsStatusRun ? 1 : 0);
    const ranked = rankTargets(complete);
    const kept = new Set(ranked.slice(0, capacity));
    const left = ranked.slice(capacity);
    if (left.length > 0) {
        warnings.push(`${(0,labels/* plural */.LS)(left.length, 'target')} left out (GitHub accepts at most ${MAX_SARIF_RUNS} runs per upload; targets with blocking findings were kept first): ${namedList(left.map((target) => target.reference))}`);
    }
    const runs = complete
        .filter((target) => kept.has(target))
        .map((target) => targetRun(target, keys.get(target) ?? target.reference, location, options, warnings));
    if (needsStatusRun)
        runs.push(statusRun(incomplete, left, options));
    return { log: { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs }, warnings };
}
function collectTargets(verdict) {
    const targets = new Map();
    const targetFor = (reference, artifact) => {
        let target = targets.get(reference);
        if (target === undefined) {
            target = { reference, order: targets.size, outcomes: [], findings: [], artifact };
            targets.set(reference, target);
        }
        target.artifact ??= artifact;
        return target;
    };
    for (const outcome of verdict.outcomes) {
        const reference = outcome.status === 'error' ? outcome.reference : outcome.artifact.reference;
        targetFor(reference, outcome.artifact).outcomes.push(outcome);
    }
    for (const entry of [...verdict.assessed].sort(finding_order/* compareAssessed */.Dy)) {
        const artifact = entry.finding.artifact;
        targetFor(artifact.reference, artifact).findings.push(entry);
    }
    return [...targets.values()];
}
/**
 * Each target's stable key. Two references to the same repository or function in one verdict
 * (`app:latest` and `app@sha256:…`) would share a category, which GitHub rejects; they fall back
 * to keys that include the reference as written.
 */
function targetKeys(targets) {
    const base = new Map();
    const uses = new Map();
    for (const target of targets) {
        const key = target.artifact === undefined
            ? `reference\u0000${target.reference}`
            : stableTargetKey(target.artifact);
        base.set(target, key);
        uses.set(key, (uses.get(key) ?? 0) + 1);
    }
    const keys = new Map();
    for (const [target, key] of base) {
        keys.set(target, (uses.get(key) ?? 0) > 1 ? `${key}\u0000${target.reference}` : key);
    }
    return keys;
}
function isComplete(target) {
    return target.outcomes.every((outcome) => outcome.status === 'scanned' && outcome.settled);
}
/** Targets with blocking findings first, then by their worst severity and how much they hold. */
function rankTargets(targets) {
    const rank = new Map(targets.map((target) => {
        let blocking = 0;
        let worst = 0;
        for (const entry of target.findings) {
            if (entry.blocking)
                blocking += 1;
            worst = Math.max(worst, (0,severity/* severityRank */.qs)(entry.effectiveSeverity));
        }
        return [target, { blocking, worst, size: target.findings.length }];
    }));
    const score = (target) => rank.get(target) ?? { blocking: 0, worst: 0, size: 0 };
    return [...targets].sort((a, b) => {
        const ra = score(a);
        const rb = score(b);
        return (Number(rb.blocking > 0) - Number(ra.blocking > 0) ||
            rb.worst - ra.worst ||
            rb.blocking - ra.blocking ||
            rb.size - ra.size ||
            a.order - b.order);
    });
}
// ---- runs ----------------------------------------------------------------------------------
function targetRun(target, key, location, options, warnings) {
    const kept = target.findings.slice(0, MAX_SARIF_RESULTS_PER_RUN);
    const omitted = target.findings.length - kept.length;
    if (omitted > 0) {
        warnings.push(`${(0,labels/* plural */.LS)(omitted, 'finding')} of ${referenceText(target.reference)} left out of its run (GitHub accepts at most ${MAX_SARIF_RESULTS_PER_RUN.toLocaleString('en-US')} results per run; the most severe were kept)`);
    }
    const byRule = new Map();
    for (const entry of kept) {
        const id = ruleIdOf(entry.finding.vulnerabilityId);
        const group = byRule.get(id);
        if (group === undefined)
            byRule.set(id, [entry]);
        else
            group.push(entry);
    }
    const ruleIds = [...byRule.keys()];
    const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
    const rules = [...byRule].map(([id, entries]) => ruleDescriptor(id, entries));
    const results = kept.map((entry) => {
        const ruleId = ruleIdOf(entry.finding.vulnerabilityId);
        return findingResult(entry, ruleId, ruleIndex.get(ruleId) ?? 0, key, location);
    });
    // Only complete targets get a run (see isComplete), so the scan behind it succeeded.
    const invocation = { executionSuccessful: true };
    return {
        tool: { driver: driver(options, rules) },
        automationDetails: {
            id: automationId(options.step === undefined ? key : `${key}\u0002${options.step}`, targetSlugName(target.artifact, target.reference))
        },
        invocations: [invocation],
        results,
        properties: { reference: (0,text_escape/* truncate */.xv)((0,text_escape/* singleLine */.pF)(target.reference), PROPERTY_TEXT_MAX) }
    };
}
/** Notifications for targets without a run; never any results, so it never closes an alert. */
function statusRun(incomplete, left, options) {
    const notifications = incomplete.flatMap((target) => target.outcomes.flatMap((outcome) => {
        switch (outcome.status) {
            case 'scanned':
                return outcome.settled
                    ? []
                    : [
                        notification('warning', `${(0,finding/* artifactLabel */.ri)(outcome.artifact.reference, outcome.artifact)}: findings were still arriving when settle ran out. No run was uploaded for ${target.reference}; code scanning keeps the alerts of its last complete scan.`)
                    ];
            case 'unscannable':
                return [
                    notification('warning', `${(0,finding/* artifactLabel */.ri)(outcome.artifact.reference, outcome.artifact)} cannot be scanned (${outcome.reason}): ${withoutPeriod(sarif_short(outcome.explanation, 500))}. No run was uploaded for ${target.reference}; code scanning keeps the alerts of its last complete scan.`)
                ];
            case 'error':
                return [
                    notification('error', `${(0,finding/* artifactLabel */.ri)(outcome.reference, outcome.artifact)}: ${withoutPeriod(sarif_short(outcome.message, 500))}. No run was uploaded for ${target.reference}; code scanning keeps the alerts of its last complete scan.`)
                ];
        }
    }));
    if (left.length > 0) {
        notifications.push(notification('warning', `${(0,labels/* plural */.LS)(left.length, 'target')} left out of this upload (GitHub accepts at most ${MAX_SARIF_RUNS} runs): ${namedList(left.map((target) => target.reference))}`));
    }
    const invocation = notifications.length === 0
        ? { executionSuccessful: true }
        : {
            executionSuccessful: incomplete.length === 0,
            toolExecutionNotifications: notifications
        };
    return {
        tool: { driver: driver(options, []) },
        automationDetails: { id: statusCategory(options.step) },
        invocations: [invocation],
        results: []
    };
}
function driver(options, rules) {
    const informationUri = (0,text_escape/* safeHref */.v7)(options.informationUri);
    const semantic = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/.test(options.toolVersion);
    return {
        name: SARIF_TOOL_NAME,
        fullName: 'inspector-gate (Amazon Inspector findings)',
        version: options.toolVersion,
        ...(semantic && { semanticVersion: options.toolVersion }),
        ...(informationUri !== undefined && { informationUri }),
        rules
    };
}
function notification(level, text) {
    return { level, message: { text: (0,text_escape/* sarifMessageText */.qj)(text, MESSAGE_MAX) } };
}
// ---- results -------------------------------------------------------------------------------
function findingResult(entry, ruleId, ruleIndex, targetKey, location) {
    const finding = entry.finding;
    // `location` is a usable path, so there is always a place: GitHub rejects a result without one.
    const place = (0,sarif_location/* findingPlace */.ps)(finding, location) ?? { file: location, startLine: 1 };
    return {
        ruleId,
        ruleIndex,
        level: resultLevel(entry),
        message: { text: (0,text_escape/* sarifMessageText */.qj)(messageText(entry), MESSAGE_MAX) },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri: (0,sarif_location/* pathToUri */.TA)(place.file) },
                    region: place.endLine === undefined
                        ? { startLine: place.startLine }
                        : { startLine: place.startLine, endLine: place.endLine }
                }
            }
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: findingFingerprint(targetKey, finding) },
        properties: resultProperties(entry)
    };
}
/** `CVE-… (high): openssl@3.0.1 → 3.0.2 in app:1 (linux/arm64, sha256:0f9e8d7c6b5a); blocks the gate.` */
function messageText(entry) {
    const finding = entry.finding;
    const severity = finding.severity === 'untriaged'
        ? `untriaged, counted as ${entry.effectiveSeverity}`
        : entry.effectiveSeverity;
    const what = finding.code === undefined ? packagesText(finding) : codeText(finding);
    const reasons = (entry.blockedBy ?? []).map((reason) => reason.text).join('; ');
    const decision = entry.blocking
        ? `blocks the gate${reasons === '' ? '' : ` (${sarif_short(reasons, 200)})`}`
        : `does not block${entry.note === undefined ? '' : ` (${sarif_short(entry.note, 100)})`}`;
    return `${sarif_short(finding.vulnerabilityId, 200)} (${severity}): ${what} in ${targetText(finding.artifact)}; ${decision}.`;
}
function packagesText(finding) {
    const shown = finding.packages.slice(0, MAX_PACKAGES_IN_MESSAGE).map((pkg) => {
        const installed = pkg.installedVersion === undefined ? '' : `@${sarif_short(pkg.installedVersion, 60)}`;
        const fixed = pkg.fixedInVersion === undefined
            ? ' (no fixed version yet)'
            : ` → ${sarif_short(pkg.fixedInVersion, 60)}`;
        return `${sarif_short(pkg.name, 100)}${installed}${fixed}`;
    });
    const more = finding.packages.length - shown.length;
    if (shown.length === 0)
        return sarif_short(finding.title, 200) || 'no package named';
    return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}
function codeText(finding) {
    const code = finding.code;
    if (code === undefined)
        return '';
    const detector = sarif_short(code.detectorName ?? '', 100) || sarif_short(finding.title, 200);
    const path = (0,sarif_location/* repositoryPath */.SH)(code.filePath) || sarif_short(code.filePath, 200);
    const line = code.startLine === undefined ? '' : `:${code.startLine}`;
    return `${detector} at ${path}${line}`;
}
/** `app:1 (linux/arm64, sha256:0f9e8d7c6b5a)` / `orders (code scanning, CodeSha256 Zm9vYmFyYmF6)`. */
function targetText(artifact) {
    const variant = (0,finding/* artifactVariant */.MP)(artifact);
    // `sha256:` and 12 hex digits, as `docker images` shortens them.
    const content = artifact.kind === 'image'
        ? (0,text_escape/* singleLine */.pF)(artifact.digest).slice(0, 19)
        : artifact.kind === 'sbom'
            ? `${artifact.components} components`
            : `CodeSha256 ${(0,text_escape/* singleLine */.pF)(artifact.codeSha256).slice(0, 12)}`;
    const details = variant === undefined ? content : `${variant}, ${content}`;
    return `${sarif_short(artifact.reference, 200)} (${details})`;
}
function resultProperties(entry) {
    const { finding } = entry;
    const artifact = finding.artifact;
    return {
        reference: sarif_short(artifact.reference, PROPERTY_TEXT_MAX),
        findingId: sarif_short(finding.id, PROPERTY_TEXT_MAX),
        severity: finding.severity,
        effectiveSeverity: entry.effectiveSeverity,
        blocking: entry.blocking,
        ...(entry.blockedBy !== undefined && {
            blockedBy: entry.blockedBy.map((reason) => ({
                rule: reason.rule,
                text: sarif_short(reason.text, PROPERTY_TEXT_MAX)
            }))
        }),
        ...(entry.note !== undefined && { note: sarif_short(entry.note, PROPERTY_TEXT_MAX) }),
        ...(artifact.kind === 'image'
            ? {
                digest: artifact.digest,
                ...(artifact.platform !== undefined && { platform: artifact.platform })
            }
            : artifact.kind === 'sbom'
                ? {
                    sbomFormat: artifact.format,
                    ...(artifact.subjectName !== undefined && {
                        subject: sarif_short(artifact.subjectName, PROPERTY_TEXT_MAX)
                    }),
                    ...(artifact.subjectDigest !== undefined && { digest: artifact.subjectDigest })
                }
                : {
                    functionName: artifact.functionName,
                    codeSha256: artifact.codeSha256,
                    scanType: artifact.scanType
                }),
        packages: finding.packages.slice(0, MAX_PACKAGES_IN_PROPERTIES).map((pkg) => ({
            name: sarif_short(pkg.name, PROPERTY_TEXT_MAX),
            ...(pkg.installedVersion !== undefined && {
                installedVersion: sarif_short(pkg.installedVersion, PROPERTY_TEXT_MAX)
            }),
            ...(pkg.fixedInVersion !== undefined && {
                fixedInVersion: sarif_short(pkg.fixedInVersion, PROPERTY_TEXT_MAX)
            }),
            ...(pkg.packageManager !== undefined && {
                packageManager: sarif_short(pkg.packageManager, PROPERTY_TEXT_MAX)
            }),
            ...(pkg.filePath !== undefined && { filePath: sarif_short(pkg.filePath, PROPERTY_TEXT_MAX) })
        })),
        fixAvailable: finding.fixAvailable,
        exploitAvailable: finding.exploitAvailable,
        ...(finding.inspectorScore !== undefined && { inspectorScore: finding.inspectorScore }),
        ...(finding.epss !== undefined && { epss: finding.epss }),
        ...(finding.cvss !== undefined && {
            cvss: {
                score: finding.cvss.score,
                ...(finding.cvss.version !== undefined && { version: sarif_short(finding.cvss.version, 20) }),
                ...(finding.cvss.vector !== undefined && { vector: sarif_short(finding.cvss.vector, 200) })
            }
        })
    };
}
// ---- text ----------------------------------------------------------------------------------
function sarif_short(text, maxLength) {
    return (0,text_escape/* truncate */.xv)((0,text_escape/* singleLine */.pF)(text), maxLength);
}
/** A sentence the caller ends itself: `…OS.` + `. No run` must not read `OS.. No run`. */
function withoutPeriod(text) {
    return (0,text_escape/* singleLine */.pF)(text).replace(/\.+$/, '');
}
function referenceText(reference) {
    return sarif_short(reference, 200);
}
function namedList(references) {
    const named = references.slice(0, MAX_NAMED).map(referenceText);
    const more = references.length - named.length;
    return more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
}
function notScannedText(target) {
    const parts = target.outcomes.flatMap((outcome) => {
        if (outcome.status === 'unscannable') {
            return [
                `${(0,finding/* artifactLabel */.ri)(outcome.artifact.reference, outcome.artifact)} cannot be scanned (${sarif_short(outcome.reason, 100)})`
            ];
        }
        if (outcome.status === 'error') {
            return [
                `${(0,finding/* artifactLabel */.ri)(outcome.reference, outcome.artifact)} failed (${sarif_short(outcome.message, 300)})`
            ];
        }
        if (!outcome.settled) {
            return [
                `${(0,finding/* artifactLabel */.ri)(outcome.artifact.reference, outcome.artifact)} had findings still arriving`
            ];
        }
        return [];
    });
    return sarif_short(parts.join('; '), 1000);
}
function defaultLocation(location, warnings) {
    const path = (0,sarif_location/* repositoryPath */.SH)(location);
    if (path !== '')
        return path;
    warnings.push(`sarif-location "${sarif_short(location, 200)}" is not a repository file path; results point at ${FALLBACK_LOCATION}`);
    return FALLBACK_LOCATION;
}


/***/ })

};
