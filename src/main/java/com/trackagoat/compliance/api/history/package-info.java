/** The snapshot history endpoint; depends on api, api.key, body, evaluation. */
package com.trackagoat.compliance.api.history;
