/**
 * The capacity-building portal: the roster of trainers (listed with their consent, their personal
 * details for themselves, administrators and agency officers only), training events with their
 * participants, learning gain and the certification of trainers, the figures of officials trained
 * and States reached, and the resource library.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Capacity")
package org.coopera.capacity;
