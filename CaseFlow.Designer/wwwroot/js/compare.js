// Two versions of a process side by side (Pages/ProcessCompare.razor). Each side is a bpmn-js instance; the
// differences are computed from the element ids and what CaseFlow reads of each element (type, name, its caseflow:
// attributes and inputs, conditions, timers, messages, where a flow goes) and drawn as markers: added on the right
// side in green, removed on the left in red, changed on both in amber.
import { caseflowModdle, loadBundle } from './modeler.js';

let viewers = [];

export async function show(leftContainer, leftXml, rightContainer, rightXml) {
    await loadBundle();
    destroy();
    const left = new window.BpmnJS({ container: leftContainer, moddleExtensions: { caseflow: caseflowModdle } });
    const right = new window.BpmnJS({ container: rightContainer, moddleExtensions: { caseflow: caseflowModdle } });
    viewers = [left, right];
    await left.importXML(leftXml);
    await right.importXML(rightXml);
    for (const viewer of viewers) {
        viewer.get('canvas').zoom('fit-viewport', 'auto');
    }

    const diff = compare(describeAll(left), describeAll(right));
    mark(right, diff.added.map(e => e.id), 'cf-diff-added');
    mark(left, diff.removed.map(e => e.id), 'cf-diff-removed');
    mark(left, diff.changed.map(e => e.id), 'cf-diff-changed');
    mark(right, diff.changed.map(e => e.id), 'cf-diff-changed');
    return diff;
}

// The same list without drawing: what publishing the draft would change against the published version (the designer's
// confirmation before 发布). Two detached viewers, thrown away after.
export async function differences(leftXml, rightXml) {
    await loadBundle();
    const left = new window.BpmnJS({ moddleExtensions: { caseflow: caseflowModdle } });
    const right = new window.BpmnJS({ moddleExtensions: { caseflow: caseflowModdle } });
    try {
        await left.importXML(leftXml);
        await right.importXML(rightXml);
        return compare(describeAll(left), describeAll(right));
    } finally {
        left.destroy();
        right.destroy();
    }
}

// Added, removed and changed elements by id. A flow carries its route by the names of its ends (受理审查 → 分派), and a
// changed end is named too, so the list reads by names, not ids.
function compare(before, after) {
    const added = [...after.keys()].filter(id => !before.has(id));
    const removed = [...before.keys()].filter(id => !after.has(id));
    const changed = [...after.keys()].filter(id => before.has(id) && before.get(id).signature !== after.get(id).signature);
    const entry = (id, map) => ({ id, type: map.get(id).type, name: map.get(id).name, route: route(map.get(id).facts, map) });
    return {
        added: added.map(id => entry(id, after)),
        removed: removed.map(id => entry(id, before)),
        changed: changed.map(id => ({ ...entry(id, after), details: details(before.get(id).facts, after.get(id).facts, before, after) })),
    };
}

function nameOf(id, map) {
    const element = id && map.get(id);
    return element && element.name ? element.name : id;
}

function route(facts, map) {
    return facts.source ? `${nameOf(facts.source, map)} → ${nameOf(facts.target, map)}` : null;
}

export function destroy() {
    for (const viewer of viewers) {
        viewer.destroy();
    }

    viewers = [];
}

// Every flow element and message of the definitions, by id, with the facts that matter to the engine.
function describeAll(viewer) {
    const result = new Map();
    const definitions = viewer.getDefinitions();
    const visit = element => {
        if (element.id && element.$type !== 'bpmn:Process') {
            const facts = factsOf(element);
            result.set(element.id, { type: element.$type.replace('bpmn:', ''), name: element.name || '', facts, signature: JSON.stringify(facts) });
        }

        for (const child of element.flowElements || []) {
            visit(child);
        }
    };
    for (const root of definitions.rootElements || []) {
        visit(root);
    }

    return result;
}

function factsOf(element) {
    const facts = { type: element.$type, name: element.name || '' };
    for (const [key, value] of Object.entries(element.$attrs || {})) {
        if (!key.startsWith('xmlns')) {
            facts[key] = String(value);
        }
    }

    for (const descriptor of element.$descriptor.properties) {
        const name = descriptor.ns && descriptor.ns.prefix === 'caseflow' ? 'caseflow:' + descriptor.ns.localName : null;
        if (name && element.get(name) !== undefined) {
            facts[name] = String(element.get(name));
        }
    }

    if (element.sourceRef) {
        facts.source = element.sourceRef.id;
        facts.target = element.targetRef.id;
    }

    if (element.attachedToRef) {
        facts.attachedTo = element.attachedToRef.id;
    }

    if (element.conditionExpression) {
        facts.condition = element.conditionExpression.body || '';
    }

    if (element.calledElement) {
        facts.calledElement = element.calledElement;
    }

    for (const definition of element.eventDefinitions || []) {
        facts[definition.$type] = [definition.timeDuration, definition.timeCycle, definition.timeDate]
            .filter(Boolean).map(t => t.body).join(' ') || (definition.messageRef ? definition.messageRef.name : '') || '';
    }

    const extensions = (element.extensionElements && element.extensionElements.values) || [];
    extensions.forEach((value, index) => {
        const attributes = ['name', 'value', 'expression', 'source', 'sourceExpression', 'target']
            .filter(a => value[a] !== undefined).map(a => `${a}=${value[a]}`).join(' ');
        facts[`${value.$type}[${index}]`] = attributes;
    });
    return facts;
}

// The facts that differ, as "name: old → new" lines for the list under the diagrams; a flow's ends by their names.
function details(before, after, beforeMap, afterMap) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const shown = (k, facts, map) => facts[k] === undefined ? '—' : (k === 'source' || k === 'target' ? nameOf(facts[k], map) : facts[k]);
    return keys.filter(k => before[k] !== after[k]).map(k => `${k}: ${shown(k, before, beforeMap)} → ${shown(k, after, afterMap)}`);
}

function mark(viewer, ids, marker) {
    const registry = viewer.get('elementRegistry');
    const canvas = viewer.get('canvas');
    for (const id of ids) {
        if (registry.get(id)) {
            canvas.addMarker(id, marker);
        }
    }
}

// A file download of text the page already has (a .bpmn export).
export function download(fileName, text, contentType) {
    const url = URL.createObjectURL(new Blob([text], { type: contentType }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
}
