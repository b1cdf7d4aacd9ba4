/** Compliance read endpoints, live and snapshot-backed; depends on api, api.key, report, body, evaluation. */
package com.trackagoat.compliance.api.compliance;
