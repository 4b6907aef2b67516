/** How long a search box waits after the last keystroke before it asks the core (every search box). */
export const SEARCH_DEBOUNCE_MS = 200;
