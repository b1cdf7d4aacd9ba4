/** API keys: store, authenticating request filter, the api-key command's work; depends on api.web. */
package com.trackagoat.compliance.api.key;
