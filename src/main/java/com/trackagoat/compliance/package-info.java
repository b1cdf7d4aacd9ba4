/** Application class; packages by capability, arrows one way: rules at the bottom, the ways in on top. */
package com.trackagoat.compliance;
