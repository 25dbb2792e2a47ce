/**
 * The treaty system (paras 94-97): which State is bound by which of the 18 instruments since when,
 * and its acceptance of the individual communications and inquiry procedures, reconciled from
 * public sources that do not always agree; the reports each State party owes the treaty bodies and
 * where they stand; the individual communications the bodies register and decide, against the
 * weekly target the administrators set.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Treaties")
package org.coopera.treaties;
