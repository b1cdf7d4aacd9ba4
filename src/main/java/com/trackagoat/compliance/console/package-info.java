/**
 * The operators' console ({@code /console}): server-rendered pages over the run history and the admin actions;
 * depends on console.session, api.admin, api, snapshot.runs, snapshot.catchup and below (source, evaluation).
 */
package com.trackagoat.compliance.console;
