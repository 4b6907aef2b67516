import { AreaRoutes } from '../common/areaRoutes';
import { ReminderBoard } from './ReminderBoard';

/** The reminders area's own routes, under /reminders: the board alone. */
export function RemindersArea() {
  return <AreaRoutes index={ReminderBoard} />;
}
