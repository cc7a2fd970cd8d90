// Uploads and downloads that need what HttpClient in WebAssembly does not give: upload progress (XMLHttpRequest's
// upload events) and saving an authenticated answer as a file (the bearer token rules out a plain link).

// Sends the file chosen in <input type=file> as multipart/form-data (field "file", plus the given fields) and reports
// progress in percent to .NET (OnUploadProgress). Resolves with { status, body } whatever the status.
export function upload(input, url, token, fields, dotnet) {
    const file = input.files && input.files[0];
    if (!file) {
        return Promise.resolve({ status: 0, body: '' });
    }

    const form = new FormData();
    form.append('file', file, file.name);
    for (const [name, value] of Object.entries(fields || {})) {
        if (value) {
            form.append(name, value);
        }
    }

    return new Promise(resolve => {
        const request = new XMLHttpRequest();
        request.open('POST', url);
        request.setRequestHeader('Authorization', 'Bearer ' + token);
        request.upload.onprogress = event => {
            if (event.lengthComputable) {
                dotnet.invokeMethodAsync('OnUploadProgress', Math.round(event.loaded * 100 / event.total));
            }
        };
        request.onload = () => {
            input.value = '';
            resolve({ status: request.status, body: request.responseText });
        };
        request.onerror = () => resolve({ status: 0, body: '' });
        request.send(form);
    });
}

// The name of the file chosen in the input, or '' when none.
export function chosenName(input) {
    return input.files && input.files[0] ? input.files[0].name : '';
}

// Fetches url with the token and saves the answer under the name the server gives (Content-Disposition), else
// fallbackName. Returns the HTTP status.
export async function download(url, token, fallbackName) {
    const response = await fetch(url, { headers: { Authorization: 'Bearer ' + token } });
    if (!response.ok) {
        return response.status;
    }

    const blob = await response.blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = fileName(response.headers.get('Content-Disposition')) || fallbackName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    return response.status;
}

function fileName(disposition) {
    if (!disposition) {
        return null;
    }

    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
    if (encoded) {
        return decodeURIComponent(encoded[1]);
    }

    const plain = /filename="?([^";]+)"?/i.exec(disposition);
    return plain ? plain[1] : null;
}
