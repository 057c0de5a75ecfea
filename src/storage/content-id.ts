/** Content ids: the same bytes always get the same id, so a file imported twice is recognised. */

/** Returns the SHA-256 of the bytes as 64 lowercase hex characters. */
export async function contentId(data: Blob | ArrayBuffer | Uint8Array): Promise<string> {
  const bytes = data instanceof Blob ? await data.arrayBuffer() : data;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
