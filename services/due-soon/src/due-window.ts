/**
 * The due dates that count as "due soon" at `now` for a window of `hours`: from today (UTC) to
 * the day `now + hours` falls on. Todos carry a date, not a time, so a todo due today is always
 * in the window and one due the day the window ends is in it too.
 */
export function dueWindow(now: Date, hours: number): { readonly from: string; readonly to: string } {
  const day = (date: Date) => date.toISOString().slice(0, 10);
  return { from: day(now), to: day(new Date(now.getTime() + hours * 3_600_000)) };
}

/** When a marker for a todo due on `dueDate` may go: two days after, when no run can look at it. */
export const markerExpiry = (dueDate: string): Date =>
  new Date(Date.parse(`${dueDate}T00:00:00Z`) + 2 * 86_400_000);
