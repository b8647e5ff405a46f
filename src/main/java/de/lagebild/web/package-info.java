/**
 * The shell every page lives in: layout and navigation, the start pages, and turning errors into
 * German pages or RFC 9457 problem responses. It holds no domain data of its own.
 */
@ApplicationModule(displayName = "Web")
package de.lagebild.web;

import org.springframework.modulith.ApplicationModule;
