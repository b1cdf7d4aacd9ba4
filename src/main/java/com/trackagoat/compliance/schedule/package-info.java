/** The serve mode: Quartz ticks that run catch-up, health and lag indicators; depends on snapshot.catchup and below. */
package com.trackagoat.compliance.schedule;
