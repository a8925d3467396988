import type { Host, SaveFileRequest } from './host';

/** The media type a download is labelled with, from the first filter's extension. */
const MEDIA_TYPES: Record<string, string> = {
  json: 'application/json',
  csv: 'text/csv',
  ics: 'text/calendar',
  html: 'text/html',
  xml: 'application/xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export function downloadMediaType(filters: SaveFileRequest['filters']): string {
  for (const extension of filters.flatMap((f) => f.extensions)) {
    const type = MEDIA_TYPES[extension.toLowerCase()];
    if (type) return type;
  }
  return 'application/octet-stream';
}

/** The plain-browser shell: files go to Downloads, come from a file picker; print uses the print dialog. */
export function createBrowserHost(appVersion: string): Host {
  return {
    kind: 'browser',
    async saveFile({ suggestedName, content, filters }) {
      // A copy of the bytes: a Blob may not be built on a view of a shared or resizable buffer.
      const part = typeof content === 'string' ? content : new Uint8Array(content);
      const url = URL.createObjectURL(new Blob([part], { type: downloadMediaType(filters) }));
      try {
        const link = document.createElement('a');
        link.href = url;
        link.download = suggestedName;
        link.rel = 'noopener';
        document.body.append(link);
        link.click();
        link.remove();
      } finally {
        // The download has started from the click; revoke after the browser has read the blob.
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }
      return { status: 'saved', location: `your Downloads folder as ${suggestedName}` };
    },
    openFile({ filters }) {
      return new Promise((resolve, reject) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
        input.hidden = true;
        document.body.append(input);
        input.addEventListener('cancel', () => {
          input.remove();
          resolve({ status: 'cancelled' });
        });
        input.addEventListener('change', () => {
          input.remove();
          const file = input.files?.[0];
          if (!file) {
            resolve({ status: 'cancelled' });
            return;
          }
          file.text().then((content) => resolve({ status: 'opened', name: file.name, content }), reject);
        });
        input.click();
      });
    },
    async printToPdf() {
      window.print();
      return { status: 'saved', location: 'the print dialog' };
    },
    async appInfo() {
      return { name: 'Roadmap Planner', version: appVersion, platform: navigator.userAgent, userDataPath: 'this browser profile' };
    },
  };
}
