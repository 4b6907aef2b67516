// Channel names shared by main and preload. Kept apart from both so neither bundles the other.
export const INVOKE_CHANNEL = 'sunward:invoke';
export const EVENT_CHANNEL = 'sunward:event';
