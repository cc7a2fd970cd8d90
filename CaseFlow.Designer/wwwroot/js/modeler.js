// The bridge between the Designer's process page (Pages/ProcessDesigner.razor) and bpmn-js (window.BpmnJS, the
// modeler bundle in lib/bpmn-js). Blazor owns the properties panel and the CaseFlow palette; this module owns the
// canvas and tells .NET what is selected, so the panel always edits the element the user is looking at.

// CaseFlow's BPMN extensions (docs/api.md, namespace urn:caseflow:bpmn:1) as a moddle package, so bpmn-js reads and
// writes them as properties instead of dropping unknown extension elements.
export const caseflowModdle = {
    name: 'CaseFlow',
    uri: 'urn:caseflow:bpmn:1',
    prefix: 'caseflow',
    xml: { tagAlias: 'lowerCase' },
    types: [
        {
            name: 'UserTaskProperties',
            extends: ['bpmn:UserTask'],
            isAbstract: true,
            properties: ['candidateGroups', 'assignee', 'outcomes', 'dueIn', 'deadlineRule', 'requiredVariables']
                .map(name => ({ name, isAttr: true, type: 'String' })),
        },
        {
            name: 'ServiceTaskProperties',
            extends: ['bpmn:ServiceTask'],
            isAbstract: true,
            properties: ['activity', 'retries', 'retryBackoff'].map(name => ({ name, isAttr: true, type: 'String' })),
        },
        {
            name: 'CallActivityProperties',
            extends: ['bpmn:CallActivity'],
            isAbstract: true,
            properties: [{ name: 'version', isAttr: true, type: 'String' }],
        },
        {
            name: 'CorrelationProperties',
            extends: ['bpmn:IntermediateCatchEvent', 'bpmn:BoundaryEvent', 'bpmn:ReceiveTask'],
            isAbstract: true,
            properties: [{ name: 'correlationKey', isAttr: true, type: 'String' }],
        },
        {
            name: 'Input',
            superClass: ['Element'],
            properties: ['name', 'value', 'expression'].map(name => ({ name, isAttr: true, type: 'String' })),
        },
        {
            // A user task's form: the form-js JSON schema as the element's text (docs/forms.md).
            name: 'Form',
            superClass: ['Element'],
            properties: [{ name: 'body', isBody: true, type: 'String' }],
        },
        {
            name: 'In',
            superClass: ['Element'],
            properties: ['source', 'sourceExpression', 'target'].map(name => ({ name, isAttr: true, type: 'String' })),
        },
        {
            name: 'Out',
            superClass: ['Element'],
            properties: ['source', 'sourceExpression', 'target'].map(name => ({ name, isAttr: true, type: 'String' })),
        },
    ],
};

const userTaskAttributes = ['candidateGroups', 'assignee', 'outcomes', 'dueIn', 'deadlineRule', 'requiredVariables'];
const paletteTypes = {
    userTask: 'bpmn:UserTask',
    serviceTask: 'bpmn:ServiceTask',
    exclusiveGateway: 'bpmn:ExclusiveGateway',
    endEvent: 'bpmn:EndEvent',
};

let modeler = null;
let dotnet = null;
let errorOverlays = [];

// The bundle is loaded on the first visit to a process, so the workbench does not pay for it.
let bundle = null;
export function loadBundle() {
    if (window.BpmnJS) {
        return Promise.resolve();
    }

    bundle = bundle || new Promise((resolve, reject) => {
        for (const css of ['diagram-js.css', 'bpmn-js.css', 'bpmn-embedded.css']) {
            const link = document.createElement('link');
            link.rel = 'stylesheet';
            link.href = 'lib/bpmn-js/' + css;
            document.head.appendChild(link);
        }

        const script = document.createElement('script');
        script.src = 'lib/bpmn-js/bpmn-modeler.production.min.js';
        script.onload = () => resolve();
        script.onerror = () => reject(new Error('lib/bpmn-js/bpmn-modeler.production.min.js did not load'));
        document.head.appendChild(script);
    });
    return bundle;
}

