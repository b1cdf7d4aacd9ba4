/** Web plumbing under every API package: error envelopes, request firewall, error pages; depends on body. */
package com.trackagoat.compliance.api.web;
