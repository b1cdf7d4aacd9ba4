/** The payout-eligibility endpoint; depends on api, api.key, body, evaluation. */
package com.trackagoat.compliance.api.payout;
