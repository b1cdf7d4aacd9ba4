/** The read API's shared parts (project access, parameters, paging, OpenAPI); depends on api.key, api.web, body. */
package com.trackagoat.compliance.api;
