/**
 * Technical assistance, owned by the requesting State: requests with the State's ranked priorities
 * and consent, the providers addressed, offers matched to requests (never the reverse), needs
 * assessments, and the projects that answer an accepted request with their activities, results
 * framework and evaluations. No project exists without the State's submitted request; a withdrawn
 * consent suspends its projects.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assistance")
package org.coopera.assistance;
