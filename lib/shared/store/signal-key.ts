// The storage.local key under which the background announces each knowledge version (see signal.ts). Alone in its
// module so the content script can watch for it without bundling the storage library.
export const KNOWLEDGE_SIGNAL = 'knowledge';
