// The read-only diagram on the case page: bpmn-js's NavigatedViewer (pan and zoom, no editing) with the steps where
// the case stands marked. A process written without diagram information (BPMNDI) cannot be drawn; then .NET shows
// the step list this module reads from the XML instead.

const bpmnNs = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const diNs = 'http://www.omg.org/spec/BPMN/20100524/DI';
const stepTypes = ['userTask', 'serviceTask', 'callActivity', 'subProcess', 'receiveTask', 'sendTask', 'scriptTask',
    'manualTask', 'businessRuleTask', 'task', 'intermediateCatchEvent'];

let viewerClass = null;
let loading = null;
let viewer = null;

// The viewer bundle sets window.BpmnJS as the modeler bundle does; keep the viewer's class to ourselves and give the
// global back, so the process designer's loader still finds (or loads) its modeler.
function loadViewer() {
    if (viewerClass) {
        return Promise.resolve(viewerClass);
    }

    loading = loading || new Promise((resolve, reject) => {
        for (const css of ['diagram-js.css', 'bpmn-js.css', 'bpmn-embedded.css']) {
            if (!document.querySelector(`link[href="lib/bpmn-js/${css}"]`)) {
                const link = document.createElement('link');
                link.rel = 'stylesheet';
                link.href = 'lib/bpmn-js/' + css;
                document.head.appendChild(link);
            }
        }

        const previous = window.BpmnJS;
        const script = document.createElement('script');
        script.src = 'lib/bpmn-js/bpmn-navigated-viewer.production.min.js';
        script.onload = () => {
            viewerClass = window.BpmnJS;
            if (previous) {
                window.BpmnJS = previous;
            } else {
                delete window.BpmnJS;
            }

            resolve(viewerClass);
        };
        script.onerror = () => reject(new Error('lib/bpmn-js/bpmn-navigated-viewer.production.min.js did not load'));
        document.head.appendChild(script);
    });
    return loading;
}

// The process's steps in document order: [{ id, name, type }].
function stepsOf(document) {
    const steps = [];
    for (const element of document.getElementsByTagNameNS(bpmnNs, '*')) {
        if (stepTypes.includes(element.localName) && element.getAttribute('id')) {
            steps.push({ id: element.getAttribute('id'), name: element.getAttribute('name') || element.getAttribute('id'), type: element.localName });
        }
    }

    return steps;
}

// Draws xml into container with the active elements marked. Answers { drawn, steps }: drawn is false when the XML has
// no diagram information or bpmn-js could not draw it (the page then lists the steps).
export async function show(container, xml, activeIds) {
    destroy();
    const document = new DOMParser().parseFromString(xml, 'application/xml');
    const steps = stepsOf(document);
    if (document.getElementsByTagNameNS(diNs, 'BPMNShape').length === 0) {
        return { drawn: false, steps };
    }

    try {
        const Viewer = await loadViewer();
        viewer = new Viewer({ container });
        await viewer.importXML(xml);
        const canvas = viewer.get('canvas');
        const registry = viewer.get('elementRegistry');
        canvas.zoom('fit-viewport');
        for (const id of activeIds || []) {
            if (registry.get(id)) {
                canvas.addMarker(id, 'cf-current');
            }
        }

        return { drawn: true, steps };
    } catch (error) {
        console.warn('The diagram could not be drawn; showing the step list.', error);
        destroy();
        return { drawn: false, steps };
    }
}

export function destroy() {
    if (viewer) {
        viewer.destroy();
    }

    viewer = null;
}