export async function create(container, dotnetReference) {
    await loadBundle();
    destroy();
    dotnet = dotnetReference;
    modeler = new window.BpmnJS({ container, moddleExtensions: { caseflow: caseflowModdle } });
    modeler.on('selection.changed', () => notifySelection());
    modeler.on('element.changed', event => {
        if (selectedElement() === event.element) {
            notifySelection();
        }
    });
}

export function destroy() {
    if (modeler) {
        modeler.destroy();
    }

    modeler = null;
    errorOverlays = [];
}

// Opens a BPMN document. A document without diagram information (the built-in processes are written by hand)
// cannot be drawn; the page then offers the XML instead.
export async function open(xml) {
    try {
        const { warnings } = await modeler.importXML(xml);
        modeler.get('canvas').zoom('fit-viewport', 'auto');
        return { ok: true, drawable: hasDiagram(), warnings: warnings.map(w => w.message) };
    } catch (error) {
        return { ok: false, drawable: false, warnings: [String(error.message || error)] };
    }
}

export async function save() {
    const { xml } = await modeler.saveXML({ format: true });
    return xml;
}

export async function svg() {
    const { svg: image } = await modeler.saveSVG();
    return image;
}

export function select(id) {
    const element = modeler.get('elementRegistry').get(id);
    if (element) {
        modeler.get('selection').select(element);
        modeler.get('canvas').scrollToElement(element);
    }
}

// Sets the name and CaseFlow attributes of an element; an empty value removes the attribute.
export function update(id, properties) {
    const element = modeler.get('elementRegistry').get(id);
    if (!element) {
        return;
    }

    const changes = {};
    for (const [name, value] of Object.entries(properties)) {
        const key = name === 'name' ? 'name' : 'caseflow:' + name;
        changes[key] = value === '' || value === null ? undefined : value;
    }

    modeler.get('modeling').updateProperties(element, changes);
}

// Replaces a service task's <caseflow:input> list: [{ name, text, isExpression }].
export function setInputs(id, inputs) {
    const element = modeler.get('elementRegistry').get(id);
    if (!element) {
        return;
    }

    const moddle = modeler.get('moddle');
    const business = element.businessObject;
    const extensions = business.extensionElements || moddle.create('bpmn:ExtensionElements', { values: [] });
    const others = (extensions.values || []).filter(v => v.$type !== 'caseflow:Input');
    const created = inputs
        .filter(input => input.text !== null && input.text !== '')
        .map(input => moddle.create('caseflow:Input', input.isExpression
            ? { name: input.name, expression: input.text }
            : { name: input.name, value: input.text }));
    extensions.values = [...others, ...created];
    created.forEach(input => { input.$parent = extensions; });
    modeler.get('modeling').updateProperties(element, { extensionElements: extensions });
}

// Replaces a user task's <caseflow:form> with the form-js JSON (null or '' removes it).
export function setForm(id, json) {
    const element = modeler.get('elementRegistry').get(id);
    if (!element) {
        return;
    }

    const moddle = modeler.get('moddle');
    const business = element.businessObject;
    const extensions = business.extensionElements || moddle.create('bpmn:ExtensionElements', { values: [] });
    const others = (extensions.values || []).filter(v => v.$type !== 'caseflow:Form');
    const created = json ? [moddle.create('caseflow:Form', { body: json })] : [];
    extensions.values = [...others, ...created];
    created.forEach(form => { form.$parent = extensions; });
    modeler.get('modeling').updateProperties(element, { extensionElements: extensions.values.length > 0 ? extensions : undefined });
}

export function setCondition(id, expression) {
    const element = modeler.get('elementRegistry').get(id);
    if (!element) {
        return;
    }

    const condition = expression
        ? modeler.get('moddle').create('bpmn:FormalExpression', { body: expression })
        : undefined;
    modeler.get('modeling').updateProperties(element, { conditionExpression: condition });
}

