/**
 * The workspace of a State's national mechanism for reporting and follow-up: the institutions that
 * carry out the recommendations and their focal points (more to come: assignment, actions,
 * indicators, progress updates, review, reports). A State's workspace is seen only by that State's
 * officials and by administrators.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Implementation")
package org.coopera.implementation;
