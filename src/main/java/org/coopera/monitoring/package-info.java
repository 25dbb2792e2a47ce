/**
 * Monitoring (paras 95-100, 102, 110): the dashboards that measure the system by its figures, for
 * the world, a region, a group of States or one State, each figure with its data table, its CSV and
 * its JSON under {@code /api/v1/stats}. A module contributes a {@link Dashboard}; the pages, the
 * downloads and the API are the same for all.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Monitoring")
package org.coopera.monitoring;
