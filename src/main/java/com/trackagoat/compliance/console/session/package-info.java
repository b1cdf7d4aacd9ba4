/** The console's sign-in sessions (cookie, store, CSRF token) and the guard of its paths; depends on api.key, system. */
package com.trackagoat.compliance.console.session;
