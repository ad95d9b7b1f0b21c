// What the extension's pages and scripts share: the API object, and names in storage.

/** `browser` in Firefox, `chrome` in Chrome: the same calls, promise-based in both for MV3. */
export function extensionApi() {
  return globalThis.browser ?? globalThis.chrome;
}

/** Content scripts registered for automatic runs are named by this prefix and the origin pattern. */
export const AUTO_PREFIX = 'auto:';
