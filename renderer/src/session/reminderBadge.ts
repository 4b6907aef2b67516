import { create } from 'zustand';
import { api } from '../api/client';
import { registerReset } from '../common/resetRegistry';

interface BadgeState {
  /** Overdue, today and this week for the signed-in user; null until first read. */
  count: number | null;
  refresh(): void;
}

export const useReminderBadge = create<BadgeState>()((set) => ({
  count: null,
  refresh() {
    api('reminders.badge', {})
      .then(({ count }) => set({ count }))
      // A failed read keeps the last number; the next navigation or minute tries again.
      .catch(() => undefined);
  },
}));

registerReset(() => useReminderBadge.setState({ count: null }));
