/**
 * Time: {@link org.opengms.time.ServerClock}, the business time engines read (statistics ages,
 * callback schedules, office hours), which admins may move in test and demo installations ({@code
 * /1/admin/clock}, {@code [server] clock_control}); and {@link org.opengms.time.TimerTick}, which
 * every repeating timer runs its work through. Any package may use both; stored times and TTLs use
 * the wall clock instead (docs/architecture.md, "Which clock is which").
 */
package org.opengms.time;
