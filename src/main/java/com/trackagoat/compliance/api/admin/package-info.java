/** The admin API (admin keys only): run history, resume, rerun, backfill, the admin actions' record; depends on api, api.key, snapshot.*, body. */
package com.trackagoat.compliance.api.admin;
