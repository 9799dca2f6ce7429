// HTML escaping, shared by the store's marked pages and the app's pages.
/** Text as HTML text or attribute value. */
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