// The CaseFlow palette: appends a new element after the selected one (or the start event), connected to it and
// placed by bpmn-js's auto-place, then selects it. Returns the new element's id.
export function append(kind) {
    const type = paletteTypes[kind];
    const source = selectedElement() && selectedElement().type !== 'bpmn:SequenceFlow'
        ? selectedElement()
        : modeler.get('elementRegistry').filter(e => e.type === 'bpmn:StartEvent')[0];
    if (!type || !source) {
        return null;
    }

    const shape = modeler.get('elementFactory').createShape({ type });
    const appended = modeler.get('autoPlace').append(source, shape);
    modeler.get('selection').select(appended);
    return appended.id;
}

// Server validation errors ({ elementId, message }) shown as a red marker and a note on their element.
export function showErrors(errors) {
    clearErrors();
    const registry = modeler.get('elementRegistry');
    const canvas = modeler.get('canvas');
    const overlays = modeler.get('overlays');
    for (const error of errors) {
        const element = registry.get(error.elementId);
        if (!element || element.type === 'bpmn:Process') {
            continue;
        }

        canvas.addMarker(element, 'cf-error');
        const note = document.createElement('div');
        note.className = 'cf-error-note';
        note.setAttribute('data-element', error.elementId);
        note.textContent = error.message;
        errorOverlays.push({ element, id: overlays.add(element, 'cf-error', { position: { bottom: 8, left: 0 }, html: note }) });
    }
}

export function clearErrors() {
    if (!modeler) {
        return;
    }

    const canvas = modeler.get('canvas');
    for (const { element } of errorOverlays) {
        canvas.removeMarker(element, 'cf-error');
    }

    modeler.get('overlays').remove({ type: 'cf-error' });
    errorOverlays = [];
}

function hasDiagram() {
    return modeler.get('elementRegistry').filter(e => e.type !== 'bpmn:Process' && e.type !== 'label').length > 0;
}

function selectedElement() {
    const selected = modeler.get('selection').get();
    return selected.length === 1 ? selected[0] : null;
}

function notifySelection() {
    if (!dotnet) {
        return;
    }

    const element = selectedElement();
    dotnet.invokeMethodAsync('OnSelectionChanged', element ? describe(element) : null);
}

function describe(element) {
    const business = element.businessObject;
    const attributes = {};
    for (const name of userTaskAttributes.concat(['activity', 'retries', 'retryBackoff'])) {
        const value = business.get('caseflow:' + name);
        if (value !== undefined && value !== null) {
            attributes[name] = String(value);
        }
    }

    const inputs = ((business.extensionElements && business.extensionElements.values) || [])
        .filter(v => v.$type === 'caseflow:Input')
        .map(v => ({ name: v.name, text: v.expression ?? v.value ?? '', isExpression: v.expression !== undefined }));
    const form = ((business.extensionElements && business.extensionElements.values) || []).find(v => v.$type === 'caseflow:Form');
    return {
        id: element.id,
        type: element.type.replace('bpmn:', ''),
        name: business.name || '',
        attributes,
        inputs,
        form: form ? (form.body || '').trim() : null,
        condition: business.conditionExpression ? business.conditionExpression.body || '' : null,
    };
}

// User (and manual) tasks that say nobody may take them: no caseflow:assignee and no caseflow:candidateGroups. The
// engine accepts them (a file from another tool may leave them to a supervisor), but a task drawn here that nobody
// receives is a mistake, so the designer reports it with the server's errors and will not publish it.
export function unassignedTasks() {
    return modeler.get('elementRegistry')
        .filter(e => e.type === 'bpmn:UserTask' || e.type === 'bpmn:ManualTask')
        .map(e => e.businessObject)
        .filter(b => !String(b.get('caseflow:assignee') ?? '').trim() && !String(b.get('caseflow:candidateGroups') ?? '').trim())
        .map(b => ({ id: b.id, name: b.name || b.id }));
}
