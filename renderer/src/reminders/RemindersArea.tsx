import { Route, Routes } from 'react-router';
import { ReminderBoard } from './ReminderBoard';

/** The reminders area's own routes, under /reminders. */
export function RemindersArea() {
  return (
    <Routes>
      <Route index element={<ReminderBoard />} />
    </Routes>
  );
}
