import type { Host } from './host';

/** The plain-browser shell: files go to Downloads, come from a file picker; print uses the print dialog. */
export function createBrowserHost(appVersion: string): Host {
  return {
    kind: 'browser',
    async saveFile({ suggestedName, content, filters }) {
      const type = filters.some((f) => f.extensions.includes('json')) ? 'application/json' : 'text/plain';
      const url = URL.createObjectURL(new Blob([content], { type }));
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
