// The task-form editor: form-js's editor (window.FormEditor, the UMD bundle of @bpmn-io/form-js 1.23 copied into
// lib/form-js by CaseFlow.Designer.csproj), loaded the first time a legal officer edits a form. The schema it saves
// goes into the user task's <caseflow:form>; the server validates it with the draft.

let bundle = null;
let editor = null;

export function loadBundle() {
    if (window.FormEditor) {
        return Promise.resolve();
    }

    bundle = bundle || new Promise((resolve, reject) => {
        for (const css of ['form-js.css', 'form-js-editor.css', 'properties-panel.css']) {
            const link = document.createElement('link');
            link.rel = 'stylesheet';
            link.href = 'lib/form-js/' + css;
            document.head.appendChild(link);
        }

        const script = document.createElement('script');
        script.src = 'lib/form-js/form-editor.umd.js';
        script.onload = () => resolve();
        script.onerror = () => reject(new Error('lib/form-js/form-editor.umd.js did not load'));
        document.head.appendChild(script);
    });
    return bundle;
}

// Opens the editor in the container with the schema (JSON text). Returns null, or the import error's message.
export async function open(container, json) {
    await loadBundle();
    close();
    try {
        editor = await window.FormEditor.createFormEditor({ container, schema: JSON.parse(json) });
        return null;
    } catch (error) {
        return String(error.message || error);
    }
}

// The schema as the editor has it now, as JSON text.
export function schema() {
    return editor ? JSON.stringify(editor.saveSchema(), null, 2) : null;
}

export function close() {
    if (editor) {
        editor.destroy();
    }

    editor = null;
}

// Reads the text of the file chosen in <input type=file> ('' when none).
export function readFile(input) {
    const file = input.files && input.files[0];
    if (!file) {
        return Promise.resolve('');
    }

    return file.text().then(text => {
        input.value = '';
        return text;
    });
}

// Saves text as a file download (a form-js .form file).
export function download(name, text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
}
