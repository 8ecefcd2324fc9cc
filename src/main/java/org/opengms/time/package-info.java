/**
 * Time: {@link org.opengms.time.ServerClock}, the business time engines read (statistics ages,
 * callback schedules, office hours), which admins may move in test and demo installations ({@code
 * /1/admin/clock} in {@code admin}, {@code [server] clock_control}); {@link
 * org.opengms.time.Timestamps} (ISO-8601 in and out); and {@link org.opengms.time.TimerTick}, which
 * every repeating timer runs its work through. Any package may use both; stored times and TTLs use
 * the wall clock instead (docs/architecture.md, "Which clock is which").
 */
package org.opengms.time;
