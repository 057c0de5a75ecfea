/** Saving generated text as a file the user downloads. */

/** Offers `text` as a download named `fileName` with the given MIME type. */
export function downloadText(text: string, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  // The click has started the download; the URL may go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
