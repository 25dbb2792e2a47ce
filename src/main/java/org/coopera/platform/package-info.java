/**
 * Shared infrastructure of every module: the database (embedded or external PostgreSQL), the web
 * shell (layout, languages, errors) and the JSON list shape of the API. It knows no other module;
 * modules contribute to it through the interfaces at this package's root.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.coopera.platform;
