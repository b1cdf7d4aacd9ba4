/** The response bodies as records: the seed page's envelope, goal, advisory and freshness, written by Jackson. */
package com.trackagoat.compliance.body;
